using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IotDevice.BuildChecks
{
    /// <summary>A package pinned at a version.</summary>
    internal sealed record Pin(string Id, string Version);

    /// <summary>An assembly a .nfproj references, and the package (folder) its HintPath points into.</summary>
    internal sealed record AssemblyReference(string Include, string FileName, Pin Package);

    /// <summary>
    /// The checks behind PackageSetTests, written as functions that list problems so a broken set can be
    /// fed to them too: what package-dependencies.txt says each package needs, what each packages.config
    /// pins, and what the api-surface list says each assembly's version is.
    /// </summary>
    internal static class PackageSet
    {
        public const string ManifestPath = "nf-tests/BuildChecks/package-dependencies.txt";
        public const string ApiSurfacePath = "tools/PortabilityAnalyzer/nanoframework-api-surface.txt";

        /// <summary>"id version: dep min, dep min" lines → each pinned package and what it depends on.</summary>
        public static Dictionary<Pin, List<Pin>> ParseManifest(IEnumerable<string> lines)
        {
            var manifest = new Dictionary<Pin, List<Pin>>();
            foreach (string raw in lines)
            {
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }
                int colon = line.IndexOf(':');
                if (colon < 0)
                {
                    throw new FormatException($"{ManifestPath}: '{line}' has no ':'");
                }
                manifest.Add(ParsePin(line[..colon]), line[(colon + 1)..]
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(ParsePin).ToList());
            }
            return manifest;
        }

        public static List<Pin> PackagesConfig(string path) =>
            XDocument.Load(path).Descendants("package")
                .Select(p => new Pin((string)p.Attribute("id"), (string)p.Attribute("version")))
                .ToList();

        public static List<AssemblyReference> References(XDocument project) =>
            project.Descendants().Where(e => e.Name.LocalName == "Reference")
                .Select(e =>
                {
                    string hint = e.Descendants().First(h => h.Name.LocalName == "HintPath").Value.Replace('\\', '/');
                    Match folder = Regex.Match(hint, @"packages/([^/]+)/lib/");
                    return new AssemblyReference(((string)e.Attribute("Include")).Split(',')[0].Trim(),
                        Path.GetFileNameWithoutExtension(hint), folder.Success ? SplitFolder(folder.Groups[1].Value) : null);
                })
                .ToList();

        /// <summary>"# assembly NAME VERSION" headings of the api-surface list.</summary>
        public static Dictionary<string, string> ApiSurfaceVersions(IEnumerable<string> lines) =>
            lines.Where(l => l.StartsWith("# assembly ", StringComparison.Ordinal))
                .Select(l => l["# assembly ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");

        /// <summary>Every dependency of a pinned package that the same packages.config lacks or pins too old.</summary>
        public static List<string> MissingDependencies(IReadOnlyList<Pin> config, Dictionary<Pin, List<Pin>> manifest)
        {
            var problems = new List<string>();
            var pinned = config.ToDictionary(p => p.Id, p => p.Version, StringComparer.Ordinal);
            foreach (Pin package in config)
            {
                if (!manifest.TryGetValue(package, out List<Pin> dependencies))
                {
                    problems.Add($"{package.Id} {package.Version} is not in {ManifestPath}: record what its .nuspec depends on");
                    continue;
                }
                foreach (Pin dependency in dependencies)
                {
                    if (!pinned.TryGetValue(dependency.Id, out string version))
                    {
                        problems.Add($"{package.Id} {package.Version} needs {dependency.Id} >= {dependency.Version}, which is not pinned");
                    }
                    else if (CompareVersions(version, dependency.Version) < 0)
                    {
                        problems.Add($"{package.Id} {package.Version} needs {dependency.Id} >= {dependency.Version}, {version} is pinned");
                    }
                }
            }
            return problems;
        }

        /// <summary>
        /// A referenced assembly's api-surface heading must carry the version of the package pinned for it:
        /// the package version with a fourth ".0", or major.minor.0.0 for packages that version their
        /// assemblies by major.minor only (the IoT.Device bindings).
        /// </summary>
        public static string ApiSurfaceMismatch(AssemblyReference reference, Dictionary<string, string> surface)
        {
            if (!surface.TryGetValue(reference.FileName, out string heading))
            {
                return $"{ApiSurfacePath} has no '# assembly {reference.FileName}' section ({reference.Package.Id} {reference.Package.Version} is pinned)";
            }
            string[] parts = reference.Package.Version.Split('.');
            string exact = reference.Package.Version + ".0";
            string byMinor = parts[0] + "." + parts[1] + ".0.0";
            return heading == exact || heading == byMinor
                ? null
                : $"{ApiSurfacePath} lists {reference.FileName} {heading}, but {reference.Package.Id} {reference.Package.Version} is pinned (expected {exact} or {byMinor})";
        }

        public static int CompareVersions(string a, string b)
        {
            int[] x = a.Split('.').Select(int.Parse).ToArray();
            int[] y = b.Split('.').Select(int.Parse).ToArray();
            for (int i = 0; i < Math.Max(x.Length, y.Length); i++)
            {
                int c = (i < x.Length ? x[i] : 0).CompareTo(i < y.Length ? y[i] : 0);
                if (c != 0)
                {
                    return c;
                }
            }
            return 0;
        }

        private static Pin ParsePin(string text)
        {
            string[] parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"{ManifestPath}: '{text.Trim()}' is not 'id version'");
            }
            return new Pin(parts[0], parts[1]);
        }

        // "nanoFramework.System.Net.1.11.60" → id and version: the version starts at the first all-digit part.
        private static Pin SplitFolder(string folder)
        {
            string[] parts = folder.Split('.');
            int first = Array.FindIndex(parts, p => p.Length > 0 && p.All(char.IsDigit));
            return new Pin(string.Join('.', parts[..first]), string.Join('.', parts[first..]));
        }
    }
}
