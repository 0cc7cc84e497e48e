using System;
using System.Text;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Json
{
    [TestClass]
    public class JsonWriterTests
    {
        private static string Number(double value)
        {
            JsonWriter writer = new JsonWriter(8, 256);
            writer.WriteNumber(value);
            return writer.ToString();
        }

        private static string Text(string value)
        {
            JsonWriter writer = new JsonWriter(8, 256);
            writer.WriteString(value);
            return writer.ToString();
        }

        private static void WritePropertyPost(JsonWriter writer)
        {
            writer.BeginObject();
            writer.WriteString("id", "123");
            writer.WriteString("version", "1.0");
            writer.WriteName("params");
            writer.BeginObject();
            writer.WriteName("Power");
            writer.BeginObject();
            writer.WriteString("value", "on");
            writer.WriteNumber("time", 1524448722000L);
            writer.EndObject();
            writer.WriteName("WF");
            writer.BeginObject();
            writer.WriteNumber("value", 23.6);
            writer.WriteNumber("time", 1524448722000L);
            writer.EndObject();
            writer.EndObject();
            writer.WriteString("method", "thing.event.property.post");
            writer.EndObject();
        }

        [TestMethod]
        public void Writes_alink_property_post_byte_for_byte()
        {
            JsonWriter writer = new JsonWriter(16, 1024);
            WritePropertyPost(writer);
            Assert.IsFalse(writer.Overflowed);
            Assert.AreEqual(JsonReaderGoldenTests.AlinkPropertyPost, writer.ToString());
            CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(JsonReaderGoldenTests.AlinkPropertyPost), writer.ToArray());
            Assert.AreEqual(writer.ToArray().Length, writer.Length);
        }

        [TestMethod]
        public void Writes_arrays_and_all_value_kinds()
        {
            JsonWriter writer = new JsonWriter(4, 1024);
            writer.BeginObject();
            writer.WriteName("list");
            writer.BeginArray();
            writer.WriteNumber(1L);
            writer.WriteNumber(-2L);
            writer.WriteBoolean(true);
            writer.WriteBoolean(false);
            writer.WriteNull();
            writer.WriteString(null);
            writer.BeginArray();
            writer.EndArray();
            writer.BeginObject();
            writer.EndObject();
            writer.EndArray();
            writer.WriteBoolean("on", true);
            writer.WriteNumber("min", long.MinValue);
            writer.WriteNumber("max", long.MaxValue);
            writer.EndObject();
            Assert.AreEqual("{\"list\":[1,-2,true,false,null,null,[],{}],\"on\":true,\"min\":-9223372036854775808,\"max\":9223372036854775807}", writer.ToString());
        }

        [TestMethod]
        public void Any_value_may_be_the_root()
        {
            Assert.AreEqual("0", LongText(0));
            Assert.AreEqual("\"x\"", Text("x"));
            Assert.AreEqual("null", Text(null));
            JsonWriter writer = new JsonWriter(4, 64);
            writer.BeginArray();
            writer.EndArray();
            Assert.AreEqual("[]", writer.ToString());
        }

        private static string LongText(long value)
        {
            JsonWriter writer = new JsonWriter(1, 64);
            writer.WriteNumber(value);
            return writer.ToString();
        }

        [TestMethod]
        public void Doubles_always_keep_a_decimal_point()
        {
            Assert.AreEqual("10.0", Number(10));
            Assert.AreEqual("0.0", Number(0));
            Assert.AreEqual("-3.0", Number(-3));
            Assert.AreEqual("1524448722000.0", Number(1524448722000.0));
        }

        [TestMethod]
        public void Doubles_use_the_shortest_exact_decimals()
        {
            Assert.AreEqual("23.6", Number(23.6));
            Assert.AreEqual("0.1", Number(0.1));
            Assert.AreEqual("-0.5", Number(-0.5));
            Assert.AreEqual("100.101", Number(100.101));
            Assert.AreEqual("123456789.125", Number(123456789.125));
            Assert.AreEqual("0.05", Number(0.05));
            Assert.AreEqual("-0.001", Number(-0.001));
            Assert.AreEqual("0.123456789", Number(0.123456789));
            Assert.AreEqual("100.8", Number(100.8));
        }

        [TestMethod]
        public void Rare_doubles_fall_back_to_round_trip_text()
        {
            Assert.AreEqual("1.0E+21", Number(1e21));
            string tiny = Number(1.5e-12);
            Assert.Contains("E-12", tiny);
            Assert.Contains(".", tiny);
            double back;
            Assert.IsTrue(ReadBack(tiny).TryGetDouble(out back));
            Assert.AreEqual(1.5e-12, back);
            string third = Number(1.0 / 3.0);
            Assert.IsTrue(ReadBack(third).TryGetDouble(out back));
            Assert.AreEqual(1.0 / 3.0, back);
        }

        [TestMethod]
        public void NaN_and_infinity_are_written_as_null()
        {
            Assert.AreEqual("null", Number(double.NaN));
            Assert.AreEqual("null", Number(double.PositiveInfinity));
            Assert.AreEqual("null", Number(double.NegativeInfinity));
            JsonWriter writer = new JsonWriter(8, 64);
            writer.BeginArray();
            writer.WriteNumber(double.NaN);
            writer.WriteNumber(1.5);
            writer.EndArray();
            Assert.AreEqual("[null,1.5]", writer.ToString());
        }

        [TestMethod]
        public void Doubles_read_back_equal()
        {
            double[] values = new double[] { 23.6, 0.1, -0.5, 1e21, 123456789.125, 3.14159, -273.15, 1e-7, 6.02214076e23, 9007199254740993.0 };
            for (int i = 0; i < values.Length; i++)
            {
                double back;
                Assert.IsTrue(ReadBack(Number(values[i])).TryGetDouble(out back), Number(values[i]));
                Assert.AreEqual(values[i], back);
            }
        }

        private static JsonElement ReadBack(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            return JsonReader.Parse(bytes, 0, bytes.Length);
        }

        [TestMethod]
        public void Escapes_quotes_backslashes_and_control_characters()
        {
            Assert.AreEqual("\"a\\\"b\\\\c/d\"", Text("a\"b\\c/d"));
            Assert.AreEqual("\"\\n\\r\\t\\b\\f\"", Text("\n\r\t\b\f"));
            // Every control character but U+0000, which a device string cannot hold (it ends there).
            Assert.AreEqual("\"\\u0001\\u001f\\u000b\"", Text("\u0001\u001f\u000b"));
        }

        [TestMethod]
        public void Escaped_text_reads_back_identical()
        {
            string original = "quote\" slash\\ nl\n tab\t ctl\u0002 é 中文 \uD83D\uDE00 end";
            JsonWriter writer = new JsonWriter(8, 1024);
            writer.BeginObject();
            writer.WriteString("k\"ey", original);
            writer.EndObject();
            JsonElement root = ReadBack(writer.ToString());
            Assert.AreEqual(JsonKind.Object, root.Kind);
            Assert.AreEqual(original, root.Get("k\"ey").GetString());
            Assert.IsTrue(root.Get("k\"ey").ValueEquals(original));
        }

        [TestMethod]
        public void Writes_utf8_for_chinese_and_emoji()
        {
            JsonWriter writer = new JsonWriter(4, 256);
            writer.WriteString("OTA升级\uD83D\uDE00");
            byte[] expected = new byte[] { (byte)'"', (byte)'O', (byte)'T', (byte)'A', 0xE5, 0x8D, 0x87, 0xE7, 0xBA, 0xA7, 0xF0, 0x9F, 0x98, 0x80, (byte)'"' };
            CollectionAssert.AreEqual(expected, writer.ToArray());
            Assert.AreEqual("\"OTA升级\uD83D\uDE00\"", writer.ToString());
        }

        [TestMethod]
        public void Lone_surrogates_are_written_as_replacement_characters()
        {
            JsonWriter writer = new JsonWriter(4, 256);
            writer.WriteString("a\uD83Db\uDE00");
            CollectionAssert.AreEqual(new byte[] { (byte)'"', (byte)'a', 0xEF, 0xBF, 0xBD, (byte)'b', 0xEF, 0xBF, 0xBD, (byte)'"' }, writer.ToArray());
        }

        [TestMethod]
        public void Overflow_sets_the_flag_and_never_throws()
        {
            JsonWriter writer = new JsonWriter(8, 40);
            WritePropertyPost(writer);
            Assert.IsTrue(writer.Overflowed);
            Assert.IsTrue(writer.Length <= 40);
            Assert.IsTrue(writer.Buffer.Length <= 40);

            // Every later call is ignored, even ones that would otherwise be misuse.
            int length = writer.Length;
            writer.WriteNumber(5L);
            writer.EndArray();
            writer.WriteString("more", "text");
            Assert.AreEqual(length, writer.Length);
            Assert.IsTrue(writer.Overflowed);
        }

        [TestMethod]
        public void Overflow_on_a_single_long_string()
        {
            JsonWriter writer = new JsonWriter(4, 16);
            writer.WriteString("this string is far longer than sixteen bytes");
            Assert.IsTrue(writer.Overflowed);
            Assert.AreEqual(0, writer.Length);
        }

        [TestMethod]
        public void Grows_up_to_the_limit_exactly()
        {
            JsonWriter writer = new JsonWriter(1, 12);
            writer.WriteString("0123456789");
            Assert.IsFalse(writer.Overflowed);
            Assert.AreEqual("\"0123456789\"", writer.ToString());
            Assert.AreEqual(12, writer.Buffer.Length);
        }

        [TestMethod]
        public void Reset_reuses_the_same_buffer()
        {
            JsonWriter writer = new JsonWriter(256, 1024);
            byte[] buffer = writer.Buffer;
            WritePropertyPost(writer);
            Assert.AreSame(buffer, writer.Buffer);

            writer.Reset();
            Assert.AreEqual(0, writer.Length);
            writer.BeginObject();
            writer.WriteNumber("n", 1L);
            writer.EndObject();
            Assert.AreSame(buffer, writer.Buffer);
            Assert.AreEqual("{\"n\":1}", writer.ToString());
        }

        [TestMethod]
        public void Reset_clears_overflow_and_keeps_working()
        {
            JsonWriter writer = new JsonWriter(8, 40);
            WritePropertyPost(writer);
            Assert.IsTrue(writer.Overflowed);
            writer.Reset();
            Assert.IsFalse(writer.Overflowed);
            writer.BeginArray();
            writer.WriteNumber(2.5);
            writer.EndArray();
            Assert.AreEqual("[2.5]", writer.ToString());
        }

        [TestMethod]
        public void Writes_raw_values_verbatim()
        {
            byte[] raw = Encoding.UTF8.GetBytes("xx{\"a\":[1,2]}yy");
            JsonWriter writer = new JsonWriter(8, 256);
            writer.BeginArray();
            writer.WriteRawValue(raw, 2, 11);
            writer.WriteRawValue(raw, 10, 1);
            writer.EndArray();
            Assert.AreEqual("[{\"a\":[1,2]},2]", writer.ToString());
        }

        [TestMethod]
        public void Value_without_name_in_object_throws()
        {
            JsonWriter writer = new JsonWriter(8, 256);
            writer.BeginObject();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteNumber(1L));
        }

        [TestMethod]
        public void Name_outside_object_throws()
        {
            JsonWriter writer = new JsonWriter(8, 256);
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteName("a"));
            writer.BeginArray();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteName("a"));
        }

        [TestMethod]
        public void Two_names_in_a_row_throw()
        {
            JsonWriter writer = new JsonWriter(8, 256);
            writer.BeginObject();
            writer.WriteName("a");
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteName("b"));
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.EndObject());
        }

        [TestMethod]
        public void Mismatched_end_calls_throw()
        {
            JsonWriter writer = new JsonWriter(8, 256);
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.EndObject());
            writer.BeginObject();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.EndArray());
            writer.EndObject();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.EndObject());
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.BeginObject());
        }

        [TestMethod]
        public void Second_top_level_value_throws()
        {
            JsonWriter writer = new JsonWriter(8, 256);
            writer.WriteNumber(1L);
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteNumber(2L));
        }

        [TestMethod]
        public void Nesting_past_32_levels_throws()
        {
            JsonWriter writer = new JsonWriter(8, 256);
            for (int i = 0; i < 32; i++)
            {
                writer.BeginArray();
            }

            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.BeginArray());
        }
    }
}
