using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotDevice.DeviceRunner
{
    /// <summary>
    /// tests [name…]  builds every device unit-test project (or those whose name contains one of the
    ///                words), runs each on the nanoCLR and ends with "N passed, N failed".
    /// run PROJECT    builds a device app (.nfproj with OutputType Exe) and runs it, printing its output.
    /// sizes          builds every SDK assembly (nf-sdk) and prints the .pe each one is, what the
    ///                sample app of each platform deploys of them, and the core's .pe by namespace.
    /// reach APP      builds a device app and prints how much of each SDK assembly it deploys the app
    ///                can reach from its entry point.
    /// Exit codes: 0 all passed, 1 a test failed or a build broke, 2 bad arguments or no runtime.
    /// </summary>
    internal static class Program
    {
        private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);

        private static int Main(string[] args)
        {
            if (args.Length == 0 || (args[0] != "tests" && args[0] != "run" && args[0] != "sizes" && args[0] != "reach")
                || ((args[0] == "run" || args[0] == "reach") && args.Length != 2))
            {
                Console.Error.WriteLine("usage: IotDevice.DeviceRunner tests [name…] | run PROJECT.nfproj | sizes | reach APP.nfproj");
                return 2;
            }
            DeviceRuntime runtime = DeviceRuntime.Find();
            if (runtime == null)
            {
                return 2;
            }
            string root = FindRoot();
            var builder = new DeviceBuilder(runtime, Path.Combine(root, "artifacts", "device"));
            try
            {
                return args[0] == "run" ? Run(runtime, builder, DeviceProject.Load(args[1]))
                    : args[0] == "sizes" ? Sizes.Print(runtime, builder, root)
                    : args[0] == "reach" ? Reach.Print(builder, DeviceProject.Load(args[1]), root)
                    : Tests(runtime, builder, root, args.Skip(1).ToArray());
            }
            catch (Exception e) when (e is InvalidOperationException || e is FileNotFoundException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        }

        private static int Run(DeviceRuntime runtime, DeviceBuilder builder, DeviceProject project)
        {
            BuiltAssembly app = builder.Build(project);
            ProcessResult result = ProcessResult.Run(runtime.NanoClr, LoadList(runtime, app), RunLimit);
            Console.Write(result.Output);
            return result.TimedOut ? 1 : 0;
        }

        private static int Tests(DeviceRuntime runtime, DeviceBuilder builder, string root, string[] filters)
        {
            var projects = Directory.EnumerateFiles(Path.Combine(root, "nf-tests", "UnitTests"), "*.nfproj", SearchOption.AllDirectories)
                .Select(DeviceProject.Load)
                .Where(p => p.IsTest && (filters.Length == 0 || filters.Any(f => p.Name.Contains(f, StringComparison.OrdinalIgnoreCase))))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .ToList();
            int passed = 0, failed = 0;
            foreach (DeviceProject project in projects)
            {
                BuiltAssembly tests = builder.Build(project);
                ProcessResult result = ProcessResult.Run(runtime.NanoClr, LoadList(runtime, tests), RunLimit);
                var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
                int projectPassed = lines.Count(l => l.StartsWith("Test passed,", StringComparison.Ordinal));
                var failures = lines.Where(l => l.StartsWith("Test failed,", StringComparison.Ordinal)).ToList();
                int declared = CountTestMethods(project);
                string problem = result.TimedOut ? "timed out" : projectPassed + failures.Count < declared ? "stopped early" : null;
                Console.WriteLine($"{project.Name,-22} {projectPassed,4} passed, {failures.Count,3} failed of {declared,3}   .pe {new FileInfo(tests.Pe).Length,7:N0} B   {result.Elapsed.TotalSeconds,5:0.0} s"
                    + (problem == null ? "" : "   " + problem));
                foreach (string failure in failures)
                {
                    Console.WriteLine("    " + failure.Substring("Test failed,".Length));
                }
                if (problem != null)
                {
                    Console.WriteLine(Indent(DeviceBuilder.Tail(result.Output, 8)));
                }
                passed += projectPassed;
                failed += failures.Count + (problem != null ? Math.Max(1, declared - projectPassed - failures.Count) : 0);
            }
            Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 && projects.Count > 0 ? 0 : 1;
        }

        // mscorlib first, the nanoFramework libraries, the test launcher, then ours in dependency order.
        private static List<string> LoadList(DeviceRuntime runtime, BuiltAssembly built)
        {
            var names = built.NanoFrameworkReferences.Where(r => r != "mscorlib").ToList();
            names.Sort((a, b) => Rank(a).CompareTo(Rank(b)) != 0 ? Rank(a).CompareTo(Rank(b)) : string.CompareOrdinal(a, b));
            var list = new List<string> { runtime.PePath("mscorlib") };
            list.AddRange(names.Select(runtime.PePath));
            list.AddRange(built.LoadOrder);
            return list;
        }

        private static int Rank(string assembly) =>
            assembly == "nanoFramework.TestFramework" ? 1 : assembly == "nanoFramework.UnitTestLauncher" ? 2 : 0;

        // What the launcher reports a line for, in the project's own sources: each test and DataRow case,
        // and each class's Setup and Cleanup.
        private static int CountTestMethods(DeviceProject project) =>
            project.Sources.Sum(s => Regex.Matches(File.ReadAllText(s), @"\[(TestMethod|DataRow|Setup|Cleanup)\b").Count);

        private static string Indent(string text) => "    " + text.Replace(Environment.NewLine, Environment.NewLine + "    ");

        private static string FindRoot()
        {
            foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (string dir = start; dir != null; dir = Path.GetDirectoryName(dir))
                {
                    if (File.Exists(Path.Combine(dir, "IotDevice.Host.slnx")))
                    {
                        return dir;
                    }
                }
            }
            throw new InvalidOperationException("IotDevice.Host.slnx not found above the current folder");
        }
    }
}
