using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>attributes_push: each attribute to its handler, the values now in effect confirmed on attributes.</summary>
    [TestClass]
    public class EztCloudPushTests
    {
        [TestMethod]
        public void Handler_output_is_what_gets_confirmed()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Client.OnPropertySet("target", c =>
                {
                    double wanted;
                    c.Value.TryGetDouble(out wanted);
                    c.Output.Add("target", wanted > 30 ? 30.0 : wanted);
                });
                device.Deliver("attributes_push", "{\"target\":45.5}");
                Assert.AreEqual("{\"target\":30.0}", device.Last("attributes"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Several_attributes_are_confirmed_in_one_report_and_failures_are_left_out()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Client.OnPropertySet("mode", c => { });
                device.Client.OnPropertySet("level", c => { c.Code = CommandContext.InvalidParameters; c.Message = "too high"; });
                device.Client.OnPropertySet("color", c => { });
                device.Deliver("attributes_push", "{\"mode\":\"auto\",\"level\":99,\"color\":{\"r\":1,\"g\":2},\"unknown\":1}");
                Assert.AreEqual(1, device.CountOn("attributes"));
                Assert.AreEqual("{\"mode\":\"auto\",\"color\":{\"r\":1,\"g\":2}}", device.Last("attributes"));
                Assert.IsTrue(device.Logged("no handler for pushed attribute"));
                Assert.IsTrue(device.Logged("pushed attribute 'level' not applied (460): too high"));
                Assert.IsTrue(device.Logged("no handler for pushed attribute 'unknown'"));
                Assert.AreEqual(0L, device.Session.Counters.Rejected, "partly handled is not a rejection");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Confirmations_beyond_one_report_go_out_in_the_next_and_none_is_lost()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                // Two attributes whose handlers each put 20 values in effect: 40 keys, more than one merged report holds (32).
                device.Client.OnPropertySet("a", c => FillOutput(c, "a"));
                device.Client.OnPropertySet("b", c => FillOutput(c, "b"));
                device.Deliver("attributes_push", "{\"a\":1,\"b\":2}");
                Assert.AreEqual(2, device.CountOn("attributes"));
                string reports = string.Empty;
                for (int i = 0; i < device.Transport.Count; i++)
                {
                    if (device.Transport.TopicAt(i) == EztDevice.Topic("attributes"))
                    {
                        reports += device.Transport.TextAt(i);
                    }
                }
                for (int i = 0; i < 20; i++)
                {
                    foreach (string prefix in new[] { "a", "b" })
                    {
                        string pair = "\"" + prefix + i.ToString() + "\":" + i.ToString();
                        int at = reports.IndexOf(pair);
                        Assert.IsTrue(at >= 0 && reports.IndexOf(pair, at + 1) < 0, pair + " is confirmed once: " + reports);
                    }
                }
                Assert.IsTrue(device.Last("attributes").IndexOf("\"a") < 0, "the values that did not fit go out in the second report");
                Assert.AreEqual(0L, device.Session.Counters.Rejected);
            }
            finally
            {
                device.Stop();
            }
        }

        private static void FillOutput(CommandContext command, string prefix)
        {
            for (int i = 0; i < 20; i++)
            {
                command.Output.Add(prefix + i.ToString(), (long)i);
            }
        }

        [TestMethod]
        public void A_value_too_large_to_confirm_is_logged_and_no_empty_confirmation_goes_out()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Client.OnPropertySet(null, c => { });
                string large = new string('x', 2100);
                device.Deliver("attributes_push", "{\"note\":\"" + large + "\",\"level\":3}");
                Assert.AreEqual(1, device.CountOn("attributes"));
                Assert.AreEqual("{\"level\":3}", device.Last("attributes"));
                Assert.IsTrue(device.Logged("attribute 'note' is too large to confirm"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_push_nothing_handles_is_rejected()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Deliver("attributes_push", "{\"switch\":false}");
                Assert.AreEqual(0, device.CountOn("attributes"));
                Assert.Contains(((int)RejectReason.NoHandler).ToString() + "|no handler for pushed attribute 'switch'", device.LastRejection());
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Malformed_pushes_are_rejected()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                int runs = 0;
                device.Client.OnPropertySet(null, c => runs++);
                device.Deliver("attributes_push", "switch=false");
                device.Deliver("attributes_push", "[false]");
                device.Deliver("attributes_push", "{\"switch\":" + EztCloudCommandTests.HugeArray(1000) + "}");
                device.Deliver("attributes_push", "{\"a\":" + Nested(20) + "}");
                Assert.AreEqual(0, runs);
                Assert.AreEqual(4L, device.Session.Counters.Rejected);
                Assert.Contains("invalid JSON", device.LastRejection());
            }
            finally
            {
                device.Stop();
            }
        }

        private static string Nested(int depth)
        {
            string text = "1";
            for (int i = 0; i < depth; i++)
            {
                text = "[" + text + "]";
            }
            return text;
        }
    }
}
