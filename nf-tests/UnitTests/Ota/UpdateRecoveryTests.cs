using System.Text;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Ota;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Ota
{
    /// <summary>
    /// A restart in the middle of a job: the store keeps the staged bytes and a job record; the next
    /// engine resumes from them, or cleans up and reports the job failed.
    /// </summary>
    [TestClass]
    public class UpdateRecoveryTests
    {
        private const int ImageSize = 30 * 1024;
        private const int Interrupted = 12000;

        /// <summary>
        /// Starts a job, lets it store <see cref="Interrupted"/> bytes, then stops the engine (a power cut,
        /// as far as the store knows). The clock stands still, so the stop lands before any retry.
        /// </summary>
        private static OtaRig Interrupt()
        {
            OtaRig rig = new OtaRig(OtaRig.MakeImage(ImageSize), -1);
            rig.Http.Then(FakeBehaviour.HoldAfter, Interrupted);
            rig.Dialect.Push(rig.FirmwareOffer());
            Waits.Until(() => rig.Http.Holding, "the server holding the download");
            rig.Http.Release();
            rig.Engine.Stop();
            Assert.AreEqual(0, rig.Terminal(), "a stop is not a verdict");
            return rig;
        }

        [TestMethod]
        public void An_interrupted_job_leaves_its_bytes_and_a_record_of_the_offer()
        {
            using (OtaRig rig = Interrupt())
            {
                Assert.AreEqual((long)Interrupted, rig.Store.StagedLength);
                byte[] record = rig.Store.Record;
                JsonElement root = JsonReader.Parse(record, 0, record.Length);
                Assert.IsTrue(root.Get("state").ValueEquals("pending"));
                long value;
                Assert.IsTrue(root.Get("bytes").TryGetInt64(out value));
                Assert.AreEqual((long)Interrupted, value);
                Assert.IsTrue(root.Get("size").TryGetInt64(out value));
                Assert.AreEqual((long)ImageSize, value);
                Assert.AreEqual(OtaRig.ImageUrl, root.Get("url").GetString());
                Assert.AreEqual("2.0.0", root.Get("version").GetString());
                Assert.AreEqual("MCU", root.Get("module").GetString());
                Assert.AreEqual(OtaRig.Md5Hex(rig.Http.Image), root.Get("digest").GetString());
                Assert.AreEqual("1507707025", root.Get("correlationId").GetString());
            }
        }

        [TestMethod]
        public void The_next_start_resumes_with_a_range_and_a_rebuilt_digest()
        {
            using (OtaRig rig = Interrupt())
            {
                rig.NewEngine(OtaRig.FastOptions());
                rig.Until(() => rig.Terminal() == 1 && !rig.Engine.IsBusy, "the job ends");

                UpdateReport last = rig.Dialect.Last();
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)last.Status, last.Detail);
                Assert.AreEqual("1507707025", last.Offer.CorrelationId, "the recovered offer keeps the dialect's correlation");
                string[] requests = rig.Http.Requests();
                Assert.AreEqual(OtaRig.ImageUrl + "|" + Interrupted.ToString(), requests[requests.Length - 1]);
                Assert.AreEqual((long)ImageSize, rig.Http.BytesServed, "only the missing bytes were fetched after the restart");
                Assert.IsTrue(OtaRig.SameBytes(rig.Http.Image, (byte[])rig.Installed[0]));
                int[] progress = rig.Progress();
                for (int i = 1; i < progress.Length; i++)
                {
                    Assert.IsTrue(progress[i] >= progress[i - 1], "progress never goes back across the restart");
                }

                Assert.AreEqual(100, progress[progress.Length - 1]);
            }
        }

        [TestMethod]
        public void A_staging_file_shorter_than_its_record_resumes_from_what_is_there()
        {
            using (OtaRig rig = Interrupt())
            {
                rig.Store.Begin(UpdateKind.Firmware, 0, 5000); // a write lost in the power cut
                rig.NewEngine(OtaRig.FastOptions());
                rig.Until(() => rig.Terminal() == 1 && !rig.Engine.IsBusy, "the job ends");
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Dialect.Last().Status, rig.Dialect.Last().Detail);
                Assert.EndsWith("|5000", rig.Http.Requests()[rig.Http.Requests().Length - 1]);
            }
        }

        [TestMethod]
        public void Without_resume_the_interrupted_job_is_cleaned_up_and_reported_failed()
        {
            using (OtaRig rig = Interrupt())
            {
                int requests = rig.Http.Requests().Length;
                UpdateEngineOptions options = OtaRig.FastOptions();
                options.ResumeAfterRestart = false;
                rig.NewEngine(options);
                rig.Until(() => rig.Terminal() == 1 && !rig.Engine.IsBusy, "the job ends");

                UpdateReport last = rig.Dialect.Last();
                Assert.AreEqual((int)UpdateStatus.Failed, (int)last.Status);
                Assert.AreEqual("interrupted by a restart", last.Detail);
                Assert.AreEqual(-1L, rig.Store.StagedLength);
                Assert.IsNull(rig.Store.Record);
                Assert.AreEqual(requests, rig.Http.Requests().Length);
                Assert.AreEqual(0, rig.Installed.Count);
            }
        }

        [TestMethod]
        public void A_resumed_job_whose_url_expired_is_cleaned_up_and_reported_failed()
        {
            using (OtaRig rig = Interrupt())
            {
                rig.Http.ThenStatus(403, null);
                rig.NewEngine(OtaRig.FastOptions());
                rig.Until(() => rig.Terminal() == 1 && !rig.Engine.IsBusy, "the job ends");
                Assert.AreEqual((int)UpdateStatus.DownloadFailed, (int)rig.Dialect.Last().Status);
                Assert.AreEqual("HTTP 403", rig.Dialect.Last().Detail);
                Assert.AreEqual(-1L, rig.Store.StagedLength);
                Assert.IsNull(rig.Store.Record);
            }
        }

        [TestMethod]
        public void The_record_says_applying_while_the_app_has_the_file()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(ImageSize), -1))
            {
                rig.Run(rig.FirmwareOffer());
                byte[] record = rig.RecordDuringApply;
                Assert.IsTrue(JsonReader.Parse(record, 0, record.Length).Get("state").ValueEquals("applying"));
                record = rig.Store.Record;
                Assert.IsTrue(JsonReader.Parse(record, 0, record.Length).Get("state").ValueEquals("applied"));
            }
        }

        [TestMethod]
        public void Firmware_the_app_was_installing_when_the_device_restarted_counts_as_applied()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(ImageSize), -1))
            {
                rig.Engine.Stop();
                rig.Store.Firmware = rig.Http.Image; // committed before the installer ran
                rig.Store.Record = Record("applying", 1, ImageSize, OtaRig.Md5Hex(rig.Http.Image));
                rig.NewEngine(OtaRig.FastOptions());
                rig.Until(() => rig.Terminal() == 1 && !rig.Engine.IsBusy, "the job ends");

                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Dialect.Last().Status);
                Assert.AreEqual("applied before a restart", rig.Dialect.Last().Detail);
                Assert.AreEqual(0, rig.Installed.Count, "not handed to the installer again (it may restart the device again)");
                Assert.AreEqual(0, rig.Http.Requests().Length);
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(rig.FirmwareOffer()).Status, "a re-push is answered as applied");
                Assert.AreEqual(0, rig.Http.Requests().Length);
            }
        }

        [TestMethod]
        public void A_config_the_app_was_applying_when_the_device_restarted_is_stored()
        {
            byte[] config = Encoding.UTF8.GetBytes("{\"reboot\":true}");
            using (OtaRig rig = new OtaRig(config, -1))
            {
                rig.Engine.Stop();
                rig.Store.Begin(UpdateKind.Config, config.Length, 0);
                rig.Store.Write(config, 0, config.Length);
                rig.Store.Record = Record("applying", 2, config.Length, OtaRig.Sha256Hex(config));
                rig.NewEngine(OtaRig.FastOptions());
                rig.Until(() => rig.Terminal() == 1 && !rig.Engine.IsBusy, "the job ends");

                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Dialect.Last().Status);
                Assert.AreEqual(0, rig.Configs.Count);
                Assert.IsTrue(OtaRig.SameBytes(config, rig.Engine.ReadConfig()));
            }
        }

        private static byte[] Record(string state, int kind, int size, string digest)
        {
            return Encoding.UTF8.GetBytes("{\"format\":1,\"state\":\"" + state + "\",\"kind\":" + kind.ToString() + ",\"url\":\"" + OtaRig.ImageUrl
                + "\",\"size\":" + size.ToString() + ",\"version\":\"2.0.0\",\"module\":\"MCU\",\"digestMethod\":" + (kind == 1 ? "1" : "2")
                + ",\"digest\":\"" + digest + "\",\"bytes\":" + size.ToString() + ",\"percent\":100}");
        }

        [TestMethod]
        public void An_unreadable_record_is_discarded()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(100), -1))
            {
                rig.Engine.Stop();
                rig.Store.Record = Encoding.UTF8.GetBytes("{\"format\":1,\"state\":\"pend");
                rig.NewEngine(OtaRig.FastOptions());
                Assert.IsNull(rig.Store.Record);
                Assert.IsTrue(rig.Logged("unreadable job record"));
                Assert.IsFalse(rig.Engine.IsBusy);
                Assert.AreEqual(0, rig.Dialect.Reports().Length);
            }
        }
    }
}
