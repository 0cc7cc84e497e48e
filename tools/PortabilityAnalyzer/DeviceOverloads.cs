using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// The host's richer API can make the same source bind to an overload the device lacks, where the
    /// device compiler binds it to one it has: 'text.Split(',')' is Split(char, StringSplitOptions = None)
    /// here and Split(params char[]) there; 'string.Format(f, x, y)' is Format(string, object, object) here
    /// and Format(string, params object[]) there. Before such a call is reported, this asks whether a
    /// listed overload with the same return type accepts the same arguments (positional, named, optional
    /// and params); the return type must match so the call keeps its meaning in the surrounding expression.
    /// </summary>
    internal static class DeviceOverloads
    {
        public static bool HasApplicableListedOverload(IMethodSymbol method, INamedTypeSymbol receiver,
            SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, SymbolRules rules, CancellationToken cancellationToken)
        {
            foreach (IMethodSymbol candidate in Candidates(method))
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.ReturnType, method.ReturnType)
                    && rules.CheckMethod(candidate, receiver) == null
                    && (Accepts(candidate, arguments, model, expandParams: false, cancellationToken)
                        || (IsParams(candidate) && Accepts(candidate, arguments, model, expandParams: true, cancellationToken))))
                {
                    return true;
                }
            }
            return false;
        }

        private static IEnumerable<IMethodSymbol> Candidates(IMethodSymbol method)
        {
            bool isConstructor = method.MethodKind == MethodKind.Constructor; // constructors are not inherited
            for (INamedTypeSymbol type = method.ContainingType; type != null; type = isConstructor ? null : type.BaseType)
            {
                foreach (ISymbol member in type.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol candidate && !candidate.IsGenericMethod
                        && candidate.IsStatic == method.IsStatic && candidate.MethodKind == method.MethodKind
                        && !SymbolEqualityComparer.Default.Equals(candidate, method))
                    {
                        yield return candidate;
                    }
                }
            }
        }

        // Only 'params T[]': the device has no params collections (ReadOnlySpan<T>).
        private static bool IsParams(IMethodSymbol method) =>
            method.Parameters.Length > 0
            && method.Parameters[method.Parameters.Length - 1].IsParams
            && method.Parameters[method.Parameters.Length - 1].Type is IArrayTypeSymbol;

        private static bool Accepts(IMethodSymbol candidate, SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model,
            bool expandParams, CancellationToken cancellationToken)
        {
            ImmutableArray<IParameterSymbol> parameters = candidate.Parameters;
            int paramsIndex = expandParams ? parameters.Length - 1 : -1;
            var filled = new bool[parameters.Length];

            for (int i = 0; i < arguments.Count; i++)
            {
                ArgumentSyntax argument = arguments[i];
                IParameterSymbol parameter = null;
                if (argument.NameColon != null)
                {
                    string name = argument.NameColon.Name.Identifier.ValueText;
                    foreach (IParameterSymbol p in parameters)
                    {
                        parameter = p.Name == name ? p : parameter;
                    }
                    if (parameter == null || parameter.Ordinal == paramsIndex)
                    {
                        return false;
                    }
                }
                else if (paramsIndex >= 0 && i >= paramsIndex)
                {
                    parameter = parameters[paramsIndex];
                }
                else if (i < parameters.Length)
                {
                    parameter = parameters[i];
                }
                else
                {
                    return false; // more arguments than parameters
                }

                bool expanded = parameter.Ordinal == paramsIndex;
                if (filled[parameter.Ordinal] && !expanded)
                {
                    return false;
                }
                filled[parameter.Ordinal] = true;
                ITypeSymbol target = expanded ? ((IArrayTypeSymbol)parameter.Type).ElementType : parameter.Type;
                if (!Converts(argument, parameter, target, model, cancellationToken))
                {
                    return false;
                }
            }

            for (int p = 0; p < parameters.Length; p++)
            {
                if (!filled[p] && !parameters[p].IsOptional && p != paramsIndex)
                {
                    return false;
                }
            }
            return true;
        }

        private static bool Converts(ArgumentSyntax argument, IParameterSymbol parameter, ITypeSymbol target, SemanticModel model,
            CancellationToken cancellationToken)
        {
            RefKind passedAs = argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) ? RefKind.Ref
                : argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) ? RefKind.Out
                : argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword) ? RefKind.In
                : RefKind.None;
            if (passedAs != RefKind.None || parameter.RefKind == RefKind.Ref || parameter.RefKind == RefKind.Out)
            {
                // By-reference arguments bind only to their exact type.
                ITypeSymbol type = model.GetTypeInfo(argument.Expression, cancellationToken).Type;
                return passedAs == parameter.RefKind && SymbolEqualityComparer.Default.Equals(type, target);
            }
            Conversion conversion = model.ClassifyConversion(argument.Expression, target);
            return conversion.Exists && conversion.IsImplicit;
        }
    }
}
