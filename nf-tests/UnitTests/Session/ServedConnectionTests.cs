using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// A connection that subscribed, announced and served for a while is not a flap, however short: a
    /// broker that restarts gets the device back from the initial delay, not after a growing one.
    /// </summary>
    [TestClass]
    public class ServedConnectionTests
    {
        [TestMethod]
        public void Only_connections_that_did_not_serve_are_flaps()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(1000, 60000, 10000, 8);
            Assert.IsTrue(backoff.IsFlap(5000, false), "never got through its announcement");
            Assert.IsFalse(backoff.IsFlap(5000, true), "served 5 s: a broker restart");
            Assert.IsTrue(backoff.IsFlap(ReconnectBackoff.ServedMs - 1, true), "kicked right after announcing");
            Assert.IsFalse(backoff.IsFlap(10000, false), "outlived the flap window");
        }

        [TestMethod]
        public void Served_connections_lost_again_and_again_reconnect_from_the_initial_delay()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(1000, 60000, 10000, 8);
            for (int i = 0; i < 20; i++)
            {
                int delay = backoff.NextDelayAfterLoss(5000, true);
                Assert.IsTrue(delay >= ReconnectBackoff.FloorMs && delay <= 1000, "restart " + i.ToString() + ": " + delay.ToString() + " ms");
                Assert.AreEqual(0, backoff.Flaps);
            }
            backoff.NextDelayAfterLoss(5000, false);
            Assert.AreEqual(4000, backoff.CurrentCeilingMs, "a connection that never served still backs off two steps");
        }
    }
}
