using IotDevice.Client;
using IotDevice.Ota;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Ota
{
    /// <summary>
    /// Every way a download can go wrong: each one ends with the right status and reason, nothing
    /// handed to the app, the partial file deleted and the previous image still in the store.
    /// </summary>
    [TestClass]
    public class UpdateFailureTests
    {
        private const int ImageSize = 40 * 1024 + 7;

        private static OtaRig NewRig()
        {
            OtaRig rig = new OtaRig(OtaRig.MakeImage(ImageSize), -1);
            rig.Store.Firmware = OtaRig.MakeImage(100); // the version the device runs now
            return rig;
        }

        private static void AssertNothingApplied(OtaRig rig)
        {
            Assert.AreEqual(0, rig.Installed.Count, "nothing reaches the installer");
            Assert.AreEqual(-1L, rig.Store.StagedLength, "the partial file is deleted");
            Assert.AreEqual(100, rig.Store.Firmware.Length, "the previous image stays");
            Assert.AreEqual(0, rig.Dialect.Count(UpdateStatus.Verified));
            Assert.AreEqual(0, rig.Dialect.Count(UpdateStatus.Succeeded));
            Assert.IsNull(rig.Store.Record, "no job record is left behind");
            Assert.AreEqual(1, rig.Engine.Counters.Failed);
        }

        private static UpdateReport Expect(OtaRig rig, UpdateOffer offer, UpdateStatus status, string reason)
        {
            UpdateReport last = rig.Run(offer);
            Assert.AreEqual((int)status, (int)last.Status, last.Detail);
            Assert.Contains(reason, last.Detail);
            return last;
        }

        [TestMethod]
        public void A_digest_mismatch_is_verify_failed()
        {
            using (OtaRig rig = NewRig())
            {
                UpdateOffer offer = rig.FirmwareOffer();
                offer.Digest = OtaRig.Md5Hex(OtaRig.MakeImage(10));
                UpdateReport last = Expect(rig, offer, UpdateStatus.VerifyFailed, "MD5 mismatch: expected " + offer.Digest);
                Assert.Contains(OtaRig.Md5Hex(rig.Http.Image), last.Detail, "the detail names the digest computed");
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void A_tampered_byte_is_caught_by_sha256()
        {
            using (OtaRig rig = NewRig())
            {
                UpdateOffer offer = rig.FirmwareOffer();
                offer.DigestMethod = DigestMethod.Sha256;
                offer.Digest = OtaRig.Sha256Hex(rig.Http.Image);
                rig.Http.Image[ImageSize / 2] ^= 0x01;
                Expect(rig, offer, UpdateStatus.VerifyFailed, "SHA-256 mismatch");
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void A_content_length_other_than_the_announced_size_is_verify_failed_before_any_byte()
        {
            using (OtaRig rig = NewRig())
            {
                UpdateOffer offer = rig.FirmwareOffer();
                offer.Size = ImageSize + 1;
                Expect(rig, offer, UpdateStatus.VerifyFailed, "size mismatch: the offer announced " + (ImageSize + 1).ToString());
                Assert.AreEqual(0L, rig.Http.BytesServed);
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void More_bytes_than_announced_are_verify_failed_as_they_arrive()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.Then(FakeBehaviour.NoLength, 0);
                UpdateOffer offer = rig.FirmwareOffer();
                offer.Size = ImageSize - 10;
                Expect(rig, offer, UpdateStatus.VerifyFailed, "size mismatch: the offer announced " + (ImageSize - 10).ToString() + " bytes, got ");
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void A_body_shorter_than_announced_is_resumed_then_verify_failed()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.Then(FakeBehaviour.NoLength, 0);
                UpdateOffer offer = rig.FirmwareOffer();
                offer.Size = ImageSize + 100;
                Expect(rig, offer, UpdateStatus.VerifyFailed, "size mismatch");
                string[] requests = rig.Http.Requests();
                Assert.AreEqual(2, requests.Length, "the short body is treated as a cut and resumed once");
                Assert.EndsWith("|" + ImageSize.ToString(), requests[1]);
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void Http_404_is_download_failed_without_retries()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.ThenStatus(404, null);
                Expect(rig, rig.FirmwareOffer(), UpdateStatus.DownloadFailed, "HTTP 404");
                Assert.AreEqual(1, rig.Http.Requests().Length);
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void Http_500_is_retried_a_bounded_number_of_times_then_download_failed()
        {
            using (OtaRig rig = NewRig())
            {
                for (int i = 0; i < 10; i++)
                {
                    rig.Http.ThenStatus(500, null);
                }

                Expect(rig, rig.FirmwareOffer(), UpdateStatus.DownloadFailed, "gave up after 4 attempts: HTTP 500");
                Assert.AreEqual(4, rig.Http.Requests().Length, "MaxRetries 3: one attempt and three retries");
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void A_passing_server_error_is_retried_and_the_job_succeeds()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.ThenStatus(503, null).ThenStatus(500, null);
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(rig.FirmwareOffer()).Status);
                Assert.AreEqual(3, rig.Http.Requests().Length);
            }
        }

        [TestMethod]
        public void A_retry_comes_when_its_pause_is_over_on_the_clock()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.ThenStatus(503, null);
                rig.Dialect.Push(rig.FirmwareOffer());
                Waits.Until(() => rig.Http.Requests().Length == 1 && rig.Clock.Waiting == OtaRig.ClockThreads, "the engine pausing after the 503");
                int pause = rig.Engine.Options.RetryDelayMs;
                rig.Clock.Advance(pause - 1);
                Waits.Parked(rig.Clock, OtaRig.ClockThreads, "both threads have seen the clock 1 ms before the pause ends");
                Assert.AreEqual(1, rig.Http.Requests().Length, "no retry before the " + pause.ToString() + " ms pause is over");
                rig.Clock.Advance(1);
                rig.Until(() => rig.Terminal() == 1 && !rig.Engine.IsBusy, "the job ends");
                Assert.AreEqual(2, rig.Http.Requests().Length);
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Dialect.Last().Status, rig.Dialect.Last().Detail);
            }
        }

        [TestMethod]
        public void Too_many_redirects_are_download_failed()
        {
            using (OtaRig rig = NewRig())
            {
                for (int i = 0; i < 10; i++)
                {
                    rig.Http.ThenStatus(302, "/hop" + i.ToString() + ".bin");
                }

                Expect(rig, rig.FirmwareOffer(), UpdateStatus.DownloadFailed, "more than 5 redirects");
                Assert.AreEqual(6, rig.Http.Requests().Length, "the request and five redirects followed");
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void A_redirect_without_location_is_download_failed()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.ThenStatus(301, null);
                Expect(rig, rig.FirmwareOffer(), UpdateStatus.DownloadFailed, "HTTP 301 without a usable Location");
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void Redirects_are_followed_absolute_and_relative()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.ThenStatus(301, "http://mirror.example/fw/a.bin").ThenStatus(307, "/final/b.bin");
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(rig.FirmwareOffer()).Status);
                string[] requests = rig.Http.Requests();
                Assert.AreEqual(3, requests.Length);
                Assert.AreEqual("http://mirror.example/fw/a.bin|-1", requests[1]);
                Assert.AreEqual("http://mirror.example/final/b.bin|-1", requests[2]);
            }
        }

        [TestMethod]
        public void A_stalled_download_resumes_from_where_it_stopped()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.Then(FakeBehaviour.StallAfter, 20000);
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(rig.FirmwareOffer()).Status);
                string[] requests = rig.Http.Requests();
                Assert.AreEqual(2, requests.Length);
                Assert.AreEqual(OtaRig.ImageUrl + "|20000", requests[1], "only the rest is asked for");
                Assert.AreEqual((long)ImageSize, rig.Http.BytesServed, "no byte is transferred twice");
                Assert.IsTrue(OtaRig.SameBytes(rig.Http.Image, (byte[])rig.Installed[0]), "the digest carried on across the resume");
                Assert.AreEqual(1, rig.Engine.Counters.Resumes);
                rig.AssertProgress(10);
            }
        }

        [TestMethod]
        public void A_dropped_connection_resumes_with_a_range()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.Then(FakeBehaviour.CutAfter, 10000).Then(FakeBehaviour.ShortBody, 15000);
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(rig.FirmwareOffer()).Status);
                string[] requests = rig.Http.Requests();
                Assert.AreEqual(3, requests.Length);
                Assert.EndsWith("|10000", requests[1]);
                Assert.EndsWith("|25000", requests[2], "a clean close short of Content-Length is a cut too");
                Assert.AreEqual((long)ImageSize, rig.Http.BytesServed);
                Assert.IsTrue(OtaRig.SameBytes(rig.Http.Image, rig.Store.Firmware));
            }
        }

        [TestMethod]
        public void A_server_that_ignores_the_range_restarts_the_download_and_the_digest()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.Then(FakeBehaviour.CutAfter, 30000).Then(FakeBehaviour.IgnoreRange, 0);
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(rig.FirmwareOffer()).Status);
                Assert.EndsWith("|30000", rig.Http.Requests()[1]);
                Assert.AreEqual(30000L + ImageSize, rig.Http.BytesServed);
                Assert.AreEqual(1, rig.Engine.Counters.RangeIgnored);
                Assert.IsTrue(OtaRig.SameBytes(rig.Http.Image, (byte[])rig.Installed[0]));
                rig.AssertProgress(10);
            }
        }

        [TestMethod]
        public void Endless_drops_without_progress_give_up()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Http.Then(FakeBehaviour.CutAfter, 5000);
                for (int i = 0; i < 10; i++)
                {
                    rig.Http.Then(FakeBehaviour.StallAfter, 0);
                }

                Expect(rig, rig.FirmwareOffer(), UpdateStatus.DownloadFailed, "stalled");
                Assert.AreEqual(5, rig.Http.Requests().Length, "progress resets the count; then 1 + 3 retries");
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void An_announced_size_over_capacity_is_store_full_before_downloading()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Store.Capacity = ImageSize - 1;
                Expect(rig, rig.FirmwareOffer(), UpdateStatus.ApplyFailed, "store full");
                Assert.AreEqual(0, rig.Http.Requests().Length);
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void An_unannounced_size_over_capacity_is_store_full_while_downloading()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Store.Capacity = 8192;
                rig.Http.Then(FakeBehaviour.NoLength, 0);
                UpdateOffer offer = rig.FirmwareOffer();
                offer.Size = 0;
                Expect(rig, offer, UpdateStatus.ApplyFailed, "store full");
                Assert.IsTrue(rig.Http.BytesServed <= 8192 + 1024, "the download stops at the limit");
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void A_failing_flash_write_is_apply_failed()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Store.FailWritesAfter = 10000;
                Expect(rig, rig.FirmwareOffer(), UpdateStatus.ApplyFailed, "store write failed: flash write failed");
                AssertNothingApplied(rig);
            }
        }

        [TestMethod]
        public void A_config_larger_than_allowed_is_refused()
        {
            using (OtaRig rig = NewRig())
            {
                rig.Engine.Stop();
                UpdateEngineOptions options = OtaRig.FastOptions();
                options.MaxConfigBytes = 1024;
                rig.NewEngine(options);
                UpdateOffer offer = UpdateEngineTests.ConfigOffer(rig.Http.Image, "big");
                Expect(rig, offer, UpdateStatus.ApplyFailed, "config too large");
                Assert.AreEqual(0, rig.Configs.Count);
            }
        }

        [TestMethod]
        public void Offers_whose_digest_cannot_be_checked_are_verify_failed()
        {
            using (OtaRig rig = NewRig())
            {
                UpdateOffer odd = rig.FirmwareOffer();
                odd.DigestMethod = DigestMethod.None;
                odd.Digest = "abc123";
                Expect(rig, odd, UpdateStatus.VerifyFailed, "unknown digest method (6 hex digits)");

                UpdateOffer empty = rig.FirmwareOffer();
                empty.Version = "2.0.9";
                empty.Digest = null;
                Expect(rig, empty, UpdateStatus.VerifyFailed, "names MD5 but no digest");
                Assert.AreEqual(0, rig.Http.Requests().Length);
            }
        }

        [TestMethod]
        public void Without_a_digest_an_offer_is_checked_on_size_alone_unless_a_digest_is_required()
        {
            using (OtaRig rig = NewRig())
            {
                UpdateOffer bare = rig.FirmwareOffer();
                bare.DigestMethod = DigestMethod.None;
                bare.Digest = null;
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(bare).Status);

                rig.Engine.Stop();
                UpdateEngineOptions strict = OtaRig.FastOptions();
                strict.RequireDigest = true;
                rig.NewEngine(strict);
                bare.Version = "2.0.1";
                Expect(rig, bare, UpdateStatus.VerifyFailed, "the offer has no digest");
            }
        }

        [TestMethod]
        public void An_installer_that_fails_is_apply_failed_and_the_verified_image_is_kept()
        {
            using (OtaRig rig = NewRig())
            {
                rig.AppAccepts = false;
                Expect(rig, rig.FirmwareOffer(), UpdateStatus.ApplyFailed, "the app did not accept it");
                Assert.AreEqual(1, rig.Dialect.Count(UpdateStatus.Verified));
                Assert.IsTrue(OtaRig.SameBytes(rig.Http.Image, rig.Store.Firmware));

                rig.Engine.InstallFirmware = null;
                UpdateOffer next = rig.FirmwareOffer();
                next.Version = "2.0.2";
                Expect(rig, next, UpdateStatus.ApplyFailed, "no firmware installer");
            }
        }
    }
}
