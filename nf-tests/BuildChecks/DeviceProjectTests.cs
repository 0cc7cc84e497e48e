using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace IotDevice.BuildChecks
{
    [TestClass]
    public class DeviceProjectTests
    {
        // Folders whose sources the .nfproj must not compile: host-only glue and build output.
        // A subfolder with a .nfproj of its own belongs to that project.
        private static readonly string[] HostOnlyFolders = { "Host", "bin", "obj" };

        public static IEnumerable<object[]> Projects() => RepositoryLayout.NfProjects().Select(p => new object[] { p });

        [TestMethod]
        public void The_device_solution_has_the_sdk_and_its_unit_tests()
        {
            Assert.IsTrue(RepositoryLayout.NfProjects().Contains("nf-sdk/Core/IotDevice.nfproj"));
            Assert.IsTrue(RepositoryLayout.NfProjects().Contains("nf-sdk/Device/IotDevice.Device.nfproj"));
            Assert.IsTrue(RepositoryLayout.UnitTestProjects().Count() >= 2, "the unit tests are split into one device test project per area");
        }

        [TestMethod]
        public void Every_unit_test_source_is_compiled_by_a_device_test_project()
        {
            var compiled = new HashSet<string>(StringComparer.Ordinal);
            foreach (string project in RepositoryLayout.UnitTestProjects())
            {
                string folder = Path.GetDirectoryName(RepositoryLayout.PathOf(project));
                foreach (string include in RepositoryLayout.Includes(RepositoryLayout.Load(project), "Compile"))
                {
                    compiled.Add(Path.GetFullPath(Path.Combine(folder, include)));
                }
            }
            var orphans = Directory.EnumerateFiles(RepositoryLayout.PathOf(RepositoryLayout.UnitTestsFolder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !RepositoryLayout.IsBuildOutput(f) && !compiled.Contains(Path.GetFullPath(f)))
                .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f).Replace('\\', '/'))
                .ToList();
            Assert.AreEqual(0, orphans.Count, "unit-test sources no device test project compiles (the host would run them, the nanoCLR never): " + string.Join(", ", orphans));
        }

        [TestMethod]
        [DynamicData(nameof(Projects))]
        public void Compile_items_are_exactly_the_sources_on_disk(string project)
        {
            string folder = Path.GetDirectoryName(RepositoryLayout.PathOf(project));
            var onDisk = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !BelongsToAnotherProject(folder, f))
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Where(f => !f.Split('/').Any(part => HostOnlyFolders.Contains(part)))
                .ToHashSet(StringComparer.Ordinal);
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (string include in RepositoryLayout.Includes(RepositoryLayout.Load(project), "Compile"))
            {
                if (!include.StartsWith("../", StringComparison.Ordinal))
                {
                    listed.Add(include);
                    continue;
                }
                // A source shared from another folder (a test helper) must exist and belong to the project there.
                string shared = Path.GetFullPath(Path.Combine(folder, include));
                Assert.IsTrue(File.Exists(shared), $"{project} compiles {include}, which does not exist");
                Assert.IsTrue(OwnedByAnotherProject(shared), $"{project} compiles {include}, which no project in its own folder compiles");
            }

            var missing = onDisk.Except(listed).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var stale = listed.Except(onDisk).OrderBy(f => f, StringComparer.Ordinal).ToList();
            Assert.IsTrue(missing.Count == 0 && stale.Count == 0,
                $"{project} is out of step with its folder. Add <Compile Include> for: {string.Join(", ", missing)}; remove: {string.Join(", ", stale)}");
        }

        private static bool OwnedByAnotherProject(string file)
        {
            string owner = Directory.EnumerateFiles(Path.GetDirectoryName(file), "*.nfproj").FirstOrDefault();
            return owner != null && RepositoryLayout.Includes(XDocument.Load(owner), "Compile").Contains(Path.GetFileName(file));
        }

        private static bool BelongsToAnotherProject(string projectFolder, string file)
        {
            for (string dir = Path.GetDirectoryName(file); dir != null && dir.Length > projectFolder.Length; dir = Path.GetDirectoryName(dir))
            {
                if (Directory.EnumerateFiles(dir, "*.nfproj").Any())
                {
                    return true;
                }
            }
            return false;
        }

        [TestMethod]
        [DynamicData(nameof(Projects))]
        public void Every_reference_comes_from_a_package_in_packages_config(string project)
        {
            string configPath = Path.Combine(Path.GetDirectoryName(RepositoryLayout.PathOf(project)), "packages.config");
            Assert.IsTrue(File.Exists(configPath), $"{project} has no packages.config beside it");
            var packages = PackageSet.PackagesConfig(configPath).ToHashSet();
            var used = new HashSet<Pin>();
            foreach (AssemblyReference reference in PackageSet.References(RepositoryLayout.Load(project)))
            {
                Assert.IsNotNull(reference.Package, $"{project}: the HintPath of {reference.Include} does not point into the packages folder");
                Assert.IsTrue(packages.Contains(reference.Package),
                    $"{project}: {reference.Include} needs package '{reference.Package.Id} {reference.Package.Version}' in packages.config");
                used.Add(reference.Package);
            }
            var unused = packages.Except(used).Where(p => !p.Id.StartsWith("Nerdbank.", StringComparison.Ordinal)).Select(p => p.Id + " " + p.Version).ToList();
            Assert.AreEqual(0, unused.Count, $"{project}: packages.config restores packages nothing references: {string.Join(", ", unused)}");
        }

        [TestMethod]
        [DynamicData(nameof(Projects))]
        public void Project_references_point_at_existing_nfprojs(string project)
        {
            string folder = Path.GetDirectoryName(RepositoryLayout.PathOf(project));
            foreach (string reference in RepositoryLayout.Includes(RepositoryLayout.Load(project), "ProjectReference"))
            {
                Assert.IsTrue(reference.EndsWith(".nfproj", StringComparison.Ordinal), $"{project} references a non-device project {reference}");
                Assert.IsTrue(File.Exists(Path.GetFullPath(Path.Combine(folder, reference))), $"{project}: {reference} does not exist");
            }
        }

        [TestMethod]
        [DynamicData(nameof(Projects))]
        public void The_device_solution_lists_the_project(string project)
        {
            string solution = File.ReadAllText(RepositoryLayout.PathOf("IotDevice.nfproj.sln"));
            Assert.IsTrue(solution.Contains("\"" + project.Replace('/', '\\') + "\"", StringComparison.Ordinal),
                $"IotDevice.nfproj.sln does not list {project}");
            string guid = (string)RepositoryLayout.Load(project).Descendants().First(e => e.Name.LocalName == "ProjectGuid");
            Assert.IsTrue(solution.Contains(guid + ".Debug|Any CPU.Deploy.0", StringComparison.OrdinalIgnoreCase),
                $"IotDevice.nfproj.sln has no Deploy configuration for {project}");
        }

        public static IEnumerable<object[]> UnitTestProjects() => RepositoryLayout.UnitTestProjects().Select(p => new object[] { p });

        [TestMethod]
        [DynamicData(nameof(UnitTestProjects))]
        public void Unit_test_assembly_is_named_for_the_nanoFramework_launcher(string project)
        {
            XDocument document = RepositoryLayout.Load(project);
            string Property(string name) => document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            Assert.AreEqual("NFUnitTest", Property("AssemblyName"), $"{project}: the test launcher loads the assembly named NFUnitTest");
            Assert.AreEqual("true", Property("IsTestProject"), $"{project}: the test adapter only runs projects marked IsTestProject");
            Assert.IsTrue(RepositoryLayout.HintPaths(document).Any(h => h.EndsWith("nanoFramework.UnitTestLauncher.exe", StringComparison.Ordinal)),
                $"{project}: references no unit-test launcher");
        }

        [TestMethod]
        public void Every_host_project_is_in_the_host_solution()
        {
            string solution = File.ReadAllText(RepositoryLayout.PathOf("IotDevice.Host.slnx"));
            var projects = Directory.EnumerateFiles(RepositoryLayout.Root, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !RepositoryLayout.IsBuildOutput(p))
                .Select(p => Path.GetRelativePath(RepositoryLayout.Root, p).Replace('\\', '/'));
            foreach (string project in projects)
            {
                Assert.IsTrue(solution.Contains("\"" + project + "\"", StringComparison.Ordinal), $"IotDevice.Host.slnx does not list {project}");
            }
        }
    }
}
