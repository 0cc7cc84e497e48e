using IotDevice.Client;
using IotDevice.Ota;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Ota
{
    /// <summary>One job at a time: other offers are refused, repeated ones recognised.</summary>
    [TestClass]
    public class UpdateAdmissionTests
    {
        private const int ImageSize = 30 * 1024;

        [TestMethod]
        public void A_different_offer_while_a_job_runs_is_refused_reported_and_counted()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(ImageSize), -1))
            {
                rig.Http.Then(FakeBehaviour.HoldAfter, 10000);
                UpdateOffer first = rig.FirmwareOffer();
                rig.Dialect.Push(first);
                Waits.Until(() => rig.Http.Holding, "the server holding the download");

                UpdateOffer second = rig.FirmwareOffer();
                second.Version = "3.0.0";
                second.Digest = OtaRig.Md5Hex(OtaRig.MakeImage(5));
                rig.Dialect.Push(second);

                UpdateReport refusal = rig.Dialect.Last();
                Assert.AreSame(second, refusal.Offer);
                Assert.AreEqual((int)UpdateStatus.Failed, (int)refusal.Status);
                Assert.StartsWith("busy: firmware 2.0.0 (MCU) is in progress", refusal.Detail);
                Assert.AreEqual(1, rig.Engine.Counters.Refused);

                rig.Http.Release();
                rig.Until(() => rig.Dialect.Count(UpdateStatus.Succeeded) == 1 && !rig.Engine.IsBusy, "the job succeeds");
                Assert.AreSame(first, rig.Dialect.Last().Offer, "the first job carries on and succeeds");
                Assert.AreEqual(1, rig.Engine.Counters.Started);
            }
        }

        [TestMethod]
        public void The_same_offer_pushed_again_while_running_is_not_run_twice_and_lends_its_fresh_url()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(ImageSize), -1))
            {
                rig.Http.Then(FakeBehaviour.HoldAfter, 10000);
                rig.Dialect.Push(rig.FirmwareOffer());
                Waits.Until(() => rig.Http.Holding, "the server holding the download");

                UpdateOffer again = rig.FirmwareOffer();
                again.Url = "http://files.example/fw/app-2.0.0.bin?Expires=1800000000&Signature=fresh";
                again.Digest = again.Digest.ToUpper();
                int reportsBefore = rig.Dialect.Reports().Length;
                rig.Dialect.Push(again);
                Assert.AreEqual(reportsBefore, rig.Dialect.Reports().Length, "a duplicate is not answered on its own");
                Assert.AreEqual(1, rig.Engine.Counters.Duplicates);

                rig.Http.Release();
                rig.Until(() => rig.Dialect.Count(UpdateStatus.Succeeded) == 1 && !rig.Engine.IsBusy, "the job succeeds");
                string[] requests = rig.Http.Requests();
                Assert.AreEqual(2, requests.Length);
                Assert.AreEqual(again.Url + "|10000", requests[1], "the resume uses the re-pushed URL");
                Assert.AreEqual(1, rig.Engine.Counters.Started);
                Assert.AreEqual(1, rig.Installed.Count);
            }
        }

        [TestMethod]
        public void A_url_refused_while_the_platform_re_pushes_is_retried_with_the_fresh_one()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(ImageSize), -1))
            {
                rig.Http.ThenGate(403);
                rig.Dialect.Push(rig.FirmwareOffer());
                Waits.Until(() => rig.Http.Holding, "the server holding the download");

                UpdateOffer again = rig.FirmwareOffer();
                again.Url = "http://files.example/fw/app-2.0.0.bin?Signature=renewed";
                rig.Dialect.Push(again);
                rig.Http.Release();

                rig.Until(() => rig.Terminal() == 1 && !rig.Engine.IsBusy, "the job ends");
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Dialect.Last().Status, rig.Dialect.Last().Detail);
                Assert.AreEqual(again.Url + "|-1", rig.Http.Requests()[1]);
            }
        }

        [TestMethod]
        public void An_offer_already_applied_is_answered_without_downloading_even_after_a_restart()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(ImageSize), -1))
            {
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(rig.FirmwareOffer()).Status);
                int requests = rig.Http.Requests().Length;

                UpdateReport repeat = rig.Run(rig.FirmwareOffer());
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)repeat.Status);
                Assert.AreEqual("already applied", repeat.Detail);

                rig.Engine.Stop();
                rig.NewEngine(OtaRig.FastOptions());
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(rig.FirmwareOffer()).Status);
                Assert.AreEqual(requests, rig.Http.Requests().Length, "no download for a repeat");
                Assert.AreEqual(1, rig.Engine.Counters.Duplicates);
                Assert.AreEqual(1, rig.Installed.Count);

                UpdateOffer newer = rig.FirmwareOffer();
                newer.Version = "2.0.1";
                rig.Run(newer);
                Assert.AreEqual(2, rig.Installed.Count, "a new version does run");
            }
        }

        [TestMethod]
        public void A_config_already_applied_is_confirmed_with_verified_again()
        {
            byte[] config = System.Text.Encoding.UTF8.GetBytes("{\"mode\":\"eco\"}");
            using (OtaRig rig = new OtaRig(config, -1))
            {
                rig.Run(UpdateEngineTests.ConfigOffer(config, "cfg-9"));
                UpdateOffer repeat = UpdateEngineTests.ConfigOffer(config, "cfg-9");
                repeat.CorrelationId = "124";
                rig.Run(repeat);
                UpdateReport[] reports = rig.Dialect.Reports();
                Assert.AreSame(repeat, reports[reports.Length - 2].Offer);
                Assert.AreEqual((int)UpdateStatus.Verified, (int)reports[reports.Length - 2].Status, "so Alink gets its push_reply for the new id");
                Assert.AreEqual(1, rig.Configs.Count);
            }
        }

        [TestMethod]
        public void A_failed_offer_pushed_again_runs_again()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(ImageSize), -1))
            {
                rig.Http.ThenStatus(404, null);
                Assert.AreEqual((int)UpdateStatus.DownloadFailed, (int)rig.Run(rig.FirmwareOffer()).Status);
                Assert.AreEqual((int)UpdateStatus.Succeeded, (int)rig.Run(rig.FirmwareOffer()).Status);
                Assert.AreEqual(2, rig.Engine.Counters.Started);
            }
        }

        [TestMethod]
        public void Unusable_offers_are_refused_with_a_reason()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(100), -1))
            {
                UpdateOffer noUrl = rig.FirmwareOffer();
                noUrl.Url = null;
                Assert.IsFalse(rig.Engine.Offer(noUrl));
                Assert.AreEqual("unusable offer: no http(s) URL", rig.Dialect.Last().Detail);

                UpdateOffer ftp = rig.FirmwareOffer();
                ftp.Url = "ftp://files.example/a.bin";
                Assert.IsFalse(rig.Engine.Offer(ftp));

                UpdateOffer noKind = rig.FirmwareOffer();
                noKind.Kind = (UpdateKind)0;
                Assert.IsFalse(rig.Engine.Offer(noKind));
                Assert.AreEqual("unusable offer: unknown kind", rig.Dialect.Last().Detail);

                Assert.IsFalse(rig.Engine.Offer(null));
                Assert.AreEqual(3, rig.Engine.Counters.Refused);
                Assert.AreEqual(0, rig.Http.Requests().Length);
            }
        }

        [TestMethod]
        public void A_stopped_engine_refuses_offers()
        {
            using (OtaRig rig = new OtaRig(OtaRig.MakeImage(100), -1))
            {
                rig.Engine.Stop();
                Assert.IsFalse(rig.Engine.Offer(rig.FirmwareOffer()));
                Assert.AreEqual("the update engine is not running", rig.Dialect.Last().Detail);
                rig.Dialect.Push(rig.FirmwareOffer());
                Assert.AreEqual(1, rig.Dialect.Reports().Length, "after Stop the engine no longer listens to the client");
                Assert.IsTrue(rig.Logged("nobody handles it"));
            }
        }
    }
}
