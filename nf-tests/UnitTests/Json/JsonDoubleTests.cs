using System;
using System.Text;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Json
{
    /// <summary>
    /// Doubles the fixed-point fast path cannot write: the text is made from the bits, so it is valid
    /// JSON and reads back exactly on every runtime (the device's own "G17" text is not).
    /// </summary>
    [TestClass]
    public class JsonDoubleTests
    {
        [TestMethod]
        public void Exponent_forms_have_one_point_and_the_shortest_digits()
        {
            Assert.AreEqual("6.02214076E+23", Number(6.02214076e23));
            Assert.AreEqual("1.7976931348623157E+308", Number(double.MaxValue));
            Assert.AreEqual("-1.7976931348623157E+308", Number(double.MinValue));
            Assert.AreEqual("5.0E-324", Number(double.Epsilon));
            Assert.AreEqual("1.5E-300", Number(1.5e-300));
            Assert.AreEqual("2.2250738585072014E-308", Number(2.2250738585072014e-308));
            Assert.AreEqual("18446744073709552000.0", Number(18446744073709551616.0)); // under 1e21: plain, as JavaScript writes it
            Assert.AreEqual("1.0E+21", Number(1e21));
            Assert.AreEqual("1.5E-12", Number(1.5e-12));
        }

        [TestMethod]
        public void Plain_forms_keep_every_digit_the_value_needs()
        {
            Assert.AreEqual("0.30000000000000004", Number(0.1 + 0.2));
            Assert.AreEqual("0.3333333333333333", Number(1.0 / 3.0));
            Assert.AreEqual("3.14159", Number(3.14159));
            Assert.AreEqual("9007199254740994.0", Number(9007199254740994.0)); // past 2^53
            Assert.AreEqual("123456789012345680000.0", Number(123456789012345678901.0));
            Assert.AreEqual("-0.0000001234", Number(-1.234e-7));
        }

        [TestMethod]
        public void Text_values_for_FastBee_are_quoted_and_exact()
        {
            JsonWriter writer = new JsonWriter(8, 64);
            writer.WriteNumberAsString(4.9e-324);
            Assert.AreEqual("\"5.0E-324\"", writer.ToString());
        }

        [TestMethod]
        public void Two_thousand_doubles_from_their_bits_read_back_equal()
        {
            // Every exponent range, from subnormals to the largest finite values; a fixed sequence.
            ulong state = 0x243F6A8885A308D3UL;
            JsonWriter writer = new JsonWriter(64, 64);
            for (int i = 0; i < 2000; i++)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                double value = BitConverter.Int64BitsToDouble((long)state);
                if (double.IsNaN(value) || double.IsInfinity(value))
                {
                    continue;
                }

                writer.Reset();
                writer.WriteNumber(value);
                string text = writer.ToString();
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                JsonElement back = JsonReader.Parse(bytes, 0, bytes.Length);
                double read;
                Assert.IsTrue(back.TryGetDouble(out read), "not a JSON number: " + text);
                Assert.IsTrue(read == value, text + " reads back as another double");
                Assert.AreEqual(1, Count(text, '.'), text);
            }
        }

        private static int Count(string text, char c)
        {
            int count = 0;
            for (int at = text.IndexOf(c); at >= 0; at = text.IndexOf(c, at + 1))
            {
                count++;
            }

            return count;
        }

        private static string Number(double value)
        {
            JsonWriter writer = new JsonWriter(8, 64);
            writer.WriteNumber(value);
            return writer.ToString();
        }
    }
}
