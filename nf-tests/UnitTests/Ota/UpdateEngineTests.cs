using System.Text;
using IotDevice.Client;
using IotDevice.Ota;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Ota
{
    /// <summary>The engine's good paths: a push goes through download, verification, storage and apply.</summary>
    [TestClass]
    public class UpdateEngineTests
    {
        private const int ImageSize = 50 * 1024 + 123;

        [TestMethod]
        public void A_firmware_push_is_downloaded_verified_stored_installed_and_reported_in_order()
        {
            byte[] image = OtaRig.MakeImage(ImageSize);
            using (OtaRig rig = new OtaRig(image, -1))
            {
                UpdateOffer offer = rig.FirmwareOffer();
                UpdateReport last = rig.Run(offer);

                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)last.Status, last.Detail);
                rig.AssertProgress(10);
                UpdateReport[] reports = rig.Dialect.Reports();
                Assert.AreEqual((int)UpdateStatus.Verified, (int)reports[reports.Length - 2].Status, "Verified comes right before Succeeded");
                for (int i = 0; i < reports.Length; i++)
                {
                    Assert.AreSame(offer, reports[i].Offer, "every report names the dialect's offer");
                }

                Assert.AreEqual(1, rig.Installed.Count);
                Assert.IsTrue(OtaRig.SameBytes(image, (byte[])rig.Installed[0]), "the installer reads back exactly the image");
                Assert.AreEqual(1, rig.VerifiedSeenByApp, "the app gets the image only after Verified");
                Assert.IsTrue(OtaRig.SameBytes(image, rig.Store.Firmware), "the image stays in the store");
                Assert.AreEqual(-1L, rig.Store.StagedLength, "the staging file became the current file");
                Assert.AreEqual(1, rig.Http.Requests().Length);
                Assert.AreEqual(OtaRig.ImageUrl + "|-1", rig.Http.Requests()[0], "one plain request, no range");
                Assert.AreEqual(1, rig.Engine.Counters.Started);
                Assert.AreEqual(1, rig.Engine.Counters.Succeeded);
                Assert.IsFalse(rig.Logged("s3cr3t"), "the URL's signature never reaches the log");
            }
        }

        [TestMethod]
        public void Sha256_and_fastbee_16md5_offers_are_verified()
        {
            byte[] image = OtaRig.MakeImage(9000);
            using (OtaRig rig = new OtaRig(image, -1))
            {
                UpdateOffer sha = rig.FirmwareOffer();
                sha.DigestMethod = DigestMethod.Sha256;
                sha.Digest = OtaRig.Sha256Hex(image);
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(sha).Status);

                UpdateOffer fastBee = rig.FirmwareOffer();
                fastBee.Version = "2.0.1";
                fastBee.DigestMethod = DigestMethod.Md5Middle16;
                fastBee.Digest = OtaRig.Md5Hex(image).Substring(8, 16).ToUpper();
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(fastBee).Status);
                Assert.AreEqual(2, rig.Installed.Count);
            }
        }

        [TestMethod]
        public void An_offer_without_size_or_content_length_still_reports_start_and_end()
        {
            byte[] image = OtaRig.MakeImage(5000);
            using (OtaRig rig = new OtaRig(image, -1))
            {
                rig.Http.Then(FakeBehaviour.NoLength, 0);
                UpdateOffer offer = rig.FirmwareOffer();
                offer.Size = 0;
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(offer).Status);
                int[] progress = rig.Progress();
                Assert.AreEqual(2, progress.Length);
                Assert.AreEqual(1, progress[0]);
                Assert.AreEqual(100, progress[1]);
            }
        }

        [TestMethod]
        public void Progress_follows_the_configured_step()
        {
            byte[] image = OtaRig.MakeImage(ImageSize);
            using (OtaRig rig = new OtaRig(image, -1))
            {
                rig.Engine.Stop();
                UpdateEngineOptions options = OtaRig.FastOptions();
                options.ProgressStepPercent = 25;
                rig.NewEngine(options);
                rig.Run(rig.FirmwareOffer());
                int[] progress = rig.Progress();
                Assert.AreEqual(5, progress.Length, "1, 25, 50, 75, 100");
                Assert.AreEqual(25, progress[1]);
                Assert.AreEqual(75, progress[3]);
            }
        }

        [TestMethod]
        public void A_config_is_verified_before_the_app_gets_it_and_survives_a_restart()
        {
            byte[] config = Encoding.UTF8.GetBytes("{\"interval\":30,\"threshold\":21.5,\"name\":\"pump-7\"}");
            using (OtaRig rig = new OtaRig(config, -1))
            {
                UpdateOffer offer = ConfigOffer(config, "cfg-1");
                UpdateReport last = rig.Run(offer);

                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)last.Status, last.Detail);
                Assert.AreEqual(1, rig.VerifiedSeenByApp, "Verified (Alink's push_reply) goes out before the app sees the config");
                Assert.IsTrue(OtaRig.SameBytes(config, (byte[])rig.Configs[0]));
                Assert.IsTrue(OtaRig.SameBytes(config, rig.Store.Config));
                Assert.IsTrue(OtaRig.SameBytes(config, rig.Engine.ReadConfig()));

                rig.Engine.Stop();
                rig.NewEngine(OtaRig.FastOptions());
                Assert.IsTrue(OtaRig.SameBytes(config, rig.Engine.ReadConfig()), "the store keeps the config across a restart");
            }
        }

        [TestMethod]
        public void A_config_the_app_refuses_is_not_kept_and_the_previous_one_stays()
        {
            byte[] previous = Encoding.UTF8.GetBytes("{\"interval\":60}");
            byte[] config = Encoding.UTF8.GetBytes("{\"interval\":-1}");
            using (OtaRig rig = new OtaRig(config, -1))
            {
                rig.Store.Config = previous;
                rig.AppAccepts = false;
                UpdateReport last = rig.Run(ConfigOffer(config, "cfg-2"));
                Assert.AreEqual((int)UpdateStatus.ApplyFailed, (int)last.Status);
                Assert.Contains("did not accept", last.Detail);
                Assert.IsTrue(OtaRig.SameBytes(previous, rig.Engine.ReadConfig()));
                Assert.AreEqual(-1L, rig.Store.StagedLength);
            }
        }

        [TestMethod]
        public void Without_a_config_receiver_a_verified_config_is_stored_for_the_app_to_read()
        {
            byte[] config = Encoding.UTF8.GetBytes("{\"a\":1}");
            using (OtaRig rig = new OtaRig(config, -1))
            {
                rig.Engine.ReceiveConfig = null;
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(ConfigOffer(config, "cfg-3")).Status);
                Assert.IsTrue(OtaRig.SameBytes(config, rig.Engine.ReadConfig()));
            }
        }

        [TestMethod]
        public void The_app_sees_every_state_the_platform_sees()
        {
            byte[] image = OtaRig.MakeImage(3000);
            using (OtaRig rig = new OtaRig(image, -1))
            {
                string seen = "";
                rig.Engine.StatusChanged += (offer, status, percent, detail) => { seen += (seen.Length == 0 ? "" : ",") + ((int)status).ToString(); };
                rig.Run(rig.FirmwareOffer());
                Assert.AreEqual(rig.Statuses(), seen);
            }
        }

        internal static UpdateOffer ConfigOffer(byte[] config, string configId)
        {
            UpdateOffer offer = new UpdateOffer();
            offer.Kind = UpdateKind.Config;
            offer.Url = "https://iot-config.example/" + configId + ".json?Expires=1&Signature=abc";
            offer.Size = config.Length;
            offer.ConfigId = configId;
            offer.DigestMethod = DigestMethod.Sha256;
            offer.Digest = OtaRig.Sha256Hex(config);
            offer.CorrelationId = "123";
            return offer;
        }
    }
}
