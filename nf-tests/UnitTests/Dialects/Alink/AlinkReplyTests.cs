using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Session;
using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>Uplink requests and their replies: correlation by topic and id, unmatched replies, timeouts.</summary>
    [TestClass]
    public class AlinkReplyTests
    {
        private const string PostReply = AlinkHarness.Sys + "thing/event/property/post_reply";

        [TestMethod]
        public void A_post_reply_is_correlated_and_reported()
        {
            AlinkHarness device = new AlinkHarness().Start(0);
            try
            {
                long id;
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"), out id));
                Assert.AreEqual(123L, id);
                Assert.AreEqual(1, device.Client.Session.PendingCount);
                device.Deliver(PostReply, "{\"id\":\"123\",\"code\":200,\"data\":{}}");
                Assert.AreEqual(0, device.Client.Session.PendingCount);
                AlinkReply reply = device.LastReply();
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
            AlinkHarness device = new AlinkHarness().Start(0);
            try
            {
                long first;
                long second;
                device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"));
                device.Client.ReportProperties(new PropertyReport(1).Add("Power", "off"), out second);
                first = second - 1;
                device.Deliver(PostReply, "{\"code\":200,\"data\":{},\"id\":\"" + first.ToString() + "\",\"message\":\"success\",\"method\":\"thing.event.property.post\",\"version\":\"1.0\"}");
                Assert.AreEqual("success", device.LastReply().Message);
                device.Deliver(PostReply, "{\"id\":" + second.ToString() + ",\"code\":\"6106\",\"data\":{},\"message\":\"too many\"}");
                Assert.AreEqual(6106L, device.LastReply().Code);
                Assert.IsFalse(device.LastReply().Succeeded);
                Assert.AreEqual(2, device.Replies.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_unmatched_reply_is_rejected_and_a_reply_on_the_wrong_topic_does_not_steal_the_request()
        {
            AlinkHarness device = new AlinkHarness().Start(0);
            try
            {
                device.Deliver(PostReply, "{\"id\":\"999\",\"code\":200,\"data\":{}}");
                Assert.IsTrue(device.Rejected(RejectReason.UnmatchedReply));
                Assert.AreEqual(1L, device.Client.Session.Counters.Rejected);

                long id;
                device.Client.ReportEvent("alarm", new PropertyReport(1).Add("errorCode", "error"), out id);
                Assert.AreEqual(AlinkHarness.Sys + "thing/event/alarm/post", device.Last().Substring(0, device.Last().IndexOf('|')));
                device.Deliver(PostReply, "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Assert.AreEqual(2, device.Rejections.Count, "the property reply topic does not answer an event");
                Assert.AreEqual(1, device.Client.Session.PendingCount);
                device.Deliver(AlinkHarness.Sys + "thing/event/alarm/post_reply", "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Assert.AreEqual("thing.event.alarm.post", device.LastReply().Method);
                Assert.AreEqual(0, device.Client.Session.PendingCount);

                device.Deliver(AlinkHarness.Sys + "thing/event/alarm/post_reply", "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
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
            AlinkOptions options = AlinkHarness.Options();
            
            AlinkHarness device = new AlinkHarness(options).Start(0);
            try
            {
                long id;
                device.Dialect.UpdateDeviceInfo(new PropertyReport(1).Add("Temperature", "36.8"), out id);
                AlinkHarness.WaitFor(() => device.Timeouts.Count == 1, "the timeout");
                Assert.AreEqual("thing.deviceinfo.update#" + id.ToString(), (string)device.Timeouts[0]);
                Assert.AreEqual(0, device.Client.Session.PendingCount);
                Assert.AreEqual(1L, device.Client.Session.Counters.Timeouts);
                device.Deliver(AlinkHarness.Sys + "thing/deviceinfo/update_reply", "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
                Assert.IsTrue(device.Rejected(RejectReason.UnmatchedReply), "a late reply is unmatched");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Every_request_kind_finds_its_reply_topic()
        {
            AlinkHarness device = new AlinkHarness().Start(0);
            try
            {
                long id;
                PropertyReport sample = new PropertyReport(1).Add("Power", "on");
                sample.TimestampMs = 1524448722000;
                device.Dialect.PostBatch(new AlinkBatch(1).AddProperties(sample), out id);
                Answer(device, "thing/event/property/batch/post_reply", id);
                device.Dialect.PostHistory(new AlinkBatch(1).AddProperties(sample), out id);
                Answer(device, "thing/event/property/history/post_reply", id);
                device.Dialect.DeleteDeviceInfo(new string[] { "Temperature" }, out id);
                Answer(device, "thing/deviceinfo/delete_reply", id);
                device.Dialect.GetDesired(new string[] { "power" }, out id);
                device.Deliver(AlinkHarness.Sys + "thing/property/desired/get_reply",
                    "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{\"power\":{\"value\":\"on\",\"version\":2}}}");
                Assert.AreEqual("on", device.LastReply().Data.Get("power").Get("value").GetString());
                device.Dialect.DeleteDesired(new string[] { "power" }, out id);
                Answer(device, "thing/property/desired/delete_reply", id);
                Assert.AreEqual(5, device.Replies.Count);
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
            AlinkHarness device = new AlinkHarness().Start(0);
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
            AlinkHarness device = new AlinkHarness().Start(0);
            try
            {
                device.Deliver("/ext/error/a1X2bEnTest/example1", "{\"id\":\"77\",\"code\":6100,\"message\":\"device not found\"}");
                Assert.AreEqual((int)TopicKind.ErrorNotice, (int)device.LastReply().Kind);
                Assert.AreEqual(6100L, device.LastReply().Code);
                Assert.AreEqual(77L, device.LastReply().Id);
            }
            finally
            {
                device.Stop();
            }
        }

        private static void Answer(AlinkHarness device, string suffix, long id)
        {
            int before = device.Replies.Count;
            device.Deliver(AlinkHarness.Sys + suffix, "{\"id\":\"" + id.ToString() + "\",\"code\":200,\"data\":{}}");
            Assert.AreEqual(before + 1, device.Replies.Count, "reply on " + suffix);
            Assert.AreEqual(id, device.LastReply().Id);
        }
    }
}
