using IotDevice.Client;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Client
{
    /// <summary>
    /// A report written in a layout (one loop filling the writer's buffer) against the same values
    /// written through the writer's checked calls, which escape and format on their own.
    /// </summary>
    [TestClass]
    public class ReportLayoutTests
    {
        // Every kind of value, with the ones the loop hands to the writer: text to escape, doubles
        // without a short decimal form, NaN and infinities, JSON, a null string.
        private static PropertyReport Awkward()
        {
            PropertyReport report = new PropertyReport(32);
            report.Add("plain", "auto").Add("quote\"d", "say \"hi\"").Add("ctl\u0001", "tab\there").Add("ünï", "ärger €")
                .Add("empty", "").Add("none", (string)null).Add("zero", 0.0).Add("negzero", -0.0).Add("ten", 10.0)
                .Add("third", 0.1 + 0.2).Add("big", 1e21).Add("nan", double.NaN).Add("inf", double.PositiveInfinity)
                .Add("neg", -27.43).Add("tiny", 0.0000001).Add("half", 0.5).Add("min", long.MinValue).Add("max", long.MaxValue)
                .Add("time", 1700000000000L).Add("minus", -5L).Add("on", true).Add("off", false)
                .AddJson("json", "{\"k\":[1,2]}").Add("wide", 4294967296.25).Add("hundredk", 100000L);
            return report;
        }

        private static string ThroughCalls(PropertyReport report, bool asText)
        {
            JsonWriter writer = new JsonWriter(64, 8192);
            writer.BeginObject();
            for (int i = 0; i < report.Count; i++)
            {
                writer.WriteName(report.IdAt(i));
                if (asText)
                {
                    report.WriteValueAsText(i, writer);
                }
                else
                {
                    report.WriteValue(i, writer);
                }
            }
            writer.EndObject();
            return writer.ToString();
        }

        private static string InLayout(PropertyReport report, ReportLayout layout, int initialCapacity, int maxCapacity, out bool overflowed)
        {
            JsonWriter writer = new JsonWriter(initialCapacity, maxCapacity);
            report.WriteItems(writer, layout);
            overflowed = writer.Overflowed;
            return writer.ToString();
        }

        private static readonly ReportLayout ObjectAsText = new ReportLayout("{", ":", ",", "}", true);

        [TestMethod]
        public void Every_kind_of_value_is_written_as_the_writers_own_calls_write_it()
        {
            PropertyReport report = Awkward();
            bool overflowed;
            Assert.AreEqual(ThroughCalls(report, false), InLayout(report, ReportLayout.Object, 1, 8192, out overflowed));
            Assert.IsFalse(overflowed);
            Assert.AreEqual(ThroughCalls(report, true), InLayout(report, ObjectAsText, 1, 8192, out overflowed));
            Assert.IsFalse(overflowed);
        }

        [TestMethod]
        public void Numbers_keep_their_usual_text()
        {
            PropertyReport report = new PropertyReport(8);
            report.Add("a", 27.43).Add("b", -0.05).Add("c", 10.0).Add("d", 1203L).Add("e", -1L).Add("f", 99999L).Add("g", 4294967295L);
            JsonWriter writer = new JsonWriter(8, 1024);
            report.WriteObject(writer);
            Assert.AreEqual("{\"a\":27.43,\"b\":-0.05,\"c\":10.0,\"d\":1203,\"e\":-1,\"f\":99999,\"g\":4294967295}", writer.ToString());
            writer.Reset();
            report.WriteItems(writer, ObjectAsText);
            Assert.AreEqual("{\"a\":\"27.43\",\"b\":\"-0.05\",\"c\":\"10\",\"d\":\"1203\",\"e\":\"-1\",\"f\":\"99999\",\"g\":\"4294967295\"}", writer.ToString());
        }

        [TestMethod]
        public void A_refilled_report_writes_its_new_ids_and_values()
        {
            PropertyReport report = new PropertyReport(4);
            JsonWriter writer = new JsonWriter(16, 1024);
            report.Add("a", 1L).Add("b", true);
            report.WriteObject(writer);
            Assert.AreEqual("{\"a\":1,\"b\":true}", writer.ToString());

            report.Clear();
            report.Add("a", 2L).Add("c", false).Add("d", "x");
            writer.Reset();
            report.WriteObject(writer);
            Assert.AreEqual("{\"a\":2,\"c\":false,\"d\":\"x\"}", writer.ToString());

            // Fewer values, then a different last one.
            report.Clear();
            report.Add("a", 4L).Add("c", true);
            writer.Reset();
            report.WriteObject(writer);
            Assert.AreEqual("{\"a\":4,\"c\":true}", writer.ToString());
            report.Clear();
            report.Add("a", 5L).Add("c", true).Add("e", 1.5);
            writer.Reset();
            report.WriteObject(writer);
            Assert.AreEqual("{\"a\":5,\"c\":true,\"e\":1.5}", writer.ToString());

            // An equal id in another string object is still the same id.
            report.Clear();
            report.Add(new string('a', 1), 3L);
            writer.Reset();
            report.WriteObject(writer);
            Assert.AreEqual("{\"a\":3}", writer.ToString());
        }

        [TestMethod]
        public void One_report_in_two_layouts_in_turn()
        {
            ReportLayout items = new ReportLayout("[{\"id\":", ",\"value\":", "},{\"id\":", "}]", true);
            PropertyReport report = new PropertyReport(4);
            report.Add("t", 21.5).Add("on", true);
            JsonWriter writer = new JsonWriter(16, 1024);
            for (int round = 0; round < 2; round++)
            {
                writer.Reset();
                report.WriteItems(writer, items);
                Assert.AreEqual("[{\"id\":\"t\",\"value\":\"21.5\"},{\"id\":\"on\",\"value\":\"1\"}]", writer.ToString());
                writer.Reset();
                report.WriteObject(writer);
                Assert.AreEqual("{\"t\":21.5,\"on\":true}", writer.ToString());
            }
        }

        [TestMethod]
        public void The_writers_limit_holds_to_the_byte()
        {
            PropertyReport report = Awkward();
            string whole = ThroughCalls(report, false);
            int size = System.Text.Encoding.UTF8.GetBytes(whole).Length;
            bool overflowed;
            Assert.AreEqual(whole, InLayout(report, ReportLayout.Object, 1, size, out overflowed));
            Assert.IsFalse(overflowed);

            // Any smaller limit overflows, wherever in the report it falls, and never throws.
            for (int limit = size - 1; limit > 0; limit -= 7)
            {
                InLayout(report, ReportLayout.Object, 1, limit, out overflowed);
                Assert.IsTrue(overflowed, "limit " + limit.ToString());
            }
        }

        [TestMethod]
        public void Items_go_into_raw_text_already_begun()
        {
            PropertyReport report = new PropertyReport(2);
            report.Add("a", 1L);
            JsonWriter writer = new JsonWriter(16, 1024);
            writer.BeginRaw();
            writer.Append(JsonWriter.Fragment("{\"params\":"));
            report.WriteItems(writer, new ReportLayout("{", ":", ",", "},\"method\":\"m\"}", false));
            writer.EndRaw();
            Assert.AreEqual("{\"params\":{\"a\":1},\"method\":\"m\"}", writer.ToString());
        }

        [TestMethod]
        public void Ids_too_long_to_keep_are_written_all_the_same()
        {
            // Past 64 KB of encoded ids the report keeps none and writes each through the writer. A
            // control character is escaped to six bytes, so 11,000 of them are 66 KB.
            string longId = new string('\u0001', 11000);
            PropertyReport report = new PropertyReport(2);
            report.Add(longId, 1L).Add("b", "x");
            JsonWriter writer = new JsonWriter(64, 70000);
            report.WriteObject(writer);
            Assert.IsFalse(writer.Overflowed);
            Assert.AreEqual(2 + 66000 + 12, writer.Length);
            byte[] output = writer.Buffer;
            Assert.AreEqual((byte)'\\', output[2]);
            Assert.AreEqual((byte)'u', output[3]);
            Assert.AreEqual((byte)'1', output[7]);
            Assert.AreEqual("\":1,\"b\":\"x\"}", System.Text.Encoding.UTF8.GetString(output, 66002, 12));
        }

        [TestMethod]
        public void An_empty_report_writes_no_items_and_an_empty_object()
        {
            PropertyReport report = new PropertyReport(2);
            JsonWriter writer = new JsonWriter(16, 1024);
            writer.BeginArray();
            report.WriteItems(writer, ReportLayout.Object);
            writer.EndArray();
            Assert.AreEqual("[]", writer.ToString());
            writer.Reset();
            report.WriteObject(writer);
            Assert.AreEqual("{}", writer.ToString());
        }
    }
}
