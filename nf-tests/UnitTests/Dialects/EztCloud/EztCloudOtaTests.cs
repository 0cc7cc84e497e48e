using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>OTA through the version attribute, the otaCheck event and the otaUpgrade command.</summary>
    [TestClass]
    public class EztCloudOtaTests
    {
        private const string Offer = "{\"method\":\"otaUpgrade\",\"params\":{\"module\":\"main\",\"upgrade\":true,\"version\":\"1.1.5\",\"url\":\"http://xxx.com/xxx/xxx.bin\",\"size\":1363713,\"md5\":\"481701fa4093499eacd05b57bebc7ffc\"},\"command_name\":\"OTA升级\",\"id\":98310}";

        [TestMethod]
        public void Connect_reports_the_version_then_checks_for_updates()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.FirmwareVersion = "1.0.0";
            options.OtaCheckOnConnect = true;
            EztDevice device = EztDevice.Started(options, 2);
            try
            {
                Assert.AreEqual(EztDevice.Topic("attributes"), device.Transport.TopicAt(0));
                Assert.AreEqual("{\"version\":\"1.0.0\"}", device.Transport.TextAt(0));
                Assert.AreEqual(EztDevice.Topic("event_report"), device.Transport.TopicAt(1));
                Assert.AreEqual("{\"method\":\"otaCheck\",\"params\":{}}", device.Transport.TextAt(1));

                device.Transport.Drop();
                device.RunUntil(() => device.Transport.Count >= 4, "announced again after the reconnect");
                Assert.AreEqual("{\"version\":\"1.0.0\"}", device.Transport.TextAt(2));
                Assert.AreEqual("{\"method\":\"otaCheck\",\"params\":{}}", device.Transport.TextAt(3));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Version_attribute_and_check_event_names_are_configurable()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.FirmwareVersion = "2.0.1";
            options.VersionAttribute = "fw_ver";
            options.OtaCheckOnConnect = true;
            options.OtaCheckMethod = "checkFirmware";
            EztDevice device = EztDevice.Started(options, 2);
            try
            {
                Assert.AreEqual("{\"fw_ver\":\"2.0.1\"}", device.Transport.TextAt(0));
                Assert.AreEqual("{\"method\":\"checkFirmware\",\"params\":{}}", device.Transport.TextAt(1));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_string_command_id_becomes_a_quoted_correlation_id()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                UpdateOffer offer = null;
                device.Client.UpdateOffered += o => offer = o;
                device.Deliver("command_send", "{\"method\":\"otaUpgrade\",\"params\":{\"upgrade\":true,\"version\":\"1.1.5\",\"url\":\"https://x.example/fw.bin\",\"size\":\"1024\"},\"id\":\"abc\"}");
                Assert.IsNotNull(offer);
                Assert.AreEqual("\"abc\"", offer.CorrelationId);
                Assert.AreEqual(1024L, offer.Size);
                Assert.IsNull(offer.Module);
                Assert.AreEqual((int)DigestMethod.None, (int)offer.DigestMethod);
                Assert.AreEqual("{\"method\":\"otaUpgrade\",\"params\":{\"accepted\":true},\"id\":\"abc\"}", device.Last("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Upgrade_false_offers_nothing_and_tells_the_app()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                bool offered = false;
                string module = null;
                device.Client.UpdateOffered += o => offered = true;
                device.Dialect.NoUpdatePending += (m, v) => module = m;
                device.Deliver("command_send", "{\"method\":\"otaUpgrade\",\"params\":{\"module\":\"main\",\"upgrade\":false},\"id\":3}");
                Assert.IsFalse(offered);
                Assert.AreEqual("main", module);
                Assert.AreEqual("{\"method\":\"otaUpgrade\",\"params\":{\"accepted\":false},\"id\":3}", device.Last("command_reply"));
                Assert.AreEqual(0, device.Rig.Offers.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Unusable_offers_are_rejected_and_answered_with_the_reason()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                bool offered = false;
                device.Client.UpdateOffered += o => offered = true;
                Expect(device, "{\"method\":\"otaUpgrade\",\"params\":{\"upgrade\":true,\"version\":\"1\",\"url\":\"ftp://x/fw.bin\"},\"id\":1}", "url missing or not http(s)");
                Expect(device, "{\"method\":\"otaUpgrade\",\"params\":{\"upgrade\":true,\"version\":\"1\",\"url\":\"HTTPS://\"},\"id\":6}", "url missing or not http(s)");
                Expect(device, "{\"method\":\"otaUpgrade\",\"params\":{\"upgrade\":true,\"url\":\"http://x/fw.bin\",\"md5\":\"481701fa\"},\"id\":2}", "md5 is not 32 hex digits");
                Expect(device, "{\"method\":\"otaUpgrade\",\"params\":{\"upgrade\":true,\"url\":\"http://x/fw.bin\",\"size\":-5},\"id\":3}", "size is not a byte count");
                Expect(device, "{\"method\":\"otaUpgrade\",\"params\":{\"upgrade\":\"maybe\"},\"id\":4}", "upgrade is not a boolean");
                Expect(device, "{\"method\":\"otaUpgrade\",\"id\":5}", "params missing");
                Assert.IsFalse(offered);
                Assert.AreEqual(6L, device.Session.Counters.Rejected);
                Assert.AreEqual("{\"method\":\"otaUpgrade\",\"params\":{\"accepted\":false,\"error\":\"params missing\"},\"id\":5}", device.Last("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Success_reports_the_new_version_and_keeps_it_for_the_next_connect()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.FirmwareVersion = "1.0.0";
            EztDevice device = EztDevice.Started(options, 1);
            try
            {
                UpdateOffer offer = null;
                device.Client.UpdateOffered += o => offer = o;
                device.Deliver("command_send", Offer);
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportUpdate(offer, UpdateStatus.Downloading, 40, null));
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportUpdate(offer, UpdateStatus.Verified, 100, null));
                Assert.AreEqual(0, device.CountOn("event_report"), "no progress topic: nothing sent");
                Assert.AreEqual(1, device.CountOn("attributes"));

                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportUpdate(offer, UpdateStatus.Succeeded, 100, null));
                Assert.AreEqual("{\"version\":\"1.1.5\"}", device.Last("attributes"));
                Assert.AreEqual("1.1.5", device.Dialect.FirmwareVersion);

                device.Transport.Drop();
                device.RunUntil(() => device.CountOn("attributes") == 3, "the version is reported after the reconnect");
                Assert.AreEqual("{\"version\":\"1.1.5\"}", device.Last("attributes"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Failures_are_reported_as_an_ota_result_event()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                UpdateOffer offer = null;
                device.Client.UpdateOffered += o => offer = o;
                device.Deliver("command_send", Offer);
                device.Client.ReportUpdate(offer, UpdateStatus.VerifyFailed, 100, "md5 mismatch");
                Assert.AreEqual("{\"method\":\"otaResult\",\"params\":{\"status\":\"verifyFailed\",\"module\":\"main\",\"version\":\"1.1.5\",\"detail\":\"md5 mismatch\",\"id\":98310}}",
                    device.Last("event_report"));
                device.Client.ReportUpdate(offer, UpdateStatus.DownloadFailed, 10, null);
                Assert.Contains("\"status\":\"downloadFailed\"", device.Last("event_report"));
                device.Client.ReportUpdate(offer, UpdateStatus.ApplyFailed, 100, null);
                Assert.Contains("\"status\":\"applyFailed\"", device.Last("event_report"));
                device.Client.ReportUpdate(offer, UpdateStatus.Failed, 0, null);
                Assert.Contains("\"status\":\"failed\"", device.Last("event_report"));
                Assert.AreEqual(0, device.CountOn("attributes"), "a failure reports no version");

                UpdateOffer foreign = new UpdateOffer();
                foreign.Version = "9";
                foreign.CorrelationId = "not json";
                device.Client.ReportUpdate(foreign, UpdateStatus.Failed, 0, null);
                Assert.AreEqual("{\"method\":\"otaResult\",\"params\":{\"status\":\"failed\",\"version\":\"9\",\"id\":\"not json\"}}", device.Last("event_report"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void The_offer_goes_to_the_client_and_its_url_is_never_logged()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Deliver("command_send", Offer);
                Assert.AreEqual(1, device.Rig.Offers.Count);
                Assert.IsFalse(device.Logged("xxx.com"), "download URLs are signed by some platforms: never logged");
                Assert.AreEqual(1, device.CountOn("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        private static void Expect(EztDevice device, string command, string reason)
        {
            device.Deliver("command_send", command);
            Assert.Contains("otaUpgrade: " + reason, device.LastRejection());
            Assert.Contains("\"accepted\":false,\"error\":\"" + reason + "\"", device.Last("command_reply"));
        }
    }
}
