using IotDevice.BrokerHarness;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>Connect, subscribe and publish both ways against a real mosquitto, device and "platform" being two transports.</summary>
    [TestClass]
    public class BrokerRoundTripTests
    {
        private static MosquittoBroker _broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            _broker = MosquittoBroker.Start();
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            _broker?.Dispose();
        }

        [TestMethod]
        public void Connects_disconnects_and_connects_again_on_the_same_instance()
        {
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                MqttConnectOptions options = TestClients.Options(_broker);

                Assert.AreEqual(MqttConnectResult.Accepted, device.Connect(options), device.LastError);
                Assert.IsTrue(device.IsConnected);
                Assert.IsNull(device.LastError);
                Assert.IsFalse(device.SessionPresent);

                device.Disconnect();
                Assert.IsFalse(device.IsConnected);
                Assert.ThrowsExactly<InvalidOperationException>(() => TestClients.Publish(device, "a/b", "x", MqttQos.AtMostOnce));

                Assert.AreEqual(MqttConnectResult.Accepted, device.Connect(options), device.LastError);
                Assert.IsTrue(device.IsConnected);
                device.Disconnect();
                device.Disconnect();

                Assert.AreEqual(0, events.LossCount, "Disconnect must not raise ConnectionLost");
            }
        }

        [TestMethod]
        public void Connect_while_connected_is_refused_without_dropping_the_connection()
        {
            using (var device = new HostMqttTransport())
            {
                TestClients.ConnectOrFail(device, TestClients.Options(_broker));
                Assert.AreEqual(MqttConnectResult.InvalidOptions, device.Connect(TestClients.Options(_broker)));
                StringAssert.Contains(device.LastError, "already connected");
                Assert.IsTrue(device.IsConnected);
            }
        }

        [TestMethod]
        public void Device_publishes_at_qos_0_and_qos_1_and_gets_the_puback_notification()
        {
            string topic = TestClients.Unique("up") + "/telemetry";
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (var device = new HostMqttTransport())
            {
                var platformEvents = new TransportEvents(platform);
                var deviceEvents = new TransportEvents(device);
                CollectionAssert.AreEqual(new byte[] { 1 }, TestClients.SubscribeAndWait(platform, platformEvents, topic, MqttQos.AtLeastOnce));
                TestClients.ConnectOrFail(device, TestClients.Options(_broker));

                Assert.AreEqual((ushort)0, TestClients.Publish(device, topic, "qos0", MqttQos.AtMostOnce));
                ushort id = TestClients.Publish(device, topic, "qos1", MqttQos.AtLeastOnce);
                Assert.AreNotEqual((ushort)0, id);

                Assert.IsTrue(deviceEvents.WaitForDelivery(id), "the broker's PUBACK must report the QoS 1 publish as delivered");
                platformEvents.WaitForMessageCount(2);
                CollectionAssert.AreEqual(new[] { "qos0", "qos1" }, platformEvents.Messages.Select(m => m.Text).ToArray());
                Assert.IsTrue(platformEvents.Messages.All(m => m.Topic == topic && !m.Retained));
                Assert.IsFalse(deviceEvents.Overlapped || platformEvents.Overlapped);
            }
        }

        [TestMethod]
        public void Device_receives_qos_0_and_qos_1_through_one_subscribe_of_two_filters()
        {
            string root = TestClients.Unique("down");
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (var device = new HostMqttTransport())
            {
                var platformEvents = new TransportEvents(platform);
                var deviceEvents = new TransportEvents(device);
                TestClients.ConnectOrFail(device, TestClients.Options(_broker));

                ushort subscribeId = device.Subscribe(new[] { root + "/+/set", root + "/cmd/#" }, new[] { MqttQos.AtMostOnce, MqttQos.AtLeastOnce });
                CollectionAssert.AreEqual(new byte[] { 0, 1 }, deviceEvents.WaitForSubscribed(subscribeId));

                TestClients.Publish(platform, root + "/prop/set", "{\"on\":true}", MqttQos.AtMostOnce);
                ushort commandId = TestClients.Publish(platform, root + "/cmd/reboot", "now", MqttQos.AtLeastOnce);

                Assert.AreEqual("{\"on\":true}", deviceEvents.WaitForMessage(root + "/prop/set").Text);
                Assert.AreEqual("now", deviceEvents.WaitForMessage(root + "/cmd/reboot").Text);
                Assert.IsTrue(platformEvents.WaitForDelivery(commandId));
            }
        }

        [TestMethod]
        public void Inbound_qos_1_is_acknowledged_so_a_persistent_session_does_not_redeliver_it()
        {
            string topic = TestClients.Unique("ack") + "/cmd";
            MqttConnectOptions options = TestClients.Options(_broker);
            options.CleanSession = false;
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (var device = new HostMqttTransport())
            {
                var deviceEvents = new TransportEvents(device);
                TestClients.ConnectOrFail(device, options);
                TestClients.SubscribeAndWait(device, deviceEvents, topic, MqttQos.AtLeastOnce);
                TestClients.Publish(platform, topic, "first", MqttQos.AtLeastOnce);
                deviceEvents.WaitForMessage(topic);
                device.Disconnect();

                // Had the PUBACK been missing, mosquitto would resend "first" on this reconnect; it must
                // deliver only the marker published afterwards.
                deviceEvents.Clear();
                TestClients.ConnectOrFail(device, options);
                Assert.IsTrue(device.SessionPresent);
                TestClients.Publish(platform, topic, "marker", MqttQos.AtLeastOnce);
                Assert.AreEqual("marker", deviceEvents.WaitForMessage(topic).Text);
                Assert.AreEqual(1, deviceEvents.Messages.Length);
            }
        }

        [TestMethod]
        public void Retained_messages_arrive_flagged_as_retained()
        {
            string topic = TestClients.Unique("retained") + "/config";
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (var device = new HostMqttTransport())
            {
                var platformEvents = new TransportEvents(platform);
                Assert.IsTrue(platformEvents.WaitForDelivery(TestClients.Publish(platform, topic, "v2", MqttQos.AtLeastOnce, retain: true)));

                var deviceEvents = new TransportEvents(device);
                TestClients.ConnectOrFail(device, TestClients.Options(_broker));
                TestClients.SubscribeAndWait(device, deviceEvents, topic, MqttQos.AtLeastOnce);
                ReceivedMessage message = deviceEvents.WaitForMessage(topic);
                Assert.IsTrue(message.Retained);
                Assert.AreEqual("v2", message.Text);
            }
        }

        [TestMethod]
        public void A_100_KiB_payload_makes_the_round_trip_intact()
        {
            string topic = TestClients.Unique("big") + "/blob";
            var payload = new byte[100 * 1024];
            new Random(42).NextBytes(payload);
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (HostMqttTransport device = TestClients.Connected(_broker, "device"))
            {
                var platformEvents = new TransportEvents(platform);
                var deviceEvents = new TransportEvents(device);
                TestClients.SubscribeAndWait(platform, platformEvents, topic, MqttQos.AtLeastOnce);

                ushort id = device.Publish(topic, payload, payload.Length, MqttQos.AtLeastOnce, false);
                Assert.IsTrue(deviceEvents.WaitForDelivery(id));
                CollectionAssert.AreEqual(payload, platformEvents.WaitForMessage(topic).Payload);
            }
        }

        [TestMethod]
        public void An_inbound_message_over_the_configured_limit_is_skipped_with_its_size_and_the_connection_goes_on()
        {
            string topic = TestClients.Unique("limit") + "/blob";
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (var device = new HostMqttTransport(1024))
            {
                var deviceEvents = new TransportEvents(device);
                var skipped = new System.Collections.Concurrent.ConcurrentQueue<int>();
                deviceEvents.Callbacks.OnPublish += (t, payload, length, retained, packetId, duplicate) =>
                {
                    if (payload == null)
                    {
                        skipped.Enqueue(length);
                    }
                };
                TestClients.ConnectOrFail(device, TestClients.Options(_broker));
                TestClients.SubscribeAndWait(device, deviceEvents, topic, MqttQos.AtLeastOnce);

                platform.Publish(topic, new byte[2000], 2000, MqttQos.AtLeastOnce, false);
                platform.Publish(topic, new byte[10], 10, MqttQos.AtLeastOnce, false);

                deviceEvents.WaitForMessage(topic);
                CollectionAssert.AreEqual(new[] { 2000 }, skipped.ToArray(), "the large one was told by its size only");
                Assert.AreEqual(1, deviceEvents.Messages.Length, "only what the transport could hand over comes as a message");
                Assert.IsTrue(device.IsConnected);
                Assert.AreEqual(0, deviceEvents.LossCount);
            }
        }

        [TestMethod]
        public void Publishes_from_several_threads_never_interleave()
        {
            const int Threads = 4;
            const int PerThread = 50;
            string topic = TestClients.Unique("threads") + "/data";
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (HostMqttTransport device = TestClients.Connected(_broker, "device"))
            {
                var platformEvents = new TransportEvents(platform);
                var deviceEvents = new TransportEvents(device);
                TestClients.SubscribeAndWait(platform, platformEvents, topic, MqttQos.AtLeastOnce);

                var ids = new List<ushort>();
                var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
                {
                    for (int i = 0; i < PerThread; i++)
                    {
                        // Varying sizes make a torn write show up as a malformed stream at once.
                        string text = t + ":" + i + ":" + new string('x', (t * 97 + i * 31) % 700);
                        ushort id = TestClients.Publish(device, topic, text, i % 2 == 0 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce);
                        if (id != 0)
                        {
                            lock (ids)
                            {
                                ids.Add(id);
                            }
                        }
                    }
                })).ToList();
                workers.ForEach(w => w.Start());
                workers.ForEach(w => Assert.IsTrue(w.Join(10000)));

                platformEvents.WaitForMessageCount(Threads * PerThread, 10000);
                Eventually.True(() => deviceEvents.Deliveries.Length == ids.Count, "a PUBACK for every QoS 1 publish");
                Assert.AreEqual(ids.Count, ids.Distinct().Count(), "packet ids in flight must be unique");
                Assert.IsTrue(deviceEvents.Deliveries.All(d => d.Value));
                var expected = new HashSet<string>(Enumerable.Range(0, Threads).SelectMany(t => Enumerable.Range(0, PerThread)
                    .Select(i => t + ":" + i + ":" + new string('x', (t * 97 + i * 31) % 700))));
                Assert.IsTrue(expected.SetEquals(platformEvents.Messages.Select(m => m.Text)));
                Assert.IsTrue(device.IsConnected);
            }
        }

        [TestMethod]
        public void A_message_handler_may_publish_the_reply_itself()
        {
            string requestTopic = TestClients.Unique("rpc") + "/request";
            string replyTopic = requestTopic + "_reply";
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (var device = new HostMqttTransport())
            {
                var platformEvents = new TransportEvents(platform);
                var deviceEvents = new TransportEvents(device);
                deviceEvents.Callbacks.OnMessage += (topic, payload, retained) =>
                    device.Publish(replyTopic, payload, payload.Length, MqttQos.AtLeastOnce, false);
                TestClients.ConnectOrFail(device, TestClients.Options(_broker));
                TestClients.SubscribeAndWait(device, deviceEvents, requestTopic, MqttQos.AtLeastOnce);
                TestClients.SubscribeAndWait(platform, platformEvents, replyTopic, MqttQos.AtLeastOnce);

                TestClients.Publish(platform, requestTopic, "ping-42", MqttQos.AtLeastOnce);
                Assert.AreEqual("ping-42", platformEvents.WaitForMessage(replyTopic).Text);
            }
        }

        [TestMethod]
        public void Keep_alive_pings_hold_an_idle_connection_open()
        {
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                MqttConnectOptions options = TestClients.Options(_broker);
                options.KeepAliveSeconds = 1;
                TestClients.ConnectOrFail(device, options);

                // mosquitto drops a client silent for 1.5 × keep-alive; without PINGREQ this link would die at 1.5 s.
                Assert.IsFalse(Eventually.Within(() => events.LossCount > 0, 3200), "lost: " + device.LastError);
                Assert.IsTrue(device.IsConnected);

                string topic = TestClients.Unique("alive");
                TestClients.SubscribeAndWait(device, events, topic, MqttQos.AtMostOnce);
                TestClients.Publish(device, topic, "still here", MqttQos.AtMostOnce);
                Assert.AreEqual("still here", events.WaitForMessage(topic).Text);
            }
        }
    }
}
