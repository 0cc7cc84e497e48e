using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IotDevice.DeviceRunner
{
    /// <summary>
    /// Builds a .nfproj as the device build would: Roslyn with C# 9 against the nanoFramework reference
    /// assemblies (never .NET's), its project references first, then MetadataProcessor to a .pe.
    /// </summary>
    internal sealed class DeviceBuilder
    {
        private readonly DeviceRuntime _runtime;
        private readonly string _outputRoot;
        private readonly Dictionary<string, BuiltAssembly> _built = new(StringComparer.Ordinal);

        public DeviceBuilder(DeviceRuntime runtime, string outputRoot)
        {
            _runtime = runtime;
            _outputRoot = outputRoot;
        }

        /// <summary>The project and everything it references, built; dependencies come first in <see cref="BuiltAssembly.LoadOrder"/>.</summary>
        public BuiltAssembly Build(DeviceProject project)
        {
            if (_built.TryGetValue(project.Path, out BuiltAssembly done))
            {
                return done;
            }
            var dependencies = project.ProjectReferences.Select(p => Build(DeviceProject.Load(p))).ToList();

            string folder = Path.Combine(_outputRoot, project.Name);
            Directory.CreateDirectory(folder);
            string dll = Path.Combine(folder, project.AssemblyName + (project.IsApp ? ".exe" : ".dll"));
            Compile(project, dependencies, dll);
            string pe = Path.ChangeExtension(dll, ".pe");
            Convert(project, dependencies, dll, pe);

            var order = new List<string>();
            foreach (BuiltAssembly dependency in dependencies)
            {
                order.AddRange(dependency.LoadOrder.Where(p => !order.Contains(p)));
            }
            order.Add(pe);
            var built = new BuiltAssembly(project, dll, pe, order, dependencies.SelectMany(d => d.NanoFrameworkReferences).Concat(project.References).Distinct().ToList());
            built.Dependencies.AddRange(dependencies);
            _built[project.Path] = built;
            return built;
        }

        private void Compile(DeviceProject project, List<BuiltAssembly> dependencies, string dll)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });
            var trees = project.Sources.Select(s => CSharpSyntaxTree.ParseText(File.ReadAllText(s), parse, s)).ToList();
            // The device projects carry no AssemblyInfo; the runtime binds references by version.
            trees.Add(CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyVersion(\"1.0.0.0\")]", parse));
            var references = project.References.Select(r => (MetadataReference)MetadataReference.CreateFromFile(_runtime.ReferencePath(r)))
                .Concat(dependencies.Select(d => MetadataReference.CreateFromFile(d.Dll)))
                .ToList();
            var compilation = CSharpCompilation.Create(project.AssemblyName, trees, references,
                new CSharpCompilationOptions(project.IsApp ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                    deterministic: true, nullableContextOptions: NullableContextOptions.Disable));
            using (FileStream output = File.Create(dll))
            {
                var result = compilation.Emit(output);
                if (!result.Success)
                {
                    var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20);
                    throw new InvalidOperationException($"{project.Name} does not compile against the nanoFramework assemblies:{Environment.NewLine}  "
                        + string.Join(Environment.NewLine + "  ", errors));
                }
            }
        }

        private void Convert(DeviceProject project, List<BuiltAssembly> dependencies, string dll, string pe)
        {
            var arguments = new List<string>();
            foreach (string reference in project.References.Concat(dependencies.SelectMany(d => d.NanoFrameworkReferences)).Distinct())
            {
                arguments.AddRange(new[] { "-loadHints", reference, _runtime.ReferencePath(reference) });
            }
            foreach (BuiltAssembly dependency in Closure(dependencies))
            {
                arguments.AddRange(new[] { "-loadHints", dependency.Project.AssemblyName, dependency.Dll });
            }
            arguments.AddRange(new[] { "-parse", dll, "-compile", pe, "false" });
            File.Delete(pe);
            ProcessResult result = ProcessResult.Run(_runtime.MetadataProcessor, arguments, TimeSpan.FromMinutes(5));
            if (!File.Exists(pe))
            {
                throw new InvalidOperationException($"MetadataProcessor made no .pe of {project.Name} (exit {result.ExitCode}):{Environment.NewLine}{Tail(result.Output, 20)}");
            }
        }

        private static IEnumerable<BuiltAssembly> Closure(IEnumerable<BuiltAssembly> roots)
        {
            var seen = new List<BuiltAssembly>();
            void Visit(BuiltAssembly a)
            {
                if (seen.Contains(a))
                {
                    return;
                }
                seen.Add(a);
                foreach (BuiltAssembly d in a.Dependencies)
                {
                    Visit(d);
                }
            }
            foreach (BuiltAssembly root in roots)
            {
                Visit(root);
            }
            return seen;
        }

        public static string Tail(string text, int lines) =>
            string.Join(Environment.NewLine, text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).TakeLast(lines));
    }

    internal sealed class BuiltAssembly
    {
        public BuiltAssembly(DeviceProject project, string dll, string pe, List<string> loadOrder, List<string> nanoFrameworkReferences)
        {
            Project = project;
            Dll = dll;
            Pe = pe;
            LoadOrder = loadOrder;
            NanoFrameworkReferences = nanoFrameworkReferences;
        }

        public DeviceProject Project { get; }
        public string Dll { get; }
        public string Pe { get; }
        /// <summary>Our own .pe files this one needs, dependencies first, this one last.</summary>
        public List<string> LoadOrder { get; }
        /// <summary>Every nanoFramework assembly this one and its dependencies reference.</summary>
        public List<string> NanoFrameworkReferences { get; }
        public List<BuiltAssembly> Dependencies { get; } = new();
    }

    /// <summary>A child process run to its end (or killed at the time limit), with its output.</summary>
    internal sealed class ProcessResult
    {
        public int ExitCode { get; private init; }
        public string Output { get; private init; }
        public bool TimedOut { get; private init; }
        public TimeSpan Elapsed { get; private init; }

        public static ProcessResult Run(string command, IEnumerable<string> arguments, TimeSpan limit)
        {
            var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            var watch = Stopwatch.StartNew();
            using Process process = Process.Start(start);
            var output = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            bool finished = process.WaitForExit((int)limit.TotalMilliseconds);
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            process.WaitForExit();
            lock (output)
            {
                return new ProcessResult { ExitCode = finished ? process.ExitCode : -1, Output = output.ToString(), TimedOut = !finished, Elapsed = watch.Elapsed };
            }
        }
    }
}
