using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// Rules that the shape of the code alone decides: declarations of generics, tuples and anonymous
    /// types (NF1002), query syntax and 'using System.Linq' (NF1003), async/await (NF1004),
    /// multidimensional arrays (NF1006). C# features with a runtime cost live in <see cref="FeatureRules"/>.
    /// </summary>
    internal static class SyntaxRules
    {
        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeTypeParameters, SyntaxKind.TypeParameterList);
            context.RegisterSyntaxNodeAction(AnalyzeTuple, SyntaxKind.TupleType, SyntaxKind.TupleExpression);
            context.RegisterSyntaxNodeAction(AnalyzeAnonymousObject, SyntaxKind.AnonymousObjectCreationExpression);
            context.RegisterSyntaxNodeAction(AnalyzeQuery, SyntaxKind.QueryExpression);
            context.RegisterSyntaxNodeAction(AnalyzeUsingDirective, SyntaxKind.UsingDirective);
            context.RegisterSyntaxNodeAction(AnalyzeAsyncModifier,
                SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement, SyntaxKind.SimpleLambdaExpression,
                SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.AnonymousMethodExpression);
            context.RegisterSyntaxNodeAction(AnalyzeAwait,
                SyntaxKind.AwaitExpression, SyntaxKind.ForEachStatement, SyntaxKind.ForEachVariableStatement,
                SyntaxKind.UsingStatement, SyntaxKind.LocalDeclarationStatement);
            context.RegisterSyntaxNodeAction(AnalyzeArrayType, SyntaxKind.ArrayType);
            context.RegisterSyntaxNodeAction(AnalyzeImplicitArray, SyntaxKind.ImplicitArrayCreationExpression);
        }

        private static void AnalyzeTypeParameters(SyntaxNodeAnalysisContext context)
        {
            var list = (TypeParameterListSyntax)context.Node;
            string owner = DeclaredName(list.Parent);
            context.ReportDiagnostic(Diagnostic.Create(Rules.Generics, list.GetLocation(),
                owner + list.ToString(), "declares type parameters"));
        }

        private static void AnalyzeTuple(SyntaxNodeAnalysisContext context)
        {
            // A tuple nested in a tuple type is part of the outer one: one diagnostic for '(int, (int, int))'.
            if (context.Node.Parent is TupleElementSyntax || context.Node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax _ })
            {
                return;
            }
            context.ReportDiagnostic(Diagnostic.Create(Rules.Generics, context.Node.GetLocation(),
                Describe(context.Node), "is a tuple (System.ValueTuple)"));
        }

        private static void AnalyzeAnonymousObject(SyntaxNodeAnalysisContext context)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.Generics, context.Node.GetLocation(),
                Describe(context.Node), "is an anonymous type, which the compiler emits as a generic class"));
        }

        private static void AnalyzeQuery(SyntaxNodeAnalysisContext context)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.Linq, context.Node.GetLocation(), Describe(context.Node)));
        }

        private static void AnalyzeUsingDirective(SyntaxNodeAnalysisContext context)
        {
            // 'using static System.Linq.Enumerable' binds a type, which the name rule reports already.
            var directive = (UsingDirectiveSyntax)context.Node;
            if (directive.StaticKeyword.IsKind(SyntaxKind.None)
                && context.SemanticModel.GetSymbolInfo(directive.Name, context.CancellationToken).Symbol is INamespaceSymbol ns
                && SymbolRules.IsSystemLinq(ns))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.Linq, directive.GetLocation(), directive.ToString().Trim()));
            }
        }

        private static void AnalyzeAsyncModifier(SyntaxNodeAnalysisContext context)
        {
            SyntaxTokenList modifiers;
            switch (context.Node)
            {
                case MethodDeclarationSyntax method: modifiers = method.Modifiers; break;
                case LocalFunctionStatementSyntax function: modifiers = function.Modifiers; break;
                case AnonymousFunctionExpressionSyntax lambda: modifiers = lambda.Modifiers; break;
                default: return;
            }
            SyntaxToken asyncKeyword = modifiers.FirstOrDefault(token => token.IsKind(SyntaxKind.AsyncKeyword));
            if (!asyncKeyword.IsKind(SyntaxKind.None))
            {
                string subject = context.Node is AnonymousFunctionExpressionSyntax ? Describe(context.Node) : "async " + DeclaredName(context.Node);
                context.ReportDiagnostic(Diagnostic.Create(Rules.AsyncAwait, asyncKeyword.GetLocation(), subject));
            }
        }

        private static void AnalyzeAwait(SyntaxNodeAnalysisContext context)
        {
            SyntaxToken awaitKeyword;
            switch (context.Node)
            {
                case AwaitExpressionSyntax await:
                    context.ReportDiagnostic(Diagnostic.Create(Rules.AsyncAwait, await.GetLocation(), Describe(await)));
                    return;
                case CommonForEachStatementSyntax loop: awaitKeyword = loop.AwaitKeyword; break;
                case UsingStatementSyntax usingStatement: awaitKeyword = usingStatement.AwaitKeyword; break;
                case LocalDeclarationStatementSyntax declaration: awaitKeyword = declaration.AwaitKeyword; break;
                default: return;
            }
            if (!awaitKeyword.IsKind(SyntaxKind.None))
            {
                string construct = context.Node is CommonForEachStatementSyntax ? "await foreach" : "await using";
                context.ReportDiagnostic(Diagnostic.Create(Rules.AsyncAwait, awaitKeyword.GetLocation(), construct));
            }
        }

        private static void AnalyzeArrayType(SyntaxNodeAnalysisContext context)
        {
            var array = (ArrayTypeSyntax)context.Node;
            if (array.RankSpecifiers.Any(rank => rank.Rank > 1))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.MultidimensionalArray, array.GetLocation(), Describe(array)));
            }
        }

        private static void AnalyzeImplicitArray(SyntaxNodeAnalysisContext context)
        {
            var creation = (ImplicitArrayCreationExpressionSyntax)context.Node;
            if (creation.Commas.Count > 0)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.MultidimensionalArray, creation.GetLocation(), Describe(creation)));
            }
        }

        /// <summary>The name a declaration introduces, for messages ('Foo', 'Box', 'Reader.Read').</summary>
        public static string DeclaredName(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case BaseTypeDeclarationSyntax type: return type.Identifier.ValueText;
                case DelegateDeclarationSyntax @delegate: return @delegate.Identifier.ValueText;
                case MethodDeclarationSyntax method: return method.Identifier.ValueText;
                case LocalFunctionStatementSyntax function: return function.Identifier.ValueText;
                case PropertyDeclarationSyntax property: return property.Identifier.ValueText;
                case EventDeclarationSyntax @event: return @event.Identifier.ValueText;
                case IndexerDeclarationSyntax _: return "this[]";
                case OperatorDeclarationSyntax op: return "operator " + op.OperatorToken.ValueText;
                case ConversionOperatorDeclarationSyntax conversion: return "operator " + conversion.Type;
                case ConstructorDeclarationSyntax constructor: return constructor.Identifier.ValueText;
                case BaseFieldDeclarationSyntax field: return string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                case AccessorDeclarationSyntax accessor: return DeclaredName(accessor.Parent?.Parent) + "." + accessor.Keyword.ValueText;
                default: return declaration?.ToString() ?? string.Empty;
            }
        }

        /// <summary>Source text of a construct for a message: one line, at most 60 characters.</summary>
        public static string Describe(SyntaxNode node)
        {
            string text = string.Join(" ", node.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= 60 ? text : text.Substring(0, 59) + "…";
        }
    }
}
