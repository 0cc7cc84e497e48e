using Microsoft.VisualStudio.TestTools.UnitTesting;
using static IotDevice.PortabilityAnalyzer.Tests.AnalyzerHarness;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>
    /// NF1012 numeric formats, NF1013 U+0000 in a string, NF1014 seeded Random, NF1015 the string indexer:
    /// code that runs on the device but not as it does on .NET (measured on the nanoCLR).
    /// </summary>
    [TestClass]
    public class DeviceRuntimeRuleTests
    {
        [TestMethod]
        public void Round_trip_and_precise_general_formats_of_doubles_are_flagged()
        {
            AssertSingle(InMethod("double d = n; string s = d.ToString(\"R\");"), "NF1012", "d.ToString(\"R\")", "\"G17\"");
            AssertSingle(InMethod("double d = n; string s = d.ToString(\"G17\");"), "NF1012", "two dots");
            AssertSingle(InMethod("float f = n; string s = f.ToString(\"g9\");"), "NF1012", "two dots");
        }

        [TestMethod]
        public void Custom_and_missing_standard_formats_are_flagged_on_any_number()
        {
            AssertSingle(InMethod("double d = n; string s = d.ToString(\"0.00\");"), "NF1012", "not one of the standard formats");
            AssertSingle(InMethod("string s = n.ToString(\"E3\");"), "NF1012", "\"E3\"");
            AssertSingle(InMethod("long l = n; string s = l.ToString(\"#,##0\");"), "NF1012");
            AssertSingle(InMethod("double d = n; string s = $\"{d:0.0}\";"), "NF1012", "{d:0.0}");
        }

        [TestMethod]
        public void Formats_the_device_has_are_clean()
        {
            AssertClean(InMethod("double d = n; string s = d.ToString() + d.ToString(\"F2\") + d.ToString(\"G\") + d.ToString(\"N1\")"
                + " + n.ToString(\"D4\") + n.ToString(\"X2\") + n.ToString(\"x\") + $\"{d:F1} {n:X4}\" + a.ToString();"));
        }

        [TestMethod]
        public void A_literal_with_U0000_is_flagged_wherever_it_stands()
        {
            AssertSingle(InMethod("string s = \"a\\u0000b\";"), "NF1013", "holds U+0000", "byte[]");
            AssertSingle(InMethod("string s = $\"{n}\\0\";"), "NF1013");
            AssertClean(InMethod("char end = '\\0'; byte[] raw = new byte[] { 0, 1 }; string s = \"\\u0001\";"));
        }

        [TestMethod]
        public void A_seeded_Random_is_flagged_and_an_unseeded_one_is_not()
        {
            AssertSingle(InMethod("Random r = new Random(42);"), "NF1014", "new Random(42)", "shares one generator");
            AssertSingle(InMethod("Random r = new(n);"), "NF1014");
            AssertClean(InMethod("Random r = new Random(); int x = r.Next(10);"));
        }

        [TestMethod]
        public void Indexing_a_string_is_flagged_and_a_reasoned_pragma_silences_it()
        {
            AssertSingle(InMethod("char c = a[n];"), "NF1015", "'a[n]'", "high surrogate");
            AssertClean(InMethod("#pragma warning disable NF1015 // ASCII only\nchar c = a[n];\n#pragma warning restore NF1015"));
            AssertClean(InMethod("char[] units = a.ToCharArray(); char c = units[n]; int x = numbers[0];"));
        }
    }
}
