using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// Rules about how the project compiles rather than what a line says: the allow-list is missing (NF1000),
    /// the language version is above C# 9 (NF1007), nullable annotations are enabled (NF1010). Checked once,
    /// at the end of the compilation, so a project setting yields one error instead of one per file.
    /// </summary>
    internal static class ProjectRules
    {
        public static void Report(CompilationAnalysisContext context, bool surfaceMissing)
        {
            Compilation compilation = context.Compilation;
            if (surfaceMissing)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.SurfaceMissing, Location.None));
            }

            ReportLanguageVersion(context, compilation);

            if (compilation.Options.NullableContextOptions != NullableContextOptions.Disable)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.NullableAnnotations, Location.None,
                    "The project setting <Nullable>" + compilation.Options.NullableContextOptions.ToString().ToLowerInvariant() + "</Nullable>"));
            }

            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                ReportNullableDirectives(context, tree);
            }
        }

        private static void ReportLanguageVersion(CompilationAnalysisContext context, Compilation compilation)
        {
            // Parse options are per file; in a real project they are all the same, so the first file over
            // C# 9 stands for the project.
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (tree.Options is CSharpParseOptions options && options.LanguageVersion > LanguageVersion.CSharp9)
                {
                    string file = string.IsNullOrEmpty(tree.FilePath) ? "(source)" : Path.GetFileName(tree.FilePath);
                    context.ReportDiagnostic(Diagnostic.Create(Rules.LanguageVersion, Location.None,
                        file, options.LanguageVersion.ToDisplayString()));
                    return;
                }
            }
        }

        private static void ReportNullableDirectives(CompilationAnalysisContext context, SyntaxTree tree)
        {
            SyntaxNode root = tree.GetRoot(context.CancellationToken);
            if (!root.ContainsDirectives)
            {
                return;
            }
            // '#nullable enable' and '#nullable enable annotations' emit the attributes; 'enable warnings' does not.
            for (DirectiveTriviaSyntax directive = ((CompilationUnitSyntax)root).GetFirstDirective(IsNullableDirective);
                 directive != null;
                 directive = directive.GetNextDirective(IsNullableDirective))
            {
                var nullable = (NullableDirectiveTriviaSyntax)directive;
                if (nullable.SettingToken.IsKind(SyntaxKind.EnableKeyword) && !nullable.TargetToken.IsKind(SyntaxKind.WarningsKeyword))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.NullableAnnotations, nullable.GetLocation(),
                        "'" + nullable.ToString().Trim() + "'"));
                }
            }
        }

        private static bool IsNullableDirective(DirectiveTriviaSyntax directive) => directive.IsKind(SyntaxKind.NullableDirectiveTrivia);
    }
}
