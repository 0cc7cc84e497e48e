using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static IotDevice.PortabilityAnalyzer.Tests.AnalyzerHarness;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>NF1001: every API that is not ours must be in the nanoFramework list; NF1000: the list must be there.</summary>
    [TestClass]
    public class AllowListTests
    {
        [TestMethod]
        public void OverloadMissingOnDeviceIsFlaggedWithItsDocumentationId()
        {
            AssertSingle(InMethod("int c = string.CompareOrdinal(a, 0, b, 0, n);"), "NF1001",
                "'M:System.String.CompareOrdinal(System.String,System.Int32,System.String,System.Int32,System.Int32)' is not part of the nanoFramework 1.x API");
        }

        [TestMethod]
        public void ListedOverloadIsAccepted()
        {
            AssertClean(InMethod("string s = string.Concat(a, b); s = string.Concat(a, b, s); bool e = string.IsNullOrEmpty(s);"));
        }

        [TestMethod]
        public void MissingOverloadPointsAtOneTheListHas()
        {
            AssertSingle(InMethod("Console.WriteLine(n);"), "NF1001",
                "'M:System.Console.WriteLine(System.Int32)'", "the list has 'M:System.Console.WriteLine");
        }

        [TestMethod]
        public void CallTheDeviceBindsToAListedOverloadIsAccepted()
        {
            // Here Split(char, StringSplitOptions = None), Trim(char) and Format(string, object, object)
            // bind; on the device Split(params char[]), Trim(params char[]) and Format(string, params object[]) do.
            AssertClean(InMethod("string[] parts = a.Split(','); string t = a.Trim(' '); string f = string.Format(\"{0} {1}\", a, n);" +
                " System.Diagnostics.Debug.Assert(n > 0, message: a);"));
        }

        [TestMethod]
        public void CallNoListedOverloadAcceptsIsFlagged()
        {
            // The device has Split(char[], int) only: ',' is no char[] there.
            AssertSingle(InMethod("string[] parts = a.Split(',', 2);"), "NF1001", "'M:System.String.Split(System.Char,System.Int32,System.StringSplitOptions)'");
            // Max(double, double) would accept the longs but return a double: not the same call.
            AssertSingle(InMethod("long most = Math.Max(2L, (long)n);"), "NF1001", "'M:System.Math.Max(System.Int64,System.Int64)'");
        }

        [TestMethod]
        public void TypeMissingOnDeviceIsFlagged()
        {
            AssertSingle(InMethod("System.Text.RegularExpressions.Regex r = null;"), "NF1001",
                "'T:System.Text.RegularExpressions.Regex'");
        }

        [TestMethod]
        public void MemberReachedThroughOverriddenBaseIsAccepted()
        {
            // Int32.ToString() is listed; Equals(object) and GetHashCode() only through ValueType/Object.
            AssertClean(InMethod("string s = n.ToString(); s = o.ToString(); bool same = n.Equals(o); int h = n.GetHashCode() + a.GetHashCode();"));
        }

        [TestMethod]
        public void PropertiesAreAcceptedThroughTheirAccessors()
        {
            // The string indexer exists on the device (no NF1001); it is only flagged for surrogate pairs (NF1015).
            AssertIds(InMethod("int length = a.Length + numbers.Length + list.Count; char first = a[0]; list[0] = first; table[\"k\"] = list[0];"), "NF1015");
        }

        [TestMethod]
        public void AssigningAPropertyThatIsReadOnlyOnTheDeviceIsFlagged()
        {
            // The device's NumberFormatInfo.NegativeSign has a getter only.
            string source = InMethod("string sign = format.NegativeSign; format.NegativeSign = sign;")
                .Replace("Hashtable table)", "Hashtable table, System.Globalization.NumberFormatInfo format)");
            AssertSingle(source, "NF1001", "'M:System.Globalization.NumberFormatInfo.set_NegativeSign(System.String)'");
        }

        [TestMethod]
        public void MemberListedOnTheDerivedTypeItIsCalledThroughIsAccepted()
        {
            // .NET declares Set on EventWaitHandle, nanoFramework on AutoResetEvent itself.
            AssertClean(InMethod("var wake = new System.Threading.AutoResetEvent(false); wake.Set(); wake?.Set(); bool signalled = wake.WaitOne();"));
            // Reached through the base type, the member really is missing (and so is the type).
            AssertIds(InMethod("System.Threading.EventWaitHandle wake = new System.Threading.AutoResetEvent(false); wake.Set();"), "NF1001", "NF1001");
        }

        [TestMethod]
        public void FieldOnTheDeviceIsAcceptedForAPropertyHere()
        {
            // DictionaryEntry.Key is a field on the device and a property in .NET.
            AssertClean(InMethod("foreach (DictionaryEntry entry in table) { object key = entry.Key; object value = entry.Value; }"));
        }

        [TestMethod]
        public void ExtensionMethodIsCheckedAsItsDefinition()
        {
            AssertSingle(InMethod("var span = a.AsSpan();"), "NF1001", "'M:System.MemoryExtensions.AsSpan(System.String)'");
        }

        [TestMethod]
        public void ConstructorsAreChecked()
        {
            AssertClean(InMethod("var sb = new System.Text.StringBuilder(16); ArrayList l = new(); var t = new TimeSpan(0, 0, n);"));
            AssertSingle(InMethod("var t = new TimeSpan(1, 2, 3, 4, 5, 6);"), "NF1001",
                "'M:System.TimeSpan.#ctor(System.Int32,System.Int32,System.Int32,System.Int32,System.Int32,System.Int32)'");
        }

        [TestMethod]
        public void TargetTypedNewIsChecked()
        {
            AssertSingle(InMethod("TimeSpan t = new(1, 2, 3, 4, 5, 6);"), "NF1001",
                "'M:System.TimeSpan.#ctor(System.Int32,System.Int32,System.Int32,System.Int32,System.Int32,System.Int32)'");
        }

        [TestMethod]
        public void AttributeConstructorsAreChecked()
        {
            AssertClean("using System; [Obsolete(\"old\")] class Old { [Obsolete] void M() { } }");
            AssertSingle("[System.Runtime.CompilerServices.SkipLocalsInit] class Fast { }", "NF1001",
                "'T:System.Runtime.CompilerServices.SkipLocalsInitAttribute'");
        }

        [TestMethod]
        public void IndexerIsMatchedWhateverItsName()
        {
            // .NET names the StringBuilder indexer 'Chars', nanoFramework 'Item'; 'sb[0]' names neither.
            AssertClean(InMethod("var sb = new System.Text.StringBuilder(a); char c = sb[0]; sb[0] = c;"));
        }

        [TestMethod]
        public void IndexerMissingOnDeviceIsFlagged()
        {
            // The device's WebHeaderCollection has this[string] only (and no HttpRequestHeader enum).
            string source = InMethod("string byName = headers[\"Accept\"]; string byEnum = headers[System.Net.HttpRequestHeader.Accept];")
                .Replace("Hashtable table)", "Hashtable table, System.Net.WebHeaderCollection headers)");
            var diagnostics = AssertIds(source, "NF1001", "NF1001", "NF1001");
            StringAssert.Contains(diagnostics[0].GetMessage(), "'P:System.Net.WebHeaderCollection.Item(System.Net.HttpRequestHeader)'");
        }

        [TestMethod]
        public void EventSubscriptionIsChecked()
        {
            AssertSingle(InMethod("Console.CancelKeyPress += (sender, e) => { };"), "NF1001", "'E:System.Console.CancelKeyPress'");
        }

        [TestMethod]
        public void UserDefinedOperatorsAreCheckedAndBuiltInOnesAreNot()
        {
            AssertClean(InMethod("TimeSpan d = DateTime.UtcNow - DateTime.UtcNow; bool same = a == b; string s = a + b + n; int x = n * 2 + 1;"));
            AssertSingle(InMethod("Guid g = Guid.Empty; bool same = g == Guid.Empty;"), "NF1001", "'M:System.Guid.op_Equality(System.Guid,System.Guid)'");
        }

        [TestMethod]
        public void OverrideOfAMemberTheDeviceLacksIsFlagged()
        {
            AssertSingle("class Failure : System.Exception { public override string Source => \"here\"; }", "NF1001",
                "'P:System.Exception.Source'");
            AssertClean("class Failure : System.Exception { public override string Message => \"here\"; public override string ToString() => Message; }");
        }

        [TestMethod]
        public void RangesAndIndicesAreFlagged()
        {
            Diagnostic[] diagnostics = Analyze(InMethod("int last = numbers[^1];")).ToArray();
            Assert.IsTrue(diagnostics.Length >= 1 && diagnostics.All(d => d.Id == "NF1001"), Describe(diagnostics));
            StringAssert.Contains(diagnostics[0].GetMessage(), "'T:System.Index'");
        }

        [TestMethod]
        public void DeclarationsOfOwnCodeAreNotLookedUp()
        {
            AssertClean(@"
namespace IotDevice.Sample
{
    public delegate void Changed(object sender, int value);
    public struct Reading { public int Value; public override string ToString() => Value.ToString(); }
    public class Sensor
    {
        public event Changed ValueChanged;
        public Reading Last { get; private set; }
        public void Publish(int value)
        {
            Last = new Reading { Value = value };
            Changed handler = ValueChanged;
            if (handler != null) { handler(this, value); handler.Invoke(this, value); }
        }
    }
    public static class SensorExtensions { public static int Twice(this Sensor s) => s.Last.Value * 2; }
    class User { int Use(Sensor s) { s.ValueChanged += (o, v) => { }; return s.Twice(); } }
}");
        }

        [TestMethod]
        public void AssembliesNamedIotDeviceAreOursAndOthersAreChecked()
        {
            const string library = "namespace Vendor { public class Widget { public static int Make() => 1; } }";
            const string user = "class User { int Use() => Vendor.Widget.Make(); }";

            MetadataReference ours = Compile(library, assemblyName: "IotDevice.Extras").ToMetadataReference();
            AssertIds(Analyze(Compile(user, extraReferences: new[] { ours })));

            MetadataReference theirs = Compile(library, assemblyName: "Vendor.Extras").ToMetadataReference();
            // The type and the method are both foreign: two distinct members, two findings.
            AssertIds(Analyze(Compile(user, extraReferences: new[] { theirs })), "NF1001", "NF1001");
        }

        [TestMethod]
        public void MissingListIsOneClearErrorAndOtherRulesStillRun()
        {
            var diagnostics = Analyze(Compile(InMethod("int c = string.CompareOrdinal(a, 0, b, 0, n); System.Collections.Generic.List<int> l = null;")), withSurface: false);
            AssertIds(diagnostics, "NF1000", "NF1002");
            StringAssert.Contains(diagnostics[0].GetMessage(), "nanoframework-api-surface.txt");
        }
    }
}
