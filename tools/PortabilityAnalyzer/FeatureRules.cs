using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// C# 9 features that compile for the device but cannot run there (NF1008), or that make the compiler
    /// emit attributes nanoFramework's mscorlib does not declare (NF1009). 'dynamic' is a type, so
    /// <see cref="SymbolRules"/> reports it.
    /// </summary>
    internal static class FeatureRules
    {
        private const string IsReadOnlyAttribute = "System.Runtime.CompilerServices.IsReadOnlyAttribute";

        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeRecord, SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);
            context.RegisterSyntaxNodeAction(AnalyzeInitAccessor, SyntaxKind.InitAccessorDeclaration);
            context.RegisterSyntaxNodeAction(AnalyzeYield, SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement);
            context.RegisterSyntaxNodeAction(AnalyzeInterface, SyntaxKind.InterfaceDeclaration);
            context.RegisterSyntaxNodeAction(AnalyzeStackAlloc,
                SyntaxKind.StackAllocArrayCreationExpression, SyntaxKind.ImplicitStackAllocArrayCreationExpression);
            context.RegisterSyntaxNodeAction(AnalyzeFunctionPointer, SyntaxKind.FunctionPointerType);
            context.RegisterSyntaxNodeAction(AnalyzeStruct, SyntaxKind.StructDeclaration);
            context.RegisterSyntaxNodeAction(AnalyzeReadOnlyMember,
                SyntaxKind.MethodDeclaration, SyntaxKind.PropertyDeclaration, SyntaxKind.IndexerDeclaration,
                SyntaxKind.GetAccessorDeclaration, SyntaxKind.SetAccessorDeclaration);
            context.RegisterSyntaxNodeAction(AnalyzeInParameter, SyntaxKind.Parameter);
            context.RegisterSyntaxNodeAction(AnalyzeRefReadOnly, SyntaxKind.RefType);
        }

        private static void AnalyzeRecord(SyntaxNodeAnalysisContext context)
        {
            var record = (RecordDeclarationSyntax)context.Node;
            Report(context, Rules.UnsupportedFeature, record.Identifier.GetLocation(),
                "Record '" + record.Identifier.ValueText + "'",
                "the compiler implements records with IEquatable<T>, EqualityComparer<T> and init-only setters; write a class or struct");
        }

        private static void AnalyzeInitAccessor(SyntaxNodeAnalysisContext context)
        {
            var accessor = (AccessorDeclarationSyntax)context.Node;
            Report(context, Rules.UnsupportedFeature, accessor.Keyword.GetLocation(),
                "The init accessor of '" + SyntaxRules.DeclaredName(accessor.Parent?.Parent) + "'",
                "the setter is emitted with a required modifier (modreq IsExternalInit) the runtime does not support; use a constructor parameter or a set accessor");
        }

        private static void AnalyzeYield(SyntaxNodeAnalysisContext context)
        {
            // One diagnostic per iterator, at its name, from the first 'yield' in its body.
            SyntaxNode function = context.Node.Ancestors().FirstOrDefault(IsFunction);
            if (function == null)
            {
                return;
            }
            YieldStatementSyntax first = function
                .DescendantNodes(node => node == function || (!IsFunction(node) && !(node is AnonymousFunctionExpressionSyntax)))
                .OfType<YieldStatementSyntax>()
                .FirstOrDefault();
            if (first != context.Node)
            {
                return;
            }
            Report(context, Rules.UnsupportedFeature, NameLocation(function),
                "Iterator '" + SyntaxRules.DeclaredName(function) + "'",
                "the compiler builds iterators on IEnumerable<T>/IEnumerator<T>, which need generics; return an array or ArrayList, or write an IEnumerator class");
        }

        private static void AnalyzeInterface(SyntaxNodeAnalysisContext context)
        {
            var declaration = (InterfaceDeclarationSyntax)context.Node;
            foreach (MemberDeclarationSyntax member in declaration.Members)
            {
                if (!(member is BaseTypeDeclarationSyntax) && (HasBody(member) || member.Modifiers.Any(SyntaxKind.StaticKeyword)))
                {
                    Report(context, Rules.UnsupportedFeature, NameLocation(member),
                        "Interface member '" + declaration.Identifier.ValueText + "." + SyntaxRules.DeclaredName(member) + "'",
                        "default implementations and static members in interfaces need runtime support 1.x lacks; move the code to a class");
                }
            }
        }

        private static void AnalyzeStackAlloc(SyntaxNodeAnalysisContext context)
        {
            Report(context, Rules.UnsupportedFeature, context.Node.GetLocation(), "'" + SyntaxRules.Describe(context.Node) + "'",
                "stackalloc needs Span<T> or unsafe pointers; allocate an array");
        }

        private static void AnalyzeFunctionPointer(SyntaxNodeAnalysisContext context)
        {
            Report(context, Rules.UnsupportedFeature, context.Node.GetLocation(), "Function pointer type '" + SyntaxRules.Describe(context.Node) + "'",
                "the runtime cannot call through function pointers; use a delegate");
        }

        private static void AnalyzeStruct(SyntaxNodeAnalysisContext context)
        {
            var declaration = (StructDeclarationSyntax)context.Node;
            string name = declaration.Identifier.ValueText;
            foreach (SyntaxToken modifier in declaration.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.ReadOnlyKeyword))
                {
                    Report(context, Rules.NeedsMissingAttribute, modifier.GetLocation(), "'readonly struct " + name + "'",
                        IsReadOnlyAttribute, "drop 'readonly' from the struct and keep its fields readonly");
                }
                else if (modifier.IsKind(SyntaxKind.RefKeyword))
                {
                    Report(context, Rules.NeedsMissingAttribute, modifier.GetLocation(), "'ref struct " + name + "'",
                        "System.Runtime.CompilerServices.IsByRefLikeAttribute", "use a plain struct");
                }
            }
        }

        private static void AnalyzeReadOnlyMember(SyntaxNodeAnalysisContext context)
        {
            // 'readonly' on a struct member (C# 8); 'readonly' on a field is fine and is not a member kind here.
            SyntaxTokenList modifiers = context.Node is MemberDeclarationSyntax member ? member.Modifiers : ((AccessorDeclarationSyntax)context.Node).Modifiers;
            SyntaxToken readOnly = modifiers.FirstOrDefault(token => token.IsKind(SyntaxKind.ReadOnlyKeyword));
            if (!readOnly.IsKind(SyntaxKind.None))
            {
                Report(context, Rules.NeedsMissingAttribute, readOnly.GetLocation(),
                    "The readonly member '" + SyntaxRules.DeclaredName(context.Node) + "'", IsReadOnlyAttribute, "drop the 'readonly' modifier");
            }
        }

        private static void AnalyzeInParameter(SyntaxNodeAnalysisContext context)
        {
            var parameter = (ParameterSyntax)context.Node;
            SyntaxToken inKeyword = parameter.Modifiers.FirstOrDefault(token => token.IsKind(SyntaxKind.InKeyword));
            if (!inKeyword.IsKind(SyntaxKind.None))
            {
                Report(context, Rules.NeedsMissingAttribute, inKeyword.GetLocation(),
                    "The 'in' parameter '" + parameter.Identifier.ValueText + "'", IsReadOnlyAttribute, "pass it by value or by ref");
            }
        }

        private static void AnalyzeRefReadOnly(SyntaxNodeAnalysisContext context)
        {
            var refType = (RefTypeSyntax)context.Node;
            if (!refType.ReadOnlyKeyword.IsKind(SyntaxKind.None))
            {
                Report(context, Rules.NeedsMissingAttribute, refType.GetLocation(),
                    "'" + SyntaxRules.Describe(refType) + "'", IsReadOnlyAttribute, "return by value or by plain ref");
            }
        }

        private static bool IsFunction(SyntaxNode node) =>
            node is BaseMethodDeclarationSyntax || node is AccessorDeclarationSyntax || node is LocalFunctionStatementSyntax;

        private static bool HasBody(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    return method.Body != null || method.ExpressionBody != null;
                case PropertyDeclarationSyntax property when property.ExpressionBody != null:
                    return true;
                case IndexerDeclarationSyntax indexer when indexer.ExpressionBody != null:
                    return true;
                case BasePropertyDeclarationSyntax withAccessors:
                    return withAccessors.AccessorList != null
                        && withAccessors.AccessorList.Accessors.Any(a => a.Body != null || a.ExpressionBody != null);
                case FieldDeclarationSyntax _:
                    return true; // only static fields are legal in an interface ('event E X;' is an EventFieldDeclaration)
                default:
                    return false;
            }
        }

        private static Location NameLocation(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case MethodDeclarationSyntax method: return method.Identifier.GetLocation();
                case LocalFunctionStatementSyntax function: return function.Identifier.GetLocation();
                case PropertyDeclarationSyntax property: return property.Identifier.GetLocation();
                case EventDeclarationSyntax @event: return @event.Identifier.GetLocation();
                case AccessorDeclarationSyntax accessor: return accessor.Keyword.GetLocation();
                default: return declaration.GetLocation();
            }
        }

        private static void Report(SyntaxNodeAnalysisContext context, DiagnosticDescriptor rule, Location location, params object[] arguments)
        {
            context.ReportDiagnostic(Diagnostic.Create(rule, location, arguments));
        }
    }
}
