using System.Linq;
using System.Text;
using System.Text.Json;
using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Host.Ota;
using IotDevice.IntegrationTests.Dialects.Alink;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Ota.DialectEndToEnd
{
    /// <summary>
    /// Alink remote config through the engine: thing/config/push (configId, configSize, sign = SHA-256
    /// of the file, signMethod Sha256, url) is downloaded and verified before push_reply answers it.
    /// </summary>
    public partial class AlinkOtaEndToEndTests
    {
        private const string ConfigPath = "/alink/config/cfg-42.json";

        /// <summary>A config of a few kilobytes of JSON, the same every run.</summary>
        private static byte[] Config(string mode)
        {
            var text = new StringBuilder("{\"mode\":\"" + mode + "\",\"points\":[");
            for (int i = 0; i < 300; i++)
            {
                text.Append(i == 0 ? "" : ",").Append("{\"id\":").Append(i).Append(",\"limit\":").Append(i * 7 % 101).Append('}');
            }

            return Encoding.UTF8.GetBytes(text.Append("]}").ToString());
        }

        private static string ConfigPush(string url, byte[] config, string id) =>
            "{\"id\":\"" + id + "\",\"version\":\"1.0\",\"params\":{\"configId\":\"cfg-42\",\"configSize\":" + config.Length + ",\"sign\":\""
            + OtaImages.Sha256(config).ToLowerInvariant() + "\",\"signMethod\":\"Sha256\",\"url\":\"" + url + "\",\"getType\":\"file\"},\"method\":\"thing.config.push\"}";

        [TestMethod]
        public void A_config_push_is_answered_200_only_after_the_whole_file_is_downloaded_and_verified()
        {
            byte[] config = Config("eco");
            using var server = new TestHttpServer();
            server.AddFile(ConfigPath, config);
            var (platform, tap, device, rig) = Start("e2e-cfg", () => server.TotalBodyBytes);
            try
            {
                string replyTopic = platform.Sys + "thing/config/push_reply";
                platform.Publish(platform.Sys + "thing/config/push", ConfigPush(OtaRig.UrlOf(server, ConfigPath), config, "321"));

                JsonElement reply = platform.WaitFor(replyTopic, null, 10000);
                Assert.AreEqual("{\"id\":\"321\",\"code\":200,\"data\":{}}", reply.GetRawText());
                TappedMessage tapped = tap.WaitFor(replyTopic, m => true);
                Assert.AreEqual(config.Length, tapped.ProbeAtArrival, "the HTTP server had sent the whole file before push_reply reached the platform");

                // The engine tells the dialect first and StatusChanged after, so its own record may trail the wire.
                rig.WaitFor(UpdateStatus.Succeeded);
                UpdateStatus[] statuses = rig.Reports.Select(r => r.Status).Where(s => s != UpdateStatus.Downloading).ToArray();
                CollectionAssert.AreEqual(new[] { UpdateStatus.Verified, UpdateStatus.Succeeded }, statuses, rig.Describe());
                Assert.AreEqual(1, rig.Configs.Count, "the app got the config once");
                CollectionAssert.AreEqual(config, rig.Configs.Single(), "the app got exactly the served bytes");
                CollectionAssert.AreEqual(config, rig.Engine.ReadConfig(), "the config is kept in the store");
                Assert.IsFalse(rig.StagingFileExists);
                Assert.AreEqual(1, platform.On(replyTopic).Count, "one push_reply, not one per status");
                Assert.AreEqual(1, server.Requests.Length);
            }
            finally
            {
                Stop(platform, tap, device, rig);
            }
        }

        [TestMethod]
        public void A_tampered_config_is_answered_with_an_error_not_handed_over_and_the_previous_config_stays()
        {
            byte[] config = Config("boost");
            byte[] previous = Config("eco");
            using var server = new TestHttpServer();
            server.AddFile(ConfigPath, config);
            server.Then(HttpFault.WrongBytes());
            var (platform, tap, device, rig) = Start("e2e-cfgbad", () => server.TotalBodyBytes, r => r.Seed(FileUpdateStore.ConfigFile, previous));
            try
            {
                string replyTopic = platform.Sys + "thing/config/push_reply";
                platform.Publish(platform.Sys + "thing/config/push", ConfigPush(OtaRig.UrlOf(server, ConfigPath), config, "654"));

                JsonElement reply = platform.WaitFor(replyTopic, null, 10000);
                Assert.AreEqual("654", reply.GetProperty("id").GetString());
                Assert.AreEqual((long)AlinkCodes.InvalidParameters, reply.GetProperty("code").GetInt64(), "a verification failure: " + reply.GetRawText());
                Assert.IsFalse(reply.GetRawText().Contains(OtaRig.UrlSecret), "no URL secret in the reply");
                rig.WaitFor(UpdateStatus.VerifyFailed);

                Assert.AreEqual(0, rig.Configs.Count, "the app never got the tampered config");
                CollectionAssert.AreEqual(previous, rig.Read(FileUpdateStore.ConfigFile), "the previous config file is unchanged");
                CollectionAssert.AreEqual(previous, rig.Engine.ReadConfig(), "the engine still returns the previous config");
                Assert.IsFalse(rig.StagingFileExists, "no partial file is left");
                Assert.AreEqual(1, platform.On(replyTopic).Count);
            }
            finally
            {
                Stop(platform, tap, device, rig);
            }
        }
    }
}
