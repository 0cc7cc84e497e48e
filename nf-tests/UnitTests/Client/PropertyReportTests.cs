using System;
using IotDevice.Client;
using IotDevice.Json;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Client
{
    [TestClass]
    public class PropertyReportTests
    {
        private static string Write(PropertyReport report, bool asText)
        {
            JsonWriter writer = new JsonWriter(64, 1024);
            writer.BeginArray();
            for (int i = 0; i < report.Count; i++)
            {
                if (asText)
                {
                    report.WriteValueAsText(i, writer);
                }
                else
                {
                    report.WriteValue(i, writer);
                }
            }
            writer.EndArray();
            return writer.ToString();
        }

        [TestMethod]
        public void Values_keep_their_json_type_and_doubles_a_decimal_digit()
        {
            PropertyReport report = new PropertyReport(8);
            report.Add("s", "on").Add("i", 2000L).Add("d", 10.0).Add("f", 23.6).Add("b", true).AddJson("o", "{\"k\":[1,2]}");
            Assert.AreEqual("[\"on\",2000,10.0,23.6,true,{\"k\":[1,2]}]", Write(report, false));
        }

        [TestMethod]
        public void As_text_every_value_is_a_string_as_fastbee_wants()
        {
            PropertyReport report = new PropertyReport(8);
            report.Add("s", "on").Add("i", -5L).Add("d", 10.0).Add("f", 27.43).Add("b", false);
            Assert.AreEqual("[\"on\",\"-5\",\"10\",\"27.43\",\"0\"]", Write(report, true));
        }

        [TestMethod]
        public void Object_form_pairs_ids_with_values()
        {
            PropertyReport report = new PropertyReport(4);
            report.Add("temperature", 28.5).Add("light", 2000L).Add("switch", true);
            JsonWriter writer = new JsonWriter(64, 1024);
            report.WriteObject(writer);
            Assert.AreEqual("{\"temperature\":28.5,\"light\":2000,\"switch\":true}", writer.ToString());
        }

        [TestMethod]
        public void It_is_bounded_and_reusable()
        {
            PropertyReport report = new PropertyReport(2);
            report.Add("a", 1L).Add("b", 2L);
            Assert.ThrowsException(typeof(InvalidOperationException), () => report.Add("c", 3L));
            report.TimestampMs = 1524448722000;
            report.Clear();
            Assert.AreEqual(0, report.Count);
            Assert.AreEqual(0L, report.TimestampMs);
            report.Add("c", "x");
            Assert.AreEqual("c", report.IdAt(0));
            Assert.AreEqual("x", report.StringAt(0));
        }

        [TestMethod]
        public void Room_is_made_as_values_arrive_up_to_the_capacity_and_kept_for_refills()
        {
            PropertyReport report = new PropertyReport(13);
            Assert.AreEqual(13, report.Capacity);
            for (int round = 0; round < 2; round++)
            {
                report.Clear();
                for (int i = 0; i < 13; i++)
                {
                    string id = "v" + i.ToString();
                    switch (i % 4)
                    {
                        case 0: report.Add(id, (long)(i + round)); break;
                        case 1: report.Add(id, i + round + 0.5); break;
                        case 2: report.Add(id, i % 8 == round * 2); break;
                        default: report.Add(id, "s" + (i + round).ToString()); break;
                    }
                }
                Assert.ThrowsException(typeof(InvalidOperationException), () => report.Add("extra", 1L));
                // Every value survived the growth steps (4, 8, 13), in order and with its type.
                for (int i = 0; i < 13; i++)
                {
                    Assert.AreEqual("v" + i.ToString(), report.IdAt(i));
                    switch (i % 4)
                    {
                        case 0: Assert.AreEqual((long)(i + round), report.IntegerAt(i)); break;
                        case 1: Assert.AreEqual(i + round + 0.5, report.DoubleAt(i)); break;
                        case 2: Assert.AreEqual(i % 8 == round * 2, report.BooleanAt(i)); break;
                        default: Assert.AreEqual("s" + (i + round).ToString(), report.StringAt(i)); break;
                    }
                }
            }
            Assert.AreEqual(13, report.Count);
            Assert.AreEqual(13, report.Capacity);
        }

        [TestMethod]
        public void Bad_input_is_refused_early()
        {
            PropertyReport report = new PropertyReport(2);
            Assert.ThrowsException(typeof(ArgumentException), () => report.Add("", 1L));
            Assert.ThrowsException(typeof(ArgumentException), () => report.AddJson("o", "{\"k\":"));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => report.IdAt(0));
        }
    }
}
