using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// Rejections are counted per reason, and the reasons add up to the total; the app hears of them,
    /// and of the log, through events that each take and let go of handlers on their own.
    /// </summary>
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

        [TestMethod]
        public void An_event_takes_several_handlers_and_lets_each_go_on_its_own()
        {
            DeviceSession session = new DeviceSession(new FakeTransport(), new TestDialect(), new SessionOptions());
            string seen = "";
            SessionLogHandler first = line => seen += "1";
            SessionLogHandler second = line => seen += "2";
            InboundRejectedHandler rejected = (topic, reason, detail) => seen += "r";

            session.Write("nobody listens yet");
            session.Log += first;
            session.Log += second;
            session.InboundRejected += rejected;
            session.Write("both");
            Assert.AreEqual("12", seen, "two handlers of one event, in the order added");

            seen = "";
            session.Log -= first;
            session.Reject("down/device-1/x", RejectReason.NoHandler, "no handler for 'x'");
            Assert.AreEqual("2r", seen, "the one left, and the other event's own");

            seen = "";
            session.Log -= second;
            session.InboundRejected -= rejected;
            session.Log -= second; // removing one no longer there is harmless
            session.Reject("down/device-1/x", RejectReason.NoHandler, "no handler for 'x'");
            Assert.AreEqual("", seen);
        }
    }
}
