using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>
    /// One outcome per report, with the app's id: from the platform's response when the product answers
    /// reports (ResponsesEnabled), from the PUBACK or the send itself when it does not.
    /// </summary>
    [TestClass]
    public class EztCloudOutcomeTests
    {
        private const string Ok = "{\"error_code\":0,\"error_msg\":\"OK\",\"ts\":1750234507181}";
        private const string TooFast = "{\"error_code\":-1,\"error_msg\":\"Device message frequency too fast, please wait for a moment\"}";

        private static EztCloudOptions Options(bool responses, MqttQos qos)
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.ResponsesEnabled = responses;
            options.PublishQos = qos;
            return options;
        }

        private static long Report(EztDevice device, long value)
        {
            long id;
            Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("n", value), out id));
            return id;
        }

        private static long Event(EztDevice device)
        {
            long id;
            Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportEvent("alarm", new PropertyReport(1).Add("level", 2L), out id));
            return id;
        }

        private static void AssertOutcome(EztDevice device, long id, OutcomeStatus status, int code, string message)
        {
            Outcome outcome = device.OutcomeOf(id);
            Assert.AreEqual((int)status, (int)outcome.Status, "outcome of " + id.ToString());
            Assert.AreEqual(code, outcome.Code);
            Assert.AreEqual(message, outcome.Message);
        }

        [TestMethod]
        public void Without_responses_at_qos_0_reports_are_sent()
        {
            EztDevice device = EztDevice.Started(Options(false, MqttQos.AtMostOnce), 0);
            try
            {
                long report = Report(device, 1);
                long alarm = Event(device);
                AssertOutcome(device, report, OutcomeStatus.Sent, 0, null);
                AssertOutcome(device, alarm, OutcomeStatus.Sent, 0, null);
                device.Deliver("attributes_response", Ok);
                Assert.AreEqual(2, device.Rig.Outcomes.Count, "a response adds nothing: the outcome was the send");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Without_responses_at_qos_1_the_puback_acknowledges()
        {
            EztDevice device = EztDevice.Started(Options(false, MqttQos.AtLeastOnce), 0);
            try
            {
                long report = Report(device, 1);
                long alarm = Event(device);
                AssertOutcome(device, report, OutcomeStatus.Acknowledged, 0, null);
                AssertOutcome(device, alarm, OutcomeStatus.Acknowledged, 0, null);
                Assert.AreEqual(2, device.Rig.Outcomes.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void With_responses_the_response_acknowledges_or_refuses()
        {
            EztDevice device = EztDevice.Started(Options(true, MqttQos.AtMostOnce), 0);
            try
            {
                long report = Report(device, 1);
                long alarm = Event(device);
                Assert.AreEqual(0, device.Rig.Outcomes.Count, "nothing until the platform answers");
                device.Deliver("attributes_response", Ok);
                device.Deliver("event_response", TooFast);
                AssertOutcome(device, report, OutcomeStatus.Acknowledged, 0, "OK");
                AssertOutcome(device, alarm, OutcomeStatus.Refused, -1, "Device message frequency too fast, please wait for a moment");
                Assert.AreEqual(1, device.Dialect.Counters.Throttled);

                device.AdvanceUntil(EztDevice.RequestTimeoutMs, () => device.Session.PendingCount == 0, "nothing left waiting");
                device.Deliver("attributes_response", Ok);
                Assert.AreEqual(2, device.Rig.Outcomes.Count, "one outcome each: no timeout, no second answer");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void With_responses_at_qos_1_the_puback_is_not_the_outcome()
        {
            EztDevice device = EztDevice.Started(Options(true, MqttQos.AtLeastOnce), 0);
            try
            {
                long report = Report(device, 1);
                device.Rig.Advance(1);
                Waits.Until(() => device.Session.Counters.Delivered == 1, "the PUBACK");
                Assert.IsNull(device.Rig.Find(report), "acknowledged by the broker, not yet by the platform");
                device.Deliver("attributes_response", "{\"error_code\":-2,\"error_msg\":\"bad value\"}");
                AssertOutcome(device, report, OutcomeStatus.Refused, -2, "bad value");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void With_responses_no_answer_times_out()
        {
            EztDevice device = EztDevice.Started(Options(true, MqttQos.AtMostOnce), 0);
            try
            {
                long report = Report(device, 1);
                long alarm = Event(device);
                device.AdvanceUntil(EztDevice.RequestTimeoutMs, () => device.Rig.Outcomes.Count == 2, "both time out");
                AssertOutcome(device, report, OutcomeStatus.TimedOut, 0, null);
                AssertOutcome(device, alarm, OutcomeStatus.TimedOut, 0, null);

                device.Deliver("attributes_response", Ok);
                Assert.AreEqual(1, device.Dialect.Counters.UnmatchedResponses, "too late: no report is waiting any more");
                Assert.AreEqual(2, device.Rig.Outcomes.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Merged_reports_share_one_outcome_from_their_response()
        {
            EztCloudOptions options = Options(true, MqttQos.AtMostOnce);
            options.MinReportIntervalMs = EztDevice.RequestTimeoutMs / 2;
            EztDevice device = EztDevice.Started(options, 0);
            try
            {
                long first = Report(device, 1);
                long second = Report(device, 2);
                long third = Report(device, 3);
                Assert.AreEqual(second, third, "merged into one message, one id");
                device.AdvanceUntil(EztDevice.RequestTimeoutMs / 2, () => device.CountOn("attributes") == 2, "the merged report");
                device.Deliver("attributes_response", Ok);
                device.Deliver("attributes_response", TooFast);
                AssertOutcome(device, first, OutcomeStatus.Acknowledged, 0, "OK");
                AssertOutcome(device, second, OutcomeStatus.Refused, -1, "Device message frequency too fast, please wait for a moment");
                Assert.AreEqual(2, device.Rig.Outcomes.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Merged_reports_without_responses_are_sent_together()
        {
            EztCloudOptions options = Options(false, MqttQos.AtLeastOnce);
            options.MinReportIntervalMs = 1000;
            EztDevice device = EztDevice.Started(options, 0);
            try
            {
                long first = Report(device, 1);
                long second = Report(device, 2);
                Assert.AreEqual(second, Report(device, 3));
                AssertOutcome(device, first, OutcomeStatus.Acknowledged, 0, null);
                Assert.IsNull(device.Rig.Find(second), "not sent before the interval");
                device.AdvanceUntil(1000, () => device.Rig.Find(second) != null, "the merged report's PUBACK");
                AssertOutcome(device, second, OutcomeStatus.Acknowledged, 0, null);
                Assert.AreEqual("{\"n\":3}", device.Last("attributes"));
                Assert.AreEqual(2, device.Rig.Outcomes.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void What_the_dialect_sends_on_its_own_has_no_outcome_but_keeps_its_place_in_the_queue()
        {
            EztCloudOptions options = Options(true, MqttQos.AtMostOnce);
            options.FirmwareVersion = "1.0.0";
            options.OtaCheckOnConnect = true;
            EztDevice device = EztDevice.Started(options, 2);
            try
            {
                long report = Report(device, 1);
                long alarm = Event(device);
                device.Deliver("attributes_response", TooFast);
                device.Deliver("event_response", TooFast);
                Assert.AreEqual(0, device.Rig.Outcomes.Count, "those answered the version and the otaCheck");
                device.Deliver("attributes_response", Ok);
                device.Deliver("event_response", Ok);
                AssertOutcome(device, report, OutcomeStatus.Acknowledged, 0, "OK");
                AssertOutcome(device, alarm, OutcomeStatus.Acknowledged, 0, "OK");
                Assert.AreEqual(2, device.Rig.Outcomes.Count);
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
