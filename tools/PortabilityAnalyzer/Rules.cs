using Microsoft.CodeAnalysis;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// The diagnostics of the portability analyzer. Every rule is an error: the host build must fail on
    /// code that the nanoFramework 1.x runtime cannot run, because nothing else here would notice.
    /// The ids are stable (README.md documents them); never renumber a shipped rule.
    /// </summary>
    // RS2008 (release-tracking files): README.md is this analyzer's record of its rules.
#pragma warning disable RS2008
    internal static class Rules
    {
        private const string Category = "Portability";

        public const string SurfaceFileName = "nanoframework-api-surface.txt";

        public static readonly DiagnosticDescriptor SurfaceMissing = Create(
            "NF1000",
            "nanoFramework API allow-list missing",
            "The nanoFramework API allow-list '" + SurfaceFileName + "' is not among the AdditionalFiles, so API references " +
            "cannot be checked; add <AdditionalFiles Include=\"…/" + SurfaceFileName + "\" /> to the project",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor ApiNotOnDevice = Create(
            "NF1001",
            "API does not exist on nanoFramework 1.x",
            "'{0}' is not part of the nanoFramework 1.x API, so it does not exist on the device ({1})");

        public static readonly DiagnosticDescriptor Generics = Create(
            "NF1002",
            "Generics are not supported by nanoFramework 1.x",
            "'{0}' {1}; the nanoFramework 1.x runtime does not support generics (use ArrayList, Hashtable, object and non-generic delegates)");

        public static readonly DiagnosticDescriptor Linq = Create(
            "NF1003",
            "LINQ does not exist on nanoFramework 1.x",
            "'{0}' uses LINQ; System.Linq does not exist on nanoFramework 1.x (it is built on generics), write the loop instead");

        public static readonly DiagnosticDescriptor AsyncAwait = Create(
            "NF1004",
            "async/await is not supported by nanoFramework 1.x",
            "'{0}' uses async/await; nanoFramework 1.x has no Task-based asynchrony (use a Thread, a Timer or a callback)");

        public static readonly DiagnosticDescriptor Decimal = Create(
            "NF1005",
            "System.Decimal is not supported by nanoFramework 1.x",
            "'{0}' uses System.Decimal, which the nanoFramework 1.x runtime does not implement; use double, or an integer in fixed units");

        public static readonly DiagnosticDescriptor MultidimensionalArray = Create(
            "NF1006",
            "Multidimensional arrays are not supported by nanoFramework 1.x",
            "'{0}' is a multidimensional array, which the nanoFramework 1.x runtime does not support; use a jagged array (T[][]) or a flat array with a computed index");

        public static readonly DiagnosticDescriptor LanguageVersion = Create(
            "NF1007",
            "C# language version above 9",
            "'{0}' is parsed as C# {1}; nanoFramework 1.x code must compile as C# 9 (set <LangVersion>9.0</LangVersion>)",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor UnsupportedFeature = Create(
            "NF1008",
            "C# feature the nanoFramework 1.x runtime cannot run",
            "{0} is not supported on nanoFramework 1.x: {1}");

        public static readonly DiagnosticDescriptor NeedsMissingAttribute = Create(
            "NF1009",
            "C# feature that needs a compiler attribute mscorlib 1.x lacks",
            "{0} makes the compiler emit '{1}', which nanoFramework 1.x's mscorlib does not declare; {2}");

        public static readonly DiagnosticDescriptor NullableAnnotations = Create(
            "NF1010",
            "Nullable reference annotations are enabled",
            "{0} enables nullable reference annotations; the compiler then emits NullableAttribute and NullableContextAttribute, " +
            "which nanoFramework 1.x's mscorlib does not declare (keep <Nullable>disable</Nullable> and no '#nullable enable')",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor AssemblyNotReferenced = Create(
            "NF1011",
            "Member from an assembly the device project does not reference",
            "'{0}' lives in the nanoFramework assembly {1}, which {2} does not reference; add its package to packages.config and a <Reference> to the .nfproj");

        public static readonly DiagnosticDescriptor NumericFormat = Create(
            "NF1012",
            "Numeric format the device runtime gets wrong or lacks",
            "'{0}' formats a number with \"{1}\", {2}");

        public static readonly DiagnosticDescriptor NulInString = Create(
            "NF1013",
            "U+0000 inside a string",
            "{0} holds U+0000; a nanoFramework string ends at its first NUL, so on the device everything from there on is lost (keep such data in a byte[])");

        public static readonly DiagnosticDescriptor SeededRandom = Create(
            "NF1014",
            "Seeded System.Random",
            "'{0}' seeds System.Random, but on the device every Random instance shares one generator, so the seed does not repeat a sequence; use a generator of your own when the sequence must be repeatable, or new Random() when it need not be");

        public static readonly DiagnosticDescriptor StringIndexer = Create(
            "NF1015",
            "String indexed by position",
            "'{0}' indexes a string; on the device the indexer returns the high surrogate for both halves of a pair, mangling text above U+FFFF. Use ToCharArray() or Encoding.UTF8, or, where only ASCII matters, '#pragma warning disable NF1015' with the reason");

        private static DiagnosticDescriptor Create(string id, string title, string message, params string[] extraTags)
        {
            // Deliberately configurable: a reviewed false positive can be silenced with #pragma plus a reason.
            return new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error,
                isEnabledByDefault: true, customTags: extraTags);
        }
    }
#pragma warning restore RS2008
}
