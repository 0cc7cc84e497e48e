using System;
using System.Linq;
using System.Text.Json;
using IotDevice.BrokerHarness;
using IotDevice.Host.Ota;
using IotDevice.IntegrationTests.Dialects.EztCloud;
using IotDevice.IntegrationTests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Ota.DialectEndToEnd
{
    /// <summary>
    /// The OTA engine through the real EZtCloud dialect, the platform's poll mode: the device reports
    /// its version and sends otaCheck after connecting, the EZtCloud simulator answers with the
    /// otaUpgrade command, the device accepts on command_reply at once, downloads from a real HTTP
    /// server into a file store, and reports the new version attribute — or an otaResult event.
    /// </summary>
    [TestClass]
    public class EztCloudOtaEndToEndTests
    {
        private const string ImagePath = "/eztcloud/main-2.0.0.bin";
        private const string CommandId = "98310";

        private static MosquittoBroker _broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context) => _broker = MosquittoBroker.Start(EztCloudBroker.Settings());

        [ClassCleanup]
        public static void StopBroker() => _broker?.Dispose();

        /// <summary>The otaUpgrade params the platform's OTA rule sends (docs/eztcloud.md §7).</summary>
        private static string UpdateParams(string url, byte[] image) =>
            "{\"module\":\"main\",\"upgrade\":true,\"version\":\"2.0.0\",\"url\":\"" + url + "\",\"size\":" + image.Length + ",\"md5\":\"" + OtaImages.Md5(image) + "\"}";

        /// <summary>The platform with an update pending, then the device with its engine (seeded first), connected.</summary>
        private static (EztCloudPlatform Platform, EztCloudTestDevice Device, OtaRig Rig) Start(string updateParams, Action<OtaRig> seed = null)
        {
            var platform = new EztCloudPlatform(_broker, EztCloudBroker.Username, EztCloudBroker.PlatformUser, EztCloudBroker.PlatformPassword)
            {
                PendingUpdateParams = updateParams,
                UpdateCommandId = CommandId,
            };
            var device = new EztCloudTestDevice(_broker, o =>
            {
                o.FirmwareVersion = "1.0.0";
                o.OtaCheckOnConnect = true;
            });
            var rig = new OtaRig(device.Client);
            try
            {
                seed?.Invoke(rig);
                rig.Start();
                device.Start();
                return (platform, device, rig);
            }
            catch
            {
                Stop(platform, device, rig);
                throw;
            }
        }

        private static void Stop(EztCloudPlatform platform, EztCloudTestDevice device, OtaRig rig)
        {
            rig.Dispose();
            device.Dispose();
            platform.Dispose();
        }

        // The platform's own rule: every standard-topic uplink is a JSON object.
        private static void AssertOnlyJsonObjects(EztCloudPlatform platform) =>
            Assert.AreEqual(0, platform.Violations.Length, "non-JSON on a standard topic: " + string.Join(", ", platform.Violations));

        private static JsonElement Json(ReceivedMessage message) => JsonDocument.Parse(message.Payload).RootElement;

        private static bool IsVersion(ReceivedMessage message, string version) =>
            message.Topic.StartsWith("attributes/", StringComparison.Ordinal) && Json(message).TryGetProperty("version", out JsonElement v) && v.GetString() == version;

        [TestMethod]
        public void An_upgrade_command_is_accepted_at_once_then_downloaded_installed_and_the_new_version_reported()
        {
            byte[] image = OtaRig.Image(91);
            using var server = new TestHttpServer();
            server.AddFile(ImagePath, image);
            var (platform, device, rig) = Start(UpdateParams(OtaRig.UrlOf(server, ImagePath), image));
            try
            {
                Eventually.True(() => platform.Uplinks.Messages.Any(m => IsVersion(m, "2.0.0")), "the version attribute 2.0.0; so far: " + Describe(platform), 10000);

                ReceivedMessage[] uplinks = platform.Uplinks.Messages;
                int reply = Array.FindIndex(uplinks, m => m.Topic == "command_reply/" + EztCloudBroker.Username);
                int newVersion = Array.FindIndex(uplinks, m => IsVersion(m, "2.0.0"));
                Assert.IsTrue(reply >= 0, "command_reply reached the platform: " + Describe(platform));
                JsonElement accepted = Json(uplinks[reply]);
                Assert.AreEqual("otaUpgrade", accepted.GetProperty("method").GetString());
                Assert.IsTrue(accepted.GetProperty("params").GetProperty("accepted").GetBoolean(), uplinks[reply].Text);
                Assert.AreEqual(CommandId, accepted.GetProperty("id").GetRawText(), "the command's id, echoed as sent");
                Assert.IsTrue(reply < newVersion, "accepted first, the new version after: " + Describe(platform));
                Assert.IsTrue(uplinks.Take(reply).Any(m => IsVersion(m, "1.0.0")), "the running version was reported before the check");
                Assert.AreEqual(1, platform.On("command_reply").Length, "one reply, given at once");
                Assert.IsFalse(uplinks.Any(m => m.Text.Contains("otaResult")), "no failure event");

                Assert.AreEqual(1, rig.Installed.Count, "the installer ran once");
                CollectionAssert.AreEqual(image, rig.Installed.Single(), "the installer got exactly the served bytes");
                CollectionAssert.AreEqual(image, rig.Read(FileUpdateStore.FirmwareFile));
                Assert.IsFalse(rig.StagingFileExists);
                Assert.AreEqual("2.0.0", device.Dialect.FirmwareVersion, "reported again after every connect");
                AssertOnlyJsonObjects(platform);
            }
            finally
            {
                Stop(platform, device, rig);
            }
        }

        [TestMethod]
        public void A_tampered_image_is_reported_as_an_otaResult_verifyFailed_event_and_nothing_is_installed()
        {
            byte[] image = OtaRig.Image(92);
            byte[] running = OtaImages.Make(6000, 93);
            using var server = new TestHttpServer();
            server.AddFile(ImagePath, image);
            server.Then(HttpFault.WrongBytes());
            var (platform, device, rig) = Start(UpdateParams(OtaRig.UrlOf(server, ImagePath), image), r => r.Seed(FileUpdateStore.FirmwareFile, running));
            try
            {
                Eventually.True(() => platform.On("event_report").Any(m => m.Text.Contains("otaResult")), "the otaResult event; so far: " + Describe(platform), 10000);

                ReceivedMessage[] uplinks = platform.Uplinks.Messages;
                int reply = Array.FindIndex(uplinks, m => m.Topic == "command_reply/" + EztCloudBroker.Username);
                int result = Array.FindIndex(uplinks, m => m.Text.Contains("otaResult"));
                Assert.IsTrue(reply >= 0 && reply < result, "accepted first, the failure after: " + Describe(platform));
                JsonElement report = Json(uplinks[result]);
                Assert.AreEqual("otaResult", report.GetProperty("method").GetString());
                JsonElement parameters = report.GetProperty("params");
                Assert.AreEqual("verifyFailed", parameters.GetProperty("status").GetString(), uplinks[result].Text);
                Assert.AreEqual("main", parameters.GetProperty("module").GetString());
                Assert.AreEqual("2.0.0", parameters.GetProperty("version").GetString());
                Assert.AreEqual(CommandId, parameters.GetProperty("id").GetRawText(), "the failure names the command it answers");
                StringAssert.Contains(parameters.GetProperty("detail").GetString(), "MD5 mismatch");
                Assert.IsFalse(uplinks[result].Text.Contains(OtaRig.UrlSecret), "no URL secret in the event");

                Assert.IsFalse(uplinks.Any(m => IsVersion(m, "2.0.0")), "the new version is not reported");
                Assert.AreEqual(0, rig.Installed.Count, "the installer was never called");
                CollectionAssert.AreEqual(running, rig.Read(FileUpdateStore.FirmwareFile), "the running image is unchanged");
                Assert.IsFalse(rig.StagingFileExists, "no partial file is left");
                Assert.AreEqual("1.0.0", device.Dialect.FirmwareVersion);
                AssertOnlyJsonObjects(platform);
            }
            finally
            {
                Stop(platform, device, rig);
            }
        }

        private static string Describe(EztCloudPlatform platform) => string.Join(" | ", platform.Uplinks.Messages.Select(m => m.Topic + " " + m.Text));
    }
}
