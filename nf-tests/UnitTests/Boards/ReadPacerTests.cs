using IotDevice.Boards;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Boards
{
    [TestClass]
    public class ReadPacerTests
    {
        [TestMethod]
        public void The_first_read_waits_a_full_interval_after_opening()
        {
            ReadPacer pacer = new ReadPacer(2000, 1000);
            Assert.AreEqual(2000L, pacer.WaitMs(1000));
            Assert.IsFalse(pacer.TryStart(2999));
            Assert.AreEqual(1L, pacer.WaitMs(2999));
            Assert.IsTrue(pacer.TryStart(3000));
        }

        [TestMethod]
        public void A_read_too_soon_is_refused_and_does_not_restart_the_interval()
        {
            ReadPacer pacer = new ReadPacer(2000, 0);
            Assert.IsTrue(pacer.TryStart(2000));
            Assert.IsFalse(pacer.TryStart(3500));
            Assert.AreEqual(500L, pacer.WaitMs(3500));
            Assert.IsTrue(pacer.TryStart(4000));
            Assert.AreEqual(0L, pacer.WaitMs(9000));
        }
    }
}
