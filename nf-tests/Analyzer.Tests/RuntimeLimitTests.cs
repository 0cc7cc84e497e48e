using Microsoft.VisualStudio.TestTools.UnitTesting;
using static IotDevice.PortabilityAnalyzer.Tests.AnalyzerHarness;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>NF1003 LINQ, NF1004 async/await, NF1005 decimal, NF1006 multidimensional arrays.</summary>
    [TestClass]
    public class RuntimeLimitTests
    {
        [TestMethod]
        public void UsingSystemLinqIsFlagged()
        {
            AssertSingle("using System.Linq; class Empty { }", "NF1003", "'using System.Linq;' uses LINQ");
        }

        [TestMethod]
        public void LinqExtensionCallIsFlaggedAsLinqRatherThanAsGeneric()
        {
            AssertIds("using System.Linq; class Query { bool Any(int[] values) => values.Any(); }", "NF1003", "NF1003");
        }

        [TestMethod]
        public void QueryExpressionIsFlagged()
        {
            var diagnostics = AssertIds("using System.Linq; class Query { object Evens(int[] values) => from v in values where v % 2 == 0 select v; }",
                "NF1003", "NF1003");
            StringAssert.Contains(diagnostics[1].GetMessage(), "'from v in values where v % 2 == 0 select v' uses LINQ");
        }

        [TestMethod]
        public void QualifiedEnumerableCallIsFlagged()
        {
            AssertIds(InMethod("object range = System.Linq.Enumerable.Range(0, n);"), "NF1003", "NF1003");
        }

        [TestMethod]
        public void AsyncMethodAndAwaitAreFlagged()
        {
            // Task itself is also not on the device (NF1001).
            var diagnostics = AssertIds(@"
using System.Threading.Tasks;
class Worker
{
    async Task Run(Task other) { await other; }
}", "NF1004", "NF1001", "NF1001", "NF1004");
            StringAssert.Contains(diagnostics[0].GetMessage(), "'async Run' uses async/await");
            StringAssert.Contains(diagnostics[3].GetMessage(), "'await other' uses async/await");
        }

        [TestMethod]
        public void AsyncLambdaIsFlagged()
        {
            AssertSingle(InMethod("Action work = async () => { };"), "NF1004", "'async () => { }' uses async/await");
        }

        [TestMethod]
        public void ThreadsAreTheAcceptedAlternative()
        {
            AssertClean(InMethod("var worker = new System.Threading.Thread(() => { System.Threading.Thread.Sleep(10); }); worker.Start();"));
        }

        [TestMethod]
        public void DecimalIsFlaggedAsTypeAndAsLiteral()
        {
            var diagnostics = AssertIds(InMethod("decimal price = 1.5m;"), "NF1005", "NF1005");
            StringAssert.Contains(diagnostics[0].GetMessage(), "'decimal' uses System.Decimal");
            StringAssert.Contains(diagnostics[1].GetMessage(), "'1.5m' uses System.Decimal");
        }

        [TestMethod]
        public void DecimalMembersAreFlaggedAsDecimal()
        {
            AssertIds(InMethod("var parsed = System.Decimal.Parse(a);"), "NF1005", "NF1005");
            AssertSingle(InMethod("var money = Convert.ToDecimal(n);"), "NF1005", "Convert.ToDecimal(int)");
        }

        [TestMethod]
        public void DoubleIsAccepted()
        {
            AssertClean(InMethod("double price = 1.5; price = Math.Round(price * n);"));
        }

        [TestMethod]
        public void MultidimensionalArraysAreFlagged()
        {
            var diagnostics = AssertIds(InMethod("int[,] grid = new int[2, 3]; var more = new[,] { { 1 }, { 2 } };"),
                "NF1006", "NF1006", "NF1006");
            StringAssert.Contains(diagnostics[0].GetMessage(), "'int[,]' is a multidimensional array");
        }

        [TestMethod]
        public void JaggedArraysAreAccepted()
        {
            AssertClean(InMethod("int[][] rows = new int[2][]; rows[0] = new int[3]; rows[0][1] = rows.Length; var flat = new[] { 1, 2 };"));
        }
    }
}
