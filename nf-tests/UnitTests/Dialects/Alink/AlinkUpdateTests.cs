using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Session;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>OTA push, firmware query, progress and inform; remote config get and push; NTP.</summary>
    [TestClass]
    public class AlinkUpdateTests
    {
        private const string Upgrade = "/ota/device/upgrade/a1X2bEnTest/example1";
        private const string Inform = "/ota/device/inform/a1X2bEnTest/example1";
        private const string Progress = "/ota/device/progress/a1X2bEnTest/example1";
        private const string ConfigPush = AlinkDevice.Sys + "thing/config/push";
        private const string ConfigPushReply = AlinkDevice.Sys + "thing/config/push_reply";

        private const string OldPush = "{\"code\":\"1000\",\"data\":{\"size\":432945,\"version\":\"2.0.0\",\"isDiff\":1,\"url\":\"https://iotx-ota.example/fw.bin?Expires=1\","
            + "\"md5\":\"93230c3bde425a9d7984a594ac55ea1e\",\"sign\":\"93230c3bde425a9d7984a594ac55****\",\"signMethod\":\"Md5\",\"module\":\"MCU\","
            + "\"extData\":{\"key1\":\"value1\",\"key2\":\"value2\"}},\"id\":\"1507707025\",\"message\":\"success\"}";

        private const string NewPush = "{\"code\":\"1000\",\"data\":{\"size\":11472299,\"sign\":\"83254ac96e141affb8aa42cbfec9****\",\"version\":\"2-0-0\","
            + "\"url\":\"https://iotx-ota.example/2.bin\",\"signMethod\":\"Md5\",\"md5\":\"83254ac96e141affb8aa42cbfec9****\"},\"id\":1568864790381,\"message\":\"success\"}";

        private const string ConfigParams = "{\"configId\":\"123dagdah\",\"configSize\":1234565,\"sign\":\"123214adfadgadg\",\"signMethod\":\"Sha256\","
            + "\"url\":\"https://iotx-config.example/nopoll.tar.gz?Expires=1502955804\",\"getType\":\"file\"}";

        [TestMethod]
        public void Connect_announces_version_then_asks_for_firmware_and_config()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.FirmwareVersion = "1.0.1";
            options.Module = "MCU";
            options.ConfigOnConnect = true;
            AlinkDevice alink = new AlinkDevice(options).Start(3);
            DeviceRig device = alink.Rig;
            try
            {
                string[] sent = device.Transport.Published();
                Assert.AreEqual(Inform + "|{\"id\":\"123\",\"params\":{\"version\":\"1.0.1\",\"module\":\"MCU\"}}", sent[0]);
                Assert.AreEqual(AlinkDevice.Sys + "thing/ota/firmware/get|{\"id\":\"124\",\"version\":\"1.0\",\"sys\":{\"ack\":1},\"params\":{\"module\":\"MCU\"},\"method\":\"thing.ota.firmware.get\"}", sent[1]);
                Assert.StartsWith(AlinkDevice.Sys + "thing/config/get|{\"id\":\"125\"", sent[2]);
                Assert.AreEqual(2, device.Client.Session.PendingCount, "both queries wait for their replies");

                // Nothing pending: data {}.
                device.Deliver(AlinkDevice.Sys + "thing/ota/firmware/get_reply", "{\"id\":\"124\",\"code\":200,\"data\":{}}");
                Assert.AreEqual(0, device.Offers.Count);
                device.Deliver(AlinkDevice.Sys + "thing/config/get_reply", "{\"id\":\"125\",\"version\":\"1.0\",\"code\":200,\"data\":" + ConfigParams + "}");
                UpdateOffer config = (UpdateOffer)device.Offers[0];
                Assert.AreEqual((int)UpdateKind.Config, (int)config.Kind);
                Assert.AreEqual("123dagdah", config.ConfigId);
                Assert.AreEqual(1234565L, config.Size);
                Assert.AreEqual((int)DigestMethod.Sha256, (int)config.DigestMethod);
                Assert.AreEqual("123214adfadgadg", config.Digest);
                Assert.AreEqual(0, device.Client.Session.PendingCount);

                // The counter survives the reconnect: the next announcements carry new ids.
                device.Transport.Drop("test");
                alink.AdvanceUntil(() => device.Transport.Published().Length >= 6, "announced again after the backoff");
                Assert.AreEqual(Inform + "|{\"id\":\"126\",\"params\":{\"version\":\"1.0.1\",\"module\":\"MCU\"}}", device.Transport.Published()[3]);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_firmware_get_reply_with_data_is_an_offer()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long id;
                alink.Dialect.GetFirmware(out id);
                device.Deliver(AlinkDevice.Sys + "thing/ota/firmware/get_reply", "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{\"size\":100,\"version\":\"3.0\","
                    + "\"url\":\"https://ota.example/3.bin\",\"sign\":\"ab\",\"signMethod\":\"SHA256\"}}");
                UpdateOffer offer = (UpdateOffer)device.Offers[0];
                Assert.AreEqual("3.0", offer.Version);
                Assert.AreEqual((int)DigestMethod.Sha256, (int)offer.DigestMethod);
                Assert.IsNull(offer.Module);
                Assert.AreEqual("thing.ota.firmware.get", alink.LastReply().Method);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Both_push_forms_become_offers()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Deliver(Upgrade, OldPush);
                UpdateOffer old = (UpdateOffer)device.Offers[0];
                Assert.AreEqual((int)UpdateKind.Firmware, (int)old.Kind);
                Assert.AreEqual("https://iotx-ota.example/fw.bin?Expires=1", old.Url);
                Assert.AreEqual(432945L, old.Size);
                Assert.AreEqual("2.0.0", old.Version);
                Assert.AreEqual("MCU", old.Module);
                Assert.IsTrue(old.IsDiff);
                Assert.AreEqual((int)DigestMethod.Md5, (int)old.DigestMethod);
                Assert.AreEqual("93230c3bde425a9d7984a594ac55ea1e", old.Digest);
                Assert.AreEqual("\"1507707025\"", old.CorrelationId);

                device.Deliver(Upgrade, NewPush);
                UpdateOffer second = (UpdateOffer)device.Offers[1];
                Assert.AreEqual("2-0-0", second.Version);
                Assert.AreEqual(11472299L, second.Size);
                Assert.IsFalse(second.IsDiff);
                Assert.AreEqual("1568864790381", second.CorrelationId);

                device.Deliver(Upgrade, "{\"id\":\"123\",\"code\":200,\"data\":{\"size\":\"10\",\"version\":\"4\",\"url\":\"https://o.example/4\",\"sign\":\"cd\",\"signMethod\":\"sha256\"}}");
                UpdateOffer third = (UpdateOffer)device.Offers[2];
                Assert.AreEqual((int)DigestMethod.Sha256, (int)third.DigestMethod);
                Assert.AreEqual(10L, third.Size);
                Assert.AreEqual(0, device.Rejections.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Unusable_pushes_are_rejected()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Deliver(Upgrade, "{\"code\":\"500\",\"data\":{\"version\":\"2\",\"url\":\"https://x/y\"},\"message\":\"failed\"}");
                device.Deliver(Upgrade, "{\"code\":200,\"data\":{\"version\":\"2\"}}");
                device.Deliver(Upgrade, "{\"code\":200,\"data\":{\"version\":\"2\",\"url\":\"https://x/y\",\"sign\":\"a\",\"signMethod\":\"crc32\"}}");
                device.Deliver(Upgrade, "{\"code\":200,\"data\":{\"url\":\"https://x/y\"}}");
                device.Deliver(Upgrade, "{\"code\":200,\"data\":\"https://x/y\"}");
                device.Deliver(Upgrade, "{\"code\":200,\"data\":{\"version\":\"2\",\"url\":\"https://x/y\",\"size\":\"big\"}}");
                Assert.AreEqual(0, device.Offers.Count);
                Assert.AreEqual(6, device.Rejections.Count);
                Assert.IsTrue(device.Rejected(RejectReason.BadPayload));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Progress_steps_then_success_informs_the_new_version()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.FirmwareVersion = "1.0.0";
            options.Module = "MCU";
            AlinkDevice alink = new AlinkDevice(options).Start(2);
            DeviceRig device = alink.Rig;
            try
            {
                device.Deliver(Upgrade, OldPush);
                UpdateOffer offer = (UpdateOffer)device.Offers[0];
                device.Client.ReportUpdate(offer, UpdateStatus.Downloading, 10, null);
                device.Client.ReportUpdate(offer, UpdateStatus.Downloading, 50, null);
                device.Client.ReportUpdate(offer, UpdateStatus.Downloading, 100, null);
                device.Client.ReportUpdate(offer, UpdateStatus.Succeeded, 100, null);
                // The inform is QoS 1: the session's worker sends it from the outbox.
                Waits.Until(() => device.Sent().Length == 4, "the inform sent");
                string[] sent = device.Sent();
                Assert.AreEqual(4, sent.Length);
                Assert.AreEqual(Progress + "|{\"id\":\"125\",\"params\":{\"step\":\"10\",\"desc\":\"downloading\",\"module\":\"MCU\"}}", sent[0]);
                Assert.Contains("\"step\":\"50\"", sent[1]);
                Assert.Contains("\"step\":\"100\"", sent[2]);
                Assert.AreEqual(Inform + "|{\"id\":\"128\",\"params\":{\"version\":\"2.0.0\",\"module\":\"MCU\"}}", sent[3]);
                Assert.AreEqual("2.0.0", alink.Dialect.FirmwareVersion);

                device.Mark();
                device.Client.ReportUpdate(offer, UpdateStatus.VerifyFailed, 0, "digest mismatch");
                Assert.AreEqual(Progress + "|{\"id\":\"129\",\"params\":{\"step\":\"-3\",\"desc\":\"digest mismatch\",\"module\":\"MCU\"}}", device.Last());
                device.Client.ReportUpdate(offer, UpdateStatus.DownloadFailed, 0, null);
                Assert.Contains("\"step\":\"-2\"", device.Last());
                device.Client.ReportUpdate(offer, UpdateStatus.ApplyFailed, 0, null);
                Assert.Contains("\"step\":\"-4\"", device.Last());
                device.Client.ReportUpdate(offer, UpdateStatus.Failed, 0, null);
                Assert.Contains("\"step\":\"-1\"", device.Last());
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_config_push_is_answered_only_after_the_verdict()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Deliver(ConfigPush, "{\"id\":\"123\",\"version\":\"1.0\",\"params\":" + ConfigParams + ",\"method\":\"thing.config.push\"}");
                Assert.AreEqual(0, device.Sent().Length, "no push_reply before ReportUpdate");
                UpdateOffer offer = (UpdateOffer)device.Offers[0];
                Assert.AreEqual("123dagdah", offer.ConfigId);
                device.Client.ReportUpdate(offer, UpdateStatus.Downloading, 50, null);
                Assert.AreEqual(0, device.Sent().Length, "progress is not a verdict");
                device.Client.ReportUpdate(offer, UpdateStatus.Verified, 100, null);
                Assert.AreEqual(0, device.Sent().Length, "verified, but the app has not taken the config yet");
                device.Client.ReportUpdate(offer, UpdateStatus.Succeeded, 100, null);
                Assert.AreEqual(ConfigPushReply + "|{\"id\":\"123\",\"code\":200,\"data\":{}}", device.Last());
                device.Client.ReportUpdate(offer, UpdateStatus.Succeeded, 100, null);
                Assert.AreEqual(1, device.Sent().Length, "answered once");

                device.Deliver(ConfigPush, "{\"id\":77,\"params\":" + ConfigParams + "}");
                device.Client.ReportUpdate((UpdateOffer)device.Offers[1], UpdateStatus.VerifyFailed, 0, "sign mismatch");
                Assert.AreEqual(ConfigPushReply + "|{\"id\":77,\"code\":460,\"data\":{},\"message\":\"sign mismatch\"}", device.Last());

                device.Deliver(ConfigPush, "{\"id\":\"78\",\"params\":{\"configId\":\"x\"}}");
                Assert.StartsWith(ConfigPushReply + "|{\"id\":\"78\",\"code\":460", device.Last());
                Assert.AreEqual(2, device.Offers.Count);
                Assert.IsTrue(device.Rejected(RejectReason.BadPayload));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Four_config_pushes_wait_for_their_verdict_and_a_fifth_gives_up_the_oldest()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                for (int i = 1; i <= 5; i++)
                {
                    device.Deliver(ConfigPush, "{\"id\":\"" + i.ToString() + "\",\"params\":" + ConfigParams + "}");
                }
                Assert.AreEqual(5, device.Offers.Count);
                Assert.IsTrue(device.Logged("config push 123dagdah given up unanswered"));

                device.Client.ReportUpdate((UpdateOffer)device.Offers[0], UpdateStatus.Succeeded, 100, null);
                Assert.AreEqual(0, device.Sent().Length, "the oldest was given up");
                Assert.IsTrue(device.Logged("no push waits for an answer"));
                device.Client.ReportUpdate((UpdateOffer)device.Offers[3], UpdateStatus.Succeeded, 100, null);
                Assert.AreEqual(ConfigPushReply + "|{\"id\":\"4\",\"code\":200,\"data\":{}}", device.Last());
                for (int i = 1; i < 5; i++)
                {
                    device.Client.ReportUpdate((UpdateOffer)device.Offers[i], UpdateStatus.Failed, 0, "no");
                }
                string[] sent = device.Sent();
                Assert.AreEqual(4, sent.Length, "each waiting push answered once");
                Assert.StartsWith(ConfigPushReply + "|{\"id\":\"2\",\"code\":400", sent[1]);
                Assert.StartsWith(ConfigPushReply + "|{\"id\":\"3\",\"code\":400", sent[2]);
                Assert.StartsWith(ConfigPushReply + "|{\"id\":\"5\",\"code\":400", sent[3]);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Ntp_answer_sets_the_clock_by_the_spec_formula()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long synced = 0;
                device.Client.TimeSynced += now => synced = now;
                long sentAt = device.Clock.NowMs;
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.RequestTime());
                Assert.AreEqual("/ext/ntp/a1X2bEnTest/example1/request|{\"deviceSendTime\":\"" + sentAt.ToString() + "\"}", device.Last());
                // The platform's example: sent at 100, received 25 ms later, server times 1010 and 1015 → 1025.
                device.Advance(25);
                device.Deliver("/ext/ntp/a1X2bEnTest/example1/response",
                    "{\"deviceSendTime\":\"" + sentAt.ToString() + "\",\"serverRecvTime\":\"1010\",\"serverSendTime\":\"1015\"}");
                Assert.IsTrue(device.Client.Clock.IsSynced);
                Assert.AreEqual(1025L, synced);
                Assert.AreEqual(1025L, device.Client.Clock.NowMs);
                Assert.AreEqual(0, device.Session.PendingCount, "the answer completed the request");
                Assert.AreEqual(0, device.Outcomes.Count, "the time request is answered by TimeSynced, not an outcome");
                Assert.AreEqual(123L, alink.Dialect.NextMessageId, "the time request takes no message id");

                device.Deliver("/ext/ntp/a1X2bEnTest/example1/response", "{\"deviceSendTime\":100,\"serverRecvTime\":1010,\"serverSendTime\":1015}");
                Assert.IsTrue(device.Rejected(RejectReason.UnmatchedReply), "no second request is waiting");

                device.Client.RequestTime();
                device.Deliver("/ext/ntp/a1X2bEnTest/example1/response", "{\"deviceSendTime\":\"100\",\"serverRecvTime\":\"soon\",\"serverSendTime\":\"1015\"}");
                device.Deliver("/ext/ntp/a1X2bEnTest/example1/response", "{\"deviceSendTime\":\"" + (device.Clock.NowMs + 100000).ToString() + "\",\"serverRecvTime\":1,\"serverSendTime\":2}");
                Assert.AreEqual(3, device.Rejections.Count);
                device.Deliver("/ext/ntp/a1X2bEnTest/example1/response", "{\"deviceSendTime\":100,\"serverRecvTime\":1718000000100,\"serverSendTime\":1718000000105}");
                Assert.IsTrue(synced > 1718000000000, "numbers work as well as strings");
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
