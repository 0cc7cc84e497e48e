using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    /// <summary>
    /// FastBee answers no report, so the outcome of each comes from the broker: Acknowledged on its PUBACK
    /// at QoS 1, TimedOut without one, Sent at QoS 0 — one per report, with the id the app got.
    /// </summary>
    [TestClass]
    public class FastBeeOutcomeTests
    {
        private static FastBeeDevice Started(MqttQos qos)
        {
            FastBeeOptions options = FastBeeDevice.Options();
            options.PublishQos = qos;
            return new FastBeeDevice(options).Start();
        }

        [TestMethod]
        public void Reports_and_events_at_qos_1_are_acknowledged_by_their_puback()
        {
            FastBeeDevice device = Started(MqttQos.AtLeastOnce);
            try
            {
                long properties;
                long evt;
                long remarked;
                long events;
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 27.43), out properties));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportEvent("height_temperature", new PropertyReport(1).Add("t", 40L), out evt));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.ReportEvent("exception", "error text", "device error", out remarked));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportEvent(null, new PropertyReport(1).Add("alarm", 1L), out events));
                long[] ids = new long[] { properties, evt, remarked, events };
                for (int i = 0; i < ids.Length; i++)
                {
                    Assert.AreEqual((int)OutcomeStatus.Acknowledged, (int)device.Rig.OutcomeOf(ids[i]).Status, "report " + i.ToString());
                    Assert.AreEqual(0, device.Rig.OutcomeOf(ids[i]).Code);
                    for (int j = 0; j < i; j++)
                    {
                        Assert.AreNotEqual(ids[j], ids[i], "each report its own id");
                    }
                }
                Assert.AreEqual(4, device.Rig.Outcomes.Count, "one outcome each, and nothing for info/post");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_report_without_a_puback_times_out_after_the_request_timeout()
        {
            FastBeeDevice device = Started(MqttQos.AtLeastOnce);
            try
            {
                device.Transport.AutoAck = false;
                long id;
                device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 27.43), out id);
                Waits.Until(() => device.Count("property/post") == 1, "the report is out");
                device.Rig.Advance(device.Rig.Session.Options.RequestTimeoutMs - 1);
                Assert.IsNull(device.Rig.Find(id), "not before its deadline");
                device.Rig.Advance(1);
                Outcome outcome = device.Rig.OutcomeOf(id);
                Assert.AreEqual((int)OutcomeStatus.TimedOut, (int)outcome.Status);
                Assert.AreEqual(1, device.Rig.Outcomes.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Reports_at_qos_0_are_sent_and_nothing_more_is_known()
        {
            FastBeeDevice device = Started(MqttQos.AtMostOnce);
            try
            {
                long properties;
                long evt;
                device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 27.43), out properties);
                device.Client.ReportEvent("height_temperature", null, out evt);
                Assert.AreEqual((int)OutcomeStatus.Sent, (int)device.Rig.OutcomeOf(properties).Status);
                Assert.AreEqual((int)OutcomeStatus.Sent, (int)device.Rig.OutcomeOf(evt).Status);
                Assert.AreEqual("[{\"id\":\"height_temperature\",\"value\":\"\",\"remark\":\"\"}]", device.Last("event/post"));
                device.Rig.Advance(device.Rig.Session.Options.RequestTimeoutMs);
                Assert.AreEqual(2, device.Rig.Outcomes.Count, "no timeout follows a QoS 0 report");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_report_refused_before_sending_has_no_id_and_no_outcome()
        {
            FastBeeOptions options = FastBeeDevice.Options();
            options.MaxMessageBytes = 256;
            FastBeeDevice device = new FastBeeDevice(options).Start();
            try
            {
                long id;
                string text = "0123456789012345678901234567890123456789012345678901234567890123456789";
                PropertyReport large = new PropertyReport(4).Add("a", text).Add("b", text).Add("c", text).Add("d", text);
                Assert.AreEqual((int)SendResult.TooLarge, (int)device.Client.ReportProperties(large, out id));
                Assert.AreEqual(0L, id);
                Assert.AreEqual(0, device.Count("property/post"));
                Assert.AreEqual(0, device.Rig.Outcomes.Count);
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
