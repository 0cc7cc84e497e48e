using System;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Json
{
    /// <summary>Raw text: constant pieces appended between BeginRaw and EndRaw, and numbers written as text.</summary>
    [TestClass]
    public class JsonWriterRawTests
    {
        private static readonly byte[] OpenList = JsonWriter.Fragment("[1,");
        private static readonly byte[] CloseList = JsonWriter.Fragment("]");
        private static readonly byte[] Comma = JsonWriter.Fragment(",");
        private static readonly byte[] NameB = JsonWriter.Fragment("\"b\":");

        private static string AsText(double value)
        {
            JsonWriter writer = new JsonWriter(4, 64);
            writer.WriteNumberAsString(value);
            return writer.ToString();
        }

        private static string AsText(long value)
        {
            JsonWriter writer = new JsonWriter(4, 64);
            writer.WriteNumberAsString(value);
            return writer.ToString();
        }

        [TestMethod]
        public void A_raw_root_value_is_the_document()
        {
            JsonWriter writer = new JsonWriter(4, 64);
            writer.BeginRaw();
            writer.Append(OpenList);
            writer.WriteNumber(2L);
            writer.Append(Comma);
            writer.WriteString("x");
            writer.Append(CloseList);
            writer.EndRaw();
            Assert.AreEqual("[1,2,\"x\"]", writer.ToString());
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteNumber(3L));
        }

        [TestMethod]
        public void Raw_members_take_their_place_among_checked_ones()
        {
            JsonWriter writer = new JsonWriter(4, 64);
            writer.BeginObject();
            writer.WriteNumber("a", 1L);
            writer.BeginRaw();
            writer.Append(NameB);
            writer.WriteBoolean(true);
            writer.EndRaw();
            writer.WriteNumber("c", 3L);
            writer.EndObject();
            Assert.AreEqual("{\"a\":1,\"b\":true,\"c\":3}", writer.ToString());
        }

        [TestMethod]
        public void Raw_members_first_in_an_object_get_no_comma()
        {
            JsonWriter writer = new JsonWriter(4, 64);
            writer.BeginObject();
            writer.BeginRaw();
            writer.Append(NameB);
            writer.WriteNull();
            writer.EndRaw();
            writer.WriteNumber("c", 3L);
            writer.EndObject();
            Assert.AreEqual("{\"b\":null,\"c\":3}", writer.ToString());
        }

        [TestMethod]
        public void Raw_members_may_end_with_a_name_whose_value_follows()
        {
            JsonWriter writer = new JsonWriter(4, 64);
            writer.BeginObject();
            writer.BeginRaw();
            writer.Append(NameB);
            writer.EndRaw();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.WriteName("c"));
            writer.BeginArray();
            writer.EndArray();
            writer.WriteNumber("c", 3L);
            writer.EndObject();
            Assert.AreEqual("{\"b\":[],\"c\":3}", writer.ToString());
        }

        [TestMethod]
        public void Raw_items_in_an_array_and_a_raw_value_after_a_name()
        {
            JsonWriter writer = new JsonWriter(4, 64);
            writer.BeginObject();
            writer.WriteName("list");
            writer.BeginArray();
            writer.WriteNumber(0L);
            writer.BeginRaw();
            writer.WriteNumber(1L);
            writer.Append(Comma);
            writer.WriteNumber(2.5);
            writer.EndRaw();
            writer.WriteNumber(3L);
            writer.EndArray();
            writer.WriteName("v");
            writer.BeginRaw();
            writer.Append(OpenList);
            writer.WriteName("ignored by no check");
            writer.Append(CloseList);
            writer.EndRaw();
            writer.EndObject();
            Assert.AreEqual("{\"list\":[0,1,2.5,3],\"v\":[1,\"ignored by no check\":]}", writer.ToString());
        }

        [TestMethod]
        public void Raw_calls_out_of_place_throw()
        {
            JsonWriter writer = new JsonWriter(4, 64);
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.Append(Comma));
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.EndRaw());
            writer.BeginRaw();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.BeginRaw());
            writer.EndRaw();
            Assert.ThrowsException(typeof(InvalidOperationException), () => writer.EndRaw());
        }

        [TestMethod]
        public void Overflow_inside_raw_text_is_flagged_and_later_calls_are_ignored()
        {
            JsonWriter writer = new JsonWriter(4, 8);
            writer.BeginRaw();
            writer.Append(OpenList);
            writer.WriteString("longer than the limit");
            Assert.IsTrue(writer.Overflowed);
            int length = writer.Length;
            writer.Append(CloseList);
            writer.EndRaw();
            writer.EndRaw();
            Assert.AreEqual(length, writer.Length);
            writer.Reset();
            writer.BeginRaw();
            writer.Append(CloseList);
            writer.EndRaw();
            Assert.AreEqual("]", writer.ToString());
        }

        [TestMethod]
        public void Numbers_as_text_take_their_shortest_form_in_quotes()
        {
            Assert.AreEqual("\"27.43\"", AsText(27.43));
            Assert.AreEqual("\"10\"", AsText(10.0));
            Assert.AreEqual("\"-0.05\"", AsText(-0.05));
            Assert.AreEqual("\"4294967296.5\"", AsText(4294967296.5));
            Assert.AreEqual("null", AsText(double.NaN));
            Assert.AreEqual("\"123\"", AsText(123L));
            Assert.AreEqual("\"-9223372036854775808\"", AsText(long.MinValue));
            Assert.AreEqual("\"18446744073\"", AsText(18446744073L));
        }
    }
}
