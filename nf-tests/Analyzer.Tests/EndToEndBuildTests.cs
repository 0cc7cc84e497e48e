using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>
    /// Proves that the built analyzer really loads in `dotnet build` with this SDK: a compiler newer or older
    /// than the one the analyzer was built against can skip it with nothing but a warning, and then every
    /// in-memory test above would pass while real builds check nothing.
    /// </summary>
    [TestClass]
    public class EndToEndBuildTests
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

        private const string CleanSource = @"
using System.Collections;
namespace Probe
{
    public class Registry
    {
        private readonly object _sync = new object();
        private readonly Hashtable _names = new Hashtable();
        private readonly ArrayList _order = new ArrayList();
        public string Add(string name, int id)
        {
            lock (_sync) { _names[name] = id; _order.Add(name); }
            return string.Concat(name, ""#"") + $""{id}"";
        }
    }
}";

        private const string GenericSource = @"
using System.Collections.Generic;
namespace Probe { public class UsesGenerics { public List<int> Values = new List<int>(); } }";

        private const string CompareSource = @"
namespace Probe { public static class Compares { public static int Compare(string a, string b, int n) => string.CompareOrdinal(a, 0, b, 0, n); } }";

        [TestMethod]
        [Timeout(600_000)]
        public void AnalyzerFailsARealBuildOnNonPortableCode()
        {
            string analyzer = Path.Combine(AppContext.BaseDirectory, "IotDevice.PortabilityAnalyzer.dll");
            Assert.IsTrue(File.Exists(analyzer), "The analyzer is not next to the tests: " + analyzer);
            Assert.IsTrue(File.Exists(AnalyzerHarness.SurfacePath), "The API list is not next to the tests: " + AnalyzerHarness.SurfacePath);

            string directory = Path.Combine(Path.GetTempPath(), "nf-analyzer-e2e-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                WriteProject(directory, analyzer);
                File.WriteAllText(Path.Combine(directory, "Registry.cs"), CleanSource);

                BuildResult clean = Build(directory);
                Assert.AreEqual(0, clean.ExitCode, "The portable probe should build:\n" + clean.Output);
                // CS8032/CS8033: analyzer not loadable; CS9057: built against a newer compiler; AD0001: it crashed.
                foreach (string problem in new[] { "CS8032", "CS8033", "CS9057", "AD0001", "NF10" })
                {
                    Assert.IsFalse(clean.Output.Contains(problem), problem + " in the clean build:\n" + clean.Output);
                }

                File.WriteAllText(Path.Combine(directory, "Generic.cs"), GenericSource);
                BuildResult generic = Build(directory);
                Assert.AreNotEqual(0, generic.ExitCode, "List<int> should fail the build:\n" + generic.Output);
                StringAssert.Contains(generic.Output, "NF1002");
                File.Delete(Path.Combine(directory, "Generic.cs"));

                File.WriteAllText(Path.Combine(directory, "Compare.cs"), CompareSource);
                BuildResult compare = Build(directory);
                Assert.AreNotEqual(0, compare.ExitCode, "string.CompareOrdinal(a, 0, b, 0, n) should fail the build:\n" + compare.Output);
                StringAssert.Contains(compare.Output, "NF1001");
                StringAssert.Contains(compare.Output, "M:System.String.CompareOrdinal(System.String,System.Int32,System.String,System.Int32,System.Int32)");
            }
            finally
            {
                TryDelete(directory);
            }
        }

        private static void WriteProject(string directory, string analyzer)
        {
            // No package references and no package sources: restore needs nothing but the SDK itself.
            File.WriteAllText(Path.Combine(directory, "Probe.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <LangVersion>9.0</LangVersion>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include=""{analyzer}"" />
    <AdditionalFiles Include=""{AnalyzerHarness.SurfacePath}"" />
  </ItemGroup>
</Project>
");
            File.WriteAllText(Path.Combine(directory, "NuGet.config"), @"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <clear />
  </packageSources>
</configuration>
");
        }

        private sealed class BuildResult
        {
            public int ExitCode;
            public string Output;
        }

        private static BuildResult Build(string directory)
        {
            var start = new ProcessStartInfo(DotnetExecutable())
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[]
            {
                "build", Path.Combine(directory, "Probe.csproj"), "--nologo", "-v", "q",
                "--artifacts-path", Path.Combine(directory, "artifacts"),
                // No build nodes or compiler server left behind by the test.
                "-nodeReuse:false", "-p:UseSharedCompilation=false",
                // Nothing above the temp directory may leak into the probe.
                "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false",
            })
            {
                start.ArgumentList.Add(argument);
            }

            // The test host runs inside `dotnet test`; its MSBuild variables would steer the child build.
            foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToArray())
            {
                start.Environment.Remove(name);
            }
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

            var output = new StringBuilder();
            using (var process = new Process { StartInfo = start })
            {
                process.OutputDataReceived += (sender, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
                process.ErrorDataReceived += (sender, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
                process.Start();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                if (!process.WaitForExit((int)BuildTimeout.TotalMilliseconds))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail("dotnet build did not finish within " + BuildTimeout + ":\n" + output);
                }
                process.WaitForExit(); // drains the asynchronous output readers
                lock (output)
                {
                    return new BuildResult { ExitCode = process.ExitCode, Output = output.ToString() };
                }
            }
        }

        // The dotnet that runs this test, so the probe builds with the same SDK as the repository.
        private static string DotnetExecutable()
        {
            string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }

        private static void TryDelete(string directory)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless; a failing cleanup must not hide the test's result.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
