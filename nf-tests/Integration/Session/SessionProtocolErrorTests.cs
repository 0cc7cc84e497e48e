using System.Collections.Concurrent;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Session
{
    /// <summary>A broker that sends garbage: the session reports it, backs off and reconnects, and never crashes.</summary>
    [TestClass]
    public class SessionProtocolErrorTests
    {
        [TestMethod]
        public void A_malformed_packet_ends_the_connection_and_the_session_reconnects()
        {
            using var broker = new FakeBroker(c =>
            {
                c.AcceptConnect();
                RawPacket subscribe = c.Expect(FakeBrokerConnection.Subscribe);
                c.Send(0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x01);
                // A PUBLISH whose remaining length runs to a fifth byte: malformed.
                c.Send(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F);
                c.WaitForClientClose();
            });
            var log = new ConcurrentQueue<string>();
            var session = new DeviceSession(new HostMqttTransport(), new ScriptedBrokerDialect(broker), new SessionOptions
            {
                InitialReconnectDelayMs = 100,
                MaxReconnectDelayMs = 400,
                RandomSeed = 3,
            });
            session.Log += line => log.Enqueue(line);
            session.Start();
            try
            {
                Eventually.True(() => session.Counters.Disconnects >= 2 && broker.ConnectionCount >= 3, "two malformed connections and a third attempt", 10000);
                Assert.IsTrue(session.Counters.Flaps >= 2, "connections that die at once count as flaps");
                Assert.IsTrue(string.Join("\n", log).Contains("remaining length uses more than 4 bytes"), "the reason reaches the log: " + string.Join("\n", log));
            }
            finally
            {
                session.Stop();
            }
            Assert.AreEqual(SessionState.Stopped, session.State);
        }
    }
}
