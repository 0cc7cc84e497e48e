using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.Host.Ota;
using IotDevice.IntegrationTests.Support;
using IotDevice.Ota;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Ota
{
    /// <summary>
    /// The OTA engine end to end: a platform pushes an offer through mosquitto, the device downloads
    /// from a real HTTP server on loopback into a file store, verifies, installs and reports back over
    /// MQTT — including a tampered image, a dropped connection and a reboot in the middle.
    /// </summary>
    [TestClass]
    public class OtaEndToEndTests
    {
        private const int ImageSize = 256 * 1024;
        private const string ImagePath = "/fw/app-2.0.0.bin";

        private static MosquittoBroker _broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context) => _broker = MosquittoBroker.Start();

        [ClassCleanup]
        public static void StopBroker() => _broker?.Dispose();

        private static UpdateEngineOptions Options(int retryDelayMs = 100) => new UpdateEngineOptions
        {
            RetryDelayMs = retryDelayMs,
            StallTimeoutMs = 3000,
            MaxRetries = 3,
        };

        private static string FirmwarePush(TestHttpServer server, byte[] image, string id = "1507707025") =>
            "{\"kind\":\"firmware\",\"url\":\"" + server.BaseUrl + ImagePath + "?Expires=1700000000&Signature=s3cr3t\",\"size\":" + image.Length +
            ",\"version\":\"2.0.0\",\"module\":\"MCU\",\"signMethod\":\"Md5\",\"sign\":\"" + OtaImages.Md5(image) + "\",\"id\":\"" + id + "\"}";

        private static TestHttpServer Server(byte[] image)
        {
            var server = new TestHttpServer();
            server.AddFile(ImagePath, image);
            return server;
        }

        [TestMethod]
        public void A_push_is_reported_downloading_in_order_then_verified_applied_and_succeeded()
        {
            byte[] image = OtaImages.Make(ImageSize, 11);
            using var server = Server(image);
            using var device = new OtaDevice(_broker, Options());

            device.Push(FirmwarePush(server, image));
            device.WaitFor(UpdateStatus.Succeeded);

            ProgressMessage[] progress = device.Progress();
            int[] steps = progress.Where(p => p.Status == (int)UpdateStatus.Downloading).Select(p => p.Step).ToArray();
            CollectionAssert.AreEqual(new[] { 1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, steps, "progress in steps, in order, on the platform's side");
            CollectionAssert.AreEqual(new[] { (int)UpdateStatus.Verified, (int)UpdateStatus.Succeeded }, progress.Skip(steps.Length).Select(p => p.Status).ToArray());
            Assert.IsTrue(progress.All(p => p.Id == "\"1507707025\""), "every report carries the push's id, as sent");

            Assert.AreEqual(1, device.Installed.Count);
            CollectionAssert.AreEqual(image, device.Installed.Single());
            CollectionAssert.AreEqual(image, File.ReadAllBytes(device.FileOf(FileUpdateStore.FirmwareFile)));
            Assert.IsFalse(File.Exists(device.FileOf(FileUpdateStore.StagingFile)), "the temp file was moved in place");
            using (JsonDocument record = JsonDocument.Parse(File.ReadAllBytes(device.FileOf(FileUpdateStore.RecordFile))))
            {
                Assert.AreEqual("applied", record.RootElement.GetProperty("state").GetString());
            }

            Assert.AreEqual(1, server.Requests.Length);
            Assert.IsNull(server.Requests[0].Range);
            Assert.AreEqual(ImageSize, server.TotalBodyBytes);
        }

        [TestMethod]
        public void A_tampered_image_is_verify_failed_nothing_is_applied_and_the_previous_version_stays()
        {
            byte[] image = OtaImages.Make(ImageSize, 12);
            byte[] running = OtaImages.Make(1000, 13);
            using var server = Server(image);
            server.Then(HttpFault.WrongBytes());
            using var device = new OtaDevice(_broker, Options());
            File.WriteAllBytes(device.FileOf(FileUpdateStore.FirmwareFile), running);

            device.Push(FirmwarePush(server, image));
            ProgressMessage failure = device.WaitFor(UpdateStatus.VerifyFailed);

            StringAssert.Contains(failure.Desc, "MD5 mismatch: expected " + OtaImages.Md5(image));
            Assert.IsFalse(device.Progress().Any(p => p.Status == (int)UpdateStatus.Verified || p.Status == (int)UpdateStatus.Succeeded));
            Assert.AreEqual(0, device.Installed.Count);
            CollectionAssert.AreEqual(running, File.ReadAllBytes(device.FileOf(FileUpdateStore.FirmwareFile)), "the running version is kept");
            Assert.IsFalse(File.Exists(device.FileOf(FileUpdateStore.StagingFile)), "the bad download is deleted");
            Assert.IsFalse(device.Progress().Any(p => p.Desc != null && p.Desc.Contains("s3cr3t")), "no URL secret in any report");
        }

        [TestMethod]
        public void A_dropped_connection_resumes_and_transfers_only_the_remaining_bytes()
        {
            const int cut = 100_000;
            byte[] image = OtaImages.Make(ImageSize, 14);
            using var server = Server(image);
            server.Then(HttpFault.CutAfter(cut));
            using var device = new OtaDevice(_broker, Options());

            device.Push(FirmwarePush(server, image));
            device.WaitFor(UpdateStatus.Succeeded);

            ServedRequest[] requests = server.Requests;
            Assert.AreEqual(2, requests.Length);
            Assert.AreEqual(cut, requests[0].BodyBytes);
            Assert.AreEqual("bytes=" + cut + "-", requests[1].Range);
            Assert.AreEqual(206, requests[1].Status);
            Assert.AreEqual(ImageSize - cut, requests[1].BodyBytes, "only the remaining bytes are sent again");
            Assert.AreEqual(ImageSize, server.TotalBodyBytes);
            CollectionAssert.AreEqual(image, device.Installed.Single(), "the digest carried on across the resume");
            Assert.AreEqual(1, device.Engine.Counters.Resumes);
        }

        [TestMethod]
        public void A_reboot_mid_download_resumes_from_the_file_store_with_a_range()
        {
            const int held = 150_000;
            byte[] image = OtaImages.Make(ImageSize, 15);
            using var server = Server(image);
            server.Then(HttpFault.HoldAfter(held));
            // A long retry pause, so the reboot lands while the first engine waits to retry.
            using var device = new OtaDevice(_broker, Options(retryDelayMs: 5000));

            device.Push(FirmwarePush(server, image));
            Eventually.True(() => device.Progress().Any(p => p.Step >= 50), "half the image is stored");
            server.Release();
            device.StopEngine();

            using (JsonDocument record = JsonDocument.Parse(File.ReadAllBytes(device.FileOf(FileUpdateStore.RecordFile))))
            {
                Assert.AreEqual("pending", record.RootElement.GetProperty("state").GetString());
                Assert.AreEqual(held, record.RootElement.GetProperty("bytes").GetInt64(), "the record holds the stored byte count");
            }

            Assert.AreEqual(held, new FileInfo(device.FileOf(FileUpdateStore.StagingFile)).Length, "the partial file is kept");
            Assert.AreEqual(0, device.Installed.Count);
            device.StartEngine();
            device.WaitFor(UpdateStatus.Succeeded);
            ServedRequest[] requests = server.Requests;
            Assert.AreEqual(2, requests.Length);
            Assert.AreEqual(held, requests[0].BodyBytes);
            Assert.AreEqual("bytes=" + held + "-", requests[1].Range, "the new engine asks only for what the store lacks");
            Assert.AreEqual(ImageSize - held, requests[1].BodyBytes);
            CollectionAssert.AreEqual(image, device.Installed.Single());
            Assert.AreEqual(1, device.Progress().Count(p => p.Status == (int)UpdateStatus.Succeeded));
        }

        [TestMethod]
        public void A_config_push_is_verified_before_the_app_gets_it_and_kept_across_a_reboot()
        {
            byte[] config = Encoding.UTF8.GetBytes("{\"interval\":30,\"mode\":\"eco\"}");
            using var server = new TestHttpServer();
            server.AddFile("/cfg/c1.json", config);
            using var device = new OtaDevice(_broker, Options());

            device.Push("{\"kind\":\"config\",\"url\":\"" + server.BaseUrl + "/cfg/c1.json\",\"size\":" + config.Length +
                ",\"configId\":\"c1\",\"signMethod\":\"SHA256\",\"sign\":\"" + OtaImages.Sha256(config) + "\",\"id\":123}");
            device.WaitFor(UpdateStatus.Succeeded);

            int[] statuses = device.Progress().Select(p => p.Status).ToArray();
            Assert.AreEqual((int)UpdateStatus.Verified, statuses[^2]);
            Assert.AreEqual("123", device.Progress().Last().Id, "a numeric id is echoed as a number");
            CollectionAssert.AreEqual(config, device.Configs.Single());
            device.Restart();
            CollectionAssert.AreEqual(config, device.Engine.ReadConfig());
        }
    }
}
