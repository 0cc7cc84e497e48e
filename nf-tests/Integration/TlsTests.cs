using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>TLS pinned to the configured CA, with the server name checked, against mosquitto serving test certificates.</summary>
    [TestClass]
    public class TlsTests
    {
        private static MosquittoBroker _broker;

        public TestContext TestContext { get; set; }

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            _broker = MosquittoBroker.Start(new MosquittoSettings { Tls = TestCertificates.Shared });
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            _broker?.Dispose();
        }

        [TestMethod]
        public void Connects_to_localhost_with_the_right_ca_and_carries_messages()
        {
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                TestClients.ConnectOrFail(device, Tls("localhost", null, TestCertificates.Shared.CaPem));

                string topic = TestClients.Unique("tls") + "/echo";
                TestClients.SubscribeAndWait(device, events, topic, MqttQos.AtLeastOnce);
                ushort id = TestClients.Publish(device, topic, "over tls", MqttQos.AtLeastOnce);
                Assert.AreEqual("over tls", events.WaitForMessage(topic).Text);
                Assert.IsTrue(events.WaitForDelivery(id));
                device.Disconnect();
                Assert.AreEqual(0, events.LossCount);
            }
        }

        [TestMethod]
        public void Connects_by_ip_address_when_the_certificate_names_it()
        {
            using (var device = new HostMqttTransport())
            {
                TestClients.ConnectOrFail(device, Tls("127.0.0.1", null, TestCertificates.Shared.CaPem));
            }
        }

        [TestMethod]
        public void A_certificate_from_another_ca_is_a_tls_error()
        {
            using (var device = new HostMqttTransport())
            {
                Assert.AreEqual(MqttConnectResult.TlsError, device.Connect(Tls("localhost", null, TestCertificates.Shared.OtherCaPem)));
                TestContext.WriteLine(device.LastError);
                StringAssert.Contains(device.LastError, "server certificate is not signed by the configured CA");
                Assert.IsFalse(device.IsConnected);

                TestClients.ConnectOrFail(device, Tls("localhost", null, TestCertificates.Shared.CaPem));
            }
        }

        [TestMethod]
        public void A_server_name_the_certificate_does_not_carry_is_a_tls_error()
        {
            using (var device = new HostMqttTransport())
            {
                Assert.AreEqual(MqttConnectResult.TlsError, device.Connect(Tls("127.0.0.1", "wrong.example", TestCertificates.Shared.CaPem)));
                TestContext.WriteLine(device.LastError);
                StringAssert.Contains(device.LastError, "certificate name does not match 'wrong.example'");
                Assert.IsFalse(device.LastError.Contains("not signed"), device.LastError);
            }
        }

        [TestMethod]
        public void A_plain_client_on_the_tls_port_fails_without_hanging()
        {
            using (var device = new HostMqttTransport())
            {
                MqttConnectOptions options = TestClients.Options(_broker);
                options.ConnectTimeoutMs = 3000;
                MqttConnectResult result = device.Connect(options);
                TestContext.WriteLine(result + ": " + device.LastError);
                Assert.AreNotEqual(MqttConnectResult.Accepted, result);
                Assert.IsNotNull(device.LastError);
            }
        }

        private static MqttConnectOptions Tls(string host, string serverName, string caPem)
        {
            MqttConnectOptions options = TestClients.Options(host, _broker.Port);
            options.UseTls = true;
            options.ServerName = serverName;
            options.CaCertificatePem = caPem;
            return options;
        }
    }
}
