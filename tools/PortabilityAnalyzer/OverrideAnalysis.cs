using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// An 'override' in our code of a member the device's base class lacks would not compile there, though
    /// no reference to the base member appears in the source.
    /// </summary>
    internal sealed class OverrideAnalysis
    {
        private readonly SymbolRules _rules;

        private OverrideAnalysis(SymbolRules rules)
        {
            _rules = rules;
        }

        public static void Register(CompilationStartAnalysisContext context, SymbolRules rules)
        {
            context.RegisterSymbolAction(new OverrideAnalysis(rules).Analyze, SymbolKind.Method, SymbolKind.Property, SymbolKind.Event);
        }

        private void Analyze(SymbolAnalysisContext context)
        {
            // Only NF1001 is reported here: generics, LINQ and decimal are reported where the base type is named.
            ISymbol symbol = context.Symbol;
            if (!symbol.IsOverride || symbol.IsImplicitlyDeclared || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource
                || (symbol is IMethodSymbol method && method.MethodKind != MethodKind.Ordinary))
            {
                return;
            }

            ISymbol overridden = Overridden(symbol);
            while (overridden != null && _rules.IsOurs(overridden))
            {
                overridden = Overridden(overridden);
            }
            if (overridden == null)
            {
                return;
            }

            Access access = Access.EventAdd | Access.EventRemove;
            if (symbol is IPropertySymbol property)
            {
                access = (property.GetMethod != null ? Access.Read : 0) | (property.SetMethod != null ? Access.Write : 0);
            }
            Finding finding = _rules.Check(overridden, access);
            if (finding != null && finding.Rule == Rules.ApiNotOnDevice)
            {
                context.ReportDiagnostic(finding.At(symbol.Locations[0]));
            }
        }

        private static ISymbol Overridden(ISymbol symbol)
        {
            switch (symbol)
            {
                case IMethodSymbol method: return method.OverriddenMethod;
                case IPropertySymbol property: return property.OverriddenProperty;
                case IEventSymbol @event: return @event.OverriddenEvent;
                default: return null;
            }
        }
    }
}
