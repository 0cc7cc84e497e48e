using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;
using IotDevice.Platforms.Mqtt;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests
{
    /// <summary>The in-process broker keeps the IMqttTransport contract the session relies on.</summary>
    [TestClass]
    public class MemoryBrokerTests
    {
        private sealed class Client : IDisposable
        {
            public readonly MemoryTransport Transport;
            public readonly BlockingCollection<string> Messages = new BlockingCollection<string>();
            public readonly BlockingCollection<ushort> Acks = new BlockingCollection<ushort>();
            public readonly BlockingCollection<ushort> Subacks = new BlockingCollection<ushort>();
            public readonly BlockingCollection<string> Lost = new BlockingCollection<string>();

            public Client(MemoryBroker broker, string id)
            {
                Transport = new MemoryTransport(broker);
                Transport.Listen(new TransportCallbacks
                {
                    OnMessage = (topic, payload, retained) => Messages.Add(topic + "|" + Encoding.UTF8.GetString(payload) + (retained ? "|retained" : "")),
                    OnDelivery = (packetId, delivered) => Acks.Add(packetId),
                    OnSubscribed = (packetId, granted) => Subacks.Add(packetId),
                    OnLost = reason => Lost.Add(reason),
                });
                Assert.AreEqual(MqttConnectResult.Accepted, Transport.Connect(new MqttConnectOptions { ClientId = id }));
            }

            public void Subscribe(string filter)
            {
                ushort id = Transport.Subscribe(new[] { filter }, new[] { MqttQos.AtLeastOnce });
                Assert.IsTrue(Subacks.TryTake(out ushort acked, 2000) && acked == id, "SUBACK for " + filter);
            }

            public void Publish(string topic, string text, MqttQos qos = MqttQos.AtMostOnce, bool retain = false)
            {
                byte[] payload = Encoding.UTF8.GetBytes(text);
                Transport.Publish(topic, payload, payload.Length, qos, retain);
            }

            public string Next() => Messages.TryTake(out string message, 2000) ? message : null;

            public void Dispose() => Transport.Dispose();
        }

        [TestMethod]
        public void Publishes_are_routed_by_filter_once_per_client()
        {
            var broker = new MemoryBroker();
            using var a = new Client(broker, "a");
            using var b = new Client(broker, "b");
            a.Subscribe("/sys/+/dev/#");
            a.Subscribe("/sys/pk/dev/thing/#");
            b.Publish("/sys/pk/dev/thing/event", "x");
            b.Publish("/sys/pk/other/thing/event", "y");
            Assert.AreEqual("/sys/pk/dev/thing/event|x", a.Next());
            Assert.IsFalse(a.Messages.TryTake(out _, 200), "overlapping filters deliver once, other topics not at all");
        }

        [TestMethod]
        public void Qos1_is_acknowledged_and_retained_messages_reach_late_subscribers()
        {
            var broker = new MemoryBroker();
            using var a = new Client(broker, "a");
            a.Publish("cmd/dev", "on", MqttQos.AtLeastOnce, retain: true);
            Assert.IsTrue(a.Acks.TryTake(out ushort id, 2000) && id != 0);
            using var b = new Client(broker, "b");
            b.Subscribe("cmd/#");
            Assert.AreEqual("cmd/dev|on|retained", b.Next());
            a.Publish("cmd/dev", "", MqttQos.AtLeastOnce, retain: true);
            Assert.AreEqual("cmd/dev|", b.Next());
            using var c = new Client(broker, "c");
            c.Subscribe("cmd/#");
            Assert.IsFalse(c.Messages.TryTake(out _, 200), "an empty retained payload cleared the topic");
        }

        [TestMethod]
        public void The_sender_gets_its_own_publish_only_when_the_broker_allows_it()
        {
            var broker = new MemoryBroker { DeliverToSender = false };
            using var a = new Client(broker, "a");
            a.Subscribe("t/#");
            a.Publish("t/1", "x");
            Assert.IsFalse(a.Messages.TryTake(out _, 200));
            broker.DeliverToSender = true;
            a.Publish("t/1", "y");
            Assert.AreEqual("t/1|y", a.Next());
        }

        [TestMethod]
        public void Invalid_topics_and_disconnected_use_throw_and_takeover_loses_the_first_connection()
        {
            var broker = new MemoryBroker();
            using var a = new Client(broker, "same");
            Assert.ThrowsExactly<ArgumentException>(() => a.Publish("a/+/b", "x"));
            Assert.ThrowsExactly<ArgumentException>(() => a.Transport.Subscribe(new[] { "a/#/b" }, new[] { MqttQos.AtMostOnce }));
            using var b = new Client(broker, "same");
            Assert.IsTrue(a.Lost.TryTake(out string reason, 2000), "the first connection with the client id is closed");
            StringAssert.Contains(reason, "same client id");
            Assert.IsFalse(a.Transport.IsConnected);
            Assert.ThrowsExactly<InvalidOperationException>(() => a.Publish("t", "x"));
        }

        [TestMethod]
        public void The_broker_can_refuse_a_connect()
        {
            var broker = new MemoryBroker { Authenticate = o => o.Password == "right" ? MqttConnectResult.Accepted : MqttConnectResult.BadUsernameOrPassword };
            using var transport = new MemoryTransport(broker);
            Assert.AreEqual(MqttConnectResult.BadUsernameOrPassword, transport.Connect(new MqttConnectOptions { ClientId = "d", Password = "wrong" }));
            Assert.IsFalse(transport.IsConnected);
            Assert.IsFalse(transport.LastError.Contains("wrong", StringComparison.Ordinal), "no password in the error");
            Assert.AreEqual(MqttConnectResult.Accepted, transport.Connect(new MqttConnectOptions { ClientId = "d", Password = "right" }));
        }
    }
}
