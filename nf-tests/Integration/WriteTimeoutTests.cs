using System;
using System.Threading;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>A broker that stops reading ends the connection on a write, even with keep-alive 0 (no pings to notice it).</summary>
    [TestClass]
    public class WriteTimeoutTests
    {
        [TestMethod]
        public void A_write_the_broker_never_reads_ends_the_connection_within_the_timeout_without_keep_alive()
        {
            using var release = new ManualResetEventSlim(false);
            using var broker = new FakeBroker(c =>
            {
                c.AcceptConnect();
                release.Wait(20000);
            });
            using var device = new HostMqttTransport();
            var events = new TransportEvents(device);
            MqttConnectOptions options = TestClients.Options(broker.Host, broker.Port);
            options.KeepAliveSeconds = 0;
            options.ConnectTimeoutMs = 1000;
            TestClients.ConnectOrFail(device, options);

            // Publishes until the socket buffers are full and a write stalls; it must give up, not hang.
            var payload = new byte[1024 * 1024];
            var publisher = new Thread(() =>
            {
                try
                {
                    for (int i = 0; i < 1000 && device.IsConnected; i++)
                    {
                        device.Publish("blob", payload, payload.Length, MqttQos.AtMostOnce, false);
                    }
                }
                catch (InvalidOperationException)
                {
                    // Not connected any more: what the test waits for.
                }
            }) { IsBackground = true };
            publisher.Start();
            try
            {
                StringAssert.Contains(events.WaitForConnectionLost(15000), "connection error while sending");
                Assert.IsTrue(publisher.Join(5000), "the publishing thread is free again");
                Assert.IsFalse(device.IsConnected);
            }
            finally
            {
                release.Set();
            }
        }
    }
}
