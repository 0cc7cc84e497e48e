using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// Tells which accessors a property, indexer or event reference runs, from the syntax around it:
    /// the list may hold a getter but not the setter, so 'x.P = 1' and 'y = x.P' are checked differently.
    /// </summary>
    internal static class AccessClassifier
    {
        /// <summary>
        /// <paramref name="node"/> is the bound name (or the element access); the expression that is read
        /// or assigned may be the member access around it.
        /// </summary>
        public static Access Classify(SyntaxNode node)
        {
            SyntaxNode expression = node;
            if (node.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Name == node)
            {
                expression = memberAccess;
            }
            else if (node.Parent is MemberBindingExpressionSyntax memberBinding && memberBinding.Name == node)
            {
                expression = memberBinding;
            }
            while (expression.Parent is ParenthesizedExpressionSyntax)
            {
                expression = expression.Parent;
            }

            switch (expression.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == expression:
                    return ClassifyAssignment(assignment);
                case PrefixUnaryExpressionSyntax prefix when IsIncrementOrDecrement(prefix.Kind()):
                    return Access.Read | Access.Write;
                case PostfixUnaryExpressionSyntax postfix when IsIncrementOrDecrement(postfix.Kind()):
                    return Access.Read | Access.Write;
                case NameEqualsSyntax _:
                    return Access.Write; // attribute argument [Attr(Property = value)]
                default:
                    return Access.Read;
            }
        }

        private static Access ClassifyAssignment(AssignmentExpressionSyntax assignment)
        {
            switch (assignment.Kind())
            {
                case SyntaxKind.SimpleAssignmentExpression:
                    // 'P = { ... }' in an object initializer reads P and fills the object it returns.
                    return assignment.Right is InitializerExpressionSyntax ? Access.Read : Access.Write;
                case SyntaxKind.AddAssignmentExpression:
                    return Access.Read | Access.Write | Access.EventAdd;
                case SyntaxKind.SubtractAssignmentExpression:
                    return Access.Read | Access.Write | Access.EventRemove;
                default:
                    return Access.Read | Access.Write;
            }
        }

        private static bool IsIncrementOrDecrement(SyntaxKind kind) =>
            kind == SyntaxKind.PreIncrementExpression || kind == SyntaxKind.PreDecrementExpression
            || kind == SyntaxKind.PostIncrementExpression || kind == SyntaxKind.PostDecrementExpression;
    }

    /// <summary>How an expression uses a property, indexer or event: which accessors run.</summary>
    [System.Flags]
    internal enum Access
    {
        Read = 1,
        Write = 2,
        EventAdd = 4,    // '+=': for an event, runs add_
        EventRemove = 8, // '-=': for an event, runs remove_
    }
}
