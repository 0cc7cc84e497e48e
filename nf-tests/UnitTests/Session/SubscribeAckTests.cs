using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>Each SUBSCRIBE waits for its own SUBACK: one lost on an earlier connection is never awaited again.</summary>
    [TestClass]
    public class SubscribeAckTests
    {
        [TestMethod]
        public void A_lost_suback_costs_one_connection_and_the_next_one_comes_online()
        {
            FakeTransport transport = new FakeTransport();
            transport.SubAcksToLose = 1;
            ManualClock clock = new ManualClock();
            SessionOptions options = new SessionOptions();
            options.Clock = clock;
            options.InitialReconnectDelayMs = 100;
            options.MaxReconnectDelayMs = 200;
            options.SubscribeTimeoutMs = 300;
            options.RandomSeed = 2;
            DeviceSession session = new DeviceSession(transport, new TestDialect(), options);
            session.Start();
            try
            {
                Waits.Until(() => transport.Subscriptions == 2 && clock.Waiting == 1, "subscribed and waiting for the SUBACK");
                clock.Advance(299);
                Waits.Parked(clock, 1, "the worker has seen the clock 1 ms before the timeout");
                Assert.AreEqual((int)SessionState.Connecting, (int)session.State, "still waiting for the SUBACK");
                Assert.AreEqual(0L, session.Counters.Disconnects);
                clock.Advance(1);
                Waits.Until(() => session.State == SessionState.WaitingToReconnect, "given up at the timeout");
                Waits.Stepping(clock, 1, () => session.IsAnnounced, "connected and announced on the next connection");
                Assert.AreEqual(2, transport.ConnectAttempts);
                Assert.AreEqual(1L, session.Counters.Disconnects);
                Assert.AreEqual((int)SessionState.Connected, (int)session.State);
            }
            finally
            {
                session.Stop();
            }
        }
    }
}
