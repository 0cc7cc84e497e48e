using IotDevice.BrokerHarness;
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>
    /// A scripted broker sends what a real one never would. Each case must end with a clear result or
    /// ConnectionLost reason, no exception, no hang, and the same transport instance must then connect
    /// to the real mosquitto as if nothing happened.
    /// </summary>
    [TestClass]
    public class MalformedBrokerTests
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
        public void Garbage_instead_of_connack_is_a_protocol_error()
        {
            byte[] garbage = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\n\r\n");
            ExpectConnectResult(MqttConnectResult.ProtocolError, "malformed packet", c =>
            {
                c.Expect(FakeBrokerConnection.Connect);
                c.Send(garbage);
                c.WaitForClientClose();
            });
        }

        [TestMethod]
        public void A_truncated_connack_is_a_protocol_error()
        {
            ExpectConnectResult(MqttConnectResult.ProtocolError, "truncated packet: the connection closed after 3 of 4 bytes of a CONNACK packet", c =>
            {
                c.Expect(FakeBrokerConnection.Connect);
                c.Send(0x20, 0x02, 0x00);
            });
        }

        [TestMethod]
        public void A_publish_instead_of_connack_is_a_protocol_error()
        {
            ExpectConnectResult(MqttConnectResult.ProtocolError, "expected CONNACK, received PUBLISH", c =>
            {
                c.Expect(FakeBrokerConnection.Connect);
                c.Send(0x30, 0x04, 0x00, 0x01, (byte)'a', (byte)'x');
                c.WaitForClientClose();
            });
        }

        [TestMethod]
        public void An_undefined_connack_return_code_is_a_protocol_error()
        {
            ExpectConnectResult(MqttConnectResult.ProtocolError, "CONNACK return code 6", c =>
            {
                c.Expect(FakeBrokerConnection.Connect);
                c.Send(0x20, 0x02, 0x00, 0x06);
                c.WaitForClientClose();
            });
        }

        [TestMethod]
        [DataRow((byte)1, MqttConnectResult.UnacceptableProtocolVersion)]
        [DataRow((byte)2, MqttConnectResult.IdentifierRejected)]
        [DataRow((byte)3, MqttConnectResult.ServerUnavailable)]
        [DataRow((byte)4, MqttConnectResult.BadUsernameOrPassword)]
        [DataRow((byte)5, MqttConnectResult.NotAuthorized)]
        public void Connack_refusal_codes_map_to_their_results(byte code, MqttConnectResult expected)
        {
            ExpectConnectResult(expected, "refused", c =>
            {
                c.Expect(FakeBrokerConnection.Connect);
                c.Send(0x20, 0x02, 0x00, code);
                c.WaitForClientClose();
            });
        }

        [TestMethod]
        public void No_connack_within_the_connect_timeout_is_a_timeout()
        {
            var clock = Stopwatch.StartNew();
            ExpectConnectResult(MqttConnectResult.Timeout, "no CONNACK", c =>
            {
                c.Expect(FakeBrokerConnection.Connect);
                c.WaitForClientClose();
            }, connectTimeoutMs: 500);
            Assert.IsTrue(clock.ElapsedMilliseconds < 4000, "took " + clock.ElapsedMilliseconds + " ms");
        }

        [TestMethod]
        public void A_broker_that_closes_before_connack_is_a_network_error()
        {
            ExpectConnectResult(MqttConnectResult.NetworkError, "closed the connection before sending CONNACK", c => c.Expect(FakeBrokerConnection.Connect));
        }

        [TestMethod]
        [DataRow("truncated PUBLISH, then close", "30 14 00 03 61 2F 62", true,
            "truncated packet: the connection closed after 7 of 22 bytes of a PUBLISH packet")]
        [DataRow("remaining length of 5 bytes", "30 FF FF FF FF 01", false,
            "malformed packet: remaining length uses more than 4 bytes")]
        [DataRow("SUBACK with remaining length 268,435,455", "90 FF FF FF 7F", false,
            "packet of 268435460 bytes exceeds the 262144-byte limit (SUBACK)")]
        [DataRow("over-sized PUBLISH cut off while it is skipped", "30 FF FF FF 7F 00 03 61 2F 62 00 00", true,
            "truncated packet: the connection closed after 12 of 268435460 bytes of a PUBLISH packet")]
        [DataRow("topic length beyond the packet", "30 05 00 10 61 62 63", false,
            "malformed packet: PUBLISH topic length 16 exceeds the 3 bytes left in the packet")]
        [DataRow("invalid UTF-8 in the topic", "30 05 00 03 C3 28 78", false,
            "malformed packet: PUBLISH topic is not valid UTF-8")]
        [DataRow("wildcard in a PUBLISH topic", "30 05 00 03 61 2F 23", false,
            "malformed packet: PUBLISH topic is not a valid topic name")]
        [DataRow("QoS 2 PUBLISH", "34 07 00 03 61 2F 62 00 01", false,
            "protocol error: QoS 2 PUBLISH on 'a/b'")]
        [DataRow("PUBLISH with QoS 3", "36 07 00 03 61 2F 62 00 01", false,
            "malformed packet: PUBLISH with QoS 3")]
        [DataRow("reserved packet type", "00 00", false,
            "malformed packet: reserved packet type 0")]
        [DataRow("PUBACK with wrong flags", "41 02 00 01", false,
            "malformed packet: invalid fixed-header flags 0x1 for PUBACK")]
        [DataRow("PINGRESP with a body", "D0 01 00", false,
            "malformed packet: PINGRESP remaining length is 1, expected 0")]
        [DataRow("PINGREQ from the broker", "C0 00", false,
            "protocol error: unexpected PINGREQ packet from the broker")]
        [DataRow("a second CONNACK", "20 02 00 00", false,
            "protocol error: a second CONNACK")]
        public void A_bad_packet_after_connack_ends_the_connection_with_a_clear_reason(string description, string hex, bool closeAfterwards, string expectedReason)
        {
            byte[] bytes = Hex(hex);
            ExpectConnectionLost(expectedReason, c =>
            {
                c.AcceptConnect();
                c.Send(bytes);
                if (!closeAfterwards)
                {
                    Assert.IsTrue(c.WaitForClientClose(), "the client must close the connection after: " + description);
                }
            });
        }

        [TestMethod]
        public void A_suback_with_the_wrong_number_of_codes_ends_the_connection()
        {
            using (var fake = new FakeBroker(c =>
            {
                c.AcceptConnect();
                RawPacket subscribe = c.Expect(FakeBrokerConnection.Subscribe);
                c.Send(0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x00);
                c.WaitForClientClose();
            }))
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                TestClients.ConnectOrFail(device, TestClients.Options(fake.Host, fake.Port));
                device.Subscribe(new[] { "a/b", "c/d" }, new[] { MqttQos.AtMostOnce, MqttQos.AtLeastOnce });
                StringAssert.Contains(events.WaitForConnectionLost(), "carries 1 return codes for 2 filters");
                AssertScriptSucceeded(fake);
                AssertConnectsToTheRealBroker(device);
            }
        }

        [TestMethod]
        public void Inbound_qos_1_is_acknowledged_with_its_packet_id_after_the_handler_ran()
        {
            bool handled = false;
            bool handledBeforePuback = false;
            using (var fake = new FakeBroker(c =>
            {
                c.AcceptConnect();
                c.Send(0x32, 0x09, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b', 0x12, 0x34, (byte)'h', (byte)'i');
                RawPacket puback = c.Expect(FakeBrokerConnection.PubAck);
                handledBeforePuback = handled;
                CollectionAssert.AreEqual(new byte[] { 0x12, 0x34 }, puback.Body);
                c.Expect(FakeBrokerConnection.Disconnect);
            }))
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                events.Callbacks.OnMessage += (topic, payload, retained) => handled = true;
                TestClients.ConnectOrFail(device, TestClients.Options(fake.Host, fake.Port));
                Assert.AreEqual("hi", events.WaitForMessage("a/b").Text);
                Eventually.True(() => handledBeforePuback, "the PUBACK, sent after the handler");
                device.Disconnect();
                AssertScriptSucceeded(fake);
                Assert.AreEqual(0, events.LossCount);
            }
        }

        private static void ExpectConnectResult(MqttConnectResult expected, string expectedError, Action<FakeBrokerConnection> script, int connectTimeoutMs = 5000)
        {
            using (var fake = new FakeBroker(script))
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                MqttConnectOptions options = TestClients.Options(fake.Host, fake.Port);
                options.ConnectTimeoutMs = connectTimeoutMs;

                MqttConnectResult result = device.Connect(options);

                Assert.AreEqual(expected, result, device.LastError);
                StringAssert.Contains(device.LastError, expectedError);
                Assert.IsFalse(device.IsConnected);
                AssertScriptSucceeded(fake);
                Assert.AreEqual(0, events.LossCount, "a failed Connect reports through its result, not ConnectionLost");
                AssertConnectsToTheRealBroker(device);
            }
        }

        private static void ExpectConnectionLost(string expectedReason, Action<FakeBrokerConnection> script)
        {
            using (var fake = new FakeBroker(script))
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                // Only the result: the bad packet may already have ended the connection when Connect returns.
                Assert.AreEqual(MqttConnectResult.Accepted, device.Connect(TestClients.Options(fake.Host, fake.Port)), device.LastError);

                string reason = events.WaitForConnectionLost();

                StringAssert.Contains(reason, expectedReason);
                Assert.AreEqual(reason, device.LastError);
                Assert.IsFalse(device.IsConnected);
                AssertScriptSucceeded(fake);
                AssertConnectsToTheRealBroker(device);
                Assert.AreEqual(1, events.LossCount, "ConnectionLost is raised once per connection");
            }
        }

        private static void AssertScriptSucceeded(FakeBroker fake)
        {
            Assert.IsTrue(fake.WaitForScript(), "the fake broker's script did not finish");
            Assert.IsNull(fake.ScriptFailure, "fake broker script failed: " + fake.ScriptFailure);
        }

        private static void AssertConnectsToTheRealBroker(HostMqttTransport device)
        {
            var events = new TransportEvents(device);
            TestClients.ConnectOrFail(device, TestClients.Options(_broker));
            string topic = TestClients.Unique("recovered");
            TestClients.SubscribeAndWait(device, events, topic, MqttQos.AtLeastOnce);
            Assert.IsTrue(events.WaitForDelivery(TestClients.Publish(device, topic, "ok", MqttQos.AtLeastOnce)));
            device.Disconnect();
        }

        private static byte[] Hex(string hex)
        {
            return hex.Split(' ').Select(b => byte.Parse(b, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        }
    }
}
