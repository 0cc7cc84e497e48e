using System.Linq;
using System.Text.Json;
using IotDevice.Client;
using IotDevice.IntegrationTests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.Alink
{
    /// <summary>OTA and remote configuration end to end (same broker and simulator as the other platform tests).</summary>
    public partial class AlinkPlatformTests
    {
        private const string OldFormPush = "{\"code\":\"1000\",\"data\":{\"size\":432945,\"version\":\"2.0.0\",\"isDiff\":1,\"url\":\"https://iotx-ota.example/fw.bin\","
            + "\"md5\":\"93230c3bde425a9d7984a594ac55ea1e\",\"sign\":\"93230c3bde425a9d7984a594ac55ea1e\",\"signMethod\":\"Md5\",\"module\":\"MCU\","
            + "\"extData\":{\"key1\":\"value1\"}},\"id\":\"1507707025\",\"message\":\"success\"}";

        private const string ConfigDescriptor = "{\"configId\":\"123dagdah\",\"configSize\":1234565,\"sign\":\"123214adfadgadg\",\"signMethod\":\"Sha256\","
            + "\"url\":\"https://iotx-config.example/c.json\",\"getType\":\"file\"}";

        [TestMethod]
        public void An_ota_push_is_reported_in_order_then_informed_with_the_new_version()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "ota"))
            using (var device = new AlinkTestDevice(_broker, "ota", o => { o.FirmwareVersion = "1.0.0"; o.Module = "MCU"; }))
            {
                // The app's OTA engine, reduced to its reports.
                device.Client.UpdateOffered += offer =>
                {
                    device.Client.ReportUpdate(offer, UpdateStatus.Downloading, 10, null);
                    device.Client.ReportUpdate(offer, UpdateStatus.Downloading, 50, null);
                    device.Client.ReportUpdate(offer, UpdateStatus.Downloading, 100, null);
                    device.Client.ReportUpdate(offer, UpdateStatus.Succeeded, 100, null);
                };
                device.Start();
                string inform = "/ota/device/inform/" + platform.OtaSuffix;
                platform.WaitFor(inform, i => i.GetProperty("params").GetProperty("version").GetString() == "1.0.0");
                platform.WaitFor(platform.Sys + "thing/ota/firmware/get", g => g.GetProperty("params").GetProperty("module").GetString() == "MCU");

                platform.Publish("/ota/device/upgrade/" + platform.OtaSuffix, OldFormPush);
                JsonElement informed = platform.WaitFor(inform, i => i.GetProperty("params").GetProperty("version").GetString() == "2.0.0");
                Assert.AreEqual("MCU", informed.GetProperty("params").GetProperty("module").GetString());

                string[] steps = platform.On("/ota/device/progress/" + platform.OtaSuffix)
                    .Select(m => AlinkPlatformSimulator.Parse(m).GetProperty("params").GetProperty("step").GetString()).ToArray();
                CollectionAssert.AreEqual(new[] { "10", "50", "100" }, steps);
                UpdateOffer offer = device.Offers.Single();
                Assert.AreEqual("93230c3bde425a9d7984a594ac55ea1e", offer.Digest);
                Assert.AreEqual(DigestMethod.Md5, offer.DigestMethod);
                Assert.AreEqual("2.0.0", device.Dialect.FirmwareVersion, "the next connect informs the new version");
            }
        }

        [TestMethod]
        public void A_config_push_is_answered_only_after_it_is_verified()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "config") { ConfigData = ConfigDescriptor })
            using (var device = new AlinkTestDevice(_broker, "config", o => o.ConfigOnConnect = true).Start())
            {
                // On connect: config/get, answered with the descriptor, becomes an offer (with nothing to reply).
                Eventually.True(() => device.Offers.Count == 1, "the config from get_reply");
                UpdateOffer fetched = device.Offers.Single();
                Assert.AreEqual(UpdateKind.Config, fetched.Kind);
                Assert.AreEqual("123dagdah", fetched.ConfigId);
                device.Client.ReportUpdate(fetched, UpdateStatus.Verified, 100, null);

                platform.Publish(platform.Sys + "thing/config/push", "{\"id\":\"321\",\"version\":\"1.0\",\"params\":" + ConfigDescriptor + ",\"method\":\"thing.config.push\"}");
                Eventually.True(() => device.Offers.Count == 2, "the pushed config");
                UpdateOffer pushed = device.Offers.Last();

                // A full round trip after the push proves the device had every chance to reply early.
                device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"), out long marker);
                Eventually.True(() => device.Replies.Any(r => r.Id == marker), "the marker post's reply");
                Assert.AreEqual(0, platform.On(platform.Sys + "thing/config/push_reply").Count, "push_reply before the verdict");

                device.Client.ReportUpdate(pushed, UpdateStatus.Verified, 100, null);
                Assert.AreEqual(0, platform.On(platform.Sys + "thing/config/push_reply").Count, "verified, but not yet taken by the app");
                device.Client.ReportUpdate(pushed, UpdateStatus.Succeeded, 100, null);
                JsonElement reply = platform.WaitFor(platform.Sys + "thing/config/push_reply");
                Assert.AreEqual("{\"id\":\"321\",\"code\":200,\"data\":{}}", reply.GetRawText());
                Assert.AreEqual(1, platform.On(platform.Sys + "thing/config/push_reply").Count, "the fetched config got no push_reply");
            }
        }

        [TestMethod]
        public void The_firmware_query_after_connect_is_answered_with_an_offer()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "fwget"))
            using (var device = new AlinkTestDevice(_broker, "fwget", o => o.FirmwareVersion = "1.0.0"))
            {
                platform.PendingFirmware = "{\"size\":1024,\"version\":\"1.1.0\",\"url\":\"https://ota.example/1.1.0.bin\","
                    + "\"sign\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\",\"signMethod\":\"SHA256\"}";
                device.Start();
                Eventually.True(() => device.Offers.Count == 1, "the offer from firmware/get_reply");
                UpdateOffer offer = device.Offers.Single();
                Assert.AreEqual("1.1.0", offer.Version);
                Assert.AreEqual(1024, offer.Size);
                Assert.AreEqual(DigestMethod.Sha256, offer.DigestMethod);
                Assert.IsNull(offer.Module);
                JsonElement query = platform.WaitFor(platform.Sys + "thing/ota/firmware/get");
                Assert.AreEqual("{}", query.GetProperty("params").GetRawText(), "the default module");
                Assert.AreEqual("thing.ota.firmware.get", device.Replies.Single().Method);
            }
        }
    }
}
