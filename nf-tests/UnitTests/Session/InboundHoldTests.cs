using System.Collections;
using IotDevice.Session;
using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// Messages that arrive before a connection's announcement is out wait for it, for every dialect:
    /// nothing they cause can go before the announcement.
    /// </summary>
    [TestClass]
    public class InboundHoldTests
    {
        /// <summary>A retained command arrives while the dialect announces; what it saw is recorded in order.</summary>
        private sealed class AnnouncingDialect : ISessionDialect
        {
            public readonly ArrayList Events = new ArrayList();
            public FakeTransport Transport;

            public MqttConnectOptions CreateConnectOptions()
            {
                MqttConnectOptions options = new MqttConnectOptions();
                options.Host = "broker.test";
                options.ClientId = "held";
                return options;
            }

            public string[] GetSubscribeFilters()
            {
                return new string[] { "down/held/#" };
            }

            public MqttQos GetSubscribeQos()
            {
                return MqttQos.AtLeastOnce;
            }

            public void OnConnected(DeviceSession session)
            {
                Transport.Deliver("down/held/set", System.Text.Encoding.UTF8.GetBytes("on"));
                lock (Events)
                {
                    Events.Add("announced");
                }
            }

            public void OnMessage(DeviceSession session, string topic, byte[] payload, bool retained)
            {
                lock (Events)
                {
                    Events.Add(topic);
                }
            }
        }

        [TestMethod]
        public void A_message_during_the_announcement_is_handled_right_after_it()
        {
            FakeTransport transport = new FakeTransport();
            AnnouncingDialect dialect = new AnnouncingDialect();
            dialect.Transport = transport;
            SessionOptions options = new SessionOptions();
            options.RandomSeed = 4;
            options.Clock = new ManualClock();
            DeviceSession session = new DeviceSession(transport, dialect, options);
            Waits.Announced(session);
            try
            {
                lock (dialect.Events)
                {
                    Assert.AreEqual(2, dialect.Events.Count);
                    Assert.AreEqual("announced", (string)dialect.Events[0]);
                    Assert.AreEqual("down/held/set", (string)dialect.Events[1], "held, then handed over");
                }
                transport.Deliver("down/held/later", new byte[1]);
                Assert.AreEqual("down/held/later", (string)dialect.Events[2], "after the announcement, handled as it comes");
                Assert.AreEqual(0L, session.Counters.Rejected);
            }
            finally
            {
                session.Stop();
            }
        }
    }
}
