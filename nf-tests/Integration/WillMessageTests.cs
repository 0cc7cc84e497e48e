using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>The last will: published by the broker when the device's link breaks, not when it says goodbye.</summary>
    [TestClass]
    public class WillMessageTests
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
        public void The_will_is_delivered_when_the_device_link_drops_abruptly()
        {
            string willTopic = TestClients.Unique("will") + "/status";
            using (var relay = new TcpRelay(_broker.Host, _broker.Port))
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (var device = new HostMqttTransport())
            {
                var platformEvents = new TransportEvents(platform);
                var deviceEvents = new TransportEvents(device);
                TestClients.SubscribeAndWait(platform, platformEvents, willTopic, MqttQos.AtLeastOnce);

                MqttConnectOptions options = WillOptions(relay.Host, relay.Port, willTopic);
                TestClients.ConnectOrFail(device, options);
                relay.SeverAll();

                ReceivedMessage will = platformEvents.WaitForMessage(willTopic);
                Assert.AreEqual("offline", will.Text);
                Assert.IsFalse(will.Retained);
                StringAssert.Contains(deviceEvents.WaitForConnectionLost(), "connection");
                Assert.IsFalse(device.IsConnected);
            }
        }

        [TestMethod]
        public void No_will_is_published_after_a_clean_disconnect()
        {
            string willTopic = TestClients.Unique("will") + "/status";
            using (HostMqttTransport platform = TestClients.Connected(_broker))
            using (var device = new HostMqttTransport())
            {
                var platformEvents = new TransportEvents(platform);
                TestClients.SubscribeAndWait(platform, platformEvents, willTopic, MqttQos.AtLeastOnce);
                TestClients.ConnectOrFail(device, WillOptions(_broker.Host, _broker.Port, willTopic));
                device.Disconnect();

                // Disconnect returns after the broker closed its side, so a will would already be queued
                // ahead of this marker.
                TestClients.Publish(platform, willTopic, "marker", MqttQos.AtLeastOnce);
                Assert.AreEqual("marker", platformEvents.WaitForMessage(willTopic).Text);
                Assert.AreEqual(1, platformEvents.Messages.Length);
            }
        }

        private static MqttConnectOptions WillOptions(string host, int port, string willTopic)
        {
            MqttConnectOptions options = TestClients.Options(host, port);
            options.WillTopic = willTopic;
            options.WillPayload = TestClients.Bytes("offline");
            options.WillQos = MqttQos.AtLeastOnce;
            options.WillRetain = false;
            return options;
        }
    }
}
