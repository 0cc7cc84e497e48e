using System.Linq;
using System.Threading;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Session
{
    /// <summary>
    /// A SUBACK that never comes — the link dropped after SUBSCRIBE, or the broker sat on it — costs that
    /// one connection: the next one waits for its own SUBACK only, and the device comes online.
    /// </summary>
    [TestClass]
    public class LostSubackTests
    {
        private static SessionOptions Options() => new SessionOptions
        {
            InitialReconnectDelayMs = 100,
            MaxReconnectDelayMs = 400,
            SubscribeTimeoutMs = 500,
            RandomSeed = 5,
        };

        /// <summary>The first connection ends as the script says after reading SUBSCRIBE; later ones are served normally.</summary>
        private static void ExpectOnlineAfterAFirstConnectionThat(System.Action<FakeBrokerConnection> firstAfterSubscribe)
        {
            int connections = 0;
            using var broker = new FakeBroker(c =>
            {
                c.AcceptConnect();
                if (Interlocked.Increment(ref connections) == 1)
                {
                    c.Expect(FakeBrokerConnection.Subscribe);
                    firstAfterSubscribe(c);
                    return;
                }

                c.AcceptSubscribe();
                c.SendPublish(ScriptedBrokerDialect.CommandTopic, System.Text.Encoding.UTF8.GetBytes("on"), 7);
                c.ExpectPubAck(7);
                c.WaitForClientClose();
            });
            var dialect = new ScriptedBrokerDialect(broker);
            var session = new DeviceSession(new HostMqttTransport(), dialect, Options());
            session.Start();
            try
            {
                Eventually.True(() => session.State == SessionState.Connected, "online on the second connection", 5000);
                Eventually.True(() => dialect.Received.Contains("on"), "subscribed and handed a command");
                Assert.AreEqual(2L, session.Counters.Connects, "one lost SUBACK costs one connection, no more");
            }
            finally
            {
                session.Stop();
            }

            Assert.IsNull(broker.ScriptFailure, "script: " + broker.ScriptFailure);
        }

        [TestMethod]
        public void A_link_lost_between_subscribe_and_suback_does_not_keep_the_device_offline()
        {
            ExpectOnlineAfterAFirstConnectionThat(c => { });
        }

        [TestMethod]
        public void A_suback_that_times_out_does_not_keep_the_device_offline()
        {
            ExpectOnlineAfterAFirstConnectionThat(c => c.WaitForClientClose());
        }
    }
}
