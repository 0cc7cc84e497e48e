using System.Text;
using System.Threading;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Json
{
    /// <summary>Reading strings, numbers and booleans out of elements, and out of an object's members without their elements.</summary>
    [TestClass]
    public class JsonReaderValueTests
    {
        private static JsonElement Root(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            JsonElement root = JsonReader.Parse(bytes, 0, bytes.Length);
            Assert.AreEqual(JsonError.None, root.Error, json);
            return root;
        }

        private static JsonElement Value(string json)
        {
            return Root("{\"v\":" + json + "}").Get("v");
        }

        private static long Int64Of(string json)
        {
            long value;
            Assert.IsTrue(Value(json).TryGetInt64(out value), json);
            return value;
        }

        private static bool Int64Rejects(string json)
        {
            long value;
            return !Value(json).TryGetInt64(out value);
        }

        private static double DoubleOf(string json)
        {
            double value;
            Assert.IsTrue(Value(json).TryGetDouble(out value), json);
            return value;
        }

        private static bool BooleanOf(string json)
        {
            bool value;
            Assert.IsTrue(Value(json).TryGetBoolean(out value), json);
            return value;
        }

        [TestMethod]
        public void Unescapes_simple_escapes()
        {
            Assert.AreEqual("a\"b\\c/d\be\ff\ng\rh\ti", Value("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"").GetString());
            Assert.AreEqual(string.Empty, Value("\"\"").GetString());
        }

        [TestMethod]
        public void Unescapes_unicode_escapes()
        {
            Assert.AreEqual("caf\u00e9", Value("\"caf\\u00e9\"").GetString());
            Assert.AreEqual("\u00c9T\u00c9", Value("\"\\u00C9T\\u00c9\"").GetString());
            Assert.AreEqual("\u4e2d", Value("\"\\u4E2D\"").GetString());
        }

        [TestMethod]
        public void Joins_escaped_surrogate_pairs()
        {
            string text = Value("\"x\\uD83D\\uDE00y\"").GetString();
            Assert.AreEqual(4, text.Length);
            char[] units = text.ToCharArray(); // the device's string indexer repeats the high half
            Assert.AreEqual('\uD83D', units[1]);
            Assert.AreEqual('\uDE00', units[2]);
            Assert.AreEqual("x\uD83D\uDE00y", text);
        }

        [TestMethod]
        public void Lone_surrogates_become_replacement_characters()
        {
            Assert.AreEqual("a\uFFFDb", Value("\"a\\uD83Db\"").GetString());
            Assert.AreEqual("a\uFFFDb", Value("\"a\\uDE00b\"").GetString());
            Assert.AreEqual("\uFFFDA", Value("\"\\uD83D\\u0041\"").GetString());
            Assert.IsTrue(Value("\"\\uDE00\"").ValueEquals("\uFFFD"));
        }

        [TestMethod]
        public void Reads_raw_utf8_text()
        {
            Assert.AreEqual("OTA升级", Value("\"OTA升级\"").GetString());
            Assert.AreEqual("\u00e9\uD83D\uDE00", Value("\"\u00e9\uD83D\uDE00\"").GetString());
            Assert.IsTrue(Value("\"OTA\\u5347级\"").ValueEquals("OTA升级"));
            Assert.AreEqual("OTA升级", Value("\"OTA\\u5347级\"").GetString());
        }

        [TestMethod]
        public void ValueEquals_compares_decoded_text()
        {
            Assert.IsTrue(Value("\"a\\\"b\"").ValueEquals("a\"b"));
            Assert.IsTrue(Value("\"tab\\there\"").ValueEquals("tab\there"));
            Assert.IsTrue(Value("\"\\u0041\\u0042\"").ValueEquals("AB"));
            Assert.IsTrue(Value("\"\\uD83D\\uDE00\"").ValueEquals("\uD83D\uDE00"));
            Assert.IsTrue(Value("\"\"").ValueEquals(""));
            Assert.IsFalse(Value("\"a\\\"b\"").ValueEquals("a\\\"b"));
            Assert.IsFalse(Value("\"abc\"").ValueEquals("ab"));
            Assert.IsFalse(Value("\"ab\"").ValueEquals("abc"));
            Assert.IsFalse(Value("\"abc\"").ValueEquals("ABC"));
            Assert.IsFalse(Value("\"abc\"").ValueEquals(null));
            Assert.IsFalse(Value("123").ValueEquals("123")); // only strings compare
        }

        [TestMethod]
        public void Member_names_are_matched_decoded()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("{\"p\\u0061rams\":1,\"\\u529f\\u7387\":2,\"a\\\"b\":3}");
            JsonElement root = JsonReader.Parse(bytes, 0, bytes.Length);
            int value;
            Assert.IsTrue(root.Get("params").TryGetInt32(out value));
            Assert.AreEqual(1, value);
            Assert.IsTrue(root.Get("功率").TryGetInt32(out value));
            Assert.AreEqual(2, value);
            Assert.IsTrue(root.Get("a\"b").TryGetInt32(out value));
            Assert.AreEqual(3, value);
            Assert.IsFalse(root.Get("Params").Exists);
        }

        [TestMethod]
        public void GetString_of_non_strings()
        {
            Assert.AreEqual("-1.5e3", Value("-1.5e3").GetString());
            Assert.AreEqual("true", Value("true").GetString());
            Assert.IsNull(Value("{}").GetString());
            Assert.IsNull(Value("[]").GetString());
            Assert.IsNull(default(JsonElement).GetString());
        }

        [TestMethod]
        public void Reads_64bit_timestamps()
        {
            Assert.AreEqual(1524448722000L, Int64Of("1524448722000"));
            Assert.AreEqual(1568864790381L, Int64Of("\"1568864790381\""));
            Assert.AreEqual(4294967295L, Int64Of("4294967295"));
            Assert.AreEqual(long.MaxValue, Int64Of("9223372036854775807"));
            Assert.AreEqual(long.MinValue, Int64Of("-9223372036854775808"));
            Assert.AreEqual(long.MinValue, Int64Of("\"-9223372036854775808\""));
            Assert.AreEqual(-5L, Int64Of("\"-5\""));
            Assert.AreEqual(0L, Int64Of("-0"));
        }

        [TestMethod]
        public void Integral_forms_with_fraction_or_exponent_are_accepted()
        {
            Assert.AreEqual(1000L, Int64Of("1e3"));
            Assert.AreEqual(15L, Int64Of("1.5e1"));
            Assert.AreEqual(1L, Int64Of("1.0"));
            Assert.AreEqual(1L, Int64Of("100e-2"));
            Assert.AreEqual(0L, Int64Of("0e99999"));
            Assert.AreEqual(1524448722000L, Int64Of("1.524448722E12"));
        }

        [TestMethod]
        public void Int64_rejects_non_integers_and_overflow()
        {
            Assert.IsTrue(Int64Rejects("1.5"));
            Assert.IsTrue(Int64Rejects("1e-1"));
            Assert.IsTrue(Int64Rejects("1.25e1"));
            Assert.IsTrue(Int64Rejects("9223372036854775808"));
            Assert.IsTrue(Int64Rejects("-9223372036854775809"));
            Assert.IsTrue(Int64Rejects("18446744073709551616"));
            Assert.IsTrue(Int64Rejects("123456789012345678901234567890"));
            Assert.IsTrue(Int64Rejects("1e19"));
            Assert.IsTrue(Int64Rejects("1e99999999999"));
            Assert.IsTrue(Int64Rejects("\"9223372036854775808\""));
            Assert.IsTrue(Int64Rejects("true"));
            Assert.IsTrue(Int64Rejects("null"));
            Assert.IsTrue(Int64Rejects("{}"));
        }

        [TestMethod]
        public void Int64_rejects_malformed_numeric_strings()
        {
            Assert.IsTrue(Int64Rejects("\"\""));
            Assert.IsTrue(Int64Rejects("\" 12\""));
            Assert.IsTrue(Int64Rejects("\"12 \""));
            Assert.IsTrue(Int64Rejects("\"1 2\""));
            Assert.IsTrue(Int64Rejects("\"+12\""));
            Assert.IsTrue(Int64Rejects("\"12-\""));
            Assert.IsTrue(Int64Rejects("\"--1\""));
            Assert.IsTrue(Int64Rejects("\"-\""));
            Assert.IsTrue(Int64Rejects("\"0x10\""));
            Assert.IsTrue(Int64Rejects("\"12abc\""));
            Assert.IsTrue(Int64Rejects("\"1\\u0032\""));
            Assert.IsTrue(Int64Rejects("\"on\""));
        }

        [TestMethod]
        public void Int32_rejects_values_beyond_32_bits()
        {
            int value;
            Assert.IsTrue(Value("2147483647").TryGetInt32(out value));
            Assert.AreEqual(int.MaxValue, value);
            Assert.IsTrue(Value("-2147483648").TryGetInt32(out value));
            Assert.AreEqual(int.MinValue, value);
            Assert.IsFalse(Value("2147483648").TryGetInt32(out value));
            Assert.IsFalse(Value("-2147483649").TryGetInt32(out value));
            Assert.IsFalse(Value("4294967295").TryGetInt32(out value));
            Assert.AreEqual(0, value);
        }

        [TestMethod]
        public void Reads_doubles()
        {
            Assert.AreEqual(23.6, DoubleOf("23.6"));
            Assert.AreEqual(100.101, DoubleOf("100.101"));
            Assert.AreEqual(-0.5, DoubleOf("-0.5"));
            Assert.AreEqual(1000.0, DoubleOf("1e3"));
            Assert.AreEqual(0.0015, DoubleOf("1.5E-3"));
            Assert.AreEqual(0.1, DoubleOf("0.1"));
            Assert.AreEqual(100.8, DoubleOf("100.8"));
            Assert.AreEqual(1524448722000.0, DoubleOf("1524448722000"));
            Assert.AreEqual(0.0, DoubleOf("0"));
            Assert.AreEqual(1e22, DoubleOf("1e22"));
            Assert.AreEqual(123456.789, DoubleOf("1.23456789e5"));
            Assert.AreEqual(0.30000000000000004, DoubleOf("0.30000000000000004"));
        }

        [TestMethod]
        public void Reads_doubles_from_strings()
        {
            Assert.AreEqual(23.6, DoubleOf("\"23.6\""));
            Assert.AreEqual(-7.0, DoubleOf("\"-7\""));
            double value;
            Assert.IsFalse(Value("\"23.6 \"").TryGetDouble(out value));
            Assert.IsFalse(Value("\"abc\"").TryGetDouble(out value));
            Assert.IsFalse(Value("\"\"").TryGetDouble(out value));
            Assert.IsFalse(Value("true").TryGetDouble(out value));
        }

        [TestMethod]
        public void Reads_rare_doubles_through_the_fallback()
        {
            Assert.AreEqual(1e300, DoubleOf("1e300"));
            Assert.AreEqual(1.7976931348623157E+308, DoubleOf("1.7976931348623157E+308"));
            Assert.AreEqual(12345678901234567890.0, DoubleOf("12345678901234567890"));
            Assert.AreEqual(1.5, DoubleOf("1.50000000000000000000"));
            double value;
            Assert.IsFalse(Value("1e400").TryGetDouble(out value)); // infinite
        }

        [TestMethod]
        public void Reads_booleans_in_every_accepted_form()
        {
            Assert.IsTrue(BooleanOf("true"));
            Assert.IsFalse(BooleanOf("false"));
            Assert.IsTrue(BooleanOf("1"));
            Assert.IsFalse(BooleanOf("0"));
            Assert.IsTrue(BooleanOf("\"true\""));
            Assert.IsTrue(BooleanOf("\"TRUE\""));
            Assert.IsFalse(BooleanOf("\"False\""));
            Assert.IsTrue(BooleanOf("\"1\""));
            Assert.IsFalse(BooleanOf("\"0\""));
            Assert.IsTrue(BooleanOf("\"on\""));
            Assert.IsTrue(BooleanOf("\"ON\""));
            Assert.IsFalse(BooleanOf("\"off\""));
            Assert.IsFalse(BooleanOf("\"Off\""));
        }

        [TestMethod]
        public void Rejects_other_boolean_forms()
        {
            bool value;
            Assert.IsFalse(Value("2").TryGetBoolean(out value));
            Assert.IsFalse(Value("0.5").TryGetBoolean(out value));
            Assert.IsFalse(Value("\"yes\"").TryGetBoolean(out value));
            Assert.IsFalse(Value("\"onn\"").TryGetBoolean(out value));
            Assert.IsFalse(Value("\"\"").TryGetBoolean(out value));
            Assert.IsFalse(Value("null").TryGetBoolean(out value));
            Assert.IsFalse(Value("{}").TryGetBoolean(out value));
            Assert.IsFalse(default(JsonElement).TryGetBoolean(out value));
        }

        [TestMethod]
        public void Missing_elements_give_nothing()
        {
            JsonElement missing = Value("{}").Get("nope");
            long number;
            double real;
            Assert.AreEqual(JsonKind.None, missing.Kind);
            Assert.IsFalse(missing.Exists);
            Assert.IsFalse(missing.TryGetInt64(out number));
            Assert.IsFalse(missing.TryGetDouble(out real));
            Assert.IsNull(missing.GetString());
            Assert.IsFalse(missing.ValueEquals(""));
            Assert.AreEqual(0, missing.GetArrayLength());
        }

        [TestMethod]
        public void Member_reads_give_what_the_member_elements_give()
        {
            JsonElement root = Root("{\"s\":\"text\",\"e\":\"a\\\"b\\\\\",\"n\":432945,\"neg\":-12,\"f\":1.5,\"big\":1e3,\"q\":\"77\","
                + "\"t\":true,\"z\":null,\"o\":{\"s\":\"inner\"},\"a\":[1,2],\"empty\":\"\",\"d\":\"2.0.0\"}");
            string[] names = { "s", "e", "n", "neg", "f", "big", "q", "t", "z", "o", "a", "empty", "d", "missing", "", "S" };
            for (int i = 0; i < names.Length; i++)
            {
                string name = names[i];
                JsonElement member = root.Get(name);
                Assert.AreEqual(member.GetString(), root.GetString(name), name);
                long fromElement;
                long direct;
                bool elementRead = member.TryGetInt64(out fromElement);
                Assert.AreEqual(elementRead, root.TryGetInt64(name, out direct), name);
                Assert.AreEqual(fromElement, direct, name);
            }

            Assert.AreEqual("a\"b\\", root.GetString("e"));
            long number;
            Assert.IsTrue(root.TryGetInt64("n", out number));
            Assert.AreEqual(432945L, number);
            Assert.IsTrue(root.TryGetInt64("q", out number));
            Assert.AreEqual(77L, number);
            Assert.IsFalse(root.TryGetInt64("f", out number));
            Assert.AreEqual("inner", root.Get("o").GetString("s"));
        }

        [TestMethod]
        public void Member_reads_on_anything_but_an_object_find_nothing()
        {
            long number;
            Assert.IsNull(Root("[\"s\",1]").GetString("s"));
            Assert.IsFalse(Root("[\"s\",1]").TryGetInt64("s", out number));
            Assert.IsNull(Root("\"s\"").GetString("s"));
            Assert.IsNull(Root("{\"s\":\"x\"}").GetString(null));
            Assert.IsFalse(Root("{\"s\":1}").TryGetInt64(null, out number));
            Assert.IsNull(default(JsonElement).GetString("s"));
            byte[] broken = Encoding.UTF8.GetBytes("{\"s\":\"x\"");
            Assert.IsNull(JsonReader.Parse(broken, 0, broken.Length).GetString("s"));
        }

        [TestMethod]
        public void Names_match_by_their_decoded_text()
        {
            JsonElement root = Root("{\"a\\u0062c\":1,\"x\\\\y\":2,\"q\\\"r\":3,\"\u00e9t\u00e9\":4,\"\":5,\"abc\":6,\"ab\":7,\"\\u00e9\":8,\"\\ud83d\\ude00\":9}");
            Assert.AreEqual(1L, Int64(root, "abc"));            // escaped, and first of two
            Assert.AreEqual(2L, Int64(root, "x\\y"));           // a backslash in the name
            Assert.AreEqual(3L, Int64(root, "q\"r"));           // a quote in the name
            Assert.IsFalse(root.Get("q\\\"r").Exists);          // the raw bytes are not the name
            Assert.IsFalse(root.Get("x\\\\y").Exists);
            Assert.AreEqual(4L, Int64(root, "\u00e9t\u00e9"));  // UTF-8 bytes
            Assert.AreEqual(5L, Int64(root, ""));
            Assert.AreEqual(7L, Int64(root, "ab"));
            Assert.AreEqual(8L, Int64(root, "\u00e9"));         // escaped non-ASCII
            Assert.AreEqual(9L, Int64(root, "\uD83D\uDE00"));   // escaped surrogate pair
            Assert.IsFalse(root.Get("a").Exists);
            Assert.IsFalse(root.Get("abcd").Exists);
        }

        [TestMethod]
        public void Lookups_in_any_order_find_the_first_member_of_each_name()
        {
            // A lookup may go on from where the last one in the same object stopped; the answers must
            // be those of a walk from the start, whatever the order, duplicates and spacing.
            string[] payloads =
            {
                "{\"a\":1,\"b\":2,\"a\":3,\"c\":4,\"d\":\"x\",\"e\":true,\"f\":5}",
                "{ \"a\" : 1 ,\n\"b\" : 2 , \"a\" : 3 ,\t\"c\" : 4 , \"d\" : \"x\" , \"e\" : true , \"f\" : 5 }",
                "{\"\\u0061\":1,\"b\":2,\"a\":3,\"c\":4,\"d\":\"x\",\"e\":true,\"f\":5}",
            };
            string[] order = { "b", "a", "c", "f", "c", "b", "d", "a", "g", "f", "e", "a", "f", "b" };
            long[] expected = { 2, 1, 4, 5, 4, 2, -1, 1, -1, 5, -1, 1, 5, 2 };
            for (int p = 0; p < payloads.Length; p++)
            {
                JsonElement root = Root(payloads[p]);
                for (int i = 0; i < order.Length; i++)
                {
                    long value;
                    bool found = root.TryGetInt64(order[i], out value);
                    Assert.AreEqual(expected[i] >= 0, found, payloads[p] + " " + order[i]);
                    if (found)
                    {
                        Assert.AreEqual(expected[i], value, payloads[p] + " " + order[i]);
                    }
                }

                Assert.AreEqual("x", root.GetString("d"));
                Assert.IsTrue(root.Get("e").Exists);
            }
        }

        [TestMethod]
        public void Compact_and_spaced_members_mixed_in_one_object_are_all_found()
        {
            // Compact members are read on a short path; whitespace around a colon or comma, a name ending
            // in an escaped backslash or quote, and containers before the sought member take the careful
            // steps, and the walk must go on correctly after each.
            JsonElement root = Root("{\"a\":1,\"b\" :2,\"c\": 3,\"d\":\"x\" ,\"e\\\\\":5,\"f\\\"\":6,\"p\\\":q\":10,"
                + "\"o\":{\"g\":0} ,\"l\":[1,{\"g\":0}],\"g\":7,\"h\":-8 ,\"i\":\"y\\\"\",\"j\":true,\"k\":9}");
            Assert.AreEqual(1L, Int64(root, "a"));
            Assert.AreEqual(2L, Int64(root, "b"));
            Assert.AreEqual(3L, Int64(root, "c"));
            Assert.AreEqual("x", root.GetString("d"));
            Assert.AreEqual(5L, Int64(root, "e\\"));
            Assert.AreEqual(6L, Int64(root, "f\""));
            Assert.AreEqual(10L, Int64(root, "p\":q"));
            Assert.AreEqual(7L, Int64(root, "g"));
            Assert.AreEqual(-8L, Int64(root, "h"));
            Assert.AreEqual("y\"", root.GetString("i"));
            Assert.AreEqual(9L, Int64(root, "k"));
            Assert.AreEqual(JsonKind.True, root.Get("j").Kind);
            Assert.AreEqual(0L, Int64(root.Get("o"), "g"));
            Assert.IsFalse(root.Get("m").Exists);
        }

        [TestMethod]
        public void A_payload_parsed_again_in_the_same_buffer_is_read_afresh()
        {
            byte[] buffer = Encoding.UTF8.GetBytes("{\"a\":1,\"b\":2,\"c\":3}");
            JsonElement first = JsonReader.Parse(buffer, 0, buffer.Length);
            Assert.AreEqual(2L, Int64(first, "b"));
            byte[] next = Encoding.UTF8.GetBytes("{\"c\":9,\"b\":8,\"a\":7}");
            System.Array.Copy(next, buffer, next.Length);
            JsonElement second = JsonReader.Parse(buffer, 0, buffer.Length);
            Assert.AreEqual(9L, Int64(second, "c"));
            Assert.AreEqual(7L, Int64(second, "a"));
        }

        [TestMethod]
        public void Lookups_in_nested_objects_of_one_payload_keep_to_their_object()
        {
            JsonElement root = Root("{\"a\":1,\"o\":{\"a\":2,\"b\":3},\"b\":4,\"p\":{\"b\":5,\"a\":6}}");
            JsonElement o = root.Get("o");
            JsonElement p = root.Get("p");
            Assert.AreEqual(3L, Int64(o, "b"));
            Assert.AreEqual(4L, Int64(root, "b"));
            Assert.AreEqual(6L, Int64(p, "a"));
            Assert.AreEqual(2L, Int64(o, "a"));
            Assert.AreEqual(1L, Int64(root, "a"));
            Assert.AreEqual(5L, Int64(p, "b"));
            Assert.IsFalse(p.Get("o").Exists);
        }

        [TestMethod]
        public void Long_names_and_long_strings_are_read_whole()
        {
            // Past the sizes the reader keeps arrays for, names and strings take freshly made ones.
            string longName = new string('n', 100);
            string longText = new string('t', 400);
            JsonElement root = Root("{\"" + longName + "\":\"" + longText + "\",\"short\":\"s\"}");
            Assert.AreEqual(longText, root.GetString(longName));
            Assert.AreEqual("s", root.GetString("short"));
            Assert.IsNull(root.GetString(longName + "x"));
        }

        [TestMethod]
        public void Strings_read_one_after_another_keep_their_text()
        {
            JsonElement root = Root("{\"a\":\"https://example.com/firmware-2.0.0.bin\",\"b\":\"2.0.0\",\"c\":\"\u4e2d\u6587\"}");
            string a = root.GetString("a");
            string b = root.GetString("b");
            string c = root.GetString("c");
            Assert.AreEqual("https://example.com/firmware-2.0.0.bin", a);
            Assert.AreEqual("2.0.0", b);
            Assert.AreEqual("\u4e2d\u6587", c);
        }

        [TestMethod]
        public void Readers_on_several_threads_get_their_own_values()
        {
            JsonElement root = Root("{\"first\":\"the first value, long enough to need decoding\",\"second\":\"the second one\",\"n\":12345678901}");
            bool[] wrong = new bool[1];
            Thread other = new Thread(() => ReadMany(root, wrong));
            other.Start();
            ReadMany(root, wrong);
            Assert.IsTrue(other.Join(30000), "the second reader did not finish");
            Assert.IsFalse(wrong[0]);
        }

        [TestMethod]
        public void Eighteen_digits_and_more_are_read_exactly()
        {
            JsonElement root = Root("{\"a\":999999999999999999,\"b\":1234567890123456789,\"c\":\"100000000000000000\",\"d\":0,\"e\":10}");
            Assert.AreEqual(999999999999999999L, Int64(root, "a"));
            Assert.AreEqual(1234567890123456789L, Int64(root, "b"));
            Assert.AreEqual(100000000000000000L, Int64(root, "c"));
            Assert.AreEqual(0L, Int64(root, "d"));
            Assert.AreEqual(10L, Int64(root, "e"));
        }

        private static void ReadMany(JsonElement root, bool[] wrong)
        {
            for (int i = 0; i < 200; i++)
            {
                long n;
                if (root.GetString("first") != "the first value, long enough to need decoding"
                    || root.GetString("second") != "the second one"
                    || !root.TryGetInt64("n", out n) || n != 12345678901L)
                {
                    wrong[0] = true;
                }
            }
        }

        private static long Int64(JsonElement root, string name)
        {
            long value;
            Assert.IsTrue(root.TryGetInt64(name, out value), name);
            return value;
        }
    }
}
