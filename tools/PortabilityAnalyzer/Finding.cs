using Microsoft.CodeAnalysis;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>A rule broken by one referenced symbol, waiting for the location it was referenced at.</summary>
    internal sealed class Finding
    {
        public Finding(DiagnosticDescriptor rule, params object[] arguments)
        {
            Rule = rule;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Rule { get; }

        public object[] Arguments { get; }

        public Diagnostic At(Location location) => Diagnostic.Create(Rule, location, Arguments);
    }
}
