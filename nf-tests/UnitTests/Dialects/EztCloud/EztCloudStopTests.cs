using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>Stop ends the coalescing wait; the values it held go out with the next connection's announcement.</summary>
    [TestClass]
    public class EztCloudStopTests
    {
        private const int Interval = 300;

        [TestMethod]
        public void Merged_values_are_not_sent_after_stop_and_wait_for_the_next_start()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.MinReportIntervalMs = Interval;
            options.FirmwareVersion = "1.0.0";
            // QoS 1: a send after Stop would land in the outbox, where the test sees it.
            options.PublishQos = MqttQos.AtLeastOnce;
            EztDevice device = EztDevice.Started(options, 1);
            long first, second;
            device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 1.0), out first);
            device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 2.5), out second);
            Assert.AreEqual(2, device.Dialect.Counters.Coalesced, "both within the interval after the announcement's report: they wait");
            Assert.AreEqual(first, second);

            device.Stop();
            device.Rig.Advance(Interval * 2);
            Assert.AreEqual(0, device.Session.OutboxCount, "nothing queued behind the app's back");
            Assert.IsNull(device.Rig.Find(first), "no outcome yet: the values were not sent");

            device.Transport.Clear();
            device.Client.Start();
            try
            {
                device.RunUntil(() => device.CountOn("attributes") == 1, "the announcement after the restart");
                Assert.AreEqual("{\"temperature\":2.5,\"version\":\"1.0.0\"}", device.Last("attributes"), "the held value went out with the version");
                Assert.AreEqual(1, device.CountOn("attributes"), "sent once");
                Assert.AreEqual((int)OutcomeStatus.Acknowledged, (int)device.OutcomeOf(first).Status, "the merged reports' outcome, by PUBACK");
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
