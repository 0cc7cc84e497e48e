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
            SessionOptions options = new SessionOptions();
            options.InitialReconnectDelayMs = 100;
            options.MaxReconnectDelayMs = 200;
            options.SubscribeTimeoutMs = 300;
            options.RandomSeed = 2;
            DeviceSession session = new DeviceSession(transport, new TestDialect(), options);
            Waits.Announced(session);
            try
            {
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
