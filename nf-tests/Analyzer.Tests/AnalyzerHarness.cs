using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.PortabilityAnalyzer.Tests
{
    /// <summary>An additional file served from memory, as the compiler serves AdditionalFiles.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string content)
        {
            Path = path;
            _text = SourceText.From(content);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Compiles a snippet in memory and runs the portability analyzer on it.</summary>
    internal static class AnalyzerHarness
    {
        public static readonly string SurfacePath = System.IO.Path.Combine(AppContext.BaseDirectory, "nanoframework-api-surface.txt");

        private static readonly Lazy<AdditionalText> Surface = new Lazy<AdditionalText>(
            () => new InMemoryAdditionalText(SurfacePath, File.ReadAllText(SurfacePath)));

        // The test process's own framework assemblies: enough to bind anything a snippet names.
        private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new Lazy<ImmutableArray<MetadataReference>>(() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES"))
                .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray());

        public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.CSharp9) =>
            new CSharpParseOptions(version);

        public static CSharpCompilation Compile(
            string source,
            LanguageVersion version = LanguageVersion.CSharp9,
            NullableContextOptions nullable = NullableContextOptions.Disable,
            string assemblyName = "Snippet",
            IEnumerable<MetadataReference> extraReferences = null)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, ParseOptions(version), path: "Snippet.cs");
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, allowUnsafe: true);
            CSharpCompilation compilation = CSharpCompilation.Create(assemblyName, new[] { tree },
                FrameworkReferences.Value.AddRange(extraReferences ?? Enumerable.Empty<MetadataReference>()), options);

            // A snippet that does not compile proves nothing about the analyzer.
            Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.AreEqual(0, errors.Length, "The snippet does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
            return compilation;
        }

        public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, bool withSurface = true, AdditionalText deviceProject = null)
        {
            ImmutableArray<AdditionalText> additional = withSurface
                ? ImmutableArray.Create(Surface.Value)
                : ImmutableArray<AdditionalText>.Empty;
            if (deviceProject != null)
            {
                additional = additional.Add(deviceProject);
            }
            var crashes = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additional),
                (exception, analyzer, diagnostic) => crashes.Add(exception.ToString()),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NanoFrameworkPortabilityAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync()
                .GetAwaiter().GetResult();
            Assert.AreEqual(0, crashes.Count, "The analyzer threw:\n" + string.Join("\n", crashes));
            return diagnostics
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        public static ImmutableArray<Diagnostic> Analyze(string source, LanguageVersion version = LanguageVersion.CSharp9,
            NullableContextOptions nullable = NullableContextOptions.Disable, bool withSurface = true) =>
            Analyze(Compile(source, version, nullable), withSurface);

        /// <summary>Asserts the ids, in source order, of everything the analyzer reports.</summary>
        public static ImmutableArray<Diagnostic> AssertIds(string source, params string[] expectedIds) =>
            AssertIds(Analyze(source), expectedIds);

        public static ImmutableArray<Diagnostic> AssertIds(ImmutableArray<Diagnostic> diagnostics, params string[] expectedIds)
        {
            string actual = string.Join(", ", diagnostics.Select(d => d.Id));
            string expected = string.Join(", ", expectedIds);
            Assert.AreEqual(expected, actual, "Diagnostics:\n" + Describe(diagnostics));
            return diagnostics;
        }

        public static void AssertClean(string source) => AssertIds(source);

        /// <summary>Asserts one diagnostic with the id, whose message contains each fragment.</summary>
        public static Diagnostic AssertSingle(string source, string id, params string[] messageFragments)
        {
            Diagnostic diagnostic = AssertIds(source, id).Single();
            string message = diagnostic.GetMessage();
            foreach (string fragment in messageFragments)
            {
                StringAssert.Contains(message, fragment);
            }
            return diagnostic;
        }

        /// <summary>A class around statements, with the usings portable code has and a few handy parameters.</summary>
        public static string InMethod(string statements, string members = "") =>
            "using System;\nusing System.Collections;\n" +
            "class Snippet\n{\n" + members + "\n" +
            "    void Run(string a, string b, int n, object o, int[] numbers, ArrayList list, Hashtable table)\n    {\n" +
            statements + "\n    }\n}\n";

        public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan().StartLinePosition + " " + d.GetMessage()));
    }
}
