using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.BuildChecks
{
    /// <summary>
    /// Each .nuspec packs what the device build produces and depends on what its projects pin: every file
    /// is either in the repository or one of the five outputs (.dll .pdb .pdbx .pe .xml) of a .nfproj in
    /// the folder it names, and its nanoFramework dependencies are exactly those projects' packages.config
    /// pins. Packing itself needs those Release outputs (README, "Packing the NuGet packages").
    /// </summary>
    [TestClass]
    public class NuspecTests
    {
        private static readonly string[] Outputs = { "dll", "pdb", "pdbx", "pe", "xml" };

        public static IEnumerable<object[]> Specs() =>
            Directory.EnumerateFiles(RepositoryLayout.Root, "*.nuspec", SearchOption.AllDirectories)
                .Where(p => !RepositoryLayout.IsBuildOutput(p))
                .Select(p => new object[] { Path.GetRelativePath(RepositoryLayout.Root, p).Replace('\\', '/') });

        [TestMethod]
        public void Every_sdk_package_and_the_boards_are_packed()
        {
            var specs = Specs().Select(s => (string)s[0]).ToList();
            foreach (string spec in new[] { "Core/IotDevice", "Crypto/IotDevice.Crypto", "Ota/IotDevice.Ota", "FastBee/IotDevice.FastBee",
                "Alink/IotDevice.Alink", "EztCloud/IotDevice.EztCloud" })
            {
                CollectionAssert.Contains(specs, "nf-sdk/" + spec + ".nuspec");
            }
            CollectionAssert.Contains(specs, "boards/IotDevice.Boards.nuspec");
        }

        [TestMethod]
        [DynamicData(nameof(Specs))]
        public void Every_file_is_in_the_repository_or_a_build_output(string spec)
        {
            string folder = Path.GetDirectoryName(RepositoryLayout.PathOf(spec));
            foreach (string src in Files(spec))
            {
                string path = Path.GetFullPath(Path.Combine(folder, src));
                if (File.Exists(path))
                {
                    continue;
                }
                Match output = Regex.Match(src, @"^(?:(.+)/)?bin/Release/([^/]+)\.([a-z]+)$");
                Assert.IsTrue(output.Success, $"{spec}: '{src}' is neither in the repository nor a Release output");
                CollectionAssert.Contains(Outputs, output.Groups[3].Value, $"{spec}: '{src}' is not an output the device build writes");
                string projectFolder = Path.Combine(folder, output.Groups[1].Value);
                Assert.IsTrue(AssemblyNames(projectFolder).Contains(output.Groups[2].Value),
                    $"{spec}: no .nfproj in '{output.Groups[1].Value}' builds the assembly {output.Groups[2].Value}");
            }
        }

        [TestMethod]
        [DynamicData(nameof(Specs))]
        public void The_dependencies_are_the_packed_projects_pins(string spec)
        {
            string folder = Path.GetDirectoryName(RepositoryLayout.PathOf(spec));
            var pinned = Files(spec)
                .Select(src => Regex.Match(src, @"^(?:(.+)/)?bin/Release/"))
                .Where(m => m.Success)
                .Select(m => Path.Combine(folder, m.Groups[1].Value, "packages.config"))
                .Distinct()
                .SelectMany(PackageSet.PackagesConfig)
                .Where(p => !p.Id.StartsWith("Nerdbank.", StringComparison.Ordinal))
                .Select(p => p.Id + " " + p.Version)
                .ToHashSet();
            var declared = XDocument.Load(RepositoryLayout.PathOf(spec)).Descendants().Where(e => e.Name.LocalName == "dependency")
                .Where(d => ((string)d.Attribute("id")).StartsWith("nanoFramework.", StringComparison.Ordinal))
                .Select(d => (string)d.Attribute("id") + " " + (string)d.Attribute("version"))
                .ToHashSet();
            Assert.AreEqual("", string.Join(", ", pinned.Except(declared).OrderBy(x => x)), $"{spec} lacks dependencies its projects pin");
            Assert.AreEqual("", string.Join(", ", declared.Except(pinned).OrderBy(x => x)), $"{spec} declares dependencies its projects do not pin");
        }

        [TestMethod]
        [DynamicData(nameof(Specs))]
        public void The_sdk_dependencies_are_the_packages_of_the_referenced_projects(string spec)
        {
            // Which package ships each assembly, over every .nuspec in the repository.
            var packageOf = new Dictionary<string, string>();
            foreach (object[] other in Specs())
            {
                string id = PackageId((string)other[0]);
                foreach (string project in PackedProjects((string)other[0]))
                {
                    packageOf[Path.GetFullPath(project)] = id;
                }
            }
            string own = PackageId(spec);
            var needed = PackedProjects(spec)
                .SelectMany(project => XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == "ProjectReference")
                    .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project), ((string)r.Attribute("Include")).Replace('\\', '/')))))
                .Select(reference => packageOf.TryGetValue(reference, out string id) ? id : "(no package packs " + Path.GetFileName(reference) + ")")
                .Where(id => id != own)
                .ToHashSet();
            var declared = XDocument.Load(RepositoryLayout.PathOf(spec)).Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(d => (string)d.Attribute("id"))
                .Where(id => !id.StartsWith("nanoFramework.", StringComparison.Ordinal))
                .ToHashSet();
            Assert.AreEqual(string.Join(", ", needed.OrderBy(x => x)), string.Join(", ", declared.OrderBy(x => x)),
                $"{spec}: its SDK dependencies are not the packages of the projects it references");
        }

        private static string PackageId(string spec) =>
            (string)XDocument.Load(RepositoryLayout.PathOf(spec)).Descendants().First(e => e.Name.LocalName == "id");

        private static IEnumerable<string> PackedProjects(string spec)
        {
            string folder = Path.GetDirectoryName(RepositoryLayout.PathOf(spec));
            return Files(spec)
                .Select(src => Regex.Match(src, @"^(?:(.+)/)?bin/Release/"))
                .Where(m => m.Success)
                .Select(m => Path.Combine(folder, m.Groups[1].Value))
                .Distinct()
                .SelectMany(dir => Directory.EnumerateFiles(dir, "*.nfproj"));
        }

        [TestMethod]
        [DynamicData(nameof(Specs))]
        public void The_package_carries_a_licence_readme_and_project_url(string spec)
        {
            XElement metadata = XDocument.Load(RepositoryLayout.PathOf(spec)).Root.Elements().First(e => e.Name.LocalName == "metadata");
            string Value(string name) => (string)metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);
            Assert.AreEqual("LICENSE", Value("license"));
            Assert.AreEqual(@"docs\README.md", Value("readme"));
            Assert.IsFalse(string.IsNullOrEmpty(Value("projectUrl")), "projectUrl");
            StringAssert.Contains(Value("copyright"), "IotDevice contributors");
            var targets = XDocument.Load(RepositoryLayout.PathOf(spec)).Descendants().Where(e => e.Name.LocalName == "file")
                .Select(f => ((string)f.Attribute("target")).Replace('\\', '/')).ToList();
            CollectionAssert.Contains(targets, "LICENSE");
            CollectionAssert.Contains(targets, "docs/README.md");
            StringAssert.StartsWith(File.ReadAllText(RepositoryLayout.PathOf("LICENSE")), "MIT License");
        }

        private static IEnumerable<string> Files(string spec) =>
            XDocument.Load(RepositoryLayout.PathOf(spec)).Descendants().Where(e => e.Name.LocalName == "file")
                .Select(f => ((string)f.Attribute("src")).Replace('\\', '/'));

        private static HashSet<string> AssemblyNames(string projectFolder) =>
            Directory.Exists(projectFolder)
                ? Directory.EnumerateFiles(projectFolder, "*.nfproj")
                    .Select(p => XDocument.Load(p).Descendants().First(e => e.Name.LocalName == "AssemblyName").Value)
                    .ToHashSet()
                : new HashSet<string>();
    }
}
