using System.Text;
using System.Threading;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Json
{
    /// <summary>Reading a member's value without its element, and how member names are matched.</summary>
    [TestClass]
    public class JsonMemberReadTests
    {
        private static JsonElement Parse(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            JsonElement root = JsonReader.Parse(bytes, 0, bytes.Length);
            Assert.AreEqual(JsonError.None, root.Error, json);
            return root;
        }

        [TestMethod]
        public void Member_reads_give_what_the_member_elements_give()
        {
            JsonElement root = Parse("{\"s\":\"text\",\"e\":\"a\\\"b\\\\\",\"n\":432945,\"neg\":-12,\"f\":1.5,\"big\":1e3,\"q\":\"77\","
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
            Assert.IsNull(Parse("[\"s\",1]").GetString("s"));
            Assert.IsFalse(Parse("[\"s\",1]").TryGetInt64("s", out number));
            Assert.IsNull(Parse("\"s\"").GetString("s"));
            Assert.IsNull(Parse("{\"s\":\"x\"}").GetString(null));
            Assert.IsFalse(Parse("{\"s\":1}").TryGetInt64(null, out number));
            Assert.IsNull(default(JsonElement).GetString("s"));
            byte[] broken = Encoding.UTF8.GetBytes("{\"s\":\"x\"");
            Assert.IsNull(JsonReader.Parse(broken, 0, broken.Length).GetString("s"));
        }

        [TestMethod]
        public void Names_match_by_their_decoded_text()
        {
            JsonElement root = Parse("{\"a\\u0062c\":1,\"x\\\\y\":2,\"q\\\"r\":3,\"\u00e9t\u00e9\":4,\"\":5,\"abc\":6,\"ab\":7,\"\\u00e9\":8,\"\\ud83d\\ude00\":9}");
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
        public void Long_names_and_long_strings_are_read_whole()
        {
            // Past the sizes the reader keeps arrays for, names and strings take freshly made ones.
            string longName = new string('n', 100);
            string longText = new string('t', 400);
            JsonElement root = Parse("{\"" + longName + "\":\"" + longText + "\",\"short\":\"s\"}");
            Assert.AreEqual(longText, root.GetString(longName));
            Assert.AreEqual("s", root.GetString("short"));
            Assert.IsNull(root.GetString(longName + "x"));
        }

        [TestMethod]
        public void Strings_read_one_after_another_keep_their_text()
        {
            JsonElement root = Parse("{\"a\":\"https://example.com/firmware-2.0.0.bin\",\"b\":\"2.0.0\",\"c\":\"\u4e2d\u6587\"}");
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
            JsonElement root = Parse("{\"first\":\"the first value, long enough to need decoding\",\"second\":\"the second one\",\"n\":12345678901}");
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
            JsonElement root = Parse("{\"a\":999999999999999999,\"b\":1234567890123456789,\"c\":\"100000000000000000\",\"d\":0,\"e\":10}");
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
