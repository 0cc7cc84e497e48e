using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Json;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>Every golden message of test-vectors.md §6, encoded or decoded by the dialect.</summary>
    [TestClass]
    public class EztCloudGoldenTests
    {
        [TestMethod]
        public void Attribute_report_is_byte_for_byte_the_docs_sample()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                PropertyReport report = new PropertyReport(3).Add("temperature", 28.5).Add("light", 2000L).Add("switch", true);
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(report));
                Assert.AreEqual("{\"temperature\":28.5,\"light\":2000,\"switch\":true}", device.Last("attributes"));
                Assert.AreEqual(1, device.CountOn("attributes"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Attributes_get_asks_for_all_then_for_chosen_keys()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.GetAttributes(null));
                Assert.AreEqual("{\"keys\":[]}", device.Last("attributes_get"));
                device.Deliver("attributes_get_response", "{\"error_code\":0,\"error_msg\":\"\",\"attributes\":{},\"ts\":1750234507181}");

                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.GetAttributes(new string[] { "temperature", "humidity" }));
                Assert.AreEqual("{\"keys\":[\"temperature\",\"humidity\"]}", device.Last("attributes_get"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Attributes_get_response_hands_the_attributes_over()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                string attributes = null;
                long size = 0;
                long code = -99;
                long ts = 0;
                device.Dialect.AttributesReceived += r =>
                {
                    code = r.ErrorCode;
                    ts = r.Timestamp;
                    attributes = r.Attributes.GetRawText();
                    r.Attributes.Get("sz").TryGetInt64(out size);
                };
                device.Dialect.GetAttributes(null);
                device.Deliver("attributes_get_response", "{\"error_code\":0,\"error_msg\":\"\",\"attributes\":{\"sz\":3},\"ts\":1750234507181}");
                Assert.AreEqual("{\"sz\":3}", attributes);
                Assert.AreEqual(3L, size);
                Assert.AreEqual(0L, code);
                Assert.AreEqual(1750234507181L, ts);
                Assert.AreEqual(0, device.Session.PendingCount, "the request is complete");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Attributes_response_ok_is_matched_to_the_report()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                EztCloudResponse seen = null;
                bool refused = false;
                device.Dialect.AttributesResponse += r => seen = r;
                device.Dialect.ReportRefused += r => refused = true;
                device.Client.ReportProperties(new PropertyReport(1).Add("light", 2000L));
                device.Deliver("attributes_response", "{\"error_code\":0,\"error_msg\":\"OK\",\"ts\":1750234507181}");
                Assert.IsNotNull(seen);
                Assert.IsTrue(seen.Succeeded);
                Assert.AreEqual("OK", seen.ErrorMessage);
                Assert.AreEqual(1750234507181L, seen.Timestamp);
                Assert.AreEqual(1L, seen.Sequence);
                Assert.IsFalse(refused);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Attributes_response_throttled_is_surfaced_and_counted()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                EztCloudResponse refused = null;
                device.Dialect.ReportRefused += r => refused = r;
                device.Client.ReportProperties(new PropertyReport(1).Add("light", 2000L));
                device.Deliver("attributes_response",
                    "{\"error_code\":-1,\"error_msg\":\"Device message frequency too fast, please wait for a moment\",\"ts\":1750234507181}");
                Assert.IsNotNull(refused);
                Assert.AreEqual(EztCloudResponse.Throttled, refused.ErrorCode);
                Assert.AreEqual("Device message frequency too fast, please wait for a moment", refused.ErrorMessage);
                Assert.AreEqual(1L, refused.Sequence);
                Assert.AreEqual((int)EztCloudResponseKind.AttributesReport, (int)refused.Kind);
                Assert.AreEqual(1, device.Dialect.Counters.Throttled);
                Assert.IsTrue(device.Logged("refused by the platform (error_code -1)"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Attributes_push_runs_the_handler_and_confirms_the_value()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                bool relay = true;
                device.Client.OnPropertySet("switch", c =>
                {
                    bool value;
                    Assert.IsTrue(c.Value.TryGetBoolean(out value));
                    relay = value;
                });
                device.Deliver("attributes_push", "{\"switch\":false}");
                Assert.IsFalse(relay);
                Assert.AreEqual("{\"switch\":false}", device.Last("attributes"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Event_report_is_the_product_found_sample()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                PropertyReport parameters = new PropertyReport(4).Add("count", 3L).Add("location", "REGION.B43").Add("tags", "RED")
                    .AddJson("detail", "[\"100474\",\"100475\",\"100342\"]");
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportEvent("productFound", parameters));
                Assert.AreEqual("{\"method\":\"productFound\",\"params\":{\"count\":3,\"location\":\"REGION.B43\",\"tags\":\"RED\",\"detail\":[\"100474\",\"100475\",\"100342\"]}}",
                    device.Last("event_report"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Command_gets_its_reply_with_the_numeric_id()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                long delay = 0;
                device.Client.OnCommand("restart", c =>
                {
                    c.Value.Get("delay").TryGetInt64(out delay);
                    c.Output.Add("result", true);
                });
                device.Deliver("command_send", "{\"method\":\"restart\",\"params\":{\"delay\":30},\"id\":98310}");
                Assert.AreEqual(30L, delay);
                Assert.AreEqual("{\"method\":\"restart\",\"params\":{\"result\":true},\"id\":98310}", device.Last("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Command_with_a_string_id_is_answered_with_the_same_string()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                device.Client.OnCommand("restart", c => c.Output.Add("result", true));
                device.Deliver("command_send", "{\"method\":\"restart\",\"params\":{\"delay\":30},\"id\":\"abc\"}");
                Assert.AreEqual("{\"method\":\"restart\",\"params\":{\"result\":true},\"id\":\"abc\"}", device.Last("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Ota_check_is_the_docs_event()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.CheckForUpdate());
                Assert.AreEqual("{\"method\":\"otaCheck\",\"params\":{}}", device.Last("event_report"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Ota_upgrade_command_becomes_an_offer()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                UpdateOffer offer = null;
                int repliesBeforeOffer = -1;
                device.Client.UpdateOffered += o =>
                {
                    offer = o;
                    repliesBeforeOffer = device.CountOn("command_reply");
                };
                device.Deliver("command_send", "{\"method\":\"otaUpgrade\",\"params\":{\"module\":\"main\",\"upgrade\":true,\"version\":\"1.1.5\",\"url\":\"http://xxx.com/xxx/xxx.bin\",\"size\":1363713,\"md5\":\"481701fa4093499eacd05b57bebc7ffc\"},\"command_name\":\"OTA升级\",\"id\":98310}");
                Assert.IsNotNull(offer);
                Assert.AreEqual((int)UpdateKind.Firmware, (int)offer.Kind);
                Assert.AreEqual("http://xxx.com/xxx/xxx.bin", offer.Url);
                Assert.AreEqual(1363713L, offer.Size);
                Assert.AreEqual("1.1.5", offer.Version);
                Assert.AreEqual("main", offer.Module);
                Assert.AreEqual((int)DigestMethod.Md5, (int)offer.DigestMethod);
                Assert.AreEqual("481701fa4093499eacd05b57bebc7ffc", offer.Digest);
                Assert.AreEqual("98310", offer.CorrelationId);
                Assert.AreEqual(1, repliesBeforeOffer, "the command is answered before the offer is handed over");
                Assert.AreEqual("{\"method\":\"otaUpgrade\",\"params\":{\"accepted\":true},\"id\":98310}", device.Last("command_reply"));
                Assert.AreEqual(1, device.Rig.Offers.Count);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Modbus_frame_goes_out_byte_identical()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                byte[] frame = new byte[] { 0x01, 0x03, 0x0A, 0x00, 0x16, 0x00, 0x53, 0x00, 0x38, 0x00, 0x08, 0x00, 0x03, 0xC1, 0xD5 };
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Dialect.PublishData("modbus", frame));
                byte[] sent = device.Transport.LastOn("data/" + EztDevice.Username + "/modbus");
                Assert.IsNotNull(sent);
                CollectionAssert.AreEqual(new byte[] { 0x01, 0x03, 0x0A, 0x00, 0x16, 0x00, 0x53, 0x00, 0x38, 0x00, 0x08, 0x00, 0x03, 0xC1, 0xD5 }, sent);
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
