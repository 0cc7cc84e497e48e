using System;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    [TestClass]
    public class ReconnectBackoffTests
    {
        [TestMethod]
        public void Ceiling_doubles_per_failure_up_to_the_cap()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(1000, 60000, 10000, 42);
            int[] ceilings = new int[] { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000 };
            for (int i = 0; i < ceilings.Length; i++)
            {
                Assert.AreEqual(ceilings[i], backoff.CurrentCeilingMs, "ceiling before attempt " + i.ToString());
                int delay = backoff.NextDelayAfterFailure();
                Assert.IsTrue(delay >= ReconnectBackoff.FloorMs && delay <= ceilings[i], "delay " + delay.ToString() + " within [floor, " + ceilings[i].ToString() + "]");
            }
        }

        [TestMethod]
        public void Delays_are_jittered_across_the_whole_range()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(1000, 8000, 10000, 7);
            for (int i = 0; i < 3; i++)
            {
                backoff.NextDelayAfterFailure();
            }
            // Ceiling is now 8000: draws must spread over it, not cluster at one value.
            int low = 0;
            int high = 0;
            for (int i = 0; i < 200; i++)
            {
                ReconnectBackoff probe = new ReconnectBackoff(1000, 8000, 10000, i + 1);
                probe.NextDelayAfterFailure();
                probe.NextDelayAfterFailure();
                probe.NextDelayAfterFailure();
                int delay = probe.NextDelayAfterFailure();
                if (delay < 4000)
                {
                    low++;
                }
                else
                {
                    high++;
                }
            }
            Assert.IsTrue(low > 40 && high > 40, "jitter spreads: " + low.ToString() + " low, " + high.ToString() + " high");
        }

        [TestMethod]
        public void A_healthy_connection_resets_the_growth()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(1000, 60000, 10000, 3);
            backoff.NextDelayAfterFailure();
            backoff.NextDelayAfterFailure();
            backoff.NextDelayAfterFailure();
            Assert.AreEqual(8000, backoff.CurrentCeilingMs);
            int delay = backoff.NextDelayAfterLoss(60000);
            Assert.IsTrue(delay <= 1000, "first delay after a healthy connection is under the initial ceiling");
            Assert.AreEqual(1000, backoff.CurrentCeilingMs);
            Assert.AreEqual(0, backoff.Flaps);
        }

        [TestMethod]
        public void A_flapping_connection_backs_off_harder()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(1000, 60000, 10000, 5);
            backoff.NextDelayAfterLoss(500);
            Assert.AreEqual(4000, backoff.CurrentCeilingMs, "one flap moves two steps");
            backoff.NextDelayAfterLoss(200);
            Assert.AreEqual(16000, backoff.CurrentCeilingMs, "two flaps move four steps");
            Assert.AreEqual(2, backoff.Flaps);
            backoff.NextDelayAfterLoss(10000);
            Assert.AreEqual(1000, backoff.CurrentCeilingMs, "a connection that lasted the flap window is healthy");
        }

        [TestMethod]
        public void Same_seed_gives_the_same_delays()
        {
            ReconnectBackoff a = new ReconnectBackoff(1000, 60000, 10000, 99);
            ReconnectBackoff b = new ReconnectBackoff(1000, 60000, 10000, 99);
            for (int i = 0; i < 10; i++)
            {
                Assert.AreEqual(a.NextDelayAfterFailure(), b.NextDelayAfterFailure());
            }
        }

        [TestMethod]
        public void Nonsense_limits_are_refused()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => new ReconnectBackoff(10, 1000, 0, 1));
            Assert.ThrowsException(typeof(ArgumentException), () => new ReconnectBackoff(5000, 1000, 0, 1));
        }
    }
}
