using System.Collections;
using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>Answers without ids: reports matched in publish order, one attributes_get at a time.</summary>
    [TestClass]
    public class EztCloudResponseTests
    {
        private const string Ok = "{\"error_code\":0,\"error_msg\":\"OK\",\"ts\":1750234507181}";

        [TestMethod]
        public void Answers_match_reports_in_publish_order()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                ArrayList sequences = new ArrayList();
                device.Dialect.AttributesResponse += r => sequences.Add(r.Sequence);
                for (int i = 0; i < 3; i++)
                {
                    device.Client.ReportProperties(new PropertyReport(1).Add("n", (long)i));
                }
                device.Deliver("attributes_response", Ok);
                device.Deliver("attributes_response", Ok);
                device.Deliver("attributes_response", Ok);
                device.Deliver("attributes_response", Ok);
                Assert.AreEqual(4, sequences.Count);
                Assert.AreEqual(1L, (long)sequences[0]);
                Assert.AreEqual(2L, (long)sequences[1]);
                Assert.AreEqual(3L, (long)sequences[2]);
                Assert.AreEqual(0L, (long)sequences[3], "a fourth answer has no report left");
                Assert.AreEqual(1, device.Dialect.Counters.UnmatchedResponses);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Only_the_last_eight_reports_wait_for_an_answer()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                ArrayList sequences = new ArrayList();
                device.Dialect.AttributesResponse += r => sequences.Add(r.Sequence);
                for (int i = 0; i < 10; i++)
                {
                    device.Client.ReportProperties(new PropertyReport(1).Add("n", (long)i));
                }
                for (int i = 0; i < 10; i++)
                {
                    device.Deliver("attributes_response", Ok);
                }
                Assert.AreEqual(3L, (long)sequences[0], "the two oldest were forgotten");
                Assert.AreEqual(10L, (long)sequences[7]);
                Assert.AreEqual(0L, (long)sequences[8]);
                Assert.AreEqual(2, device.Dialect.Counters.UnmatchedResponses);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Event_responses_match_event_reports()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                EztCloudResponse seen = null;
                EztCloudResponse refused = null;
                device.Dialect.EventResponse += r => seen = r;
                device.Dialect.ReportRefused += r => refused = r;
                device.Client.ReportEvent("alarm", new PropertyReport(1).Add("level", 2L));
                device.Deliver("event_response", "{\"error_code\":-1,\"error_msg\":\"Device message frequency too fast, please wait for a moment\",\"ts\":1750234507181}");
                Assert.IsNotNull(seen);
                Assert.AreEqual(1L, seen.Sequence);
                Assert.AreEqual((int)EztCloudResponseKind.EventReport, (int)seen.Kind);
                Assert.AreSame(seen, refused);
                Assert.AreEqual(1, device.Dialect.Counters.Throttled);
                Assert.AreEqual(1, device.CountOn("event_report"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Error_codes_may_arrive_as_strings_and_other_failures_are_refusals()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                long code = 0;
                device.Dialect.ReportRefused += r => code = r.ErrorCode;
                device.Deliver("attributes_response", "{\"error_code\":\"-2\",\"error_msg\":\"bad value\"}");
                Assert.AreEqual(-2L, code);
                Assert.AreEqual(0, device.Dialect.Counters.Throttled);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Malformed_answers_are_rejected()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Deliver("attributes_response", "OK");
                Assert.Contains("invalid JSON", device.LastRejection());
                device.Deliver("attributes_response", "{\"error_msg\":\"OK\"}");
                Assert.Contains("without an integer error_code", device.LastRejection());
                device.Dialect.GetAttributes(null);
                device.Deliver("attributes_get_response", "{\"error_code\":0,\"attributes\":[1]}");
                Assert.Contains("attributes is not an object", device.LastRejection());
                Assert.AreEqual(3L, device.Session.Counters.Rejected);
                Assert.AreEqual(1, device.Session.PendingCount, "the get still waits for a usable answer");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void One_attributes_get_at_a_time()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.GetAttributes(new string[] { "a" }));
                Assert.AreEqual((int)SendResult.DuplicateRequest, (int)device.Dialect.GetAttributes(new string[] { "b" }));
                Assert.AreEqual(1, device.CountOn("attributes_get"), "the second request was not sent");
                device.Deliver("attributes_get_response", "{\"error_code\":0,\"attributes\":{\"a\":1}}");
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.GetAttributes(new string[] { "b" }));
                Assert.ThrowsException(typeof(System.ArgumentException), () => device.Dialect.GetAttributes(new string[] { "a", null }));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_answer_nobody_asked_for_is_rejected_as_unmatched()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                bool handed = false;
                device.Dialect.AttributesReceived += r => handed = true;
                device.Deliver("attributes_get_response", "{\"error_code\":0,\"attributes\":{\"sz\":3}}");
                Assert.IsFalse(handed);
                Assert.Contains(((int)RejectReason.UnmatchedReply).ToString() + "|", device.LastRejection());
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_unanswered_get_times_out_visibly()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                int tag = 0;
                device.Session.RequestTimedOut += r => tag = r.ReplyKind;
                device.Dialect.GetAttributes(null);
                device.AdvanceUntil(EztDevice.RequestTimeoutMs, () => tag != 0, "the get times out");
                Assert.AreEqual((int)IotDevice.Topics.TopicKind.PropertyGetReply, tag);
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.GetAttributes(null), "a new get may go out");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_throwing_app_handler_does_not_stop_the_dialect()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Dialect.AttributesResponse += r => { throw new System.InvalidOperationException("app bug"); };
                device.Client.ReportProperties(new PropertyReport(1).Add("n", 1L));
                device.Deliver("attributes_response", Ok);
                Assert.IsTrue(device.Logged("response handler failed: app bug"));
                Assert.AreEqual(0, device.Dialect.Counters.UnmatchedResponses, "the answer was matched despite the handler");
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
