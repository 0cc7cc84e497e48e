using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>Uplink requests and their replies: correlation by topic and id, unmatched replies, timeouts.</summary>
    [TestClass]
    public class AlinkReplyTests
    {
        private const string PostReply = AlinkDevice.Sys + "thing/event/property/post_reply";

        [TestMethod]
        public void A_post_reply_is_correlated_and_reported()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long id;
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"), out id));
                Assert.AreEqual(123L, id);
                Assert.AreEqual(1, device.Client.Session.PendingCount);
                device.Deliver(PostReply, "{\"id\":\"123\",\"code\":200,\"data\":{}}");
                Assert.AreEqual(0, device.Client.Session.PendingCount);
                AlinkReply reply = alink.LastReply();
                Assert.AreEqual(123L, reply.Id);
                Assert.AreEqual(200L, reply.Code);
                Assert.AreEqual("thing.event.property.post", reply.Method);
                Assert.AreEqual((int)TopicKind.PropertyPostReply, (int)reply.Kind);
                Assert.IsTrue(reply.Succeeded);
                Assert.AreEqual(0, device.Rejections.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void The_newer_reply_form_with_a_numeric_id_and_string_code_is_accepted()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long first;
                long second;
                device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"));
                device.Client.ReportProperties(new PropertyReport(1).Add("Power", "off"), out second);
                first = second - 1;
                device.Deliver(PostReply, "{\"code\":200,\"data\":{},\"id\":\"" + first.ToString() + "\",\"message\":\"success\",\"method\":\"thing.event.property.post\",\"version\":\"1.0\"}");
                Assert.AreEqual("success", alink.LastReply().Message);
                device.Deliver(PostReply, "{\"id\":" + second.ToString() + ",\"code\":\"6106\",\"data\":{},\"message\":\"too many\"}");
                Assert.AreEqual(6106L, alink.LastReply().Code);
                Assert.IsFalse(alink.LastReply().Succeeded);
                Assert.AreEqual(2, alink.Replies.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_unmatched_reply_is_rejected_and_a_reply_on_the_wrong_topic_does_not_steal_the_request()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Deliver(PostReply, "{\"id\":\"999\",\"code\":200,\"data\":{}}");
                Assert.IsTrue(device.Rejected(RejectReason.UnmatchedReply));
                Assert.AreEqual(1L, device.Client.Session.Counters.Rejected);

                long id;
                device.Client.ReportEvent("alarm", new PropertyReport(1).Add("errorCode", "error"), out id);
                Assert.AreEqual(AlinkDevice.Sys + "thing/event/alarm/post", device.Last().Substring(0, device.Last().IndexOf('|')));
                device.Deliver(PostReply, "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Assert.AreEqual(2, device.Rejections.Count, "the property reply topic does not answer an event");
                Assert.AreEqual(1, device.Client.Session.PendingCount);
                device.Deliver(AlinkDevice.Sys + "thing/event/alarm/post_reply", "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Assert.AreEqual("thing.event.alarm.post", alink.LastReply().Method);
                Assert.AreEqual(0, device.Client.Session.PendingCount);

                device.Deliver(AlinkDevice.Sys + "thing/event/alarm/post_reply", "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Assert.AreEqual(3, device.Rejections.Count, "a duplicate reply finds nothing waiting");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_reply_that_never_comes_is_reported_with_method_and_id()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long id;
                alink.Dialect.UpdateDeviceInfo(new PropertyReport(1).Add("Temperature", "36.8"), out id);
                device.Advance(device.Session.Options.RequestTimeoutMs);
                Outcome outcome = device.OutcomeOf(id);
                Assert.AreEqual((int)OutcomeStatus.TimedOut, (int)outcome.Status);
                Assert.AreEqual(0, outcome.Code);
                Assert.IsNull(outcome.Message);
                Assert.AreEqual(0, device.Session.PendingCount);
                Assert.AreEqual(1L, device.Session.Counters.Timeouts);

                device.Deliver(AlinkDevice.Sys + "thing/deviceinfo/update_reply", "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Assert.IsTrue(device.Rejected(RejectReason.UnmatchedReply), "a late reply is unmatched");
                Assert.AreEqual(1, device.Outcomes.Count, "and no second outcome");
                Assert.AreEqual(0, alink.Replies.Count);

                // The reply's method is the request's, told by its topic.
                alink.Dialect.UpdateDeviceInfo(new PropertyReport(1).Add("Temperature", "36.9"), out id);
                device.Deliver(AlinkDevice.Sys + "thing/deviceinfo/update_reply", "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Assert.AreEqual("thing.deviceinfo.update", alink.LastReply().Method);
                Assert.AreEqual(id, alink.LastReply().Id);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Every_request_kind_finds_its_reply_topic()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long id;
                PropertyReport sample = new PropertyReport(1).Add("Power", "on");
                sample.TimestampMs = 1524448722000;
                alink.Dialect.PostBatch(new AlinkBatch(1).AddProperties(sample), out id);
                Answer(alink, "thing/event/property/batch/post_reply", id);
                alink.Dialect.PostHistory(new AlinkBatch(1).AddProperties(sample), out id);
                Answer(alink, "thing/event/property/history/post_reply", id);
                alink.Dialect.DeleteDeviceInfo(new string[] { "Temperature" }, out id);
                Answer(alink, "thing/deviceinfo/delete_reply", id);
                alink.Dialect.GetDesired(new string[] { "power" }, out id);
                device.Deliver(AlinkDevice.Sys + "thing/property/desired/get_reply",
                    "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{\"power\":{\"value\":\"on\",\"version\":2}}}");
                Assert.AreEqual("on", alink.LastReply().Data.Get("power").Get("value").GetString());
                alink.Dialect.DeleteDesired(new string[] { "power" }, out id);
                Answer(alink, "thing/property/desired/delete_reply", id);
                Assert.AreEqual(5, alink.Replies.Count);
                Assert.AreEqual(0, device.Rejections.Count);
                Assert.AreEqual(0, device.Client.Session.PendingCount);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_full_pending_table_refuses_the_post()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                int capacity = device.Client.Session.Options.PendingCapacity;
                for (int i = 0; i < capacity; i++)
                {
                    Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("n", (long)i)));
                }
                Assert.AreEqual((int)SendResult.PendingTableFull, (int)device.Client.ReportProperties(new PropertyReport(1).Add("n", 99L)));
                Assert.AreEqual(capacity, device.Sent().Length, "the refused post was not sent");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_error_notice_is_told_to_the_app()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Deliver("/ext/error/a1X2bEnTest/example1", "{\"id\":\"77\",\"code\":6100,\"message\":\"device not found\"}");
                Assert.AreEqual((int)TopicKind.ErrorNotice, (int)alink.LastReply().Kind);
                Assert.AreEqual(6100L, alink.LastReply().Code);
                Assert.AreEqual(77L, alink.LastReply().Id);
            }
            finally
            {
                device.Stop();
            }
        }

        private static void Answer(AlinkDevice alink, string suffix, long id)
        {
            int before = alink.Replies.Count;
            alink.Rig.Deliver(AlinkDevice.Sys + suffix, "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
            Assert.AreEqual(before + 1, alink.Replies.Count, "reply on " + suffix);
            Assert.AreEqual(id, alink.LastReply().Id);
        }
    }
}
