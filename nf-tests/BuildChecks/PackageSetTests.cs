using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.BuildChecks
{
    /// <summary>
    /// Every packages.config is one deployable set: one version per package across the repository, every
    /// package's own dependencies pinned beside it (so each assembly a referenced assembly needs is
    /// restored, referenced and deployed), references that name what they point at, and the analyzer's
    /// api-surface list at the versions pinned. Checks whatever .nfproj files exist.
    /// </summary>
    [TestClass]
    public class PackageSetTests
    {
        private static readonly Lazy<Dictionary<Pin, List<Pin>>> Manifest =
            new Lazy<Dictionary<Pin, List<Pin>>>(() => PackageSet.ParseManifest(File.ReadLines(RepositoryLayout.PathOf(PackageSet.ManifestPath))));

        public static IEnumerable<object[]> Projects() => RepositoryLayout.NfProjects().Select(p => new object[] { p });

        private static string ConfigOf(string project) =>
            Path.Combine(Path.GetDirectoryName(RepositoryLayout.PathOf(project)), "packages.config");

        [TestMethod]
        public void Each_package_has_one_version_across_every_packages_config()
        {
            var versions = RepositoryLayout.NfProjects()
                .SelectMany(p => PackageSet.PackagesConfig(ConfigOf(p)).Select(pin => (Project: p, Pin: pin)))
                .GroupBy(x => x.Pin.Id)
                .Where(g => g.Select(x => x.Pin.Version).Distinct().Count() > 1)
                .Select(g => g.Key + ": " + string.Join(", ", g.Select(x => x.Pin.Version + " in " + x.Project)))
                .ToList();
            Assert.AreEqual(0, versions.Count, string.Join("; ", versions));
        }

        [TestMethod]
        [DynamicData(nameof(Projects))]
        public void Every_dependency_of_a_pinned_package_is_pinned_beside_it(string project)
        {
            List<string> problems = PackageSet.MissingDependencies(PackageSet.PackagesConfig(ConfigOf(project)), Manifest.Value);
            Assert.AreEqual(0, problems.Count, project + ": " + string.Join("; ", problems));
        }

        [TestMethod]
        [DynamicData(nameof(Projects))]
        public void References_name_the_assembly_their_hint_path_points_at(string project)
        {
            foreach (AssemblyReference reference in PackageSet.References(RepositoryLayout.Load(project)))
            {
                Assert.AreEqual(reference.FileName, reference.Include, $"{project}: <Reference Include> and its HintPath disagree");
                Assert.IsNotNull(reference.Package, $"{project}: {reference.Include} does not come from the packages folder");
            }
        }

        [TestMethod]
        [DynamicData(nameof(Projects))]
        public void The_api_surface_lists_each_referenced_assembly_at_the_pinned_version(string project)
        {
            Dictionary<string, string> surface = PackageSet.ApiSurfaceVersions(File.ReadLines(RepositoryLayout.PathOf(PackageSet.ApiSurfacePath)));
            var problems = PackageSet.References(RepositoryLayout.Load(project))
                .Where(r => r.FileName != "nanoFramework.UnitTestLauncher") // the test runner's entry point, not an API
                .Select(r => PackageSet.ApiSurfaceMismatch(r, surface))
                .Where(p => p != null)
                .ToList();
            Assert.AreEqual(0, problems.Count, project + ": " + string.Join("; ", problems));
        }

        [TestMethod]
        public void The_manifest_lists_only_pinned_packages()
        {
            var pinned = RepositoryLayout.NfProjects().SelectMany(p => PackageSet.PackagesConfig(ConfigOf(p))).ToHashSet();
            var unused = Manifest.Value.Keys.Where(p => !pinned.Contains(p)).Select(p => p.Id + " " + p.Version).ToList();
            Assert.AreEqual(0, unused.Count, $"{PackageSet.ManifestPath} lists packages no packages.config pins: {string.Join(", ", unused)}");
        }

        [TestMethod]
        public void The_checks_find_a_missing_dependency_an_old_one_an_unrecorded_package_and_a_stale_api_version()
        {
            var manifest = PackageSet.ParseManifest(new[]
            {
                "# comment",
                "A 1.0.0: B 1.2.0, C 2.0.0",
                "B 1.2.0:",
            });
            var problems = PackageSet.MissingDependencies(new[] { new Pin("A", "1.0.0"), new Pin("B", "1.2.0") }, manifest);
            Assert.AreEqual(1, problems.Count);
            StringAssert.Contains(problems[0], "needs C >= 2.0.0, which is not pinned");

            manifest = PackageSet.ParseManifest(new[] { "A 1.0.0: B 1.3.0", "B 1.2.0:" });
            problems = PackageSet.MissingDependencies(new[] { new Pin("A", "1.0.0"), new Pin("B", "1.2.0") }, manifest);
            StringAssert.Contains(problems.Single(), "needs B >= 1.3.0, 1.2.0 is pinned");

            problems = PackageSet.MissingDependencies(new[] { new Pin("D", "1.0.0") }, manifest);
            StringAssert.Contains(problems.Single(), "D 1.0.0 is not in");

            var surface = PackageSet.ApiSurfaceVersions(new[] { "# assembly X.Binding 1.2.0.0", "# assembly X.Lib 1.6.42.0", "T:X" });
            Assert.IsNull(PackageSet.ApiSurfaceMismatch(new AssemblyReference("X.Binding", "X.Binding", new Pin("p.X.Binding", "1.2.1016")), surface));
            Assert.IsNull(PackageSet.ApiSurfaceMismatch(new AssemblyReference("X.Lib", "X.Lib", new Pin("p.X.Lib", "1.6.42")), surface));
            StringAssert.Contains(PackageSet.ApiSurfaceMismatch(new AssemblyReference("X.Lib", "X.Lib", new Pin("p.X.Lib", "1.6.40")), surface), "lists X.Lib 1.6.42.0");
            StringAssert.Contains(PackageSet.ApiSurfaceMismatch(new AssemblyReference("Y", "Y", new Pin("p.Y", "1.0.0")), surface), "no '# assembly Y' section");
            Assert.IsTrue(PackageSet.CompareVersions("1.2.1016", "1.2.950") > 0);
        }
    }
}
