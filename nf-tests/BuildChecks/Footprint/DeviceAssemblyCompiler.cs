using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotDevice.DeviceRunner;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IotDevice.BuildChecks.Footprint
{
    /// <summary>
    /// Compiles one .nfproj's own sources with Roslyn, as the device build would (C# 9, its compile list,
    /// its project references compiled the same way), so the footprint of each device assembly can be read
    /// here without the device toolchain; the .nfproj is read by the device runner's <see cref="DeviceProject"/>.
    /// Projects that reference nanoFramework assemblies with no host twin (M2Mqtt, the sensor bindings,
    /// Wi-Fi) cannot be compiled here: they are device-only glue.
    /// </summary>
    internal sealed class DeviceAssemblyCompiler
    {
        // Assemblies whose members the host twins stand in for: the base library, and the test framework
        // through its MSTest mapping.
        private static readonly string[] HostCompilableAssemblies =
        {
            "mscorlib", "nanoFramework.Runtime.Native", "nanoFramework.System.Text",
            "nanoFramework.System.Collections", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher",
        };

        private static readonly Lazy<MetadataReference[]> PlatformReferences = new Lazy<MetadataReference[]>(LoadPlatformReferences);

        private readonly Dictionary<string, byte[]> _compiled = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        /// <summary>Why the project cannot be compiled on the host, or null when it can.</summary>
        public static string DeviceOnlyReason(string project) => DeviceOnlyReason(DeviceProject.Load(RepositoryLayout.PathOf(project)));

        private static string DeviceOnlyReason(DeviceProject project)
        {
            string missing = project.References.FirstOrDefault(r => !HostCompilableAssemblies.Contains(r));
            if (missing != null)
            {
                return "device-only: needs " + missing;
            }
            return project.ProjectReferences.Select(p => DeviceOnlyReason(DeviceProject.Load(p))).FirstOrDefault(r => r != null);
        }

        /// <summary>The assembly the project builds, as bytes; throws with the compiler's errors when it does not compile.</summary>
        public byte[] Compile(string project) => Compile(DeviceProject.Load(RepositoryLayout.PathOf(project)));

        private byte[] Compile(DeviceProject project)
        {
            if (_compiled.TryGetValue(project.Path, out byte[] image))
            {
                return image;
            }
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
            var trees = project.Sources.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path)).ToList();
            var references = new List<MetadataReference>(PlatformReferences.Value);
            references.AddRange(project.ProjectReferences.Select(p => MetadataReference.CreateFromImage(Compile(DeviceProject.Load(p)))));

            var compilation = CSharpCompilation.Create(project.AssemblyName, trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                    nullableContextOptions: NullableContextOptions.Disable));
            using var output = new MemoryStream();
            var result = compilation.Emit(output);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString());
                throw new InvalidOperationException(project.Name + " does not compile on its own: " + string.Join("; ", errors));
            }
            image = output.ToArray();
            _compiled[project.Path] = image;
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
