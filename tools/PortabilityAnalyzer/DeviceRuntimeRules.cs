using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// Code that compiles for the device and runs there, but behaves differently from .NET, as measured on
    /// the nanoCLR: numeric formats it gets wrong or lacks (NF1012), strings that hold U+0000 (NF1013),
    /// seeded Random (NF1014) and the string indexer on text that may hold surrogate pairs (NF1015).
    /// </summary>
    internal static class DeviceRuntimeRules
    {
        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeInvocation, SyntaxKind.InvocationExpression);
            context.RegisterSyntaxNodeAction(AnalyzeInterpolation, SyntaxKind.Interpolation);
            context.RegisterSyntaxNodeAction(AnalyzeStringLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.InterpolatedStringText);
            context.RegisterSyntaxNodeAction(AnalyzeCreation, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            context.RegisterSyntaxNodeAction(AnalyzeElementAccess, SyntaxKind.ElementAccessExpression);
        }

        // NF1012: number.ToString("…") with a constant format.
        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (!(invocation.Expression is MemberAccessExpressionSyntax access) || access.Name.Identifier.ValueText != "ToString"
                || invocation.ArgumentList.Arguments.Count == 0)
            {
                return;
            }
            ITypeSymbol receiver = context.SemanticModel.GetTypeInfo(access.Expression, context.CancellationToken).Type;
            Optional<object> format = context.SemanticModel.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, context.CancellationToken);
            if (receiver != null && format.HasValue && format.Value is string text)
            {
                string why = FormatProblem(receiver.SpecialType, text);
                if (why != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rules.NumericFormat, invocation.GetLocation(), invocation.ToString(), text, why));
                }
            }
        }

        // NF1012: $"{value:format}".
        private static void AnalyzeInterpolation(SyntaxNodeAnalysisContext context)
        {
            var interpolation = (InterpolationSyntax)context.Node;
            if (interpolation.FormatClause == null)
            {
                return;
            }
            ITypeSymbol type = context.SemanticModel.GetTypeInfo(interpolation.Expression, context.CancellationToken).Type;
            string text = interpolation.FormatClause.FormatStringToken.ValueText;
            string why = type == null ? null : FormatProblem(type.SpecialType, text);
            if (why != null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.NumericFormat, interpolation.GetLocation(), interpolation.ToString(), text, why));
            }
        }

        /// <summary>Why the device cannot be trusted with this format for this type; null when it can.</summary>
        internal static string FormatProblem(SpecialType type, string format)
        {
            bool floating = type == SpecialType.System_Double || type == SpecialType.System_Single;
            bool integral = type >= SpecialType.System_SByte && type <= SpecialType.System_UInt64;
            if (!floating && !integral || string.IsNullOrEmpty(format))
            {
                return null;
            }
            char letter = char.ToUpperInvariant(format[0]);
            bool digitsOnly = true;
            for (int i = 1; i < format.Length; i++)
            {
                digitsOnly &= format[i] >= '0' && format[i] <= '9';
            }
            if (!digitsOnly || format.Length > 3 || "DFGNX".IndexOf(letter) < 0)
            {
                return letter == 'R'
                    ? "which the device does not round-trip (it prints the broken \"G17\" text)"
                    : "which is not one of the standard formats the device has (D, F, G, N, X with an optional precision)";
            }
            if (floating && letter == 'G' && format.Length > 1)
            {
                return "and the device's \"G\" with a precision writes exponent forms with two dots (6..02214076E+23) that no parser reads back";
            }
            return null;
        }

        // NF1013: a literal with U+0000 in it.
        private static void AnalyzeStringLiteral(SyntaxNodeAnalysisContext context)
        {
            string value = context.Node is LiteralExpressionSyntax literal
                ? literal.Token.ValueText
                : ((InterpolatedStringTextSyntax)context.Node).TextToken.ValueText;
            if (value.IndexOf('\0') >= 0)
            {
                string shown = context.Node.ToString();
                context.ReportDiagnostic(Diagnostic.Create(Rules.NulInString, context.Node.GetLocation(),
                    "The string " + (shown.Length > 40 ? shown.Substring(0, 37) + "..." : shown)));
            }
        }

        // NF1014: new Random(seed).
        private static void AnalyzeCreation(SyntaxNodeAnalysisContext context)
        {
            var creation = (BaseObjectCreationExpressionSyntax)context.Node;
            if (creation.ArgumentList == null || creation.ArgumentList.Arguments.Count == 0)
            {
                return;
            }
            if (context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type is INamedTypeSymbol type
                && type.Name == "Random" && type.ContainingNamespace?.ToDisplayString() == "System")
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.SeededRandom, creation.GetLocation(), creation.ToString()));
            }
        }

        // NF1015: text[i].
        private static void AnalyzeElementAccess(SyntaxNodeAnalysisContext context)
        {
            var access = (ElementAccessExpressionSyntax)context.Node;
            ITypeSymbol type = context.SemanticModel.GetTypeInfo(access.Expression, context.CancellationToken).Type;
            if (type != null && type.SpecialType == SpecialType.System_String)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.StringIndexer, access.GetLocation(), access.ToString()));
            }
        }
    }
}
