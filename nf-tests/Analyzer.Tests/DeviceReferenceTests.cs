using Microsoft.VisualStudio.TestTools.UnitTesting;
using static IotDevice.PortabilityAnalyzer.Tests.AnalyzerHarness;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>NF1011: a member that exists on nanoFramework must come from an assembly the .nfproj references.</summary>
    [TestClass]
    public class DeviceReferenceTests
    {
        private const string UsesHashtable = "var map = new System.Collections.Hashtable(); int c = map.Count;";

        private static InMemoryAdditionalText Project(params string[] references)
        {
            string items = "";
            foreach (string reference in references)
            {
                items += "<Reference Include=\"" + reference + "\"><HintPath>..\\packages\\x\\lib\\x.dll</HintPath></Reference>\n";
            }
            return new InMemoryAdditionalText("/repo/Device.nfproj", "<Project><ItemGroup>\n" + items + "</ItemGroup></Project>");
        }

        [TestMethod]
        public void AMemberFromAnUnreferencedAssemblyIsFlaggedWithTheAssemblyAndProject()
        {
            var diagnostics = Analyze(Compile(InMethod(UsesHashtable)), deviceProject: Project("mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731"));
            Assert.IsTrue(diagnostics.Length >= 2, Describe(diagnostics));
            foreach (var diagnostic in diagnostics)
            {
                Assert.AreEqual("NF1011", diagnostic.Id);
                StringAssert.Contains(diagnostic.GetMessage(), "nanoFramework.System.Collections");
                StringAssert.Contains(diagnostic.GetMessage(), "Device.nfproj");
            }
        }

        [TestMethod]
        public void TheSameCodeIsCleanWhenTheAssemblyIsReferenced()
        {
            var diagnostics = Analyze(Compile(InMethod(UsesHashtable)), deviceProject: Project("mscorlib", "nanoFramework.System.Collections"));
            Assert.AreEqual(0, diagnostics.Length, Describe(diagnostics));
        }

        [TestMethod]
        public void AMemberOutsideItsTypesAssemblyNeedsItsOwnAssembly()
        {
            // Environment.TickCount64 is supplied by nanoFramework.Runtime.Native, not mscorlib.
            string code = InMethod("long t = System.Environment.TickCount64;");
            // (The snippet's class also takes a Hashtable parameter, hence System.Collections below.)
            var flagged = Analyze(Compile(code), deviceProject: Project("mscorlib", "nanoFramework.System.Collections"));
            Assert.AreEqual(2, flagged.Length, Describe(flagged));
            foreach (var diagnostic in flagged)
            {
                Assert.AreEqual("NF1011", diagnostic.Id);
                StringAssert.Contains(diagnostic.GetMessage(), "nanoFramework.Runtime.Native");
            }
            var clean = Analyze(Compile(code), deviceProject: Project("mscorlib", "nanoFramework.System.Collections", "nanoFramework.Runtime.Native"));
            Assert.AreEqual(0, clean.Length, Describe(clean));
        }

        [TestMethod]
        public void WithoutADeviceProjectTheRuleIsOff()
        {
            AssertClean(InMethod(UsesHashtable));
        }
    }
}
