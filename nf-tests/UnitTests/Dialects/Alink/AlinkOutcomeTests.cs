using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>
    /// Every Alink uplink with an id is a request its <c>_reply</c> answers: the reply is the client's one
    /// outcome for it, under the Alink message id the app got — Acknowledged for 200, Refused with the
    /// platform's code and message otherwise, TimedOut without a reply. Never Sent: even at QoS 0 a reply follows.
    /// </summary>
    [TestClass]
    public class AlinkOutcomeTests
    {
        private const string PostReply = AlinkDevice.Sys + "thing/event/property/post_reply";

        [TestMethod]
        public void A_property_report_is_acknowledged_by_its_post_reply()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long id;
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"), out id));
                Assert.StartsWith(AlinkDevice.Sys + "thing/event/property/post|{\"id\":\"" + id.ToString() + "\"", device.Last());
                Assert.AreEqual(0, device.Outcomes.Count, "QoS 0: nothing until the reply");
                device.Deliver(PostReply, "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Outcome outcome = device.OutcomeOf(id);
                Assert.AreEqual((int)OutcomeStatus.Acknowledged, (int)outcome.Status);
                Assert.AreEqual(200, outcome.Code);
                Assert.AreEqual(1, device.Outcomes.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_event_report_is_acknowledged_by_the_reply_on_its_own_event_topic()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long id;
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportEvent("alarm", new PropertyReport(1).Add("errorCode", 3L), out id));
                device.Deliver(AlinkDevice.Sys + "thing/event/alarm/post_reply", "{\"id\":" + id.ToString() + ",\"code\":200,\"data\":{}}");
                Outcome outcome = device.OutcomeOf(id);
                Assert.AreEqual((int)OutcomeStatus.Acknowledged, (int)outcome.Status);
                Assert.AreEqual("thing.event.alarm.post", alink.LastReply().Method);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_platform_error_is_refused_with_its_code_and_message()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long post;
                long tags;
                device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"), out post);
                alink.Dialect.UpdateDeviceInfo(new PropertyReport(1).Add("Temperature", "36.8"), out tags);
                device.Deliver(PostReply, "{\"id\":\"" + post.ToString() + "\",\"code\":\"6106\",\"data\":{},\"message\":\"too many properties\"}");
                device.Deliver(AlinkDevice.Sys + "thing/deviceinfo/update_reply", "{\"id\":\"" + tags.ToString() + "\",\"code\":6207,\"data\":{}}");

                Outcome refused = device.OutcomeOf(post);
                Assert.AreEqual((int)OutcomeStatus.Refused, (int)refused.Status);
                Assert.AreEqual(6106, refused.Code);
                Assert.AreEqual("too many properties", refused.Message);
                Outcome tagsRefused = device.OutcomeOf(tags);
                Assert.AreEqual((int)OutcomeStatus.Refused, (int)tagsRefused.Status);
                Assert.AreEqual(6207, tagsRefused.Code);
                Assert.IsNull(tagsRefused.Message);
                Assert.AreEqual(2, device.Outcomes.Count);
                Assert.AreEqual(2, alink.Replies.Count, "the replies are still told, with their data");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_event_without_a_reply_times_out_after_the_session_timeout_and_only_then()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long answered;
                long silent;
                device.Client.ReportEvent("alarm", new PropertyReport(1), out silent);
                device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"), out answered);
                device.Deliver(PostReply, "{\"id\":\"" + answered.ToString() + "\",\"code\":200,\"data\":{}}");
                Assert.AreEqual((int)OutcomeStatus.Acknowledged, (int)device.OutcomeOf(answered).Status);

                device.Advance(device.Session.Options.RequestTimeoutMs);
                Outcome outcome = device.OutcomeOf(silent);
                Assert.AreEqual((int)OutcomeStatus.TimedOut, (int)outcome.Status);
                Assert.AreEqual(2, device.Outcomes.Count, "one outcome each");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void At_qos_1_the_puback_is_not_the_outcome_the_reply_is()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.PublishQos = MqttQos.AtLeastOnce;
            AlinkDevice alink = new AlinkDevice(options).Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long id;
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"), out id));
                // The fake broker acknowledges at once; the request still waits for its reply.
                Waits.Until(() => device.Session.Counters.Delivered == 1, "the PUBACK");
                Assert.AreEqual(1, device.Session.PendingCount);
                device.Deliver(PostReply, "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Outcome outcome = device.OutcomeOf(id);
                Assert.AreEqual((int)OutcomeStatus.Acknowledged, (int)outcome.Status);
                Assert.AreEqual(200, outcome.Code, "the reply's code, not a PUBACK's 0");
                Assert.AreEqual(1, device.Outcomes.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Message_ids_wrap_past_the_32_bit_range_and_outcomes_follow_them()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.FirstMessageId = 4294967295;
            AlinkDevice alink = new AlinkDevice(options).Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long last;
                long first;
                device.Client.ReportProperties(new PropertyReport(1).Add("n", 1L), out last);
                device.Client.ReportProperties(new PropertyReport(1).Add("n", 2L), out first);
                Assert.AreEqual(4294967295L, last);
                Assert.AreEqual(1L, first);
                Assert.AreEqual(2L, alink.Dialect.NextMessageId);
                device.Deliver(PostReply, "{\"id\":\"4294967295\",\"code\":200,\"data\":{}}");
                device.Deliver(PostReply, "{\"id\":\"1\",\"code\":200,\"data\":{}}");
                Assert.AreEqual((int)OutcomeStatus.Acknowledged, (int)device.OutcomeOf(last).Status);
                Assert.AreEqual((int)OutcomeStatus.Acknowledged, (int)device.OutcomeOf(first).Status);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Requests_before_the_client_exists_are_refused_clearly()
        {
            AlinkDialect dialect = new AlinkDialect(AlinkDevice.Options());
            long id;
            Assert.ThrowsException(typeof(System.InvalidOperationException), () => dialect.GetConfig(out id));
            Assert.AreEqual(123L, dialect.NextMessageId, "no id was used");
        }
    }
}
