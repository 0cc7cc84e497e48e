using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// Looks symbols up in the allow-list by documentation id, allowing for the ways the same source can
    /// name a member that the two class libraries declare differently. One instance per compilation.
    /// </summary>
    internal sealed class ListedMembers
    {
        private readonly ApiSurface _surface;

        // Doc-id strings are the costly part of a lookup; the same few hundred symbols recur all over a project.
        private readonly ConcurrentDictionary<ISymbol, bool> _listed =
            new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        private readonly Func<ISymbol, bool> _lookUp;

        /// <param name="surface">The list; null when it is missing (NF1000), and then everything passes.</param>
        public ListedMembers(ApiSurface surface)
        {
            _surface = surface;
            _lookUp = symbol => _surface.Contains(symbol.GetDocumentationCommentId());
        }

        /// <summary>Whether the list holds the symbol's own id.</summary>
        public bool IsListed(ISymbol symbol) => _surface == null || _listed.GetOrAdd(symbol.OriginalDefinition, _lookUp);

        /// <summary>
        /// Also true when the list has the member under the id the device declares it with:
        /// <list type="bullet">
        /// <item>on a type between the receiver's type and the declaring type: .NET declares AutoResetEvent.Set
        /// on its base EventWaitHandle, nanoFramework on AutoResetEvent itself, and '_event.Set()' compiles on both;</item>
        /// <item>an indexer under another name: .NET's StringBuilder indexer is 'Chars', nanoFramework's 'Item',
        /// and 'sb[0]' names neither.</item>
        /// </list>
        /// </summary>
        public bool IsListed(ISymbol member, INamedTypeSymbol receiver)
        {
            if (IsListed(member))
            {
                return true;
            }
            string indexerName = IndexerName(member);
            INamedTypeSymbol declaring = member.ContainingType;
            if (declaring == null || (receiver == null && indexerName == null))
            {
                return false;
            }

            string memberId = member.OriginalDefinition.GetDocumentationCommentId();
            string declaringId = declaring.OriginalDefinition.GetDocumentationCommentId();
            if (memberId == null || declaringId == null)
            {
                return false;
            }
            string kind = memberId.Substring(0, 2);                    // "M:"
            string signature = memberId.Substring(declaringId.Length);  // ".Set" or ".get_Chars(System.Int32)"
            string[] signatures = indexerName == null
                ? new[] { signature }
                : new[] { signature, RenameIndexer(signature, indexerName, "Item"), RenameIndexer(signature, indexerName, "Chars") };

            for (INamedTypeSymbol type = receiver ?? declaring; type != null; type = type.BaseType)
            {
                string typeName = type.OriginalDefinition.GetDocumentationCommentId()?.Substring(2);
                foreach (string candidate in signatures)
                {
                    if (typeName != null && _surface.Contains(kind + typeName + candidate))
                    {
                        return true;
                    }
                }
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring.OriginalDefinition))
                {
                    break; // above the declaring type the member does not exist
                }
            }
            return false;
        }

        /// <summary>
        /// True when the same name is listed as the other kind of member on the same type: nanoFramework's
        /// DictionaryEntry.Key is a field, .NET's a property, and 'entry.Key' reads the same on both.
        /// </summary>
        public bool IsListedAsOtherKind(ISymbol member)
        {
            if (_surface == null)
            {
                return true;
            }
            string typeId = member.ContainingType?.OriginalDefinition.GetDocumentationCommentId();
            if (typeId == null)
            {
                return false;
            }
            string qualifiedName = typeId.Substring(2) + "." + member.Name;
            return member is IFieldSymbol
                ? _surface.Contains("P:" + qualifiedName) || _surface.Contains("M:" + typeId.Substring(2) + ".get_" + member.Name)
                : _surface.Contains("F:" + qualifiedName);
        }

        // The metadata name of the indexer the symbol is, or is an accessor of; null for anything else.
        private static string IndexerName(ISymbol member)
        {
            if (member is IPropertySymbol property && property.IsIndexer)
            {
                return property.MetadataName;
            }
            return member is IMethodSymbol accessor && accessor.AssociatedSymbol is IPropertySymbol owner && owner.IsIndexer
                ? owner.MetadataName
                : null;
        }

        // ".Chars(System.Int32)" -> ".Item(System.Int32)"; ".get_Chars(System.Int32)" -> ".get_Item(System.Int32)".
        private static string RenameIndexer(string signature, string from, string to) =>
            signature.Replace("." + from + "(", "." + to + "(").Replace("_" + from + "(", "_" + to + "(");

        /// <summary>Id of a listed overload of the method, to point the reader at what does exist; null if none.</summary>
        public string ListedOverload(IMethodSymbol method)
        {
            for (INamedTypeSymbol type = method.ContainingType; type != null; type = type.BaseType)
            {
                foreach (ISymbol candidate in type.GetMembers(method.Name))
                {
                    if (candidate is IMethodSymbol other && other.IsStatic == method.IsStatic && IsListed(other))
                    {
                        return other.GetDocumentationCommentId();
                    }
                }
            }
            return null;
        }
    }
}
