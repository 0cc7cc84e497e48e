using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static IotDevice.PortabilityAnalyzer.Tests.AnalyzerHarness;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>NF1007 language version, NF1008 unsupported features, NF1009 missing compiler attributes, NF1010 nullable.</summary>
    [TestClass]
    public class LanguageFeatureTests
    {
        private const string Plain = "class Plain { int Twice(int x) => x * 2; }";

        [TestMethod]
        public void LanguageVersionAboveNineIsOneError()
        {
            var diagnostics = Analyze(Plain + "\nclass Other { }", LanguageVersion.CSharp10);
            AssertIds(diagnostics, "NF1007");
            StringAssert.Contains(diagnostics[0].GetMessage(), "C# 10.0");
            AssertIds(Analyze(Plain, LanguageVersion.Latest), "NF1007");
        }

        [TestMethod]
        public void LanguageVersionNineOrBelowIsAccepted()
        {
            AssertIds(Analyze(Plain, LanguageVersion.CSharp9));
            AssertIds(Analyze(Plain, LanguageVersion.CSharp7_3));
        }

        [TestMethod]
        public void RecordsAreFlagged()
        {
            AssertSingle("record Point(int X, int Y);", "NF1008", "Record 'Point' is not supported on nanoFramework 1.x");
        }

        [TestMethod]
        public void InitAccessorsAreFlagged()
        {
            AssertSingle("class Settings { public int Port { get; init; } }", "NF1008", "The init accessor of 'Port'", "IsExternalInit");
        }

        [TestMethod]
        public void IteratorsAreFlaggedOncePerMethod()
        {
            AssertSingle("class Numbers { System.Collections.IEnumerable Two() { yield return 1; yield return 2; yield break; } }",
                "NF1008", "Iterator 'Two'");
        }

        [TestMethod]
        public void DynamicIsFlagged()
        {
            AssertSingle(InMethod("dynamic anything = o;"), "NF1008", "'dynamic' is not supported");
        }

        [TestMethod]
        public void DefaultInterfaceMembersAreFlagged()
        {
            var diagnostics = AssertIds("interface IShape { int Sides { get; } int Twice() => Sides * 2; static int Count; }", "NF1008", "NF1008");
            StringAssert.Contains(diagnostics[0].GetMessage(), "Interface member 'IShape.Twice'");
            StringAssert.Contains(diagnostics[1].GetMessage(), "Interface member 'IShape.Count'");
        }

        [TestMethod]
        public void PlainInterfacesAreAccepted()
        {
            AssertClean("interface IShape { int Sides { get; set; } int Area(); event System.EventHandler Changed; }");
        }

        [TestMethod]
        public void StackAllocAndFunctionPointersAreFlagged()
        {
            AssertSingle("unsafe class Fast { void M() { int* buffer = stackalloc int[4]; } }", "NF1008", "stackalloc");
            AssertSingle("unsafe class Fast { delegate*<int, void> callback; }", "NF1008", "Function pointer type");
        }

        [TestMethod]
        public void ReadOnlyAndRefStructsAreFlagged()
        {
            AssertSingle("readonly struct Point { public readonly int X; }", "NF1009",
                "'readonly struct Point'", "System.Runtime.CompilerServices.IsReadOnlyAttribute");
            AssertSingle("ref struct Window { public int Start; }", "NF1009",
                "'ref struct Window'", "System.Runtime.CompilerServices.IsByRefLikeAttribute");
        }

        [TestMethod]
        public void InParametersRefReadOnlyReturnsAndReadOnlyMembersAreFlagged()
        {
            AssertSingle("struct Point { public int X; public static int Sum(in Point p) => p.X; }", "NF1009", "The 'in' parameter 'p'");
            AssertSingle("class Table { int[] _values = new int[1]; ref readonly int First() => ref _values[0]; }", "NF1009", "'ref readonly int'");
            AssertSingle("struct Point { public int X; public readonly int Twice() => X * 2; }", "NF1009", "The readonly member 'Twice'");
        }

        [TestMethod]
        public void PlainStructsAndReadOnlyFieldsAreAccepted()
        {
            AssertClean("struct Point { public readonly int X; public Point(int x) { X = x; } public int Twice() => X * 2; static int Sum(ref Point p) => p.X; }");
        }

        [TestMethod]
        public void NullableContextOfTheProjectIsFlagged()
        {
            var diagnostics = Analyze(Plain, nullable: NullableContextOptions.Enable);
            AssertIds(diagnostics, "NF1010");
            StringAssert.Contains(diagnostics[0].GetMessage(), "<Nullable>enable</Nullable>");
        }

        [TestMethod]
        public void NullableEnableDirectiveIsFlagged()
        {
            AssertSingle("#nullable enable\nclass Names { string? First; }", "NF1010", "'#nullable enable'");
            AssertSingle("#nullable enable annotations\nclass Names { }", "NF1010", "'#nullable enable annotations'");
        }

        [TestMethod]
        public void NullableWarningsOnlyOrDisableIsAccepted()
        {
            AssertClean("#nullable enable warnings\n#nullable disable\n#nullable restore\nclass Names { string First; }");
        }
    }
}
