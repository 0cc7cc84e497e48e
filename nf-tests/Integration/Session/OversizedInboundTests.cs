using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Session
{
    /// <summary>
    /// A message larger than the transport takes is rejected, counted and reported with its size; the
    /// connection goes on, and the QoS 1 message is acknowledged, so a broker that keeps its session
    /// (Alink's) cannot deliver it again after every reconnect.
    /// </summary>
    [TestClass]
    public class OversizedInboundTests
    {
        [TestMethod]
        public void An_oversized_qos_1_message_is_acknowledged_rejected_and_the_connection_kept()
        {
            using var broker = new FakeBroker(c =>
            {
                c.AcceptConnect();
                c.AcceptSubscribe();
                c.SendPublish(ScriptedBrokerDialect.CommandTopic, new byte[20000], 0x0101);
                c.ExpectPubAck(0x0101);
                c.SendPublish(ScriptedBrokerDialect.CommandTopic, Encoding.UTF8.GetBytes("after"), 0x0102);
                c.ExpectPubAck(0x0102);
                c.WaitForClientClose();
            });
            var dialect = new ScriptedBrokerDialect(broker);
            var rejections = new ConcurrentQueue<string>();
            var session = new DeviceSession(new HostMqttTransport(4096), dialect, new SessionOptions { RandomSeed = 9 });
            session.InboundRejected += (topic, reason, detail) => rejections.Enqueue(reason + ": " + detail);
            session.Start();
            try
            {
                Eventually.True(() => dialect.Received.Contains("after"), "the next message, on the same connection");
                Assert.AreEqual(1L, session.Counters.RejectedFor(RejectReason.Oversized));
                Assert.AreEqual(1L, session.Counters.Rejected);
                StringAssert.Contains(string.Join("\n", rejections), "Oversized: 20000 bytes exceeds the transport's limit");
                Assert.AreEqual(1L, session.Counters.Connects);
                Assert.AreEqual(0L, session.Counters.Disconnects);
                Assert.IsTrue(session.IsConnected);
            }
            finally
            {
                session.Stop();
            }

            Assert.IsTrue(broker.WaitForScript(), "the script ran to its end");
            Assert.IsNull(broker.ScriptFailure, "both messages acknowledged: " + broker.ScriptFailure);
            Assert.AreEqual(1, broker.ConnectionCount);
        }
    }
}
