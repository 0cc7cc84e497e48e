using System.Text;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Json
{
    /// <summary>The payloads the platform documentation shows, parsed and read field by field.</summary>
    [TestClass]
    public class JsonReaderGoldenTests
    {
        internal const string AlinkPropertyPost = "{\"id\":\"123\",\"version\":\"1.0\",\"params\":{\"Power\":{\"value\":\"on\",\"time\":1524448722000},\"WF\":{\"value\":23.6,\"time\":1524448722000}},\"method\":\"thing.event.property.post\"}";
        internal const string AlinkPostReply = "{\"code\":200,\"data\":{},\"id\":\"123\",\"message\":\"success\",\"method\":\"thing.event.property.post\",\"version\":\"1.0\"}";
        internal const string AlinkServiceCall = "{\"method\":\"thing.service.SetWeight\",\"id\":\"105917531\",\"params\":{\"NewWeight\":100.8},\"version\":\"1.0\"}";
        internal const string AlinkOtaNotice = "{\"code\":\"1000\",\"data\":{\"size\":432945,\"version\":\"2.0.0\",\"isDiff\":1,\"url\":\"https://example.com/fw.bin?Expires=1&Signature=x\",\"md5\":\"93230c3bde425a9d7984a594ac55ea1e\",\"sign\":\"93230c3bde425a9d7984a594ac55ea1e\",\"signMethod\":\"Md5\",\"module\":\"MCU\",\"extData\":{\"key1\":\"value1\",\"key2\":\"value2\"}},\"id\":\"1507707025\",\"message\":\"success\"}";
        internal const string AlinkOtaNumericId = "{\"code\":\"1000\",\"data\":{\"size\":11472299,\"version\":\"2-0-0\"},\"id\":1568864790381,\"message\":\"success\"}";
        internal const string NtpReply = "{\"deviceSendTime\":\"100\",\"serverRecvTime\":\"1010\",\"serverSendTime\":\"1015\"}";
        internal const string FastBeeFunctionReply = "[{\"id\":\"gear\",\"value\":\"1\",\"remark\":\"档位设置成功\"},{\"id\":\"switch\",\"value\":\"0\",\"remark\":\"开关已关闭\"}]";
        internal const string FastBeeOta = "{\"method\":\"otaUpgrade\",\"params\":{\"module\":\"main\",\"upgrade\":true,\"version\":\"1.1.5\",\"url\":\"http://xxx.com/xxx/xxx.bin\",\"size\":1363713,\"md5\":\"481701fa4093499eacd05b57bebc7ffc\"},\"command_name\":\"OTA升级\",\"id\":98310}";
        internal const string ThrottleError = "{\"error_code\":-1,\"error_msg\":\"Device message frequency too fast, please wait for a moment\",\"ts\":1750234507181}";

        internal static JsonElement Parse(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            return JsonReader.Parse(bytes, 0, bytes.Length);
        }

        [TestMethod]
        public void Every_golden_payload_is_valid()
        {
            string[] all = new string[]
            {
                AlinkPropertyPost, AlinkPostReply, AlinkServiceCall, AlinkOtaNotice, AlinkOtaNumericId,
                NtpReply, FastBeeFunctionReply, FastBeeOta, ThrottleError
            };
            for (int i = 0; i < all.Length; i++)
            {
                JsonElement root = Parse(all[i]);
                Assert.AreEqual(JsonError.None, root.Error, all[i]);
                Assert.IsTrue(root.Exists, all[i]);
                Assert.AreEqual(0, root.Start);
                Assert.AreEqual(Encoding.UTF8.GetBytes(all[i]).Length, root.Length);
                Assert.AreEqual(all[i], root.GetRawText());
            }
        }

        [TestMethod]
        public void Reads_alink_property_post()
        {
            JsonElement root = Parse(AlinkPropertyPost);
            Assert.AreEqual(JsonKind.Object, root.Kind);
            Assert.IsTrue(root.Get("id").ValueEquals("123"));
            Assert.AreEqual("1.0", root.Get("version").GetString());
            Assert.AreEqual("thing.event.property.post", root.Get("method").GetString());

            JsonElement power = root.Get("params").Get("Power");
            Assert.AreEqual(JsonKind.Object, power.Kind);
            Assert.IsTrue(power.Get("value").ValueEquals("on"));
            long time;
            Assert.IsTrue(power.Get("time").TryGetInt64(out time));
            Assert.AreEqual(1524448722000L, time);

            double wf;
            Assert.IsTrue(root.Get("params").Get("WF").Get("value").TryGetDouble(out wf));
            Assert.AreEqual(23.6, wf);
        }

        [TestMethod]
        public void Reads_string_id_as_number()
        {
            long id;
            Assert.IsTrue(Parse(AlinkPropertyPost).Get("id").TryGetInt64(out id));
            Assert.AreEqual(123L, id);
        }

        [TestMethod]
        public void Reads_reply_with_numeric_code_and_empty_data()
        {
            JsonElement root = Parse(AlinkPostReply);
            int code;
            Assert.IsTrue(root.Get("code").TryGetInt32(out code));
            Assert.AreEqual(200, code);
            JsonElement data = root.Get("data");
            Assert.AreEqual(JsonKind.Object, data.Kind);
            Assert.AreEqual("{}", data.GetRawText());
            Assert.IsFalse(data.Get("anything").Exists);
            Assert.IsTrue(root.Get("message").ValueEquals("success"));
        }

        [TestMethod]
        public void Reads_service_call()
        {
            JsonElement root = Parse(AlinkServiceCall);
            Assert.IsTrue(root.Get("method").ValueEquals("thing.service.SetWeight"));
            long id;
            Assert.IsTrue(root.Get("id").TryGetInt64(out id));
            Assert.AreEqual(105917531L, id);
            double weight;
            Assert.IsTrue(root.Get("params").Get("NewWeight").TryGetDouble(out weight));
            Assert.AreEqual(100.8, weight);
        }

        [TestMethod]
        public void Reads_ota_notice_with_string_code()
        {
            JsonElement root = Parse(AlinkOtaNotice);
            int code;
            Assert.IsTrue(root.Get("code").TryGetInt32(out code));
            Assert.AreEqual(1000, code);
            Assert.AreEqual(JsonKind.String, root.Get("code").Kind);

            JsonElement data = root.Get("data");
            int size;
            Assert.IsTrue(data.Get("size").TryGetInt32(out size));
            Assert.AreEqual(432945, size);
            Assert.AreEqual("2.0.0", data.Get("version").GetString());
            bool isDiff;
            Assert.IsTrue(data.Get("isDiff").TryGetBoolean(out isDiff));
            Assert.IsTrue(isDiff);
            Assert.AreEqual("https://example.com/fw.bin?Expires=1&Signature=x", data.Get("url").GetString());
            Assert.AreEqual("93230c3bde425a9d7984a594ac55ea1e", data.Get("md5").GetString());
            Assert.IsTrue(data.Get("signMethod").ValueEquals("Md5"));
            Assert.AreEqual("value2", data.Get("extData").Get("key2").GetString());
            Assert.IsTrue(root.Get("id").ValueEquals("1507707025"));
            Assert.IsFalse(root.Get("md5").Exists); // only inside data
        }

        [TestMethod]
        public void Reads_numeric_64bit_id()
        {
            JsonElement root = Parse(AlinkOtaNumericId);
            long id;
            Assert.IsTrue(root.Get("id").TryGetInt64(out id));
            Assert.AreEqual(1568864790381L, id);
            int narrow;
            Assert.IsFalse(root.Get("id").TryGetInt32(out narrow));
            Assert.AreEqual(JsonKind.Number, root.Get("id").Kind);
            Assert.AreEqual("1568864790381", root.Get("id").GetString());
            Assert.AreEqual("2-0-0", root.Get("data").Get("version").GetString());
        }

        [TestMethod]
        public void Reads_ntp_reply_numbers_as_strings()
        {
            JsonElement root = Parse(NtpReply);
            long sent;
            long received;
            long replied;
            Assert.IsTrue(root.Get("deviceSendTime").TryGetInt64(out sent));
            Assert.IsTrue(root.Get("serverRecvTime").TryGetInt64(out received));
            Assert.IsTrue(root.Get("serverSendTime").TryGetInt64(out replied));
            Assert.AreEqual(100L, sent);
            Assert.AreEqual(1010L, received);
            Assert.AreEqual(1015L, replied);
        }

        [TestMethod]
        public void Reads_top_level_array_with_chinese_text()
        {
            JsonElement root = Parse(FastBeeFunctionReply);
            Assert.AreEqual(JsonKind.Array, root.Kind);
            Assert.AreEqual(2, root.GetArrayLength());
            JsonElement first = root.ItemAt(0);
            Assert.IsTrue(first.Get("id").ValueEquals("gear"));
            Assert.AreEqual("档位设置成功", first.Get("remark").GetString());
            Assert.IsTrue(first.Get("remark").ValueEquals("档位设置成功"));
            JsonElement second = root.ItemAt(1);
            bool on;
            Assert.IsTrue(second.Get("value").TryGetBoolean(out on));
            Assert.IsFalse(on);
            Assert.AreEqual("开关已关闭", second.Get("remark").GetString());
            Assert.IsFalse(root.ItemAt(2).Exists);
            Assert.IsFalse(root.ItemAt(-1).Exists);
        }

        [TestMethod]
        public void Reads_fastbee_ota_command()
        {
            JsonElement root = Parse(FastBeeOta);
            Assert.IsTrue(root.Get("method").ValueEquals("otaUpgrade"));
            JsonElement p = root.Get("params");
            bool upgrade;
            Assert.IsTrue(p.Get("upgrade").TryGetBoolean(out upgrade));
            Assert.IsTrue(upgrade);
            Assert.AreEqual(JsonKind.True, p.Get("upgrade").Kind);
            Assert.AreEqual("1.1.5", p.Get("version").GetString());
            Assert.AreEqual("http://xxx.com/xxx/xxx.bin", p.Get("url").GetString());
            long size;
            Assert.IsTrue(p.Get("size").TryGetInt64(out size));
            Assert.AreEqual(1363713L, size);
            Assert.IsTrue(root.Get("command_name").ValueEquals("OTA升级"));
            Assert.AreEqual("OTA升级", root.Get("command_name").GetString());
            int id;
            Assert.IsTrue(root.Get("id").TryGetInt32(out id));
            Assert.AreEqual(98310, id);
        }

        [TestMethod]
        public void Reads_throttle_error()
        {
            JsonElement root = Parse(ThrottleError);
            int code;
            Assert.IsTrue(root.Get("error_code").TryGetInt32(out code));
            Assert.AreEqual(-1, code);
            Assert.StartsWith("Device message frequency", root.Get("error_msg").GetString());
            long ts;
            Assert.IsTrue(root.Get("ts").TryGetInt64(out ts));
            Assert.AreEqual(1750234507181L, ts);
        }

        [TestMethod]
        public void Unknown_and_missing_fields_are_ignored()
        {
            JsonElement root = Parse("{\"extra\":{\"deep\":[1,{\"x\":\"}\"}]},\"id\":\"7\",\"more\":[[]]}");
            Assert.IsTrue(root.Get("id").ValueEquals("7"));
            Assert.IsFalse(root.Get("missing").Exists);
            Assert.AreEqual(JsonKind.None, root.Get("missing").Kind);
            Assert.IsFalse(root.Get("x").Exists); // nested names are not members of the root
            Assert.IsFalse(root.Get("id").Get("id").Exists); // Get on a string
            Assert.IsFalse(root.Get(null).Exists);
        }

        [TestMethod]
        public void First_duplicate_member_wins()
        {
            JsonElement root = Parse("{\"a\":1,\"a\":2}");
            int a;
            Assert.IsTrue(root.Get("a").TryGetInt32(out a));
            Assert.AreEqual(1, a);
        }

        [TestMethod]
        public void Enumerates_object_members_in_order()
        {
            JsonElement root = Parse(AlinkPostReply);
            JsonObjectEnumerator members = root.EnumerateObject();
            string names = "";
            int count = 0;
            while (members.MoveNext())
            {
                names += members.Name.GetString() + ";";
                count++;
            }

            Assert.AreEqual(6, count);
            Assert.AreEqual("code;data;id;message;method;version;", names);
            Assert.IsFalse(members.MoveNext());
        }

        [TestMethod]
        public void Enumerator_values_match_lookups()
        {
            JsonElement data = Parse(AlinkOtaNotice).Get("data");
            JsonObjectEnumerator members = data.EnumerateObject();
            bool sawExtData = false;
            while (members.MoveNext())
            {
                if (members.Name.ValueEquals("extData"))
                {
                    sawExtData = true;
                    Assert.AreEqual(JsonKind.Object, members.Value.Kind);
                    Assert.AreEqual("value1", members.Value.Get("key1").GetString());
                    Assert.AreEqual(members.Value.Start, members.Current.Start);
                }
            }

            Assert.IsTrue(sawExtData);
        }

        [TestMethod]
        public void Enumerates_array_items()
        {
            JsonElement root = Parse(" [ 1 , \"two\" , [3] , {\"four\":4} , null ] ");
            JsonArrayEnumerator items = root.EnumerateArray();
            int count = 0;
            string raw = "";
            while (items.MoveNext())
            {
                raw += items.Current.GetRawText() + "|";
                count++;
            }

            Assert.AreEqual(5, count);
            Assert.AreEqual("1|\"two\"|[3]|{\"four\":4}|null|", raw);
            Assert.AreEqual(5, root.GetArrayLength());
            Assert.AreEqual(JsonKind.Null, root.ItemAt(4).Kind);

            int viaForeach = 0;
            foreach (JsonElement item in root.EnumerateArray())
            {
                Assert.IsTrue(item.Exists);
                viaForeach++;
            }

            Assert.AreEqual(5, viaForeach);
        }

        [TestMethod]
        public void Enumerating_the_wrong_kind_yields_nothing()
        {
            JsonElement root = Parse("{\"a\":[1,2]}");
            Assert.IsFalse(root.EnumerateArray().MoveNext());
            Assert.IsFalse(root.Get("a").EnumerateObject().MoveNext());
            Assert.AreEqual(0, root.GetArrayLength());
            Assert.AreEqual(0, Parse("[]").GetArrayLength());
            Assert.IsFalse(Parse("{}").EnumerateObject().MoveNext());
            Assert.IsFalse(default(JsonElement).EnumerateObject().MoveNext());
            Assert.IsFalse(default(JsonElement).Get("a").Exists);
        }

        [TestMethod]
        public void Raw_text_and_copy_cover_the_value_only()
        {
            JsonElement root = Parse("{ \"params\" : {\"a\": [1, 2]} , \"s\":\"x\\ny\" }");
            JsonElement p = root.Get("params");
            Assert.AreEqual("{\"a\": [1, 2]}", p.GetRawText());
            Assert.AreEqual("\"x\\ny\"", root.Get("s").GetRawText());
            Assert.AreEqual(6, root.Get("s").Length);

            byte[] copy = new byte[20];
            int copied = p.CopyRawTo(copy, 2);
            Assert.AreEqual(p.Length, copied);
            Assert.AreEqual("{\"a\": [1, 2]}", Encoding.UTF8.GetString(copy, 2, copied));
            Assert.AreEqual(0, p.CopyRawTo(new byte[5], 0));
            Assert.AreEqual(0, p.CopyRawTo(null, 0));
            Assert.AreEqual(0, root.Get("none").CopyRawTo(copy, 0));
            Assert.IsNull(root.Get("none").GetRawText());
        }

        [TestMethod]
        public void Lookups_in_a_nested_container_stay_inside_it()
        {
            // A container found by Get knows where it ends only when asked: its members and items
            // must still stop at its own closing bracket, never run on into its parent's.
            JsonElement root = Parse("{\"o\":{\"x\":1},\"y\":2,\"a\":[{\"z\":[3]}],\"n\":[],\"b\":[4]}");
            JsonElement o = root.Get("o");
            Assert.IsTrue(o.Get("x").Exists);
            Assert.IsFalse(o.Get("y").Exists);
            Assert.AreEqual(7, o.Length);
            Assert.AreEqual("{\"x\":1}", o.ToString());
            JsonObjectEnumerator members = o.EnumerateObject();
            Assert.IsTrue(members.MoveNext());
            Assert.IsFalse(members.MoveNext());

            JsonElement a = root.Get("a");
            Assert.AreEqual(1, a.GetArrayLength());
            Assert.IsFalse(a.ItemAt(1).Exists);
            Assert.AreEqual(1, a.ItemAt(0).Get("z").GetArrayLength());
            Assert.AreEqual(0, root.Get("n").GetArrayLength());
            Assert.AreEqual("[]", root.Get("n").GetRawText());
            Assert.AreEqual(JsonKind.Array, root.Get("b").Kind);
        }

        [TestMethod]
        public void Parses_a_slice_of_a_larger_buffer()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("xx{\"id\":\"9\"}yy");
            JsonElement root = JsonReader.Parse(bytes, 2, 10);
            Assert.AreEqual(JsonKind.Object, root.Kind);
            Assert.AreEqual(2, root.Start);
            Assert.AreSame(bytes, root.Buffer);
            Assert.IsTrue(root.Get("id").ValueEquals("9"));
            Assert.AreEqual(8, root.Get("id").Start);
        }

        [TestMethod]
        public void Any_value_may_be_the_root()
        {
            Assert.AreEqual(JsonKind.String, Parse("\"hi\"").Kind);
            Assert.AreEqual(JsonKind.Number, Parse(" -12.5e3 ").Kind);
            Assert.AreEqual(JsonKind.True, Parse("true").Kind);
            Assert.AreEqual(JsonKind.False, Parse("false").Kind);
            Assert.AreEqual(JsonKind.Null, Parse("\r\n\tnull ").Kind);
            Assert.AreEqual("hi", Parse("\"hi\"").GetString());
            Assert.AreEqual("null", Parse("null").GetString());
            Assert.AreEqual("false", Parse("false").GetString());
        }
    }
}
