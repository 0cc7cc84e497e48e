using System.Threading;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// Stop gives up waiting for a worker held in a transport call; a Start then must not run a second
    /// worker beside it: the one worker goes on once the call returns.
    /// </summary>
    [TestClass]
    public class SessionRestartTests
    {
        [TestMethod]
        public void A_start_after_a_stop_that_gave_up_waiting_keeps_one_worker()
        {
            FakeTransport transport = new FakeTransport();
            transport.ConnectGate = new ManualResetEvent(false);
            TestDialect dialect = new TestDialect();
            SessionOptions options = new SessionOptions();
            options.Clock = new ManualClock();
            options.SubscribeTimeoutMs = 100; // Stop waits this and 5 s more for the worker
            DeviceSession session = new DeviceSession(transport, dialect, options);
            session.Start();
            try
            {
                Waits.Until(() => transport.ConnectAttempts == 1, "the worker is connecting");
                session.Stop(); // returns with the worker still held in Connect
                session.Start();
                transport.ConnectGate.Set();
                Waits.Until(() => session.IsAnnounced, "the one worker connected and announced");
                Assert.AreEqual(1, transport.ConnectAttempts);
                Assert.AreEqual(1, dialect.Announcements);
            }
            finally
            {
                transport.ConnectGate.Set();
                session.Stop();
            }
            Assert.AreEqual((int)SessionState.Stopped, (int)session.State);

            // And it starts again after a stop that waited it out.
            session.Start();
            try
            {
                Waits.Until(() => session.IsAnnounced && dialect.Announcements == 2, "connected again");
                Assert.AreEqual(2, transport.ConnectAttempts);
            }
            finally
            {
                session.Stop();
            }
        }
    }
}
