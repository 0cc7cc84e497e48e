using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>What the syntax around a member reference says about the call: its receiver and its arguments.</summary>
    internal static class CallSyntax
    {
        /// <summary>
        /// The static type a member is reached through: 'x' of 'x.M', 'x?.M' and 'x[i]', the enclosing type
        /// for a simple name.
        /// </summary>
        public static INamedTypeSymbol ReceiverType(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            ExpressionSyntax receiver = null;
            if (node.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Name == node)
            {
                receiver = memberAccess.Expression;
            }
            else if (node is ElementAccessExpressionSyntax elementAccess)
            {
                receiver = elementAccess.Expression;
            }
            else if (node.Parent is MemberBindingExpressionSyntax || node is ElementBindingExpressionSyntax)
            {
                // 'x?.M()' / 'x?[i]': the receiver is the expression of the conditional access whose
                // WhenNotNull part holds the binding ('.M()' may be nested in an invocation).
                foreach (ConditionalAccessExpressionSyntax conditional in node.Ancestors().OfType<ConditionalAccessExpressionSyntax>())
                {
                    if (conditional.WhenNotNull.Span.Contains(node.Span))
                    {
                        receiver = conditional.Expression;
                        break;
                    }
                }
            }
            if (receiver != null)
            {
                return model.GetTypeInfo(receiver, cancellationToken).Type as INamedTypeSymbol;
            }
            return node is SimpleNameSyntax ? model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType : null;
        }

        /// <summary>The argument list when <paramref name="name"/> is the method an invocation calls.</summary>
        public static ArgumentListSyntax InvocationArguments(SyntaxNode name)
        {
            SyntaxNode callee = name;
            if (name.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Name == name)
            {
                callee = memberAccess;
            }
            else if (name.Parent is MemberBindingExpressionSyntax memberBinding && memberBinding.Name == name)
            {
                callee = memberBinding;
            }
            return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation.ArgumentList : null;
        }
    }
}
