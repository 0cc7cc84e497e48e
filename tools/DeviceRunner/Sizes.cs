using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IotDevice.DeviceRunner
{
    /// <summary>
    /// The flash the SDK takes: each assembly under nf-sdk built to a .pe, then, for each platform's
    /// sample app, the SDK assemblies it deploys, directly or through another project (device glue
    /// included; the boards and the sample's own code are not the SDK). An assembly whose nanoFramework
    /// references are not in NF_REFS is named with what is missing, and totals that need it say so.
    /// </summary>
    internal static class Sizes
    {
        public static int Print(DeviceRuntime runtime, DeviceBuilder builder, string root)
        {
            var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
            var projects = Directory.EnumerateFiles(Path.Combine(root, "nf-sdk"), "*.nfproj", SearchOption.AllDirectories)
                .Select(DeviceProject.Load).OrderBy(p => p.AssemblyName, StringComparer.Ordinal).ToList();
            Console.WriteLine("| assembly | `.pe` |");
            Console.WriteLine("|---|---:|");
            foreach (DeviceProject project in projects)
            {
                string missing = MissingReference(runtime, project);
                if (missing != null)
                {
                    Console.WriteLine($"| `{project.AssemblyName}` | not built: NF_REFS has no {missing} |");
                    continue;
                }
                long bytes = new FileInfo(builder.Build(project).Pe).Length;
                sizes[project.Path] = bytes;
                Console.WriteLine($"| `{project.AssemblyName}` | {bytes:N0} B |");
            }

            Console.WriteLine();
            Console.WriteLine("| sample app | SDK assemblies it deploys | `.pe` |");
            Console.WriteLine("|---|---|---:|");
            string sdk = Path.Combine(root, "nf-sdk") + Path.DirectorySeparatorChar;
            foreach (string sample in Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.nfproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                DeviceProject app = DeviceProject.Load(sample);
                if (!app.IsApp)
                {
                    continue;
                }
                var deployed = Closure(app).Where(p => p.StartsWith(sdk, StringComparison.Ordinal)).ToList();
                string names = string.Join(", ", deployed.Select(p => DeviceProject.Load(p).AssemblyName).Order(StringComparer.Ordinal));
                string total = deployed.All(sizes.ContainsKey) ? $"{deployed.Sum(p => sizes[p]) / 1024.0:0.0} KB" : "incomplete (see above)";
                Console.WriteLine($"| {app.AssemblyName} | {names} | {total} |");
            }
            return 0;
        }

        private static string MissingReference(DeviceRuntime runtime, DeviceProject project)
        {
            string missing = project.References.FirstOrDefault(r => !runtime.HasReference(r));
            return missing ?? project.ProjectReferences.Select(p => MissingReference(runtime, DeviceProject.Load(p))).FirstOrDefault(m => m != null);
        }

        // Every project the app references, directly or through another.
        private static IEnumerable<string> Closure(DeviceProject app)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(app.ProjectReferences);
            while (pending.Count > 0)
            {
                string path = pending.Pop();
                if (seen.Add(path))
                {
                    foreach (string next in DeviceProject.Load(path).ProjectReferences)
                    {
                        pending.Push(next);
                    }
                }
            }
            return seen;
        }
    }
}
