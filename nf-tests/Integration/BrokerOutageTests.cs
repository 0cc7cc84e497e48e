using IotDevice.BrokerHarness;
using System.Linq;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>The broker goes away and comes back on the same port; the transport reports and recovers.</summary>
    [TestClass]
    public class BrokerOutageTests
    {
        [TestMethod]
        public void Qos_1_messages_in_flight_are_reported_undelivered_before_connection_lost()
        {
            using (MosquittoBroker broker = MosquittoBroker.Start())
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                MqttConnectOptions options = TestClients.Options(broker);
                options.KeepAliveSeconds = 0;
                TestClients.ConnectOrFail(device, options);

                // Paused, the broker leaves the publishes unacknowledged; killed, it drops the link.
                broker.Pause();
                ushort[] ids = Enumerable.Range(0, 3).Select(i => TestClients.Publish(device, "outage/data", "m" + i, MqttQos.AtLeastOnce)).ToArray();
                broker.Stop();

                events.WaitForConnectionLost();
                CollectionAssert.AreEqual(ids, events.Deliveries.Select(d => d.Key).ToArray(), "undelivered ids, oldest first");
                Assert.IsTrue(events.Deliveries.All(d => !d.Value));
                CollectionAssert.AreEqual(
                    ids.Select(id => "delivery " + id + " False").Concat(new[] { "lost" }).ToArray(),
                    events.Order);
                Assert.IsFalse(device.IsConnected);
            }
        }

        [TestMethod]
        public void After_an_outage_the_same_instance_reconnects_to_the_restarted_broker()
        {
            using (MosquittoBroker broker = MosquittoBroker.Start())
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                MqttConnectOptions options = TestClients.Options(broker);
                TestClients.ConnectOrFail(device, options);

                broker.Stop();
                events.WaitForConnectionLost();
                Assert.AreEqual(MqttConnectResult.NetworkError, device.Connect(options));
                StringAssert.Contains(device.LastError, broker.Port.ToString());

                broker.Start();
                events.Clear();
                TestClients.ConnectOrFail(device, options);
                string topic = TestClients.Unique("back");
                TestClients.SubscribeAndWait(device, events, topic, MqttQos.AtLeastOnce);
                Assert.IsTrue(events.WaitForDelivery(TestClients.Publish(device, topic, "again", MqttQos.AtLeastOnce)));
                Assert.AreEqual("again", events.WaitForMessage(topic).Text);
            }
        }
    }
}
