using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>MinReportIntervalMs: reports in between are merged (latest value wins), never dropped.</summary>
    [TestClass]
    public class EztCloudCoalescingTests
    {
        private const int Interval = 600;

        private static EztCloudOptions Limited()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.MinReportIntervalMs = Interval;
            return options;
        }

        [TestMethod]
        public void Reports_within_the_interval_go_out_as_one_merged_report()
        {
            EztDevice device = EztDevice.Started(Limited(), 0);
            try
            {
                long start = device.Rig.Clock.NowMs;
                long sentAt = 0;
                long first, second, third, fourth;
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 1.0), out first));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(2).Add("temperature", 2.0).Add("light", 5L), out second));
                device.Client.Outcome += o => { if (o.Id == second) { sentAt = device.Rig.Clock.NowMs; } };
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 3.5), out third));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("switch", true), out fourth));
                Assert.AreEqual(1, device.CountOn("attributes"), "only the first went out at once");
                Assert.AreEqual("{\"temperature\":1.0}", device.Last("attributes"));
                Assert.AreEqual(3, device.Dialect.Counters.Coalesced);
                Assert.AreNotEqual(first, second);
                Assert.AreEqual(second, third, "merged reports share the id of the message they go out in");
                Assert.AreEqual(second, fourth);

                device.Rig.Advance(Interval / 2);
                device.AdvanceUntil(Interval / 2, () => device.CountOn("attributes") == 2, "the merged report");
                Assert.IsTrue(sentAt - start >= Interval, "sent " + (sentAt - start).ToString() + " ms after the first, before the interval");
                Assert.AreEqual("{\"temperature\":3.5,\"light\":5,\"switch\":true}", device.Last("attributes"));
                Assert.AreEqual((int)OutcomeStatus.Sent, (int)device.OutcomeOf(second).Status);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Without_an_interval_every_report_goes_out_at_once()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                for (int i = 0; i < 3; i++)
                {
                    device.Client.ReportProperties(new PropertyReport(1).Add("n", (long)i));
                }
                Assert.AreEqual(3, device.CountOn("attributes"));
                Assert.AreEqual(0, device.Dialect.Counters.Coalesced);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_full_merge_buffer_is_sent_early_and_nothing_is_lost()
        {
            EztDevice device = EztDevice.Started(Limited(), 0);
            try
            {
                for (int i = 0; i < 40; i++)
                {
                    device.Client.ReportProperties(new PropertyReport(1).Add("k" + i.ToString(), (long)i));
                }
                Assert.AreEqual(2, device.CountOn("attributes"), "the first at once, 32 merged ones early when the 33rd did not fit");
                device.AdvanceUntil(Interval, () => device.CountOn("attributes") == 3, "the rest after the interval");
                string all = "";
                for (int i = 0; i < device.Transport.Count; i++)
                {
                    all += device.Transport.TextAt(i);
                }
                for (int i = 0; i < 40; i++)
                {
                    string member = "\"k" + i.ToString() + "\":" + i.ToString();
                    Assert.IsTrue(all.IndexOf(member + ",") >= 0 || all.IndexOf(member + "}") >= 0, member + " was lost: " + all);
                }
                Assert.AreEqual(39, device.Dialect.Counters.Coalesced);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_value_too_large_to_merge_goes_out_at_once()
        {
            EztDevice device = EztDevice.Started(Limited(), 0);
            try
            {
                device.Client.ReportProperties(new PropertyReport(1).Add("a", 1L));
                device.Client.ReportProperties(new PropertyReport(1).Add("blob", new string('x', 3000)));
                Assert.AreEqual(2, device.CountOn("attributes"));
                Assert.AreEqual(3011, device.Last("attributes").Length);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Push_confirmations_merge_with_app_reports()
        {
            EztDevice device = EztDevice.Started(Limited(), 0);
            try
            {
                device.Client.OnPropertySet("switch", c => { });
                device.Client.ReportProperties(new PropertyReport(1).Add("light", 1L));
                device.Deliver("attributes_push", "{\"switch\":false}");
                device.Client.ReportProperties(new PropertyReport(1).Add("light", 2L));
                device.AdvanceUntil(Interval, () => device.CountOn("attributes") == 2, "the merged report");
                Assert.AreEqual("{\"switch\":false,\"light\":2}", device.Last("attributes"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Merged_values_due_while_offline_go_out_after_the_reconnect()
        {
            EztCloudOptions options = Limited();
            options.FirmwareVersion = "1.0.0";
            EztDevice device = EztDevice.Started(options, 1);
            try
            {
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("a", 1L)));
                device.Transport.NextConnectResult = MqttConnectResult.NetworkError;
                device.Transport.Drop();
                Waits.Until(() => !device.Session.IsConnected, "the session sees the link down");
                device.AdvanceUntil(Interval, () => device.Logged("merged attribute(s) wait for the connection"), "the wait finds the link down");
                Assert.AreEqual(1, device.CountOn("attributes"));

                device.Transport.NextConnectResult = MqttConnectResult.Accepted;
                device.RunUntil(() => device.CountOn("attributes") == 2, "sent with the version after the reconnect");
                Assert.AreEqual("{\"a\":1,\"version\":\"1.0.0\"}", device.Last("attributes"));
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
