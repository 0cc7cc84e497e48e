using Microsoft.VisualStudio.TestTools.UnitTesting;
using static IotDevice.PortabilityAnalyzer.Tests.AnalyzerHarness;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>
    /// Ordinary device code must produce no diagnostic at all: compiler lowerings (interpolation, lock,
    /// foreach over arrays) bind to members the device compiler picks for itself.
    /// </summary>
    [TestClass]
    public class PortableCodeTests
    {
        [TestMethod]
        public void StringInterpolationIsAccepted()
        {
            AssertClean(InMethod("string s = $\"{a}: {n} ({o})\"; s = $\"{n,4:D2}\";"));
        }

        [TestMethod]
        public void LockIsAccepted()
        {
            AssertClean(InMethod("lock (o) { n++; }"));
        }

        [TestMethod]
        public void ForeachOverArraysCollectionsAndStringsIsAccepted()
        {
            AssertClean(InMethod(
                "int sum = 0; foreach (int v in numbers) { sum += v; } foreach (object item in list) { sum += item.GetHashCode(); }" +
                " foreach (DictionaryEntry entry in table) { sum += entry.Key.GetHashCode(); } foreach (char c in a) { sum += c; }"));
        }

        [TestMethod]
        public void DocumentationCommentsAndDirectivesAreNotCode()
        {
            var compilation = AnalyzerHarness.Compile("");
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                "#if NANOFRAMEWORK_1_0\n#endif\n/// <summary>Unlike <see cref=\"System.Collections.Generic.List{T}\"/>, needs no generics.</summary>\nclass Documented { }",
                AnalyzerHarness.ParseOptions().WithDocumentationMode(Microsoft.CodeAnalysis.DocumentationMode.Diagnose));
            AssertIds(Analyze(compilation.AddSyntaxTrees(tree)));
        }

        [TestMethod]
        public void ToStringOnIntIsAccepted()
        {
            AssertClean(InMethod("string s = n.ToString(); s = 42.ToString();"));
        }

        [TestMethod]
        public void RealisticDeviceClassProducesNoDiagnostics()
        {
            AssertClean(@"
using System;
using System.Collections;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace IotDevice.Sample
{
    public enum Level { Low, High }

    public delegate void ReadingHandler(object sender, Reading reading);

    public struct Reading
    {
        public Reading(string topic, double value) { Topic = topic; Value = value; }
        public string Topic { get; }
        public double Value { get; }
        public override string ToString() => Topic + '=' + Value.ToString(""F2"");
    }

    public sealed class Buffer : IDisposable
    {
        private readonly object _sync = new object();
        private readonly ArrayList _readings = new ArrayList();
        private readonly Hashtable _last = new Hashtable();
        private Timer _timer;

        public event ReadingHandler Added;

        public int Count { get { lock (_sync) { return _readings.Count; } } }

        public void Start(int periodMs) => _timer = new Timer(Flush, null, 0, periodMs);

        public void Add(Reading reading)
        {
            if (reading.Topic == null) { throw new ArgumentNullException(nameof(reading)); }
            lock (_sync)
            {
                _readings.Add(reading);
                _last[reading.Topic] = reading;
            }
            Added?.Invoke(this, reading);
        }

        public string Describe(Level level)
        {
            var text = new StringBuilder();
            lock (_sync)
            {
                foreach (Reading r in _readings)
                {
                    switch (level)
                    {
                        case Level.High when r.Value > 10: text.Append(r.ToString()); break;
                        case Level.Low: text.Append($""{r.Topic}:{r.Value}""); break;
                    }
                }
            }
            string[] parts = text.ToString().Split(',');
            return parts.Length > 0 ? parts[0].Substring(0, Math.Min(3, parts[0].Length)) : string.Empty;
        }

        private void Flush(object state)
        {
            try { Debug.WriteLine(""flush "" + Count); }
            catch (Exception ex) { Debug.WriteLine(ex.Message); }
        }

        public void Dispose() { _timer?.Dispose(); }
    }
}");
        }
    }
}
