using System.Collections;
using IotDevice.Session;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>
    /// Requests the device cannot answer are refused with what is wrong, decided before a handler runs:
    /// an id too long or of the wrong kind, a reply id out of range, a reply topic that would be too long.
    /// </summary>
    [TestClass]
    public class AlinkRequestLimitTests
    {
        private const string ServicePrefix = AlinkDevice.Sys + "thing/service/";
        private const string SetTopic = AlinkDevice.Sys + "thing/service/property/set";

        private static ArrayList RecordDetails(DeviceRig device)
        {
            ArrayList details = new ArrayList();
            device.Client.Session.InboundRejected += (topic, reason, detail) => details.Add(((int)reason).ToString() + "|" + detail);
            return details;
        }

        [TestMethod]
        public void A_service_whose_reply_topic_would_pass_256_characters_is_refused_and_one_that_fits_answered()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                ArrayList details = RecordDetails(device);
                int runs = 0;
                device.Client.OnCommand(null, c => runs++);

                string tooLong = ServicePrefix + new string('s', 251 - ServicePrefix.Length);
                device.Deliver(tooLong, "{\"id\":\"1\",\"params\":{}}");
                Assert.AreEqual(0, runs, "refused before the handler");
                Assert.AreEqual(0, device.Sent().Length);
                Assert.AreEqual(((int)RejectReason.Unanswerable).ToString() + "|its reply topic would be 257 characters, more than the 256 a topic may have; the request cannot be answered",
                    (string)details[0]);

                string fits = ServicePrefix + new string('s', 250 - ServicePrefix.Length);
                device.Deliver(fits, "{\"id\":\"2\",\"params\":{}}");
                Assert.AreEqual(1, runs);
                Assert.StartsWith(fits + "_reply|{\"id\":\"2\",\"code\":200", device.Last());
                Assert.AreEqual(1, details.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void An_rrpc_request_whose_response_topic_would_be_too_long_is_refused()
        {
            IotDevice.Dialects.Alink.AlinkOptions options = AlinkDevice.Options();
            options.RrpcEnabled = true;
            AlinkDevice alink = new AlinkDevice(options).Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                ArrayList details = RecordDetails(device);
                string request = AlinkDevice.Sys + "rrpc/request/";
                device.Deliver(request + new string('7', 256 - request.Length), "{\"id\":\"1\",\"method\":\"thing.service.Open\",\"params\":{}}");
                Assert.AreEqual(0, device.Sent().Length);
                Assert.StartsWith(((int)RejectReason.Unanswerable).ToString() + "|its reply topic would be 257 characters", (string)details[0]);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_bad_request_id_is_refused_with_what_is_wrong_with_it()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                ArrayList details = RecordDetails(device);
                device.Client.OnPropertySet(null, c => { });
                device.Deliver(SetTopic, "{\"id\":\"" + new string('9', 100) + "\",\"params\":{}}");
                device.Deliver(SetTopic, "{\"id\":{\"n\":1},\"params\":{}}");
                device.Deliver(SetTopic, "{\"id\":" + new string('9', 65) + ",\"params\":{}}");
                device.Deliver(SetTopic, "{\"id\":\"" + new string('9', 64) + "\",\"params\":{}}");
                Assert.AreEqual(3, details.Count, "the 64-digit id is answered");
                Assert.AreEqual("5|id is 100 characters long, more than the 64 an id may have", (string)details[0]);
                Assert.AreEqual("5|id is an object, neither a string nor a number", (string)details[1]);
                Assert.AreEqual("5|id is 65 characters long, more than the 64 an id may have", (string)details[2]);
                Assert.AreEqual(1, device.Sent().Length);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_reply_id_out_of_range_says_so()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                ArrayList details = RecordDetails(device);
                device.Deliver(AlinkDevice.Sys + "thing/event/property/post_reply", "{\"id\":\"99999999999\",\"code\":200}");
                device.Deliver(AlinkDevice.Sys + "thing/event/property/post_reply", "{\"id\":\"1.5\",\"code\":200}");
                Assert.AreEqual("6|reply id 99999999999 is outside 0-4294967295, where every id of this device is", (string)details[0]);
                Assert.AreEqual("5|reply id is not a decimal integer", (string)details[1]);
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
