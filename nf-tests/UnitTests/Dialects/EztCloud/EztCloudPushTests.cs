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
