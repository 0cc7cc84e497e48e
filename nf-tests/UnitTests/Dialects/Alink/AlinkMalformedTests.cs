using System.Text;
using IotDevice.Dialects.Alink;
using IotDevice.Session;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>Bad input is rejected with a counted reason, answered 460 where the platform waits, and never crashes.</summary>
    [TestClass]
    public class AlinkMalformedTests
    {
        private const string SetTopic = AlinkDevice.Sys + "thing/service/property/set";
        private const string PostReply = AlinkDevice.Sys + "thing/event/property/post_reply";

        [TestMethod]
        public void Payloads_that_are_not_json_objects_are_rejected()
        {
            string[] payloads = new string[] { "not json", "", "[1,2]", "\"text\"", "{\"id\":\"1\",", "{\"id\":\"1\"} trailing" };
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                for (int i = 0; i < payloads.Length; i++)
                {
                    device.Deliver(SetTopic, payloads[i]);
                    Assert.AreEqual(i + 1, device.Rejections.Count, "payload '" + payloads[i] + "'");
                    Assert.AreEqual((int)RejectReason.BadPayload, (int)device.Rejections[i]);
                }
                Assert.AreEqual(0, device.Sent().Length, "nothing to answer without an id");
                Assert.AreEqual((long)payloads.Length, device.Client.Session.Counters.Rejected);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Requests_without_a_usable_id_are_rejected_unanswered()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Client.OnPropertySet(null, c => { });
                device.Deliver(SetTopic, "{\"params\":{\"Power\":\"on\"}}");
                device.Deliver(SetTopic, "{\"id\":{\"n\":1},\"params\":{\"Power\":\"on\"}}");
                device.Deliver(SetTopic, "{\"id\":true,\"params\":{\"Power\":\"on\"}}");
                device.Deliver(AlinkDevice.Sys + "thing/service/Open", "{\"id\":[1],\"params\":{}}");
                device.Deliver(SetTopic, "{\"id\":\"" + new string('9', 100) + "\",\"params\":{}}");
                Assert.AreEqual(5, device.Rejections.Count);
                Assert.AreEqual(0, device.Sent().Length);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Params_that_are_not_an_object_are_rejected_and_answered_460()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Client.OnPropertySet(null, c => { });
                device.Client.OnCommand(null, c => { });
                device.Deliver(SetTopic, "{\"id\":\"1\",\"params\":[\"Power\"]}");
                Assert.AreEqual(AlinkDevice.Sys + "thing/service/property/set_reply|{\"id\":\"1\",\"code\":460,\"data\":{},\"message\":\"params is not an object\"}", device.Last());
                device.Deliver(SetTopic, "{\"id\":\"2\"}");
                Assert.StartsWith(AlinkDevice.Sys + "thing/service/property/set_reply|{\"id\":\"2\",\"code\":460", device.Last());
                device.Deliver(AlinkDevice.Sys + "thing/service/Open", "{\"id\":3,\"params\":\"now\"}");
                Assert.AreEqual(AlinkDevice.Sys + "thing/service/Open_reply|{\"id\":3,\"code\":460,\"data\":{},\"message\":\"params is not an object\"}", device.Last());
                Assert.AreEqual(3, device.Rejections.Count);
                Assert.IsTrue(device.Rejected(RejectReason.BadPayload));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void More_than_200_properties_in_one_set_are_refused()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                int calls = 0;
                device.Client.OnPropertySet(null, c => calls++);
                StringBuilder json = new StringBuilder("{\"id\":\"4\",\"params\":{");
                for (int i = 0; i < 201; i++)
                {
                    json.Append(i == 0 ? "" : ",").Append("\"p").Append(i.ToString()).Append("\":1");
                }
                json.Append("}}");
                device.Deliver(SetTopic, json.ToString());
                Assert.AreEqual(0, calls);
                Assert.StartsWith(AlinkDevice.Sys + "thing/service/property/set_reply|{\"id\":\"4\",\"code\":460", device.Last());
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Huge_and_deep_payloads_are_rejected()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Transport.Deliver(SetTopic, new byte[20 * 1024]);
                Assert.AreEqual((int)RejectReason.Oversized, (int)device.Rejections[0]);
                StringBuilder deep = new StringBuilder("{\"id\":\"1\",\"params\":");
                for (int i = 0; i < 40; i++)
                {
                    deep.Append("{\"a\":");
                }
                deep.Append("1");
                for (int i = 0; i < 41; i++)
                {
                    deep.Append("}");
                }
                device.Deliver(SetTopic, deep.ToString());
                Assert.AreEqual((int)RejectReason.BadPayload, (int)device.Rejections[1]);
                Assert.AreEqual(0, device.Sent().Length);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Replies_with_wrong_types_are_rejected()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                long id;
                device.Client.ReportProperties(new IotDevice.Client.PropertyReport(1).Add("Power", "on"), out id);
                device.Deliver(PostReply, "{\"code\":200,\"data\":{}}");
                device.Deliver(PostReply, "{\"id\":\"abc\",\"code\":200,\"data\":{}}");
                device.Deliver(PostReply, "{\"id\":true,\"code\":200}");
                device.Deliver(PostReply, "{\"id\":\"123\",\"data\":{}}");
                device.Deliver(PostReply, "{\"id\":\"123\",\"code\":\"ok\"}");
                Assert.AreEqual(5, device.Rejections.Count);
                for (int i = 0; i < 5; i++)
                {
                    Assert.AreEqual((int)RejectReason.BadPayload, (int)device.Rejections[i]);
                }
                Assert.AreEqual(1, device.Client.Session.PendingCount, "the request still waits for a real reply");
                device.Deliver(PostReply, "{\"id\":\"-5\",\"code\":200}");
                device.Deliver(PostReply, "{\"id\":\"99999999999\",\"code\":200}");
                Assert.AreEqual((int)RejectReason.UnmatchedReply, (int)device.Rejections[5]);
                Assert.AreEqual((int)RejectReason.UnmatchedReply, (int)device.Rejections[6]);
                device.Deliver(PostReply, "{\"id\":\"123\",\"code\":200}");
                Assert.AreEqual(1, alink.Replies.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Foreign_and_unknown_topics_are_rejected_and_the_devices_own_echoed_replies_ignored()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                device.Deliver("/sys/a1X2bEnTest/other/thing/service/property/set", "{\"id\":\"1\",\"params\":{}}");
                Assert.AreEqual((int)RejectReason.NotOurs, (int)device.Rejections[0]);
                device.Deliver(AlinkDevice.Sys + "thing/service/Open_reply", "{\"id\":\"1\",\"code\":200,\"data\":{}}");
                Assert.AreEqual(1, device.Rejections.Count, "our own reply, echoed by the broker through thing/service/+, is no rejection");
                Assert.AreEqual(1L, device.Client.Session.Counters.Echoes);
                device.Deliver(AlinkDevice.Sys + "thing/topo/add", "{}");
                Assert.AreEqual((int)RejectReason.UnsupportedTopic, (int)device.Rejections[1]);
                Assert.AreEqual(2L, device.Client.Session.Counters.Rejected);
                Assert.AreEqual(0, device.Sent().Length);
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
