using IotDevice.BrokerHarness;
using System.Diagnostics;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>A broker that keeps the TCP connection but stops answering (SIGSTOP) must be noticed by the keep-alive.</summary>
    [TestClass]
    public class KeepAliveTests
    {
        private const int KeepAliveSeconds = 2;

        /// <summary>Timer tick and thread scheduling on a busy two-core machine.</summary>
        private const int SchedulingMarginMs = 500;

        public TestContext TestContext { get; set; }

        [TestMethod]
        public void A_silent_broker_is_declared_dead_within_one_and_a_half_keep_alive_periods()
        {
            using (MosquittoBroker broker = MosquittoBroker.Start())
            using (var device = new HostMqttTransport())
            {
                var events = new TransportEvents(device);
                MqttConnectOptions options = TestClients.Options(broker);
                options.KeepAliveSeconds = KeepAliveSeconds;
                TestClients.ConnectOrFail(device, options);

                broker.Pause();
                long pausedAtMs = events.NowMs;
                string reason = events.WaitForConnectionLost(10000);
                long detectedAfterMs = events.LastLossAtMs - pausedAtMs;

                TestContext.WriteLine("ConnectionLost " + detectedAfterMs + " ms after SIGSTOP: " + reason);
                StringAssert.Contains(reason, "keep-alive timeout");
                Assert.IsTrue(detectedAfterMs <= KeepAliveSeconds * 1500 + SchedulingMarginMs,
                    "declared dead " + detectedAfterMs + " ms after the broker went silent");
                Assert.IsFalse(device.IsConnected);
                Assert.AreEqual(reason, device.LastError);

                broker.Resume();
                events.Clear();
                TestClients.ConnectOrFail(device, options);
                Assert.AreEqual(0, events.LossCount);
            }
        }
    }
}
