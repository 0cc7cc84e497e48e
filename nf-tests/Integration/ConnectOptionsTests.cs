using IotDevice.BrokerHarness;
using System;
using System.Net;
using System.Net.Sockets;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>What the transport refuses before touching the network, and its argument checks.</summary>
    [TestClass]
    public class ConnectOptionsTests
    {
        [TestMethod]
        [DataRow("missing host", "Host is missing")]
        [DataRow("empty client id with a persistent session", "an empty ClientId needs CleanSession = true")]
        [DataRow("will topic with a wildcard", "WillTopic is invalid")]
        [DataRow("keep-alive above 65535", "KeepAliveSeconds 70000 is outside 0..65535")]
        [DataRow("negative keep-alive", "KeepAliveSeconds -1 is outside 0..65535")]
        [DataRow("port 0", "Port 0 is outside 1..65535")]
        [DataRow("password without user name", "a Password needs a Username")]
        [DataRow("TLS without a CA", "UseTls needs CaCertificatePem")]
        [DataRow("CA text that is not PEM", "CaCertificatePem holds no")]
        public void Invalid_options_are_refused_without_opening_a_connection(string what, string expectedError)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                MqttConnectOptions options = TestClients.Options("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);
                Break(options, what);
                using (var transport = new HostMqttTransport())
                {
                    Assert.AreEqual(MqttConnectResult.InvalidOptions, transport.Connect(options), what);
                    StringAssert.Contains(transport.LastError, expectedError);
                    Assert.IsFalse(listener.Pending(), "no connection may be attempted for " + what);
                }
            }
            finally
            {
                listener.Stop();
            }
        }

        [TestMethod]
        public void Null_options_are_invalid()
        {
            using (var transport = new HostMqttTransport())
            {
                Assert.AreEqual(MqttConnectResult.InvalidOptions, transport.Connect(null));
            }
        }

        [TestMethod]
        public void A_closed_port_is_a_network_error_that_names_the_endpoint()
        {
            int port = FreePort.Next();
            using (var transport = new HostMqttTransport())
            {
                Assert.AreEqual(MqttConnectResult.NetworkError, transport.Connect(TestClients.Options("127.0.0.1", port)));
                StringAssert.Contains(transport.LastError, "127.0.0.1:" + port);
            }
        }

        [TestMethod]
        public void Publish_and_subscribe_check_arguments_then_the_connection()
        {
            using (var transport = new HostMqttTransport())
            {
                byte[] payload = { 1, 2, 3 };
                foreach (string topic in new[] { null, "", "a/+/b", "a/#", "a\0b", "bad\uD800" })
                {
                    Assert.ThrowsExactly<ArgumentException>(() => transport.Publish(topic, payload, 3, MqttQos.AtMostOnce, false), "topic " + topic);
                }

                Assert.ThrowsExactly<ArgumentException>(() => transport.Publish(new string('a', 65536), payload, 3, MqttQos.AtMostOnce, false));
                Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => transport.Publish("a/b", payload, 4, MqttQos.AtMostOnce, false));
                Assert.ThrowsExactly<ArgumentException>(() => transport.Publish("a/b", payload, 3, (MqttQos)2, false));
                foreach (string filter in new[] { "", "a/b#", "a/#/b", "a+/b", "+a" })
                {
                    Assert.ThrowsExactly<ArgumentException>(() => transport.Subscribe(new[] { filter }, new[] { MqttQos.AtMostOnce }), "filter " + filter);
                }

                Assert.ThrowsExactly<ArgumentException>(() => transport.Subscribe(new[] { "a", "b" }, new[] { MqttQos.AtMostOnce }));
                Assert.ThrowsExactly<ArgumentException>(() => transport.Subscribe(new string[0], new MqttQos[0]));

                Assert.ThrowsExactly<InvalidOperationException>(() => transport.Publish("a/b", payload, 3, MqttQos.AtLeastOnce, false));
                Assert.ThrowsExactly<InvalidOperationException>(() => transport.Subscribe(new[] { "a/+", "#", "+/+/x", "/" }, new[] { MqttQos.AtMostOnce, MqttQos.AtMostOnce, MqttQos.AtMostOnce, MqttQos.AtMostOnce }));
            }
        }

        [TestMethod]
        public void Dispose_is_safe_in_any_state_and_final()
        {
            var transport = new HostMqttTransport();
            transport.Disconnect();
            transport.Dispose();
            transport.Dispose();
            Assert.IsFalse(transport.IsConnected);
            Assert.ThrowsExactly<ObjectDisposedException>(() => transport.Connect(TestClients.Options("127.0.0.1", 1883)));
        }

        [TestMethod]
        public void The_inbound_packet_limit_must_be_sensible()
        {
            Assert.AreEqual(262144, new HostMqttTransport().MaxInboundPacketSize);
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new HostMqttTransport(8));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new HostMqttTransport(int.MaxValue));
        }

        private static void Break(MqttConnectOptions options, string what)
        {
            switch (what)
            {
                case "missing host":
                    options.Host = null;
                    break;
                case "empty client id with a persistent session":
                    options.ClientId = "";
                    options.CleanSession = false;
                    break;
                case "will topic with a wildcard":
                    options.WillTopic = "devices/+/status";
                    break;
                case "keep-alive above 65535":
                    options.KeepAliveSeconds = 70000;
                    break;
                case "negative keep-alive":
                    options.KeepAliveSeconds = -1;
                    break;
                case "port 0":
                    options.Port = 0;
                    break;
                case "password without user name":
                    options.Password = "secret";
                    break;
                case "TLS without a CA":
                    options.UseTls = true;
                    break;
                case "CA text that is not PEM":
                    options.UseTls = true;
                    options.CaCertificatePem = "not a certificate";
                    break;
                default:
                    throw new ArgumentException(what);
            }
        }
    }
}
