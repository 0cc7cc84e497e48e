using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.IntegrationTests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.EztCloud
{
    /// <summary>The MQTTS endpoint: the same dialect over TLS pinned to the configured root.</summary>
    [TestClass]
    public class EztCloudTlsTests
    {
        private static MosquittoBroker _broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            _broker = MosquittoBroker.Start(EztCloudBroker.Settings(TestCertificates.Shared));
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            _broker?.Dispose();
        }

        [TestMethod]
        public void Reports_and_commands_flow_over_tls()
        {
            using var platform = new EztCloudPlatform(_broker, EztCloudBroker.Username, EztCloudBroker.PlatformUser,
                EztCloudBroker.PlatformPassword, TestCertificates.Shared.CaPem);
            using var device = new EztCloudTestDevice(_broker, o =>
            {
                o.Host = "localhost";
                o.UseTls = true;
                o.CaCertificatePem = TestCertificates.Shared.CaPem;
                o.FirmwareVersion = "1.0.0";
            });
            Assert.AreEqual(_broker.Port, ((IotDevice.Dialects.IDeviceDialect)device.Dialect).CreateConnectOptions().Port);
            Assert.IsTrue(((IotDevice.Dialects.IDeviceDialect)device.Dialect).CreateConnectOptions().UseTls);
            device.Client.OnCommand("ping", c => c.Output.Add("pong", true));
            device.Start();

            Assert.AreEqual("{\"version\":\"1.0.0\"}", platform.WaitFor("attributes").Text);
            platform.SendCommand("{\"method\":\"ping\",\"params\":{},\"id\":1}");
            Assert.AreEqual("{\"method\":\"ping\",\"params\":{\"pong\":true},\"id\":1}", platform.WaitFor("command_reply").Text);
        }

        [TestMethod]
        public void A_root_that_did_not_sign_the_broker_is_never_trusted()
        {
            using var device = new EztCloudTestDevice(_broker, o =>
            {
                o.Host = "localhost";
                o.UseTls = true;
                o.CaCertificatePem = TestCertificates.Shared.OtherCaPem;
            });
            device.Client.Start();
            Eventually.True(() => device.Client.Session.Counters.ConnectFailures >= 1, "the TLS handshake fails");
            Assert.IsFalse(device.Client.Session.IsConnected);
        }
    }
}
