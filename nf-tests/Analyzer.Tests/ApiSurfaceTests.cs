using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>Reading and caching the allow-list.</summary>
    [TestClass]
    public class ApiSurfaceTests
    {
        [TestMethod]
        public void CommentsAndBlankLinesAreSkipped()
        {
            ApiSurface surface = ApiSurface.Parse(SourceText.From("# header\n\nT:System.Object\r\n  M:System.Object.ToString  \n# assembly x 1.0\n"));
            Assert.AreEqual(2, surface.Count);
            Assert.IsTrue(surface.Contains("M:System.Object.ToString"));
            Assert.IsFalse(surface.Contains("# header"));
            Assert.IsFalse(surface.Contains(null));
        }

        [TestMethod]
        public void RealListIsLoaded()
        {
            ApiSurface surface = ApiSurface.Load(new InMemoryAdditionalText(AnalyzerHarness.SurfacePath, File.ReadAllText(AnalyzerHarness.SurfacePath)), default);
            Assert.IsTrue(surface.Count > 5000, "entries: " + surface.Count);
            Assert.IsTrue(surface.Contains("M:System.String.Concat(System.String,System.String)"));
            Assert.IsTrue(surface.Contains("T:System.Collections.Hashtable"));
        }

        [TestMethod]
        public void SameContentIsParsedOnceAndChangedContentAgain()
        {
            const string path = "/virtual/nanoframework-api-surface.txt";
            ApiSurface first = ApiSurface.Load(new InMemoryAdditionalText(path, "T:System.Object\n"), default);
            ApiSurface again = ApiSurface.Load(new InMemoryAdditionalText(path, "T:System.Object\n"), default);
            ApiSurface edited = ApiSurface.Load(new InMemoryAdditionalText(path, "T:System.String\n"), default);

            Assert.AreSame(first, again);
            Assert.AreNotSame(first, edited);
            Assert.IsTrue(edited.Contains("T:System.String"));
        }

        [TestMethod]
        public void ListIsFoundByFileNameAmongAdditionalFiles()
        {
            var other = new InMemoryAdditionalText("/p/notes.txt", "");
            var list = new InMemoryAdditionalText("/p/tools/NanoFramework-Api-Surface.txt", "");
            Assert.AreSame(list, ApiSurface.FindFile(ImmutableArray.Create<AdditionalText>(other, list)));
            Assert.IsNull(ApiSurface.FindFile(ImmutableArray.Create<AdditionalText>(other)));
        }
    }
}
