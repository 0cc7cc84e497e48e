using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Session;
using IotDevice.Transport;
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
                long start = SystemClock.Instance.NowMs;
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 1.0)));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(2).Add("temperature", 2.0).Add("light", 5L)));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 3.5)));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("switch", true)));
                Assert.AreEqual(1, device.CountOn("attributes"), "only the first went out at once");
                Assert.AreEqual("{\"temperature\":1.0}", device.Last("attributes"));
                Assert.AreEqual(3L, device.Dialect.Counters.Coalesced);

                EztDevice.WaitFor(() => device.CountOn("attributes") == 2, "the merged report");
                long waited = SystemClock.Instance.NowMs - start;
                Assert.IsTrue(waited >= Interval - 20, "sent after " + waited.ToString() + " ms, before the interval");
                Assert.AreEqual("{\"temperature\":3.5,\"light\":5,\"switch\":true}", device.Last("attributes"));
                Assert.AreEqual(2L, device.Dialect.Counters.AttributeReports);
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
                Assert.AreEqual(0L, device.Dialect.Counters.Coalesced);
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
                EztDevice.WaitFor(() => device.CountOn("attributes") == 3, "the rest after the interval");
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
                Assert.AreEqual(39L, device.Dialect.Counters.Coalesced);
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
                EztDevice.WaitFor(() => device.CountOn("attributes") == 2, "the merged report");
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
                EztDevice.WaitFor(() => device.Logged("merged attribute(s) wait for the connection"), "the timer finds the link down");
                Assert.AreEqual(1, device.CountOn("attributes"));

                device.Transport.NextConnectResult = MqttConnectResult.Accepted;
                EztDevice.WaitFor(() => device.CountOn("attributes") == 2, "sent with the version after the reconnect");
                Assert.AreEqual("{\"a\":1,\"version\":\"1.0.0\"}", device.Last("attributes"));
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
