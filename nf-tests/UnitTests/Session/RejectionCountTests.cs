using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>Rejections are counted per reason, and the reasons add up to the total.</summary>
    [TestClass]
    public class RejectionCountTests
    {
        [TestMethod]
        public void Each_rejection_is_counted_under_its_reason()
        {
            FakeTransport transport = new FakeTransport();
            TestDialect dialect = new TestDialect();
            SessionOptions options = new SessionOptions();
            options.MaxInboundBytes = 64;
            options.RandomSeed = 6;
            options.Clock = new ManualClock();
            DeviceSession session = new DeviceSession(transport, dialect, options);
            Waits.Announced(session);
            try
            {
                transport.Deliver("down/device-1/big", new byte[65]);
                transport.DeliverOversized("down/device-1/huge", 300000);
                dialect.ThrowOnMessage = true;
                transport.Deliver("down/device-1/boom", new byte[1]);
                session.Reject("down/device-1/x", RejectReason.NoHandler, "no handler for 'x'");

                Assert.AreEqual(2L, session.Counters.RejectedFor(RejectReason.Oversized));
                Assert.AreEqual(1L, session.Counters.RejectedFor(RejectReason.HandlerFailed));
                Assert.AreEqual(1L, session.Counters.RejectedFor(RejectReason.NoHandler));
                Assert.AreEqual(0L, session.Counters.RejectedFor(RejectReason.BadPayload));
                Assert.AreEqual(4L, session.Counters.Rejected);
                Assert.AreEqual(3L, session.Counters.MessagesIn, "the skipped message came in too, by its size");
            }
            finally
            {
                session.Stop();
            }
        }
    }
}
