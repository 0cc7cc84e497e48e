using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.BuildChecks.Footprint
{
    [TestClass]
    public class AssemblyFootprintTests
    {
        [TestMethod]
        public void Literals_count_half_and_names_count_whole()
        {
            AssemblyFootprint small = Measure("class A { string M() { return \"x\"; } }");
            AssemblyFootprint literal = Measure("class A { string M() { return \"" + new string('x', 10000) + "\"; } }");
            // Identifiers stop at 512 characters: twenty distinct 500-character method names.
            string methods = string.Concat(Enumerable.Range(0, 20).Select(i => "void " + new string('N', 498) + i.ToString("00") + "() { } "));
            AssemblyFootprint name = Measure("class A { string M() { return \"x\"; } " + methods + "}");

            // 10,000 UTF-16 characters are 20,000 bytes of #US, counted as 10,000 bytes of UTF-8 text.
            Assert.AreEqual(10000, literal.StringTable - small.StringTable, 8);
            Assert.AreEqual(20 * 501, name.StringTable - small.StringTable, 8); // each name ends in a NUL
            Assert.AreEqual(1, small.Types);
            Assert.AreEqual(2, small.Methods); // M and the default constructor
            Assert.IsTrue(small.IlBytes > 0);
        }

        private static AssemblyFootprint Measure(string source)
        {
            var references = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create("Probe", new[] { CSharpSyntaxTree.ParseText(source) }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var output = new MemoryStream();
            var result = compilation.Emit(output);
            Assert.IsTrue(result.Success, string.Join("; ", result.Diagnostics));
            return AssemblyFootprint.Read(output.ToArray());
        }
    }
}
