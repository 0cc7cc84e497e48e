using System;
using System.Linq;
using System.Text.Json;
using IotDevice.Dialects.FastBee;
using IotDevice.Host.Ota;
using IotDevice.IntegrationTests.Dialects.FastBee;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Ota.DialectEndToEnd
{
    /// <summary>
    /// The OTA engine through the real FastBee dialect: the FastBee platform simulator pushes on
    /// upgrade/get (the server's upgrade object, signType/signCode), the device downloads from a real
    /// HTTP server into a file store, and the platform hears back on upgrade/reply and info/post.
    /// Each test has its own FastBee installation (mosquitto, auth gate, simulator).
    /// </summary>
    [TestClass]
    public class FastBeeOtaEndToEndTests
    {
        private const string ImagePath = "/fastbee/firmware-1.3.bin";
        private const string MessageId = "\"ota-4711\"";

        /// <summary>The server's upgrade object (docs/fastbee.md §7.1), messageId as a string.</summary>
        private static string UpgradePush(string url, string signType, string signCode) =>
            "{\"otaId\":7,\"otaUrl\":\"" + url + "\",\"firmwareVersion\":1.3,\"seqNo\":\"1\",\"signType\":\"" + signType
            + "\",\"signCode\":\"" + signCode + "\",\"messageId\":" + MessageId + "}";

        private static string Digest(string signType, byte[] image) => signType == "16md5" ? OtaRig.Md5Middle16(image) : OtaImages.Md5(image);

        private static (FastBeeTestBed Bed, OtaRig Rig) StartDevice(Action<OtaRig> seed = null)
        {
            var bed = new FastBeeTestBed();
            OtaRig rig = null;
            try
            {
                bed.StartDevice(bed.Options(), client =>
                {
                    rig = new OtaRig(client);
                    seed?.Invoke(rig);
                    rig.Start();
                });
                return (bed, rig);
            }
            catch
            {
                rig?.Dispose();
                bed.Dispose();
                throw;
            }
        }

        private static void Stop(FastBeeTestBed bed, OtaRig rig)
        {
            rig.Dispose();
            bed.Dispose();
        }

        [TestMethod]
        [DataRow("16md5")]
        [DataRow("md5")]
        public void A_push_is_downloaded_verified_installed_and_answered_200_then_the_new_version_is_posted(string signType)
        {
            byte[] image = OtaRig.Image(71);
            using var server = new TestHttpServer();
            server.AddFile(ImagePath, image);
            var (bed, rig) = StartDevice();
            try
            {
                bed.Platform.Publish("upgrade/get", UpgradePush(OtaRig.UrlOf(server, ImagePath), signType, Digest(signType, image)), MqttQos.AtLeastOnce);

                WaitForPostedVersion(bed, 1.3);
                var messages = bed.Platform.Messages;
                int[] replies = Enumerable.Range(0, messages.Length).Where(i => messages[i].Topic == bed.Record.Prefix + "upgrade/reply").ToArray();
                int newInfo = Array.FindIndex(messages, m => m.Topic == bed.Record.Prefix + "info/post" && Json(m.Text).GetProperty("firmwareVersion").GetDouble() == 1.3);
                Assert.IsTrue(replies.Length >= 1, "upgrade/reply reached the platform: " + bed.Platform.Describe());
                foreach (int index in replies)
                {
                    JsonElement reply = Json(messages[index].Text);
                    Assert.AreEqual(FastBeeDialect.UpgradeOk, reply.GetProperty("code").GetInt32(), messages[index].Text);
                    Assert.AreEqual(MessageId, reply.GetProperty("messageId").GetRawText(), "the push's messageId, echoed as sent");
                }

                Assert.IsTrue(newInfo > replies.Last(), "info/post with firmwareVersion 1.3 follows the 200: " + bed.Platform.Describe());
                Assert.AreEqual(1.3, bed.Dialect.FirmwareVersion);

                Assert.AreEqual(1, rig.Installed.Count, "the installer ran once");
                CollectionAssert.AreEqual(image, rig.Installed.Single(), "the installer got exactly the served bytes");
                CollectionAssert.AreEqual(image, rig.Read(FileUpdateStore.FirmwareFile));
                Assert.IsFalse(rig.StagingFileExists);
                Assert.AreEqual(image.Length, server.TotalBodyBytes, "downloaded once");
            }
            finally
            {
                Stop(bed, rig);
            }
        }

        [TestMethod]
        public void A_tampered_image_is_answered_502_nothing_is_installed_and_the_running_image_stays()
        {
            byte[] image = OtaRig.Image(72);
            byte[] running = OtaImages.Make(5000, 73);
            using var server = new TestHttpServer();
            server.AddFile(ImagePath, image);
            server.Then(HttpFault.WrongBytes());
            var (bed, rig) = StartDevice(r => r.Seed(FileUpdateStore.FirmwareFile, running));
            try
            {
                bed.Platform.Publish("upgrade/get", UpgradePush(OtaRig.UrlOf(server, ImagePath), "16md5", OtaRig.Md5Middle16(image)), MqttQos.AtLeastOnce);

                var reply = bed.Platform.WaitFor("upgrade/reply", 1, 10000).Single();
                Assert.AreEqual(FastBeeDialect.UpgradeVerifyFailed, Json(reply.Text).GetProperty("code").GetInt32(), reply.Text);
                Assert.AreEqual(MessageId, Json(reply.Text).GetProperty("messageId").GetRawText());
                StringAssert.Contains(Json(reply.Text).GetProperty("msg").GetString(), "16md5 mismatch");
                Assert.IsFalse(reply.Text.Contains(OtaRig.UrlSecret), "no URL secret in the reply");

                // info/get makes the device post its info; a round trip later nothing else has come.
                bed.Platform.RequestInfo();
                var info = bed.Platform.WaitFor("info/post", 2).Last();
                Assert.AreEqual(1.2, Json(info.Text).GetProperty("firmwareVersion").GetDouble(), "the version is still the running one");
                Assert.AreEqual(1, bed.Platform.On("upgrade/reply").Length, "no 200 after the failure");
                Assert.AreEqual(0, rig.Installed.Count, "the installer was never called");
                CollectionAssert.AreEqual(running, rig.Read(FileUpdateStore.FirmwareFile), "the running image is unchanged");
                Assert.IsFalse(rig.StagingFileExists, "no partial file is left");
            }
            finally
            {
                Stop(bed, rig);
            }
        }

        [TestMethod]
        public void A_connection_cut_mid_body_resumes_with_a_range_and_only_the_rest_is_sent()
        {
            const int cut = 90_000;
            byte[] image = OtaRig.Image(74);
            using var server = new TestHttpServer();
            server.AddFile(ImagePath, image);
            server.Then(HttpFault.CutAfter(cut));
            var (bed, rig) = StartDevice();
            try
            {
                bed.Platform.Publish("upgrade/get", UpgradePush(OtaRig.UrlOf(server, ImagePath), "16md5", OtaRig.Md5Middle16(image)), MqttQos.AtLeastOnce);
                WaitForPostedVersion(bed, 1.3);

                ServedRequest[] requests = server.Requests;
                Assert.AreEqual(2, requests.Length, "one cut request, one resumed");
                Assert.IsNull(requests[0].Range, "the first request asks for the whole file");
                Assert.AreEqual(cut, requests[0].BodyBytes, "the first response was cut");
                Assert.AreEqual("bytes=" + cut + "-", requests[1].Range, "the second asks only for what is missing");
                Assert.AreEqual(206, requests[1].Status);
                Assert.AreEqual(image.Length - cut, requests[1].BodyBytes, "only the remaining bytes were sent");
                Assert.AreEqual(1, rig.Engine.Counters.Resumes);
                CollectionAssert.AreEqual(image, rig.Installed.Single(), "the digest carried over the resume");
                Assert.IsTrue(bed.Platform.On("upgrade/reply").All(m => Json(m.Text).GetProperty("code").GetInt32() == FastBeeDialect.UpgradeOk), bed.Platform.Describe());
            }
            finally
            {
                Stop(bed, rig);
            }
        }

        private static void WaitForPostedVersion(FastBeeTestBed bed, double version) =>
            Eventually.True(() => bed.Platform.On("info/post").Any(m => Json(m.Text).GetProperty("firmwareVersion").GetDouble() == version),
                "info/post with firmwareVersion " + version + "; so far: " + bed.Platform.Describe(), 10000);

        private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
    }
}
