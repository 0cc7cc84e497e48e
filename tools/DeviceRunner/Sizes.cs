using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Mono.Cecil;
using Mono.Cecil.Cil;

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

            DeviceProject core = projects.FirstOrDefault(p => p.AssemblyName == "IotDevice");
            if (core != null && sizes.ContainsKey(core.Path))
            {
                Console.WriteLine();
                PrintAreas(builder.Build(core));
            }
            return 0;
        }

        // The core's .pe by namespace, estimated: each type's share of the bytecode table by its IL, plus
        // its rows (16 B a method, 8 B a field, 24 B a type) and the names and literals it is first to use.
        // What no type owns (signatures, references, the header) is the last row, so the rows add up.
        private static void PrintAreas(BuiltAssembly built)
        {
            byte[] pe = File.ReadAllBytes(built.Pe);
            AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(built.Dll);
            var types = assembly.MainModule.GetTypes().ToList();
            double bytecodePerIl = (double)PeTableSize(pe, ByteCodeTable) / types.SelectMany(t => t.Methods).Where(m => m.HasBody).Sum(m => m.Body.CodeSize);
            var strings = new HashSet<string>(StringComparer.Ordinal);
            var areas = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (TypeDefinition type in types)
            {
                TypeDefinition outer = type;
                while (outer.DeclaringType != null)
                {
                    outer = outer.DeclaringType;
                }
                string area = outer.Namespace.Length > 0 ? outer.Namespace : "(compiler-made)";
                double bytes = type.Methods.Where(m => m.HasBody).Sum(m => m.Body.CodeSize) * bytecodePerIl
                    + 16 * type.Methods.Count + 8 * type.Fields.Count(f => !f.IsLiteral) + 24;
                foreach (string name in type.Methods.Select(m => m.Name).Concat(type.Fields.Where(f => !f.IsLiteral).Select(f => f.Name)).Append(type.Name))
                {
                    bytes += strings.Add(name) ? Encoding.UTF8.GetByteCount(name) + 1 : 0;
                }
                foreach (MethodDefinition method in type.Methods.Where(m => m.HasBody))
                {
                    foreach (Instruction instruction in method.Body.Instructions.Where(i => i.OpCode.Code == Code.Ldstr))
                    {
                        string literal = (string)instruction.Operand;
                        bytes += strings.Add(literal) ? Encoding.UTF8.GetByteCount(literal) + 1 : 0;
                    }
                }
                areas[area] = areas.GetValueOrDefault(area) + bytes;
            }
            Console.WriteLine("| `IotDevice` by namespace (estimated) | `.pe` |");
            Console.WriteLine("|---|---:|");
            foreach (var area in areas.Where(a => a.Value >= 50).OrderByDescending(a => a.Value))
            {
                Console.WriteLine($"| {area.Key} | {area.Value / 1024:0.0} KB |");
            }
            Console.WriteLine($"| the rest (signatures, references, header) | {(pe.Length - areas.Values.Where(v => v >= 50).Sum()) / 1024:0.0} KB |");
        }

        // A .pe starts with its header: after 40 bytes (marker, checksums, flags, version, name) come the
        // start offsets of its 16 tables, one int each, then a count, then a padding byte per table; a
        // table ends where the next starts, less its padding.
        private const int ByteCodeTable = 13;
        private const int TableStarts = 40;
        private const int TableCount = 16;

        private static int PeTableSize(byte[] pe, int table)
        {
            int start = BitConverter.ToInt32(pe, TableStarts + 4 * table);
            int end = BitConverter.ToInt32(pe, TableStarts + 4 * (table + 1));
            int padding = pe[TableStarts + 4 * TableCount + 4 + table];
            return end - start - padding;
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
