using System.Threading;
using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    /// <summary>Time over MQTT, real-time monitoring and OTA hand-off on the in-memory transport.</summary>
    [TestClass]
    public class FastBeeServiceTests
    {
        private static UpdateOffer _offer;
        private static long _syncedTo;

        private static FastBeeRig MonitoredRig()
        {
            FastBeeOptions options = FastBeeRig.Options();
            options.Monitor = sample => sample.Add("temperature", 23.69).Add("humidity", 45.1);
            return new FastBeeRig(options).Start();
        }

        [TestMethod]
        public void Ntp_get_sets_the_clock_from_the_recorded_send_time()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options());
            _syncedTo = 0;
            rig.Client.TimeSynced += now => _syncedTo = now;
            rig.Start();
            try
            {
                Assert.AreEqual((int)SendResult.Accepted, (int)rig.Client.RequestTime());
                Assert.AreEqual((int)SendResult.DuplicateRequest, (int)rig.Client.RequestTime(), "one request at a time");
                // The echo is deliberately wrong: the device's own record wins.
                rig.Deliver("ntp/get", "{\"deviceSendTime\":\"0\",\"serverRecvTime\":1718000000100,\"serverSendTime\":1718000000105}");
                Assert.IsTrue(rig.Client.Clock.IsSynced);
                Assert.IsTrue(_syncedTo >= 1718000000102 && _syncedTo < 1718000001000, "synced to " + _syncedTo.ToString());
                long now = rig.Client.Clock.NowMs;
                Assert.IsTrue(now >= _syncedTo && now < _syncedTo + 1000);
                Assert.AreEqual(0, rig.Client.Session.PendingCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void A_time_request_lost_with_the_connection_is_abandoned()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options()).Start();
            try
            {
                rig.Client.RequestTime();
                Assert.AreEqual(1, rig.Client.Session.PendingCount);
                rig.Transport.Drop("link lost");
                FastBeeRig.WaitFor(() => rig.Count("info/post") == 2, "the reconnect");
                Assert.AreEqual(0, rig.Client.Session.PendingCount);
                Assert.AreEqual((int)SendResult.Accepted, (int)rig.Client.RequestTime(), "a new request is possible at once");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void An_unsolicited_answer_uses_the_echoed_time_as_number_or_string()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options()).Start();
            try
            {
                long sent = SystemClock.Instance.NowMs - 40;
                rig.Deliver("ntp/get", "{\"deviceSendTime\":\"" + sent.ToString() + "\",\"serverRecvTime\":\"1718000000100\",\"serverSendTime\":\"1718000000105\"}");
                Assert.IsTrue(rig.Client.Clock.IsSynced);
                long now = rig.Client.Clock.NowMs;
                // (100 + 105 + ~40) / 2 past 1718000000000.
                Assert.IsTrue(now >= 1718000000122 && now < 1718000001000, "clock " + now.ToString());
                Assert.AreEqual(0L, rig.Rejected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Unusable_time_answers_are_rejected_and_leave_the_clock_alone()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options()).Start();
            try
            {
                string[] bad = new string[]
                {
                    "{\"serverRecvTime\":1718000000100,\"serverSendTime\":1718000000105}",
                    "{\"deviceSendTime\":99999999999999,\"serverRecvTime\":1718000000100,\"serverSendTime\":1718000000105}",
                    "{\"deviceSendTime\":5,\"serverRecvTime\":\"noon\",\"serverSendTime\":1718000000105}",
                    "{\"deviceSendTime\":5}", "[5]", "garbage",
                };
                for (int i = 0; i < bad.Length; i++)
                {
                    rig.Deliver("ntp/get", bad[i]);
                    Assert.AreEqual((long)(i + 1), rig.Rejected, "answer " + i.ToString());
                }
                rig.Deliver("ntp/get", "");
                Assert.AreEqual((long)bad.Length, rig.Rejected, "empty is no data");
                Assert.IsFalse(rig.Client.Clock.IsSynced);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Monitor_sends_count_samples_then_stops()
        {
            FastBeeRig rig = MonitoredRig();
            try
            {
                long start = SystemClock.Instance.NowMs;
                rig.Deliver("monitor/get", "{\"count\":3,\"interval\":100}");
                FastBeeRig.WaitFor(() => !rig.Dialect.IsMonitoring, "the series ends");
                Assert.IsTrue(SystemClock.Instance.NowMs - start >= 180, "three samples span two intervals");
                Thread.Sleep(250);
                Assert.AreEqual(3, rig.Count("monitor/post"));
                Assert.AreEqual("[{\"id\":\"temperature\",\"value\":\"23.69\",\"remark\":\"\"},{\"id\":\"humidity\",\"value\":\"45.1\",\"remark\":\"\"}]",
                    rig.Last("monitor/post"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void The_first_sample_goes_out_at_once()
        {
            FastBeeRig rig = MonitoredRig();
            try
            {
                long start = SystemClock.Instance.NowMs;
                rig.Deliver("monitor/get", "{\"count\":60,\"interval\":2000}");
                FastBeeRig.WaitFor(() => rig.Count("monitor/post") == 1, "the first sample");
                Assert.IsTrue(SystemClock.Instance.NowMs - start < 1000, "not one interval later");
                Assert.IsTrue(rig.Dialect.IsMonitoring);
                rig.Dialect.StopMonitoring();
                Assert.IsFalse(rig.Dialect.IsMonitoring);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Count_zero_stops_and_a_new_request_replaces_the_running_one()
        {
            FastBeeRig rig = MonitoredRig();
            try
            {
                rig.Deliver("monitor/get", "{\"count\":1000,\"interval\":100}");
                Assert.IsTrue(rig.Dialect.IsMonitoring);
                rig.Deliver("monitor/get", "{\"count\":2,\"interval\":100}");
                FastBeeRig.WaitFor(() => !rig.Dialect.IsMonitoring, "the replacing series ends");
                int afterReplace = rig.Count("monitor/post");
                Assert.IsTrue(afterReplace >= 2 && afterReplace <= 3, afterReplace.ToString() + " samples");

                rig.Deliver("monitor/get", "{\"count\":1000,\"interval\":100}");
                FastBeeRig.WaitFor(() => rig.Count("monitor/post") > afterReplace, "the new series starts");
                rig.Deliver("monitor/get", "{\"count\":0}");
                Assert.IsFalse(rig.Dialect.IsMonitoring);
                int stoppedAt = rig.Count("monitor/post");
                Thread.Sleep(250);
                Assert.IsTrue(rig.Count("monitor/post") <= stoppedAt + 1, "at most a sample already under way");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Monitoring_stops_when_the_connection_ends()
        {
            FastBeeRig rig = MonitoredRig();
            try
            {
                rig.Deliver("monitor/get", "{\"count\":1000,\"interval\":100}");
                Assert.IsTrue(rig.Dialect.IsMonitoring);
                rig.Transport.Drop("link lost");
                FastBeeRig.WaitFor(() => !rig.Dialect.IsMonitoring, "monitoring stopped");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Bad_monitor_requests_are_rejected()
        {
            FastBeeRig rig = MonitoredRig();
            try
            {
                rig.Deliver("monitor/get", "{\"count\":5,\"interval\":50}");
                Assert.AreEqual(1L, rig.Rejected);
                Assert.Contains("below 100", rig.LastRejection);
                rig.Deliver("monitor/get", "{\"count\":\"many\"}");
                rig.Deliver("monitor/get", "{\"count\":");
                Assert.AreEqual(3L, rig.Rejected);
                Assert.IsFalse(rig.Dialect.IsMonitoring);
            }
            finally
            {
                rig.Stop();
            }

            FastBeeRig silent = new FastBeeRig(FastBeeRig.Options()).Start();
            try
            {
                silent.Deliver("monitor/get", "{\"count\":60,\"interval\":1000}");
                Assert.AreEqual(1L, silent.Rejected);
                Assert.Contains("no monitor source", silent.LastRejection);
            }
            finally
            {
                silent.Stop();
            }
        }

        [TestMethod]
        public void An_upgrade_push_is_offered_and_answered_on_upgrade_reply()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options());
            _offer = null;
            rig.Client.UpdateOffered += offer => _offer = offer;
            rig.Start();
            try
            {
                rig.Deliver("upgrade/get", "{\"otaId\":3,\"otaUrl\":\"http://iot.example.com/fw-1.3.bin\",\"firmwareVersion\":1.3,\"seqNo\":2,"
                    + "\"signType\":\"16md5\",\"signCode\":\"6E3C5A5D2B1F0A99\",\"messageId\":\"m-42\"}");
                Assert.IsNotNull(_offer);
                Assert.AreEqual("http://iot.example.com/fw-1.3.bin", _offer.Url);
                Assert.AreEqual("1.3", _offer.Version);
                Assert.AreEqual((int)DigestMethod.Md5Middle16, (int)_offer.DigestMethod);

                rig.Client.ReportUpdate(_offer, UpdateStatus.Downloading, 40, null);
                Assert.AreEqual(0, rig.Count("upgrade/reply"), "progress is not a FastBee reply");
                rig.Client.ReportUpdate(_offer, UpdateStatus.VerifyFailed, 100, null);
                Assert.AreEqual("{\"messageId\":\"m-42\",\"code\":502,\"msg\":\"verification failed\"}", rig.Last("upgrade/reply"));
                int replies = rig.Count("upgrade/reply");
                rig.Client.ReportUpdate(_offer, UpdateStatus.Verified, 100, null);
                Assert.AreEqual(replies, rig.Count("upgrade/reply"), "verified is not yet done: FastBee reads 200 as final");
                rig.Client.ReportUpdate(_offer, UpdateStatus.Succeeded, 100, "running 1.3");
                Assert.AreEqual("{\"messageId\":\"m-42\",\"code\":200,\"msg\":\"running 1.3\"}", rig.Last("upgrade/reply"));
                Assert.Contains("\"firmwareVersion\":1.3,", rig.Last("info/post"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void The_old_ota_get_has_no_reply_and_success_goes_out_as_info_post()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options());
            _offer = null;
            rig.Client.UpdateOffered += offer => _offer = offer;
            rig.Start();
            try
            {
                rig.Deliver("ota/get", "{\"version\":1.1,\"downloadUrl\":\"http://host/prod-api/profile/iot/1/firmware.bin\"}");
                Assert.IsNotNull(_offer);
                Assert.IsNull(_offer.CorrelationId);
                rig.Client.ReportUpdate(_offer, UpdateStatus.Failed, 0, "flash error");
                rig.Client.ReportUpdate(_offer, UpdateStatus.Succeeded, 100, null);
                Assert.AreEqual(0, rig.Count("upgrade/reply"));
                Assert.AreEqual(1.1, rig.Dialect.FirmwareVersion);
                Assert.AreEqual(2, rig.Count("info/post"));
                Assert.Contains("\"firmwareVersion\":1.1,", rig.Last("info/post"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Bad_ota_pushes_are_rejected_and_empty_ones_ignored()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options());
            _offer = null;
            rig.Client.UpdateOffered += offer => _offer = offer;
            rig.Start();
            try
            {
                rig.Deliver("upgrade/get", "");
                Assert.AreEqual(0L, rig.Rejected);
                rig.Deliver("upgrade/get", "{\"version\":1.1}");
                rig.Deliver("ota/get", "{\"downloadUrl\":\"ftp://host/fw.bin\"}");
                rig.Deliver("upgrade/get", "{\"otaUrl\":\"http://h/f.bin\",\"signCode\":\"zz\"}");
                rig.Deliver("ota/get", "[]");
                Assert.AreEqual(4L, rig.Rejected);
                Assert.IsNull(_offer);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
