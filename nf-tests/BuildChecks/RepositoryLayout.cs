using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace IotDevice.BuildChecks
{
    /// <summary>Finds the repository and reads its project files.</summary>
    internal static class RepositoryLayout
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        public static string Root => RootPath.Value;

        public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('\\', '/'));

        /// <summary>Every .nfproj in the repository, relative to the root with '/' separators.</summary>
        public static IEnumerable<string> NfProjects() =>
            Directory.EnumerateFiles(Root, "*.nfproj", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(p))
                .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
                .OrderBy(p => p, StringComparer.Ordinal);

        public const string UnitTestsFolder = "nf-tests/UnitTests";

        /// <summary>The device unit-test projects: one small NFUnitTest assembly per area.</summary>
        public static IEnumerable<string> UnitTestProjects() =>
            NfProjects().Where(p => p.StartsWith(UnitTestsFolder + "/", StringComparison.Ordinal));

        public static XDocument Load(string relative) => XDocument.Load(PathOf(relative));

        /// <summary>The values of an item type's Include attribute, backslashes turned into '/'.</summary>
        public static List<string> Includes(XDocument project, string itemType) =>
            project.Descendants().Where(e => e.Name.LocalName == itemType)
                .Select(e => ((string)e.Attribute("Include")).Replace('\\', '/'))
                .ToList();

        public static List<string> HintPaths(XDocument project) =>
            project.Descendants().Where(e => e.Name.LocalName == "HintPath")
                .Select(e => e.Value.Replace('\\', '/'))
                .ToList();

        public static bool IsBuildOutput(string path)
        {
            string normalized = path.Replace('\\', '/');
            return normalized.Contains("/bin/") || normalized.Contains("/obj/") || normalized.Contains("/artifacts/");
        }

        private static string FindRoot()
        {
            string directory = AppContext.BaseDirectory;
            while (directory != null && !File.Exists(Path.Combine(directory, "IotDevice.Host.slnx")))
            {
                directory = Path.GetDirectoryName(directory);
            }
            return directory ?? throw new InvalidOperationException("IotDevice.Host.slnx not found above " + AppContext.BaseDirectory);
        }
    }
}
