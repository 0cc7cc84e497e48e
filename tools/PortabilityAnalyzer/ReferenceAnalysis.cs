using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// Finds every symbol the source names or binds directly and hands it to <see cref="SymbolRules"/>.
    /// Names are visited one syntax node at a time, so each node yields at most one diagnostic; members
    /// that no name spells (constructors, indexers, foreach's enumerator, user-defined operators,
    /// collection-initializer Add) are taken from the node that binds them. Compiler lowerings the source
    /// does not name (string interpolation, lock, using, string concatenation) are left alone: the device
    /// compiler binds them to what exists there.
    /// </summary>
    internal sealed class ReferenceAnalysis
    {
        private readonly SymbolRules _rules;

        private ReferenceAnalysis(SymbolRules rules)
        {
            _rules = rules;
        }

        public static void Register(CompilationStartAnalysisContext context, SymbolRules rules)
        {
            var analysis = new ReferenceAnalysis(rules);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeName,
                SyntaxKind.IdentifierName, SyntaxKind.GenericName, SyntaxKind.PredefinedType, SyntaxKind.NullableType);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeObjectCreation,
                SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeElementAccess,
                SyntaxKind.ElementAccessExpression, SyntaxKind.ElementBindingExpression, SyntaxKind.ImplicitElementAccess);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeDelegateInvocation, SyntaxKind.InvocationExpression);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeForEach,
                SyntaxKind.ForEachStatement, SyntaxKind.ForEachVariableStatement);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeBaseConstructorCall, SyntaxKind.BaseConstructorInitializer);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeCollectionInitializer, SyntaxKind.CollectionInitializerExpression);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeDecimalLiteral, SyntaxKind.NumericLiteralExpression);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeExpressionType, SyntaxKind.RangeExpression, SyntaxKind.IndexExpression);
            context.RegisterSyntaxNodeAction(analysis.AnalyzeConditionalAccess, SyntaxKind.ConditionalAccessExpression);
            context.RegisterOperationAction(analysis.AnalyzeOperator,
                OperationKind.Binary, OperationKind.Unary, OperationKind.CompoundAssignment,
                OperationKind.Increment, OperationKind.Decrement, OperationKind.Conversion);
            OverrideAnalysis.Register(context, rules);
        }

        private void AnalyzeName(SyntaxNodeAnalysisContext context)
        {
            SyntaxNode node = context.Node;
            if (node.IsPartOfStructuredTrivia() // cref in doc comments, #if symbols: nothing runs
                || (node is TypeSyntax type && type.IsVar) // 'var' stands for a type the initializer already names
                || node.Parent is NameEqualsSyntax { Parent: AnonymousObjectMemberDeclaratorSyntax _ })
            {
                return;
            }

            ISymbol symbol = context.SemanticModel.GetSymbolInfo(node, context.CancellationToken).Symbol;
            if (node is NullableTypeSyntax)
            {
                // 'int?' is Nullable<int>; 'string?' is only an annotation (NF1010's business) and its
                // element type is checked by its own node.
                if (!(symbol is INamedTypeSymbol named) || named.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
                {
                    return;
                }
            }

            Finding finding;
            if (symbol is IMethodSymbol method && method.MethodKind == MethodKind.Constructor)
            {
                finding = CheckConstructor(method, typeReportedElsewhere: false); // an attribute name binds its constructor
            }
            else if (symbol is ITypeSymbol)
            {
                finding = _rules.CheckType((ITypeSymbol)symbol);
            }
            else if (symbol != null)
            {
                finding = CheckMember(context, symbol, AccessClassifier.Classify(node), node, out INamedTypeSymbol receiver);
                if (symbol is IMethodSymbol called && CallSyntax.InvocationArguments(node) is ArgumentListSyntax arguments)
                {
                    finding = ExcuseDeviceOverload(finding, called, receiver, arguments.Arguments, context);
                }
            }
            else
            {
                return; // unbound: a compile error, or nameof of a method group
            }
            Report(context, finding, node.GetLocation());
        }

        private void AnalyzeObjectCreation(SyntaxNodeAnalysisContext context)
        {
            var creation = (BaseObjectCreationExpressionSyntax)context.Node;
            if (!(context.SemanticModel.GetSymbolInfo(creation, context.CancellationToken).Symbol is IMethodSymbol constructor))
            {
                return;
            }

            // 'new T(...)' names T, which its own node checks; target-typed 'new(...)' names nothing.
            SyntaxNode end = creation is ObjectCreationExpressionSyntax explicitCreation
                ? (SyntaxNode)explicitCreation.Type
                : creation.ArgumentList;
            Finding finding = CheckConstructor(constructor, typeReportedElsewhere: creation is ObjectCreationExpressionSyntax);
            finding = ExcuseDeviceOverload(finding, constructor, null, creation.ArgumentList?.Arguments ?? default, context);
            Location location = end == null
                ? creation.GetLocation()
                : Location.Create(creation.SyntaxTree, TextSpan.FromBounds(creation.SpanStart, end.Span.End));
            Report(context, finding, location);
        }

        private void AnalyzeElementAccess(SyntaxNodeAnalysisContext context)
        {
            // Arrays bind no symbol; indexers bind the property ('this[int]' is 'Item', 'string[int]' is 'Chars').
            if (context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol is IPropertySymbol indexer)
            {
                Report(context, CheckMember(context, indexer, AccessClassifier.Classify(context.Node), context.Node, out _), context.Node.GetLocation());
            }
        }

        private void AnalyzeDelegateInvocation(SyntaxNodeAnalysisContext context)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            SemanticModel model = context.SemanticModel;
            if (model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol invoke
                && invoke.MethodKind == MethodKind.DelegateInvoke
                && !(model.GetSymbolInfo(invocation.Expression, context.CancellationToken).Symbol is IMethodSymbol))
            {
                // 'handler(args)': only the delegate's type matters. ('handler.Invoke(args)' is a name, seen above.)
                Report(context, _rules.CheckType(invoke.ContainingType), invocation.Expression.GetLocation());
            }
        }

        private void AnalyzeForEach(SyntaxNodeAnalysisContext context)
        {
            var loop = (CommonForEachStatementSyntax)context.Node;
            SemanticModel model = context.SemanticModel;
            ITypeSymbol collection = model.GetTypeInfo(loop.Expression, context.CancellationToken).Type;
            if (collection == null || collection.SpecialType == SpecialType.System_String)
            {
                return; // a string is walked with Length and the indexer, never an enumerator
            }

            ForEachStatementInfo info = model.GetForEachStatementInfo(loop);
            Finding finding = null;
            if (info.GetEnumeratorMethod != null)
            {
                finding = _rules.CheckMethod(info.GetEnumeratorMethod);
            }
            if (finding == null && info.MoveNextMethod != null)
            {
                finding = _rules.CheckMethod(info.MoveNextMethod);
            }
            if (finding == null && info.CurrentProperty != null)
            {
                finding = _rules.CheckProperty(info.CurrentProperty, Access.Read);
            }
            Location header = Location.Create(loop.SyntaxTree, TextSpan.FromBounds(loop.ForEachKeyword.SpanStart, loop.CloseParenToken.Span.End));
            Report(context, finding, header);
        }

        private void AnalyzeBaseConstructorCall(SyntaxNodeAnalysisContext context)
        {
            // ': base(...)' calls a constructor of the base type the class declaration names.
            var initializer = (ConstructorInitializerSyntax)context.Node;
            if (context.SemanticModel.GetSymbolInfo(initializer, context.CancellationToken).Symbol is IMethodSymbol constructor)
            {
                Finding finding = CheckConstructor(constructor, typeReportedElsewhere: true);
                Report(context, ExcuseDeviceOverload(finding, constructor, null, initializer.ArgumentList.Arguments, context), initializer.GetLocation());
            }
        }

        private void AnalyzeCollectionInitializer(SyntaxNodeAnalysisContext context)
        {
            // 'new ArrayList { a, b }' calls Add for each element though no 'Add' is written.
            foreach (ExpressionSyntax element in ((InitializerExpressionSyntax)context.Node).Expressions)
            {
                ISymbol add = context.SemanticModel.GetCollectionInitializerSymbolInfo(element, context.CancellationToken).Symbol;
                if (add is IMethodSymbol method)
                {
                    Report(context, _rules.CheckMethod(method), element.GetLocation());
                }
            }
        }

        private void AnalyzeDecimalLiteral(SyntaxNodeAnalysisContext context)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            if (literal.Token.Value is decimal)
            {
                Report(context, new Finding(Rules.Decimal, literal.Token.Text), literal.GetLocation());
            }
        }

        private void AnalyzeExpressionType(SyntaxNodeAnalysisContext context)
        {
            // 'a..b' and '^i' build System.Range / System.Index, which no name in the source spells.
            ITypeSymbol type = context.SemanticModel.GetTypeInfo(context.Node, context.CancellationToken).Type;
            if (type != null)
            {
                Report(context, _rules.CheckType(type), context.Node.GetLocation());
            }
        }

        private void AnalyzeConditionalAccess(SyntaxNodeAnalysisContext context)
        {
            // 's?.Length' is an 'int?' though no 'int?' is written: Nullable<int>, a generic, once the value
            // is used ('if (s?.Length > 0)', 'var n = s?.Length'). A discarded 'x?.M()' needs no Nullable.
            if (context.Node.Parent is ExpressionStatementSyntax)
            {
                return;
            }
            ITypeSymbol type = context.SemanticModel.GetTypeInfo(context.Node, context.CancellationToken).Type;
            if (type != null && type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                Report(context, _rules.CheckType(type), context.Node.GetLocation());
            }
        }

        private void AnalyzeOperator(OperationAnalysisContext context)
        {
            // Built-in operators have no OperatorMethod; user-defined ones ('op_Equality', 'op_Implicit') do.
            IMethodSymbol method;
            switch (context.Operation)
            {
                case IBinaryOperation binary: method = binary.OperatorMethod; break;
                case IUnaryOperation unary: method = unary.OperatorMethod; break;
                case ICompoundAssignmentOperation compound: method = compound.OperatorMethod; break;
                case IIncrementOrDecrementOperation step: method = step.OperatorMethod; break;
                case IConversionOperation conversion: method = conversion.OperatorMethod; break;
                default: return;
            }
            if (method != null)
            {
                Finding finding = _rules.CheckMethod(method);
                if (finding != null)
                {
                    context.ReportDiagnostic(finding.At(context.Operation.Syntax.GetLocation()));
                }
            }
        }

        private Finding CheckConstructor(IMethodSymbol constructor, bool typeReportedElsewhere)
        {
            // A type that is itself unusable is one finding, not two: the type, where it is named.
            Finding typeFinding = _rules.CheckType(constructor.ContainingType);
            if (typeFinding != null)
            {
                return typeReportedElsewhere ? null : typeFinding;
            }
            if (constructor.ContainingType.TypeKind == TypeKind.Delegate)
            {
                return null; // 'new EventHandler(M)': the runtime makes every delegate type's constructor
            }
            return _rules.CheckMethod(constructor);
        }

        // A member that is not listed where .NET declares it may be listed on the type it is reached through;
        // the receiver's type costs a lookup, so it is only worked out for a member that failed without it.
        private Finding CheckMember(SyntaxNodeAnalysisContext context, ISymbol member, Access access, SyntaxNode node, out INamedTypeSymbol receiver)
        {
            receiver = null;
            Finding finding = _rules.Check(member, access);
            if (finding != null && finding.Rule == Rules.ApiNotOnDevice)
            {
                receiver = CallSyntax.ReceiverType(node, context.SemanticModel, context.CancellationToken);
                finding = receiver == null ? finding : _rules.Check(member, access, receiver);
            }
            return finding;
        }

        // See DeviceOverloads: an unlisted overload is no finding when the device compiler would bind the
        // same arguments to a listed one. Extension calls are left out (their receiver is no argument here).
        private Finding ExcuseDeviceOverload(Finding finding, IMethodSymbol method, INamedTypeSymbol receiver,
            SeparatedSyntaxList<ArgumentSyntax> arguments, SyntaxNodeAnalysisContext context)
        {
            if (finding != null && finding.Rule == Rules.ApiNotOnDevice && method.ReducedFrom == null
                && DeviceOverloads.HasApplicableListedOverload(method, receiver, arguments, context.SemanticModel, _rules, context.CancellationToken))
            {
                return null;
            }
            return finding;
        }

        private static void Report(SyntaxNodeAnalysisContext context, Finding finding, Location location)
        {
            if (finding != null)
            {
                context.ReportDiagnostic(finding.At(location));
            }
        }
    }
}
