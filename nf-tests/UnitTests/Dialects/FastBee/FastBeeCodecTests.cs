using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    /// <summary>Every FastBee payload both ways, against the golden messages of test-vectors.md §2 and §3.</summary>
    [TestClass]
    public class FastBeeCodecTests
    {
        private static JsonElement Parse(string json)
        {
            byte[] bytes = FastBeeDevice.Bytes(json);
            return JsonReader.Parse(bytes, 0, bytes.Length);
        }

        [TestMethod]
        public void Info_post_reproduces_the_team_article_message()
        {
            // §2, topic /166/D13W75R79966/info/post.
            PropertyReport summary = new PropertyReport(8)
                .Add("name", "FastBee").Add("chip", "ESP8266").Add("author", "kerwincui")
                .Add("deliveryTime", "2023-06-06").Add("activeTime", "2022-10-01");
            JsonWriter writer = new JsonWriter(64, 4096);
            FastBeeMessages.WriteInfo(writer, -43, 1.2, 1, 0, 0, summary, null);
            Assert.AreEqual("{\"rssi\":-43,\"firmwareVersion\":1.2,\"status\":3,\"userId\":1,\"longitude\":0,\"latitude\":0,"
                + "\"summary\":{\"name\":\"FastBee\",\"chip\":\"ESP8266\",\"author\":\"kerwincui\",\"deliveryTime\":\"2023-06-06\",\"activeTime\":\"2022-10-01\"}}",
                writer.ToString());
        }

        [TestMethod]
        public void Info_post_reads_back_with_typed_fields_and_a_json_summary()
        {
            JsonWriter writer = new JsonWriter(64, 4096);
            FastBeeMessages.WriteInfo(writer, -61, 2.05, 7, 113.25, 23.5, null, FastBeeDevice.Bytes("{\"chip\":\"ESP32\"}"));
            JsonElement root = JsonReader.Parse(writer.Buffer, 0, writer.Length);
            long number;
            double value;
            Assert.IsTrue(root.Get("rssi").TryGetInt64(out number));
            Assert.AreEqual(-61L, number);
            Assert.AreEqual(JsonKind.Number, root.Get("firmwareVersion").Kind, "a number, not a string");
            Assert.IsTrue(root.Get("firmwareVersion").TryGetDouble(out value));
            Assert.AreEqual(2.05, value);
            Assert.IsTrue(root.Get("status").TryGetInt64(out number));
            Assert.AreEqual(3L, number);
            Assert.AreEqual(JsonKind.Number, root.Get("userId").Kind);
            Assert.IsTrue(root.Get("longitude").TryGetDouble(out value));
            Assert.AreEqual(113.25, value);
            Assert.AreEqual("ESP32", root.Get("summary").Get("chip").GetString());
        }

        [TestMethod]
        public void Property_post_reproduces_the_team_article_items()
        {
            // §2: [{"id":"gear","value":"1","remark":"档位设置成功"},{"id":"switch","value":"0","remark":"开关已关闭"}]
            JsonWriter writer = new JsonWriter(64, 4096);
            writer.BeginArray();
            FastBeeItems.WriteItem(writer, "gear", "1", "档位设置成功");
            FastBeeItems.WriteItem(writer, "switch", "0", "开关已关闭");
            writer.EndArray();
            Assert.AreEqual("[{\"id\":\"gear\",\"value\":\"1\",\"remark\":\"档位设置成功\"},{\"id\":\"switch\",\"value\":\"0\",\"remark\":\"开关已关闭\"}]",
                writer.ToString());
        }

        [TestMethod]
        public void Reports_are_item_arrays_with_every_value_as_text()
        {
            // §1.6.1: [{"id":"temperature","value":"27.43","remark":""}]; every model type travels as a string.
            PropertyReport report = new PropertyReport(8)
                .Add("temperature", 27.43).Add("gear", 1L).Add("switch", true).Add("mode", "eco").Add("ratio", 10.0);
            JsonWriter writer = new JsonWriter(64, 4096);
            FastBeeItems.Write(writer, report);
            Assert.AreEqual("[{\"id\":\"temperature\",\"value\":\"27.43\",\"remark\":\"\"},{\"id\":\"gear\",\"value\":\"1\",\"remark\":\"\"},"
                + "{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"},{\"id\":\"mode\",\"value\":\"eco\",\"remark\":\"\"},"
                + "{\"id\":\"ratio\",\"value\":\"10\",\"remark\":\"\"}]", writer.ToString());
        }

        [TestMethod]
        public void Item_arrays_read_back_what_was_written()
        {
            JsonWriter writer = new JsonWriter(64, 4096);
            FastBeeItems.Write(writer, new PropertyReport(4).Add("temperature", 27.43).Add("gear", 2L));
            JsonElement root = JsonReader.Parse(writer.Buffer, 0, writer.Length);
            string problem;
            Assert.AreEqual(2, FastBeeItems.CheckArray(root, 8, out problem));
            string id;
            JsonElement value;
            Assert.IsTrue(FastBeeItems.ReadItem(root.ItemAt(0), out id, out value, out problem));
            Assert.AreEqual("temperature", id);
            Assert.AreEqual("27.43", value.GetString());
            Assert.IsTrue(FastBeeItems.ReadItem(root.ItemAt(1), out id, out value, out problem));
            Assert.AreEqual("gear", id);
            long gear;
            Assert.IsTrue(value.TryGetInt64(out gear));
            Assert.AreEqual(2L, gear);
        }

        [TestMethod]
        public void Function_get_golden_item_is_read()
        {
            // §2: JsonProtocolService.encode.
            JsonElement root = Parse("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
            string problem;
            Assert.AreEqual(1, FastBeeItems.CheckArray(root, 8, out problem));
            string id;
            JsonElement value;
            Assert.IsTrue(FastBeeItems.ReadItem(root.ItemAt(0), out id, out value, out problem));
            Assert.AreEqual("switch", id);
            bool on;
            Assert.IsTrue(value.TryGetBoolean(out on));
            Assert.IsTrue(on);
        }

        [TestMethod]
        public void Unusable_items_say_why()
        {
            string problem;
            string id;
            JsonElement value;
            Assert.AreEqual(-1, FastBeeItems.CheckArray(Parse("{\"id\":\"switch\",\"value\":\"1\"}"), 8, out problem));
            Assert.Contains("item array", problem);
            Assert.AreEqual(-1, FastBeeItems.CheckArray(Parse("[1,2,3,4,5,6,7,8,9]"), 8, out problem));
            Assert.Contains("more than 8", problem);
            Assert.IsFalse(FastBeeItems.ReadItem(Parse("\"switch\""), out id, out value, out problem));
            Assert.IsFalse(FastBeeItems.ReadItem(Parse("{\"id\":5,\"value\":\"1\"}"), out id, out value, out problem));
            Assert.Contains("id", problem);
            Assert.IsFalse(FastBeeItems.ReadItem(Parse("{\"id\":\"\",\"value\":\"1\"}"), out id, out value, out problem));
            Assert.IsFalse(FastBeeItems.ReadItem(Parse("{\"id\":\"switch\"}"), out id, out value, out problem));
            Assert.Contains("no \"value\"", problem);
            Assert.IsFalse(FastBeeItems.ReadItem(Parse("{\"id\":\"switch\",\"value\":{\"a\":1}}"), out id, out value, out problem));
            Assert.IsFalse(FastBeeItems.ReadItem(Parse("{\"id\":\"switch\",\"value\":null}"), out id, out value, out problem));
            Assert.IsTrue(FastBeeItems.ReadItem(Parse("{\"id\":\"gear\",\"value\":3}"), out id, out value, out problem), "a number value is taken too");
        }

        [TestMethod]
        public void Monitor_get_golden_and_its_rules()
        {
            // §2: {"count":60,"interval":1000}.
            int count;
            int interval;
            string problem;
            Assert.IsTrue(FastBeeMessages.ReadMonitorRequest(Parse("{\"count\":60,\"interval\":1000}"), out count, out interval, out problem));
            Assert.AreEqual(60, count);
            Assert.AreEqual(1000, interval);
            Assert.IsTrue(FastBeeMessages.ReadMonitorRequest(Parse("{\"count\":\"5\"}"), out count, out interval, out problem));
            Assert.AreEqual(5, count);
            Assert.AreEqual(1000, interval, "the default interval");
            Assert.IsTrue(FastBeeMessages.ReadMonitorRequest(Parse("{\"count\":0}"), out count, out interval, out problem));
            Assert.AreEqual(0, count);
            Assert.IsFalse(FastBeeMessages.ReadMonitorRequest(Parse("{\"count\":5,\"interval\":99}"), out count, out interval, out problem));
            Assert.Contains("below 100", problem);
            Assert.IsFalse(FastBeeMessages.ReadMonitorRequest(Parse("{\"count\":-1}"), out count, out interval, out problem));
            Assert.IsFalse(FastBeeMessages.ReadMonitorRequest(Parse("{\"interval\":1000}"), out count, out interval, out problem));
            Assert.Contains("missing", problem);
            Assert.IsFalse(FastBeeMessages.ReadMonitorRequest(Parse("{\"count\":true}"), out count, out interval, out problem));
            Assert.IsFalse(FastBeeMessages.ReadMonitorRequest(Parse("{\"count\":5,\"interval\":\"fast\"}"), out count, out interval, out problem));
            Assert.IsFalse(FastBeeMessages.ReadMonitorRequest(Parse("[60,1000]"), out count, out interval, out problem));
        }

        [TestMethod]
        public void Ntp_request_and_golden_answer()
        {
            JsonWriter writer = new JsonWriter(64, 4096);
            FastBeeMessages.WriteNtpRequest(writer, 5000);
            Assert.AreEqual("{\"deviceSendTime\":5000}", writer.ToString());

            // §2 ntp/get shape.
            JsonElement answer = Parse("{\"deviceSendTime\":5000,\"serverRecvTime\":1718000000100,\"serverSendTime\":1718000000105}");
            long recv;
            long send;
            long echoed;
            string problem;
            Assert.IsTrue(FastBeeMessages.ReadServerTimes(answer, out recv, out send, out problem));
            Assert.AreEqual(1718000000100L, recv);
            Assert.AreEqual(1718000000105L, send);
            Assert.IsTrue(answer.TryGetInt64("deviceSendTime", out echoed));
            Assert.AreEqual(5000L, echoed);
        }

        [TestMethod]
        public void Ntp_known_answer_of_section_3_through_the_reader()
        {
            // §3.1 (strings in, strings out): (1010 + 1015 + 125 - 100) / 2 = 1025.
            JsonElement answer = Parse("{\"deviceSendTime\":\"100\",\"serverRecvTime\":\"1010\",\"serverSendTime\":\"1015\"}");
            long recv;
            long send;
            long deviceSend;
            string problem;
            Assert.IsTrue(FastBeeMessages.ReadServerTimes(answer, out recv, out send, out problem));
            Assert.IsTrue(answer.TryGetInt64("deviceSendTime", out deviceSend));
            Assert.AreEqual(1025L, DeviceClock.EstimateNow(deviceSend, recv, send, 125));
        }

        [TestMethod]
        public void Http_time_shapes_and_bad_answers()
        {
            long recv;
            long send;
            string problem;
            Assert.IsTrue(FastBeeMessages.ReadServerTimes(Parse("{\"data\":{\"serverTime\":1718000000200}}"), out recv, out send, out problem));
            Assert.AreEqual(1718000000200L, recv);
            Assert.AreEqual(1718000000200L, send);
            Assert.IsTrue(FastBeeMessages.ReadServerTimes(Parse("{\"code\":200,\"data\":{\"serverRecvTime\":7,\"serverSendTime\":9}}"), out recv, out send, out problem));
            Assert.AreEqual(9L, send);
            Assert.IsFalse(FastBeeMessages.ReadServerTimes(Parse("{\"serverTime\":\"soon\"}"), out recv, out send, out problem));
            Assert.IsFalse(FastBeeMessages.ReadServerTimes(Parse("{\"msg\":\"ok\"}"), out recv, out send, out problem));
            Assert.IsFalse(FastBeeMessages.ReadServerTimes(Parse("{\"serverRecvTime\":-5,\"serverSendTime\":-4}"), out recv, out send, out problem));
            Assert.IsFalse(FastBeeMessages.ReadServerTimes(Parse("{\"serverRecvTime\":10,\"serverSendTime\":9}"), out recv, out send, out problem));
            Assert.IsFalse(FastBeeMessages.ReadServerTimes(Parse("[1,2]"), out recv, out send, out problem));
        }

        [TestMethod]
        public void Old_ota_get_golden_becomes_an_offer_without_correlation()
        {
            // §2 ota/get shape: version is a JSON number.
            string problem;
            UpdateOffer offer = FastBeeOtaPush.Parse(Parse("{\"version\":1.1,\"downloadUrl\":\"http://host/prod-api/profile/iot/1/firmware.bin\"}"), out problem);
            Assert.IsNotNull(offer, problem);
            Assert.AreEqual((int)UpdateKind.Firmware, (int)offer.Kind);
            Assert.AreEqual("http://host/prod-api/profile/iot/1/firmware.bin", offer.Url);
            Assert.AreEqual("1.1", offer.Version);
            Assert.IsNull(offer.CorrelationId);
            Assert.AreEqual((int)DigestMethod.None, (int)offer.DigestMethod);
        }

        [TestMethod]
        public void Server_upgrade_object_becomes_a_full_offer()
        {
            string problem;
            UpdateOffer offer = FastBeeOtaPush.Parse(Parse("{\"otaId\":12,\"otaUrl\":\"https://iot.example.com/profile/fw.bin\",\"firmwareVersion\":\"1.3\","
                + "\"firmwareName\":\"fw\",\"seqNo\":4,\"signCode\":\"0123456789ABCDEF\",\"messageId\":\"m-42\",\"productId\":41}"), out problem);
            Assert.IsNotNull(offer, problem);
            Assert.AreEqual("https://iot.example.com/profile/fw.bin", offer.Url);
            Assert.AreEqual("1.3", offer.Version);
            Assert.AreEqual("\"m-42\"", offer.CorrelationId, "kept as JSON, to echo its type");
            Assert.AreEqual((int)DigestMethod.Md5Middle16, (int)offer.DigestMethod, "signType defaults to 16md5");
            Assert.AreEqual("0123456789ABCDEF", offer.Digest);

            offer = FastBeeOtaPush.Parse(Parse("{\"otaUrl\":\"http://h/f.bin\",\"version\":2,\"signType\":\"sha256\",\"signCode\":\""
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"messageId\":1001}"), out problem);
            Assert.IsNotNull(offer, problem);
            Assert.AreEqual("2", offer.Version);
            Assert.AreEqual("1001", offer.CorrelationId);
            Assert.AreEqual((int)DigestMethod.Sha256, (int)offer.DigestMethod);

            offer = FastBeeOtaPush.Parse(Parse("{\"downloadUrl\":\"http://h/f.bin\",\"signType\":\"md5\",\"signCode\":\"93230c3bde425a9d7984a594ac55ea1e\"}"), out problem);
            Assert.IsNotNull(offer, problem);
            Assert.AreEqual((int)DigestMethod.Md5, (int)offer.DigestMethod);
            Assert.IsNull(offer.Version);
        }

        [TestMethod]
        public void Unusable_ota_pushes_say_why()
        {
            string problem;
            Assert.IsNull(FastBeeOtaPush.Parse(Parse("{\"version\":1.1}"), out problem));
            Assert.Contains("URL", problem);
            Assert.IsNull(FastBeeOtaPush.Parse(Parse("{\"version\":1.1,\"downloadUrl\":\"/profile/fw.bin\"}"), out problem));
            Assert.IsNull(FastBeeOtaPush.Parse(Parse("{\"version\":1.1,\"downloadUrl\":42}"), out problem));
            Assert.IsNull(FastBeeOtaPush.Parse(Parse("{\"version\":[1],\"downloadUrl\":\"http://h/f.bin\"}"), out problem));
            Assert.IsNull(FastBeeOtaPush.Parse(Parse("{\"otaUrl\":\"http://h/f.bin\",\"signType\":\"crc32\",\"signCode\":\"abcd\"}"), out problem));
            Assert.Contains("signType", problem);
            Assert.IsNull(FastBeeOtaPush.Parse(Parse("{\"otaUrl\":\"http://h/f.bin\",\"signCode\":\"not-hex-at-all!!\"}"), out problem));
            Assert.Contains("16 hex", problem);
            Assert.IsNull(FastBeeOtaPush.Parse(Parse("{\"otaUrl\":\"http://h/f.bin\",\"messageId\":{\"x\":1}}"), out problem));
            Assert.IsNull(FastBeeOtaPush.Parse(Parse("[\"http://h/f.bin\"]"), out problem));
        }

        [TestMethod]
        public void Upgrade_reply_echoes_the_message_id_in_its_type()
        {
            JsonWriter writer = new JsonWriter(64, 4096);
            FastBeeMessages.WriteUpgradeReply(writer, "\"m-42\"", 200, "success");
            Assert.AreEqual("{\"messageId\":\"m-42\",\"code\":200,\"msg\":\"success\"}", writer.ToString());
            writer.Reset();
            FastBeeMessages.WriteUpgradeReply(writer, "1001", 502, "verification failed");
            Assert.AreEqual("{\"messageId\":1001,\"code\":502,\"msg\":\"verification failed\"}", writer.ToString());
            writer.Reset();
            FastBeeMessages.WriteUpgradeReply(writer, "set by hand", 200, null);
            Assert.AreEqual("{\"messageId\":\"set by hand\",\"code\":200,\"msg\":\"\"}", writer.ToString());
        }
    }
}
