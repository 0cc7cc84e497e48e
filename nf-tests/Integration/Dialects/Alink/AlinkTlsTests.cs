using System.Collections.Generic;
using System.Linq;
using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.IntegrationTests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.Alink
{
    /// <summary>securemode=2: the signed CONNECT over TLS, against a TLS-only mosquitto.</summary>
    [TestClass]
    public class AlinkTlsTests
    {
        private static MosquittoBroker _broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            _broker = MosquittoBroker.Start(new MosquittoSettings
            {
                Tls = TestCertificates.Shared,
                Users = new Dictionary<string, string>
                {
                    { AlinkPlatformSimulator.User, AlinkPlatformSimulator.Password },
                    { AlinkTestDevice.Username("tls"), AlinkTestDevice.ExpectedPassword("tls") },
                },
            });
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            _broker?.Dispose();
        }

        [TestMethod]
        public void A_device_signs_in_over_tls_and_its_post_is_answered()
        {
            string ca = TestCertificates.Shared.CaPem;
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "tls", ca))
            using (var device = new AlinkTestDevice(_broker, "tls", o => { o.UseTls = true; o.CaCertificatePem = ca; }).Start())
            {
                Assert.IsTrue(((IotDevice.Dialects.IDeviceDialect)device.Dialect).CreateConnectOptions().ClientId.Contains("|securemode=2,"));
                device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"), out long id);
                Eventually.True(() => device.Replies.Count == 1, "the post_reply over TLS");
                Assert.AreEqual(id, device.Replies.Single().Id);
            }
        }
    }
}
