using System.Text;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Json
{
    /// <summary>Malformed input: each class of mistake gets its own error and offset, and nothing ever throws.</summary>
    [TestClass]
    public class JsonReaderValidationTests
    {
        private static JsonElement Parse(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            return JsonReader.Parse(bytes, 0, bytes.Length);
        }

        private static JsonElement ParseBytes(byte[] bytes)
        {
            return JsonReader.Parse(bytes, 0, bytes.Length);
        }

        private static void AssertRejected(string json, JsonError error, int offset)
        {
            JsonElement root = Parse(json);
            Assert.AreEqual(JsonKind.Invalid, root.Kind, json);
            Assert.AreEqual(error, root.Error, json);
            Assert.AreEqual(offset, root.ErrorOffset, json);
            Assert.IsFalse(root.Exists, json);
            Assert.IsFalse(root.Get("a").Exists, json);
        }

        private static void AssertRejectedBytes(byte[] bytes, JsonError error, int offset)
        {
            JsonElement root = ParseBytes(bytes);
            Assert.AreEqual(JsonKind.Invalid, root.Kind);
            Assert.AreEqual(error, root.Error);
            Assert.AreEqual(offset, root.ErrorOffset);
        }

        private static string Repeat(string text, int count)
        {
            StringBuilder builder = new StringBuilder(text.Length * count);
            for (int i = 0; i < count; i++)
            {
                builder.Append(text);
            }

            return builder.ToString();
        }

        [TestMethod]
        public void A_bad_byte_is_found_at_every_place_in_strings_of_every_length()
        {
            // String contents are checked several bytes at a time: a control byte, a stray UTF-8
            // continuation byte or a bad escape must be caught wherever it sits, near a word's edge
            // or in a string shorter than a word, and reported where it is.
            for (int length = 1; length <= 19; length++)
            {
                for (int at = 0; at < length; at++)
                {
                    byte[] bytes = Encoding.UTF8.GetBytes("[\"" + Repeat("a", length) + "\"]");
                    int offset = 2 + at;
                    bytes[offset] = 0x1F;
                    AssertRejectedBytes(bytes, JsonError.InvalidString, offset);
                    bytes[offset] = 0x80;
                    AssertRejectedBytes(bytes, JsonError.InvalidUtf8, offset);
                    bytes[offset] = (byte)'\\';
                    AssertRejectedBytes(bytes, at + 1 < length ? JsonError.InvalidString : JsonError.Truncated, at + 1 < length ? offset + 1 : bytes.Length);
                    bytes[offset] = 0x7F;
                    Assert.AreEqual(JsonKind.Array, ParseBytes(bytes).Kind);
                }
            }
        }

        [TestMethod]
        public void A_bad_byte_is_found_at_every_place_of_a_compact_payload()
        {
            // A compact ASCII payload is checked once as a whole, several bytes at a time, and its
            // strings are then crossed without a check of their own. A control byte or a non-ASCII byte
            // anywhere must still be found and placed exactly: inside a string (or where its closing
            // quote was) the string is wrong, anywhere else the byte is unexpected.
            // Leading spaces move the payload across the eight-byte words; a root string reaches its very end.
            string compact = "{\"code\":\"1000\",\"data\":{\"size\":432945,\"url\":\"https://h.example/f-2.0.0.bin?s=x0aQ\"},\"on\":[true,null]}";
            for (int shift = 0; shift < 8; shift++)
            {
                AssertEveryBadByteIsFound(Repeat(" ", shift) + compact);
            }

            AssertEveryBadByteIsFound("\"https://h.example/firmware-2.0.0.bin\"");
        }

        private static void AssertEveryBadByteIsFound(string json)
        {
            byte[] clean = Encoding.UTF8.GetBytes(json);
            Assert.IsTrue(ParseBytes(clean).Exists, json);
            bool inString = false;
            for (int i = 0; i < clean.Length; i++)
            {
                if (clean[i] == (byte)' ' && !inString)
                {
                    continue; // leading whitespace: a control byte there is only more of it or unexpected
                }

                bool stringByte = inString; // the content, or where the closing quote was
                byte[] bytes = (byte[])clean.Clone();
                bytes[i] = 0x01;
                AssertRejectedBytes(bytes, stringByte ? JsonError.InvalidString : JsonError.UnexpectedCharacter, i);
                bytes[i] = 0xC0;
                AssertRejectedBytes(bytes, stringByte ? JsonError.InvalidUtf8 : JsonError.UnexpectedCharacter, i);
                if (clean[i] == (byte)'"')
                {
                    inString = !inString;
                }
            }
        }

        [TestMethod]
        public void Whitespace_control_bytes_between_tokens_are_accepted()
        {
            // Tabs and line breaks fail the whole-payload check, so each string is then checked on its own.
            JsonElement root = Parse("{\"a\":\t\"x\",\r\n\"b\":[1,\n2],\"c\":\"caf\u00e9\"}");
            Assert.AreEqual(JsonKind.Object, root.Kind);
            Assert.AreEqual("x", root.GetString("a"));
            Assert.AreEqual(2, root.Get("b").GetArrayLength());
            Assert.AreEqual("caf\u00e9", root.GetString("c"));
        }

        [TestMethod]
        public void Empty_payload_is_no_data()
        {
            JsonElement root = JsonReader.Parse(new byte[0], 0, 0);
            Assert.AreEqual(JsonKind.None, root.Kind);
            Assert.AreEqual(JsonError.Empty, root.Error);
            Assert.IsFalse(root.Exists);

            root = Parse(" \r\n\t ");
            Assert.AreEqual(JsonKind.None, root.Kind);
            Assert.AreEqual(JsonError.Empty, root.Error);

            byte[] bytes = Encoding.UTF8.GetBytes("{}");
            Assert.AreEqual(JsonError.Empty, JsonReader.Parse(bytes, 2, 0).Error);
        }

        [TestMethod]
        public void Rejects_truncated_input()
        {
            AssertRejected("{", JsonError.Truncated, 1);
            AssertRejected("[", JsonError.Truncated, 1);
            AssertRejected("\"abc", JsonError.Truncated, 4);
            AssertRejected("{\"a\":", JsonError.Truncated, 5);
            AssertRejected("{\"a\"", JsonError.Truncated, 4);
            AssertRejected("{\"a\":1", JsonError.Truncated, 6);
            AssertRejected("{\"a\":1,", JsonError.Truncated, 7);
            AssertRejected("[1,", JsonError.Truncated, 3);
            AssertRejected("[[1]", JsonError.Truncated, 4);
            AssertRejected("\"ab\\", JsonError.Truncated, 4);
            AssertRejected("\"\\u12", JsonError.Truncated, 5);
            AssertRejected("tru", JsonError.Truncated, 3);
        }

        [TestMethod]
        public void Rejects_dangling_commas()
        {
            AssertRejected("{\"a\":1,}", JsonError.UnexpectedCharacter, 7);
            AssertRejected("[1,]", JsonError.UnexpectedCharacter, 3);
            AssertRejected("[,1]", JsonError.UnexpectedCharacter, 1);
            AssertRejected("{,}", JsonError.UnexpectedCharacter, 1);
        }

        [TestMethod]
        public void Rejects_bad_tokens()
        {
            AssertRejected("[tru]", JsonError.UnexpectedCharacter, 4);
            AssertRejected("nul,", JsonError.UnexpectedCharacter, 3);
            AssertRejected("{\"a\":nul}", JsonError.UnexpectedCharacter, 8);
            AssertRejected("trueish", JsonError.UnexpectedCharacter, 4);
            AssertRejected("hello", JsonError.UnexpectedCharacter, 0);
            AssertRejected("{\"a\":yes}", JsonError.UnexpectedCharacter, 5);
            AssertRejected("{'a':1}", JsonError.UnexpectedCharacter, 1);
            AssertRejected("['a']", JsonError.UnexpectedCharacter, 1);
            AssertRejected("{a:1}", JsonError.UnexpectedCharacter, 1);
            AssertRejected("{\"a\" 1}", JsonError.UnexpectedCharacter, 5);
            AssertRejected("{\"a\":1 \"b\":2}", JsonError.UnexpectedCharacter, 7);
            AssertRejected("[1}", JsonError.UnexpectedCharacter, 2);
            AssertRejected("{\"a\":1]", JsonError.UnexpectedCharacter, 6);
            AssertRejected("}", JsonError.UnexpectedCharacter, 0);
            AssertRejected("NaN", JsonError.UnexpectedCharacter, 0);
        }

        [TestMethod]
        public void Rejects_bad_numbers()
        {
            AssertRejected("01", JsonError.InvalidNumber, 1);
            AssertRejected("[-01]", JsonError.InvalidNumber, 3);
            AssertRejected("-", JsonError.InvalidNumber, 1);
            AssertRejected("[-]", JsonError.InvalidNumber, 2);
            AssertRejected("1.", JsonError.InvalidNumber, 2);
            AssertRejected("[1.]", JsonError.InvalidNumber, 3);
            AssertRejected(".5", JsonError.InvalidNumber, 0);
            AssertRejected("1e", JsonError.InvalidNumber, 2);
            AssertRejected("1e+", JsonError.InvalidNumber, 3);
            AssertRejected("+1", JsonError.InvalidNumber, 0);
            AssertRejected("1.2.3", JsonError.InvalidNumber, 3);
            AssertRejected("-a", JsonError.InvalidNumber, 1);
        }

        [TestMethod]
        public void Rejects_control_characters_in_strings()
        {
            AssertRejected("\"a\nb\"", JsonError.InvalidString, 2);
            AssertRejected("{\"a\tb\":1}", JsonError.InvalidString, 3);
            AssertRejectedBytes(new byte[] { (byte)'"', 0x00, (byte)'"' }, JsonError.InvalidString, 1);
            AssertRejectedBytes(new byte[] { (byte)'"', 0x1F, (byte)'"' }, JsonError.InvalidString, 1);
        }

        [TestMethod]
        public void Rejects_bad_escapes()
        {
            AssertRejected("\"\\x\"", JsonError.InvalidString, 2);
            AssertRejected("\"\\u12G4\"", JsonError.InvalidString, 5);
            AssertRejected("\"\\U0041\"", JsonError.InvalidString, 2);
            AssertRejected("\"\\'\"", JsonError.InvalidString, 2);
        }

        [TestMethod]
        public void Rejects_invalid_utf8()
        {
            AssertRejectedBytes(new byte[] { (byte)'"', 0x80, (byte)'"' }, JsonError.InvalidUtf8, 1);          // stray continuation
            AssertRejectedBytes(new byte[] { (byte)'"', 0xBF, (byte)'"' }, JsonError.InvalidUtf8, 1);
            AssertRejectedBytes(new byte[] { (byte)'"', 0xE5, 0x8D, (byte)'"' }, JsonError.InvalidUtf8, 1);    // truncated sequence
            AssertRejectedBytes(new byte[] { (byte)'"', 0xC3, (byte)'a', (byte)'"' }, JsonError.InvalidUtf8, 1);
            AssertRejectedBytes(new byte[] { (byte)'"', 0xC0, 0xAF, (byte)'"' }, JsonError.InvalidUtf8, 1);    // overlong '/'
            AssertRejectedBytes(new byte[] { (byte)'"', 0xC1, 0xBF, (byte)'"' }, JsonError.InvalidUtf8, 1);    // overlong
            AssertRejectedBytes(new byte[] { (byte)'"', 0xE0, 0x80, 0xAF, (byte)'"' }, JsonError.InvalidUtf8, 1); // overlong 3-byte
            AssertRejectedBytes(new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' }, JsonError.InvalidUtf8, 1); // encoded surrogate
            AssertRejectedBytes(new byte[] { (byte)'"', 0xF4, 0x90, 0x80, 0x80, (byte)'"' }, JsonError.InvalidUtf8, 1); // > U+10FFFF
            AssertRejectedBytes(new byte[] { (byte)'"', 0xFF, (byte)'"' }, JsonError.InvalidUtf8, 1);
            AssertRejectedBytes(new byte[] { (byte)'"', 0xE5, 0x8D }, JsonError.Truncated, 3);               // input ends inside it
            AssertRejectedBytes(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'1' }, JsonError.UnexpectedCharacter, 0); // BOM outside a string
        }

        [TestMethod]
        public void Accepts_well_formed_utf8_of_every_length()
        {
            JsonElement root = ParseBytes(new byte[] { (byte)'"', 0x7F, 0xC2, 0x80, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF, (byte)'"' });
            Assert.AreEqual(JsonKind.String, root.Kind);
            Assert.AreEqual("\u007F\u0080\u0800\uD7FF\uD800\uDC00\uDBFF\uDFFF", root.GetString());
        }

        [TestMethod]
        public void Rejects_trailing_data()
        {
            AssertRejected("{} {}", JsonError.TrailingData, 3);
            AssertRejected("1 2", JsonError.TrailingData, 2);
            AssertRejected("{\"a\":1}x", JsonError.TrailingData, 7);
            AssertRejected("\"a\"\"b\"", JsonError.TrailingData, 3);
            Assert.AreEqual(JsonKind.Object, Parse("  {}  \r\n").Kind);
        }

        [TestMethod]
        public void Depth_up_to_the_limit_is_accepted()
        {
            byte[] atLimit = Encoding.UTF8.GetBytes(Repeat("[", 16) + Repeat("]", 16));
            Assert.AreEqual(JsonKind.Array, JsonReader.Parse(atLimit, 0, atLimit.Length).Kind);

            byte[] objects = Encoding.UTF8.GetBytes(Repeat("{\"a\":", 4) + "1" + Repeat("}", 4));
            Assert.AreEqual(JsonKind.Object, JsonReader.Parse(objects, 0, objects.Length, 4, 1000).Kind);
            Assert.AreEqual(JsonError.TooDeep, JsonReader.Parse(objects, 0, objects.Length, 3, 1000).Error);
            Assert.AreEqual(JsonKind.Number, JsonReader.Parse(Encoding.UTF8.GetBytes("5"), 0, 1, 0, 10).Kind);
        }

        [TestMethod]
        public void Depth_past_the_limit_is_rejected()
        {
            byte[] tooDeep = Encoding.UTF8.GetBytes(Repeat("[", 17) + Repeat("]", 17));
            JsonElement root = JsonReader.Parse(tooDeep, 0, tooDeep.Length);
            Assert.AreEqual(JsonKind.Invalid, root.Kind);
            Assert.AreEqual(JsonError.TooDeep, root.Error);
            Assert.AreEqual(16, root.ErrorOffset);
        }

        [TestMethod]
        public void Mixed_nesting_is_tracked_past_64_levels()
        {
            string open = Repeat("[{\"k\":", 50);
            string close = Repeat("}]", 50);
            byte[] deep = Encoding.UTF8.GetBytes(open + "1" + close);
            Assert.AreEqual(JsonKind.Array, JsonReader.Parse(deep, 0, deep.Length, 100, int.MaxValue).Kind);

            byte[] wrong = Encoding.UTF8.GetBytes(open + "1" + Repeat("}]", 49) + "]]");
            Assert.AreEqual(JsonError.UnexpectedCharacter, JsonReader.Parse(wrong, 0, wrong.Length, 100, int.MaxValue).Error);
        }

        [TestMethod]
        public void Ten_thousand_open_brackets_are_rejected_without_recursion()
        {
            byte[] hostile = Encoding.UTF8.GetBytes(Repeat("[", 10000));
            JsonElement root = JsonReader.Parse(hostile, 0, hostile.Length);
            Assert.AreEqual(JsonError.TooDeep, root.Error);
            Assert.AreEqual(JsonReader.DefaultMaxDepth, root.ErrorOffset);

            root = JsonReader.Parse(hostile, 0, hostile.Length, 100000, int.MaxValue);
            Assert.AreEqual(JsonError.TooDeep, root.Error);
            Assert.AreEqual(JsonReader.MaxSupportedDepth, root.ErrorOffset);
        }

        [TestMethod]
        public void Rejects_payload_over_max_length()
        {
            byte[] bytes = Encoding.UTF8.GetBytes(GoldenPayloads());
            JsonElement root = JsonReader.Parse(bytes, 0, bytes.Length, 16, bytes.Length - 1);
            Assert.AreEqual(JsonKind.Invalid, root.Kind);
            Assert.AreEqual(JsonError.TooLarge, root.Error);
            Assert.AreEqual(JsonKind.Array, JsonReader.Parse(bytes, 0, bytes.Length, 16, bytes.Length).Kind);
        }

        [TestMethod]
        public void Bad_arguments_give_invalid_not_exceptions()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("{}");
            Assert.AreEqual(JsonKind.Invalid, JsonReader.Parse(null, 0, 0).Kind);
            Assert.AreEqual(JsonKind.Invalid, JsonReader.Parse(null, 0, 5).Kind);
            Assert.AreEqual(JsonKind.Invalid, JsonReader.Parse(bytes, -1, 2).Kind);
            Assert.AreEqual(JsonKind.Invalid, JsonReader.Parse(bytes, 0, -1).Kind);
            Assert.AreEqual(JsonKind.Invalid, JsonReader.Parse(bytes, 0, 3).Kind);
            Assert.AreEqual(JsonKind.Invalid, JsonReader.Parse(bytes, 3, 0).Kind);
            Assert.AreEqual(JsonKind.Invalid, JsonReader.Parse(bytes, 2, int.MaxValue).Kind);
            Assert.AreEqual(JsonKind.Invalid, JsonReader.Parse(bytes, int.MaxValue, int.MaxValue).Kind);
            Assert.AreEqual(JsonError.Truncated, JsonReader.Parse(bytes, 1, 2).Error);
            Assert.IsFalse(JsonReader.Parse(null, 0, 0).Get("a").Exists);
        }

        [TestMethod]
        public void Every_truncation_of_a_golden_message_is_invalid()
        {
            byte[] full = Encoding.UTF8.GetBytes(JsonReaderGoldenTests.FastBeeOta);
            for (int length = 0; length < full.Length; length++)
            {
                JsonElement root = JsonReader.Parse(full, 0, length);
                Assert.IsFalse(root.Exists, "prefix of " + length.ToString());
                Assert.AreNotEqual(JsonError.None, root.Error);
                Assert.IsFalse(root.Get("id").Exists);
            }

            Assert.AreEqual(JsonKind.Object, JsonReader.Parse(full, 0, full.Length).Kind);
        }

        [TestMethod]
        public void Every_truncation_of_the_array_payload_is_invalid()
        {
            byte[] full = Encoding.UTF8.GetBytes(JsonReaderGoldenTests.FastBeeFunctionReply);
            for (int length = 0; length < full.Length; length++)
            {
                JsonElement root = JsonReader.Parse(full, 0, length);
                Assert.IsFalse(root.Exists, "prefix of " + length.ToString());
            }

            Assert.AreEqual(2, JsonReader.Parse(full, 0, full.Length).GetArrayLength());
        }

        [TestMethod]
        public void Garbage_bytes_never_throw()
        {
            // A fixed linear congruential generator: the same bytes on every run and runtime.
            uint seed = 12345;
            byte[] alphabet = Encoding.UTF8.GetBytes("{}[]\":,\\ tfnrue0123456789-+.eEu\t\n");
            byte[] buffer = new byte[64];
            for (int round = 0; round < 3000; round++)
            {
                int length = (int)(seed % 64);
                for (int i = 0; i < length; i++)
                {
                    seed = (seed * 1103515245) + 12345;
                    int pick = (int)((seed >> 16) & 0xFF);
                    buffer[i] = round % 2 == 0 ? (byte)pick : alphabet[pick % alphabet.Length];
                }

                seed = (seed * 1103515245) + 12345;
                JsonElement root = JsonReader.Parse(buffer, 0, length);
                if (root.Exists)
                {
                    // Whatever parsed must be readable without trouble.
                    Assert.IsNotNull(root.GetRawText());
                    root.Get("a").GetString();
                    root.ItemAt(3).GetString();
                    root.GetArrayLength();
                    long number;
                    root.TryGetInt64(out number);
                }
                else
                {
                    Assert.AreNotEqual(JsonError.None, root.Error);
                }
            }
        }

        [TestMethod]
        public void Lookups_survive_a_buffer_changed_after_parsing()
        {
            byte[] bytes = Encoding.UTF8.GetBytes(JsonReaderGoldenTests.AlinkOtaNotice);
            JsonElement root = JsonReader.Parse(bytes, 0, bytes.Length);
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)(i % 3 == 0 ? '"' : i % 3 == 1 ? '\\' : '{');
            }

            root.Get("data").Get("size").GetString();
            root.Get("id").ValueEquals("x");
            root.GetArrayLength();
            JsonObjectEnumerator members = root.EnumerateObject();
            int guard = 0;
            while (members.MoveNext() && guard < 10000)
            {
                guard++;
            }

            Assert.IsTrue(guard < 10000);
        }

        [TestMethod]
        public void Error_description_names_the_error()
        {
            JsonElement root = Parse("[1,]");
            Assert.Contains("UnexpectedCharacter", root.ToString());
            Assert.Contains("3", root.ToString());
            Assert.AreEqual("[1]", Parse("[1]").ToString());
        }

        private static string GoldenPayloads()
        {
            return "[" + JsonReaderGoldenTests.AlinkPropertyPost + "," + JsonReaderGoldenTests.AlinkOtaNotice + "," + JsonReaderGoldenTests.FastBeeOta + "]";
        }
    }
}
