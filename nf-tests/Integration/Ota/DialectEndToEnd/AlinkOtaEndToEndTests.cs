using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IotDevice.BrokerHarness;
using IotDevice.Host.Ota;
using IotDevice.IntegrationTests.Dialects.Alink;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Ota.DialectEndToEnd
{
    /// <summary>
    /// The OTA engine through the real Alink dialect: the Alink platform simulator pushes on
    /// /ota/device/upgrade, the device downloads from a real HTTP server into a file store, and the
    /// platform hears /ota/device/progress steps and a version inform — plus remote config (this
    /// class's other part). A wire tap keeps the progress, inform and push_reply in one arrival order.
    /// Each test has its own device name (its own password in the broker's file).
    /// </summary>
    [TestClass]
    public partial class AlinkOtaEndToEndTests
    {
        private const string ImagePath = "/alink/firmware-2.0.0.bin";
        private static readonly string[] Devices = { "e2e-fw", "e2e-fwbad", "e2e-cfg", "e2e-cfgbad" };

        private static MosquittoBroker _broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            var users = new Dictionary<string, string> { { AlinkPlatformSimulator.User, AlinkPlatformSimulator.Password } };
            foreach (string name in Devices)
            {
                users[AlinkTestDevice.Username(name)] = AlinkTestDevice.ExpectedPassword(name);
            }

            _broker = MosquittoBroker.Start(new MosquittoSettings { Users = users });
        }

        [ClassCleanup]
        public static void StopBroker() => _broker?.Dispose();

        /// <summary>An upgrade push in the old form the platform still sends (code "1000", md5 and sign both set).</summary>
        private static string UpgradePush(string url, byte[] image, string md5) =>
            "{\"code\":\"1000\",\"data\":{\"size\":" + image.Length + ",\"version\":\"2.0.0\",\"isDiff\":0,\"url\":\"" + url + "\",\"md5\":\"" + md5
            + "\",\"sign\":\"" + md5 + "\",\"signMethod\":\"Md5\"},\"id\":\"1507707025\",\"message\":\"success\"}";

        /// <summary>The simulator, a tap on the device's OTA and config topics, the device with its engine (seeded first), started.</summary>
        private static (AlinkPlatformSimulator Platform, WireTap Tap, AlinkTestDevice Device, OtaRig Rig) Start(string name, Func<long> probe, Action<OtaRig> seed = null)
        {
            var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, name);
            var tap = new WireTap(_broker, AlinkPlatformSimulator.User, AlinkPlatformSimulator.Password, probe,
                "/ota/device/+/" + platform.OtaSuffix, platform.Sys + "thing/config/push_reply");
            var device = new AlinkTestDevice(_broker, name, o => o.FirmwareVersion = "1.0.0");
            var rig = new OtaRig(device.Client);
            try
            {
                seed?.Invoke(rig);
                rig.Start();
                device.Start();
                platform.WaitFor("/ota/device/inform/" + platform.OtaSuffix, i => Version(i) == "1.0.0");
                return (platform, tap, device, rig);
            }
            catch
            {
                Stop(platform, tap, device, rig);
                throw;
            }
        }

        private static void Stop(AlinkPlatformSimulator platform, WireTap tap, AlinkTestDevice device, OtaRig rig)
        {
            rig.Dispose();
            device.Dispose();
            tap.Dispose();
            platform.Dispose();
        }

        private static string Version(JsonElement inform) => inform.GetProperty("params").GetProperty("version").GetString();

        private static JsonElement Json(TappedMessage message) => JsonDocument.Parse(message.Text).RootElement;

        private static int Step(TappedMessage progress) => int.Parse(Json(progress).GetProperty("params").GetProperty("step").GetString());

        [TestMethod]
        public void A_push_is_reported_in_increasing_steps_to_100_then_informed_with_the_new_version()
        {
            byte[] image = OtaRig.Image(81);
            using var server = new TestHttpServer();
            server.AddFile(ImagePath, image);
            var (platform, tap, device, rig) = Start("e2e-fw", null);
            try
            {
                string progressTopic = "/ota/device/progress/" + platform.OtaSuffix;
                string informTopic = "/ota/device/inform/" + platform.OtaSuffix;
                platform.Publish("/ota/device/upgrade/" + platform.OtaSuffix, UpgradePush(OtaRig.UrlOf(server, ImagePath), image, OtaImages.Md5(image)));

                platform.WaitFor(informTopic, i => Version(i) == "2.0.0", 10000);
                tap.WaitFor(informTopic, m => Version(Json(m)) == "2.0.0");
                TappedMessage[] seen = tap.Messages.Where(m => m.Topic == progressTopic || m.Topic == informTopic).ToArray();
                int newInform = Array.FindIndex(seen, m => m.Topic == informTopic && Version(Json(m)) == "2.0.0");
                int[] steps = seen.Take(newInform).Where(m => m.Topic == progressTopic).Select(Step).ToArray();

                // 1 % at the start, every 10 % while downloading, then 100 again for Verified.
                CollectionAssert.AreEqual(new[] { 1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100 }, steps, "steps in order: " + tap.Describe());
                Assert.IsFalse(seen.Skip(newInform + 1).Any(m => m.Topic == progressTopic), "no progress after the inform");
                Assert.AreEqual(12, platform.On(progressTopic).Count, "the simulator received the same progress");

                Assert.AreEqual(1, rig.Installed.Count, "the installer ran once");
                CollectionAssert.AreEqual(image, rig.Installed.Single(), "the installer got exactly the served bytes");
                CollectionAssert.AreEqual(image, rig.Read(FileUpdateStore.FirmwareFile));
                Assert.IsFalse(rig.StagingFileExists);
                Assert.AreEqual("2.0.0", device.Dialect.FirmwareVersion, "the next connect informs 2.0.0");
            }
            finally
            {
                Stop(platform, tap, device, rig);
            }
        }

        [TestMethod]
        public void A_tampered_image_is_reported_step_minus_3_nothing_is_installed_and_the_running_image_stays()
        {
            byte[] image = OtaRig.Image(82);
            byte[] running = OtaImages.Make(4000, 83);
            using var server = new TestHttpServer();
            server.AddFile(ImagePath, image);
            server.Then(HttpFault.WrongBytes());
            var (platform, tap, device, rig) = Start("e2e-fwbad", null, r => r.Seed(FileUpdateStore.FirmwareFile, running));
            try
            {
                string progressTopic = "/ota/device/progress/" + platform.OtaSuffix;
                platform.Publish("/ota/device/upgrade/" + platform.OtaSuffix, UpgradePush(OtaRig.UrlOf(server, ImagePath), image, OtaImages.Md5(image)));

                JsonElement failure = platform.WaitFor(progressTopic, p => p.GetProperty("params").GetProperty("step").GetString() == "-3", 10000);
                StringAssert.Contains(failure.GetProperty("params").GetProperty("desc").GetString(), "MD5 mismatch: expected " + OtaImages.Md5(image));
                Assert.IsFalse(failure.GetRawText().Contains(OtaRig.UrlSecret), "no URL secret in the report");
                tap.WaitFor(progressTopic, m => Step(m) == -3);

                int[] steps = tap.On(progressTopic).Select(Step).ToArray();
                Assert.AreEqual(-3, steps.Last(), "the failure is the last report: " + tap.Describe());
                Assert.IsFalse(steps.Take(steps.Length - 1).Any(s => s < 1), "no other failure step");
                Assert.AreEqual(1, steps.Count(s => s == 100), "100 once (downloaded), never a second 100 (Verified)");
                Assert.IsFalse(platform.On("/ota/device/inform/" + platform.OtaSuffix).Any(m => Version(AlinkPlatformSimulator.Parse(m)) == "2.0.0"), "no new version informed");
                Assert.AreEqual(0, rig.Installed.Count, "the installer was never called");
                CollectionAssert.AreEqual(running, rig.Read(FileUpdateStore.FirmwareFile), "the running image is unchanged");
                Assert.IsFalse(rig.StagingFileExists, "no partial file is left");
                Assert.AreEqual("1.0.0", device.Dialect.FirmwareVersion);
            }
            finally
            {
                Stop(platform, tap, device, rig);
            }
        }
    }
}
