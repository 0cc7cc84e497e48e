using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Diagnostics;

// The tests check the allow-list cache directly.
[assembly: InternalsVisibleTo("IotDevice.PortabilityAnalyzer.Tests")]

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// Turns code that nanoFramework 1.x cannot run into build errors in the host build of the portable
    /// projects (those with IotDevicePortable=true). The device build cannot run here, so this analyzer is
    /// the only thing between a host-green change and a device that fails to deploy. README.md lists the rules.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NanoFrameworkPortabilityAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Rules.SurfaceMissing,
            Rules.ApiNotOnDevice,
            Rules.Generics,
            Rules.Linq,
            Rules.AsyncAwait,
            Rules.Decimal,
            Rules.MultidimensionalArray,
            Rules.LanguageVersion,
            Rules.UnsupportedFeature,
            Rules.NeedsMissingAttribute,
            Rules.NullableAnnotations,
            Rules.AssemblyNotReferenced,
            Rules.NumericFormat,
            Rules.NulInString,
            Rules.SeededRandom,
            Rules.StringIndexer);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated files (AssemblyInfo, test entry points) differ between the host and the device build.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            AdditionalText surfaceFile = ApiSurface.FindFile(context.Options.AdditionalFiles);
            ApiSurface surface = surfaceFile == null ? null : ApiSurface.Load(surfaceFile, context.CancellationToken);

            // Without the list only NF1001 is blind; every other rule still runs.
            DeviceProjectReferences references = DeviceProjectReferences.Find(context.Options.AdditionalFiles, context.CancellationToken);
            ReferenceAnalysis.Register(context, new SymbolRules(context.Compilation, surface, references));
            SyntaxRules.Register(context);
            FeatureRules.Register(context);
            DeviceRuntimeRules.Register(context);
            bool surfaceMissing = surface == null;
            context.RegisterCompilationEndAction(end => ProjectRules.Report(end, surfaceMissing));
        }
    }
}
