using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Session;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    /// <summary>Time over MQTT, real-time monitoring and OTA hand-off on the in-memory transport.</summary>
    [TestClass]
    public class FastBeeServiceTests
    {
        private static UpdateOffer _offer;
        private static long _syncedTo;

        private static FastBeeDevice MonitoredDevice()
        {
            FastBeeOptions options = FastBeeDevice.Options();
            options.Monitor = sample => sample.Add("temperature", 23.69).Add("humidity", 45.1);
            return new FastBeeDevice(options).Start();
        }

        [TestMethod]
        public void Ntp_get_sets_the_clock_from_the_recorded_send_time_and_acknowledges_the_request()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options());
            _syncedTo = 0;
            device.Client.TimeSynced += now => _syncedTo = now;
            device.Start();
            try
            {
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.RequestTime());
                Assert.AreEqual((int)SendResult.DuplicateRequest, (int)device.Client.RequestTime(), "one request at a time");
                device.Rig.Advance(40);
                // The echo is deliberately wrong: the device's own record wins.
                device.Deliver("ntp/get", "{\"deviceSendTime\":\"0\",\"serverRecvTime\":1718000000100,\"serverSendTime\":1718000000105}");
                Assert.IsTrue(device.Client.Clock.IsSynced);
                // 40 ms round trip: ((100 - sent) + (105 - (sent + 40))) / 2 + sent + 40 past 1718000000000.
                Assert.IsTrue(_syncedTo >= 1718000000122 && _syncedTo <= 1718000000123, "synced to " + _syncedTo.ToString());
                Assert.AreEqual(_syncedTo, device.Client.Clock.NowMs, "no time passed since");
                Assert.AreEqual(0, device.Rig.Session.PendingCount);
                Assert.AreEqual(0, device.Rig.Outcomes.Count, "the time request is the dialect's own: TimeSynced is its answer, not an outcome");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_time_request_without_an_answer_times_out_and_frees_the_slot()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options()).Start();
            try
            {
                device.Client.RequestTime();
                device.Rig.Advance(device.Rig.Session.Options.RequestTimeoutMs - 1);
                Assert.AreEqual(1, device.Rig.Session.PendingCount, "not before its deadline");
                device.Rig.Advance(1);
                Waits.Until(() => device.Rig.Session.PendingCount == 0, "the timeout");
                Assert.AreEqual(1L, device.Rig.Session.Counters.Timeouts);
                Assert.AreEqual(0, device.Rig.Outcomes.Count, "no app waits for the dialect's own time request");
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.RequestTime(), "a new request may go");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_time_request_lost_with_the_connection_is_abandoned()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options()).Start();
            try
            {
                device.Client.RequestTime();
                Assert.AreEqual(1, device.Rig.Session.PendingCount);
                device.Reconnect(2);
                Assert.AreEqual(0, device.Rig.Session.PendingCount);
                Assert.IsTrue(device.Rig.Logged("time request abandoned"));
                Assert.AreEqual(0, device.Rig.Outcomes.Count, "no app waits for the dialect's own time request");
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.RequestTime(), "a new request is possible at once");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_unsolicited_answer_uses_the_echoed_time_as_number_or_string()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options()).Start();
            try
            {
                long sent = device.Rig.Clock.NowMs - 40;
                device.Deliver("ntp/get", "{\"deviceSendTime\":\"" + sent.ToString() + "\",\"serverRecvTime\":\"1718000000100\",\"serverSendTime\":\"1718000000105\"}");
                Assert.IsTrue(device.Client.Clock.IsSynced);
                long now = device.Client.Clock.NowMs;
                // (100 + 105 + 40) / 2 past 1718000000000.
                Assert.IsTrue(now >= 1718000000122 && now <= 1718000000123, "clock " + now.ToString());
                Assert.AreEqual(0L, device.Rejected);
                Assert.AreEqual(0, device.Rig.Outcomes.Count, "nothing was asked, nothing is answered");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Unusable_time_answers_are_rejected_and_leave_the_clock_alone()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options()).Start();
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
                    device.Deliver("ntp/get", bad[i]);
                    Assert.AreEqual((long)(i + 1), device.Rejected, "answer " + i.ToString());
                }
                device.Deliver("ntp/get", "");
                Assert.AreEqual((long)bad.Length, device.Rejected, "empty is no data");
                Assert.IsFalse(device.Client.Clock.IsSynced);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Monitor_sends_count_samples_on_a_fixed_schedule_then_stops()
        {
            FastBeeDevice device = MonitoredDevice();
            try
            {
                device.Deliver("monitor/get", "{\"count\":3,\"interval\":100}");
                Waits.Until(() => device.Count("monitor/post") == 1, "the first sample, at once");
                Assert.IsTrue(device.Dialect.IsMonitoring);
                device.Rig.Advance(100);
                Waits.Until(() => device.Count("monitor/post") == 2, "the second sample, one interval later");
                device.Rig.Advance(100);
                Waits.Until(() => device.Count("monitor/post") == 3, "the third sample");
                Assert.IsFalse(device.Dialect.IsMonitoring, "three samples and the series is over");
                device.Rig.Advance(1000);
                Assert.AreEqual(3, device.Count("monitor/post"));
                Assert.AreEqual("[{\"id\":\"temperature\",\"value\":\"23.69\",\"remark\":\"\"},{\"id\":\"humidity\",\"value\":\"45.1\",\"remark\":\"\"}]",
                    device.Last("monitor/post"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_late_sample_does_not_shift_the_schedule()
        {
            FastBeeDevice device = MonitoredDevice();
            try
            {
                device.Deliver("monitor/get", "{\"count\":60,\"interval\":2000}");
                Waits.Until(() => device.Count("monitor/post") == 1, "the first sample");
                // The series' thread wakes 500 ms late: one sample now, the next still at start + 2 intervals.
                device.Rig.Advance(2500);
                Waits.Until(() => device.Count("monitor/post") == 2, "the second sample");
                device.Rig.Advance(1500);
                Waits.Until(() => device.Count("monitor/post") == 3, "the third sample at start + 4000 ms");
                Assert.IsTrue(device.Dialect.IsMonitoring);
                device.Dialect.StopMonitoring();
                Assert.IsFalse(device.Dialect.IsMonitoring);
                device.Rig.Advance(10000);
                Assert.AreEqual(3, device.Count("monitor/post"), "stopped");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Count_zero_stops_and_a_new_request_replaces_the_running_one()
        {
            FastBeeDevice device = MonitoredDevice();
            try
            {
                device.Deliver("monitor/get", "{\"count\":1000,\"interval\":100}");
                Waits.Until(() => device.Count("monitor/post") == 1, "the first series starts");
                device.Deliver("monitor/get", "{\"count\":2,\"interval\":100}");
                Waits.Until(() => device.Count("monitor/post") == 2, "the replacing series starts at once");
                device.Rig.Advance(100);
                Waits.Until(() => !device.Dialect.IsMonitoring, "the replacing series ends");
                Waits.Until(() => device.Count("monitor/post") == 3, "its second sample");

                device.Deliver("monitor/get", "{\"count\":1000,\"interval\":100}");
                Waits.Until(() => device.Count("monitor/post") == 4, "the new series starts");
                device.Deliver("monitor/get", "{\"count\":0}");
                Assert.IsFalse(device.Dialect.IsMonitoring);
                device.Rig.Advance(1000);
                Assert.AreEqual(4, device.Count("monitor/post"), "nothing after the stop");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Monitoring_stops_when_the_connection_ends()
        {
            FastBeeDevice device = MonitoredDevice();
            try
            {
                device.Deliver("monitor/get", "{\"count\":1000,\"interval\":100}");
                Assert.IsTrue(device.Dialect.IsMonitoring);
                device.Transport.Drop("link lost");
                Waits.Until(() => !device.Dialect.IsMonitoring, "monitoring stopped");
                Assert.IsTrue(device.Rig.Logged("monitoring stopped, the connection ended"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Bad_monitor_requests_are_rejected()
        {
            FastBeeDevice device = MonitoredDevice();
            try
            {
                device.Deliver("monitor/get", "{\"count\":5,\"interval\":50}");
                Assert.AreEqual(1L, device.Rejected);
                Assert.Contains("below 100", device.LastRejection);
                device.Deliver("monitor/get", "{\"count\":\"many\"}");
                device.Deliver("monitor/get", "{\"count\":");
                Assert.AreEqual(3L, device.Rejected);
                Assert.IsFalse(device.Dialect.IsMonitoring);
            }
            finally
            {
                device.Stop();
            }

            FastBeeDevice silent = new FastBeeDevice(FastBeeDevice.Options()).Start();
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
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options());
            _offer = null;
            device.Client.UpdateOffered += offer => _offer = offer;
            device.Start();
            try
            {
                device.Deliver("upgrade/get", "{\"otaId\":3,\"otaUrl\":\"http://iot.example.com/fw-1.3.bin\",\"firmwareVersion\":1.3,\"seqNo\":2,"
                    + "\"signType\":\"16md5\",\"signCode\":\"6E3C5A5D2B1F0A99\",\"messageId\":\"m-42\"}");
                Assert.IsNotNull(_offer);
                Assert.AreEqual("http://iot.example.com/fw-1.3.bin", _offer.Url);
                Assert.AreEqual("1.3", _offer.Version);
                Assert.AreEqual((int)DigestMethod.Md5Middle16, (int)_offer.DigestMethod);

                device.Client.ReportUpdate(_offer, UpdateStatus.Downloading, 40, null);
                Assert.AreEqual(0, device.Count("upgrade/reply"), "progress is not a FastBee reply");
                device.Client.ReportUpdate(_offer, UpdateStatus.VerifyFailed, 100, null);
                Assert.AreEqual("{\"messageId\":\"m-42\",\"code\":502,\"msg\":\"verification failed\"}", device.Last("upgrade/reply"));
                int replies = device.Count("upgrade/reply");
                device.Client.ReportUpdate(_offer, UpdateStatus.Verified, 100, null);
                Assert.AreEqual(replies, device.Count("upgrade/reply"), "verified is not yet done: FastBee reads 200 as final");
                device.Client.ReportUpdate(_offer, UpdateStatus.Succeeded, 100, "running 1.3");
                Assert.AreEqual("{\"messageId\":\"m-42\",\"code\":200,\"msg\":\"running 1.3\"}", device.Last("upgrade/reply"));
                Assert.Contains("\"firmwareVersion\":1.3,", device.Last("info/post"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void The_old_ota_get_has_no_reply_and_success_goes_out_as_info_post()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options());
            _offer = null;
            device.Client.UpdateOffered += offer => _offer = offer;
            device.Start();
            try
            {
                device.Deliver("ota/get", "{\"version\":1.1,\"downloadUrl\":\"http://host/prod-api/profile/iot/1/firmware.bin\"}");
                Assert.IsNotNull(_offer);
                Assert.IsNull(_offer.CorrelationId);
                device.Client.ReportUpdate(_offer, UpdateStatus.Failed, 0, "flash error");
                device.Client.ReportUpdate(_offer, UpdateStatus.Succeeded, 100, null);
                Assert.AreEqual(0, device.Count("upgrade/reply"));
                Assert.AreEqual(1.1, device.Dialect.FirmwareVersion);
                Assert.AreEqual(2, device.Count("info/post"));
                Assert.Contains("\"firmwareVersion\":1.1,", device.Last("info/post"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Bad_ota_pushes_are_rejected_and_empty_ones_ignored()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options());
            _offer = null;
            device.Client.UpdateOffered += offer => _offer = offer;
            device.Start();
            try
            {
                device.Deliver("upgrade/get", "");
                Assert.AreEqual(0L, device.Rejected);
                device.Deliver("upgrade/get", "{\"version\":1.1}");
                device.Deliver("ota/get", "{\"downloadUrl\":\"ftp://host/fw.bin\"}");
                device.Deliver("upgrade/get", "{\"otaUrl\":\"http://h/f.bin\",\"signCode\":\"zz\"}");
                device.Deliver("ota/get", "[]");
                Assert.AreEqual(4L, device.Rejected);
                Assert.IsNull(_offer);
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
