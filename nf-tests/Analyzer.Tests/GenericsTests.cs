using Microsoft.VisualStudio.TestTools.UnitTesting;
using static IotDevice.PortabilityAnalyzer.Tests.AnalyzerHarness;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>NF1002: the 1.x runtime has no generics, whether declared, constructed or merely named.</summary>
    [TestClass]
    public class GenericsTests
    {
        [TestMethod]
        public void GenericCollectionIsFlaggedAtEachUseOnce()
        {
            // The declared type, the created type and the member of the generic type; the constructor is
            // not a second finding on the 'new' that already names the type.
            var diagnostics = AssertIds(InMethod("System.Collections.Generic.List<int> values = new System.Collections.Generic.List<int>(); values.Add(n);"),
                "NF1002", "NF1002", "NF1002");
            StringAssert.Contains(diagnostics[0].GetMessage(), "'System.Collections.Generic.List<int>' is a generic type");
            StringAssert.Contains(diagnostics[2].GetMessage(), "does not support generics");
        }

        [TestMethod]
        public void GenericDelegatesAreFlaggedEvenThoughMscorlibDeclaresThem()
        {
            AssertSingle(InMethod("Action<int> callback = null;"), "NF1002", "'System.Action<int>' is a generic type");
            AssertSingle(InMethod("Func<int, int> twice = x => x * 2;"), "NF1002", "System.Func<int, int>");
            AssertSingle("using System; class Source { public event EventHandler<EventArgs> Changed; }", "NF1002", "System.EventHandler<System.EventArgs>");
        }

        [TestMethod]
        public void OwnGenericMethodIsFlaggedWhereDeclaredAndWhereCalled()
        {
            var diagnostics = AssertIds("class Box { static T Same<T>(T value) => value; int Use() => Same(1); }", "NF1002", "NF1002");
            StringAssert.Contains(diagnostics[0].GetMessage(), "'Same<T>' declares type parameters");
            StringAssert.Contains(diagnostics[1].GetMessage(), "is a generic method");
        }

        [TestMethod]
        public void OwnGenericTypeIsFlagged()
        {
            AssertSingle("class Box<T> { public T Value; }", "NF1002", "'Box<T>' declares type parameters");
        }

        [TestMethod]
        public void NullableValueTypeIsFlagged()
        {
            AssertSingle(InMethod("int? maybe = null;"), "NF1002", "'int?' is a nullable value type (System.Nullable<T>)");
        }

        [TestMethod]
        public void NullableValueFromConditionalAccessIsFlagged()
        {
            // 'a?.Length' is an int? though no 'int?' is written; discarding 'o?.ToString()' needs none.
            AssertSingle(InMethod("if (a?.Length > 0) { o?.GetHashCode(); }"), "NF1002", "'int?' is a nullable value type");
            AssertClean(InMethod("o?.GetHashCode(); string s = o?.ToString();"));
        }

        [TestMethod]
        public void TuplesAreFlagged()
        {
            AssertSingle(InMethod("var pair = (n, a);"), "NF1002", "'(n, a)' is a tuple");
            AssertSingle("class Pairs { (int, (string, int)) Make() => default; }", "NF1002", "is a tuple (System.ValueTuple)");
        }

        [TestMethod]
        public void AnonymousTypeIsFlagged()
        {
            AssertSingle(InMethod("var reading = new { Value = n };"), "NF1002", "anonymous type");
        }

        [TestMethod]
        public void GenericInterfaceInBaseListIsFlagged()
        {
            AssertSingle("class Reading : System.IEquatable<Reading> { public bool Equals(Reading other) => other != null; }",
                "NF1002", "'System.IEquatable<Reading>' is a generic type");
        }

        [TestMethod]
        public void ForeachOverGenericCollectionIsFlagged()
        {
            AssertIds("class Loop { int Sum(System.Collections.Generic.IEnumerable<int> values) { int s = 0; foreach (int v in values) { s += v; } return s; } }",
                "NF1002", "NF1002");
        }

        [TestMethod]
        public void NonGenericCollectionsAndOwnDelegatesAreAccepted()
        {
            AssertClean(@"
using System;
using System.Collections;
delegate void ValueHandler(object sender, int value);
struct Sample { public int Value; }
class Store
{
    private readonly ArrayList _items = new ArrayList();
    private readonly Hashtable _byName = new Hashtable();
    public event ValueHandler Added;
    public void Add(string name, int value)
    {
        _items.Add(new Sample { Value = value });
        _byName[name] = value;
        ValueHandler handler = Added;
        if (handler != null) { handler(this, value); }
        EventHandler plain = (s, e) => { };
        plain(this, EventArgs.Empty);
    }
    public int Count => _items.Count;
}");
        }
    }
}
