using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IotDevice.BuildChecks.Footprint
{
    /// <summary>
    /// Compiles one .nfproj's own sources with Roslyn, as the device build would (C# 9, its compile list,
    /// its project references compiled the same way), so the footprint of each device assembly can be read
    /// here even though the device toolchain cannot run. Projects that reference nanoFramework packages
    /// with no host twin (M2Mqtt, the sensor bindings, Wi-Fi) cannot be compiled here: they are device-only glue.
    /// </summary>
    internal sealed class DeviceAssemblyCompiler
    {
        // Packages whose members the host twins stand in for: the base library, and the test framework
        // through its MSTest mapping.
        private static readonly string[] HostCompilablePackages =
        {
            "nanoFramework.CoreLibrary", "nanoFramework.Runtime.Native", "nanoFramework.System.Text",
            "nanoFramework.System.Collections", "nanoFramework.TestFramework",
        };

        private static readonly Lazy<MetadataReference[]> PlatformReferences = new Lazy<MetadataReference[]>(LoadPlatformReferences);

        private readonly Dictionary<string, byte[]> _compiled = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        /// <summary>Why the project cannot be compiled on the host, or null when it can.</summary>
        public static string DeviceOnlyReason(string project)
        {
            XDocument document = RepositoryLayout.Load(project);
            foreach (string hintPath in RepositoryLayout.HintPaths(document))
            {
                Match match = Regex.Match(hintPath, @"packages/([A-Za-z.]+?)\.\d");
                if (match.Success && !HostCompilablePackages.Contains(match.Groups[1].Value))
                {
                    return "device-only: needs " + match.Groups[1].Value;
                }
            }
            string folder = Path.GetDirectoryName(RepositoryLayout.PathOf(project));
            foreach (string reference in RepositoryLayout.Includes(document, "ProjectReference"))
            {
                string referenced = Path.GetRelativePath(RepositoryLayout.Root, Path.GetFullPath(Path.Combine(folder, reference))).Replace('\\', '/');
                string reason = DeviceOnlyReason(referenced);
                if (reason != null)
                {
                    return reason;
                }
            }
            return null;
        }

        /// <summary>The assembly the project builds, as bytes; throws with the compiler's errors when it does not compile.</summary>
        public byte[] Compile(string project)
        {
            if (_compiled.TryGetValue(project, out byte[] image))
            {
                return image;
            }
            XDocument document = RepositoryLayout.Load(project);
            string folder = Path.GetDirectoryName(RepositoryLayout.PathOf(project));
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
            var trees = RepositoryLayout.Includes(document, "Compile")
                .Select(include => Path.GetFullPath(Path.Combine(folder, include)))
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path))
                .ToList();

            var references = new List<MetadataReference>(PlatformReferences.Value);
            foreach (string reference in RepositoryLayout.Includes(document, "ProjectReference"))
            {
                string referenced = Path.GetRelativePath(RepositoryLayout.Root, Path.GetFullPath(Path.Combine(folder, reference))).Replace('\\', '/');
                references.Add(MetadataReference.CreateFromImage(Compile(referenced)));
            }

            string name = document.Descendants().First(e => e.Name.LocalName == "AssemblyName").Value;
            var compilation = CSharpCompilation.Create(name, trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                    nullableContextOptions: NullableContextOptions.Disable));
            using var output = new MemoryStream();
            var result = compilation.Emit(output);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString());
                throw new InvalidOperationException(project + " does not compile on its own: " + string.Join("; ", errors));
            }
            image = output.ToArray();
            _compiled[project] = image;
            return image;
        }

        private static MetadataReference[] LoadPlatformReferences()
        {
            // The .NET base library stands in for mscorlib; the MSTest mapping for nanoFramework.TestFramework.
            var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator).ToList();
            paths.Add(typeof(nanoFramework.TestFramework.Assert).Assembly.Location);
            paths.Add(typeof(Microsoft.VisualStudio.TestTools.UnitTesting.TestClassAttribute).Assembly.Location);
            return paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
        }
    }
}
