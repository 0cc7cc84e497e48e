using System;
using Microsoft.CodeAnalysis;

namespace IotDevice.PortabilityAnalyzer
{
    /// <summary>
    /// Decides whether one referenced symbol can exist on nanoFramework 1.x (rules NF1001, NF1002, NF1003,
    /// NF1005, and 'dynamic' / function pointers of NF1008). One instance per compilation; thread-safe.
    /// </summary>
    internal sealed class SymbolRules
    {
        private const string ListHint = "see " + Rules.SurfaceFileName + " for what exists";

        private readonly Compilation _compilation;
        private readonly ListedMembers _list;
        private readonly ApiSurface _surface;
        private readonly DeviceProjectReferences _references;

        public SymbolRules(Compilation compilation, ApiSurface surface, DeviceProjectReferences references = null)
        {
            _compilation = compilation;
            _list = new ListedMembers(surface);
            _surface = surface;
            _references = references;
        }

        /// <summary>
        /// Checks any symbol a name or expression binds to; null when it is fine. <paramref name="receiver"/>,
        /// the static type the member is reached through, lets a member listed on a derived type count.
        /// </summary>
        public Finding Check(ISymbol symbol, Access access, INamedTypeSymbol receiver = null)
        {
            return CheckExists(symbol, access, receiver) ?? CheckAssembly(symbol);
        }

        private Finding CheckExists(ISymbol symbol, Access access, INamedTypeSymbol receiver)
        {
            switch (symbol)
            {
                case ITypeSymbol type:
                    return CheckTypeExists(type);
                case IMethodSymbol method:
                    return CheckMethod(method, receiver);
                case IPropertySymbol property:
                    return CheckProperty(property, access, receiver);
                case IFieldSymbol field:
                    return CheckField(field, receiver);
                case IEventSymbol @event:
                    return CheckEvent(@event, access, receiver);
                case IAliasSymbol alias:
                    return CheckExists(alias.Target, access, receiver);
                default:
                    // Locals, parameters, namespaces, labels: their types are checked where they are declared.
                    return null;
            }
        }

        public Finding CheckType(ITypeSymbol type)
        {
            return CheckTypeExists(type) ?? CheckAssembly(type);
        }

        /// <summary>
        /// NF1011: a listed symbol must come from an assembly the device project references. Checked on the
        /// symbol's own id, else its type's (a member found under another overload lives with its type).
        /// </summary>
        private Finding CheckAssembly(ISymbol symbol)
        {
            if (_references == null || _surface == null)
            {
                return null;
            }
            while (symbol is IArrayTypeSymbol array)
            {
                symbol = array.ElementType;
            }
            if (symbol is IAliasSymbol alias)
            {
                symbol = alias.Target;
            }
            if (!(symbol is INamedTypeSymbol || symbol is IMethodSymbol || symbol is IPropertySymbol || symbol is IFieldSymbol || symbol is IEventSymbol)
                || IsOurs(symbol) || (symbol.ContainingType != null && IsOurs(symbol.ContainingType)))
            {
                return null;
            }
            string id = symbol.OriginalDefinition.GetDocumentationCommentId();
            string[] assemblies = _surface.AssembliesOf(id);
            if (assemblies == null && symbol.ContainingType != null)
            {
                id = symbol.ContainingType.OriginalDefinition.GetDocumentationCommentId();
                assemblies = _surface.AssembliesOf(id);
            }
            if (assemblies == null || _references.ReferencesAny(assemblies))
            {
                return null;
            }
            return new Finding(Rules.AssemblyNotReferenced, id, string.Join(" or ", assemblies), _references.ProjectName);
        }

        private Finding CheckTypeExists(ITypeSymbol type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return CheckTypeExists(array.ElementType);
                case IPointerTypeSymbol pointer:
                    return CheckTypeExists(pointer.PointedAtType);
                case INamedTypeSymbol named:
                    return CheckNamedType(named);
            }
            switch (type.TypeKind)
            {
                case TypeKind.Dynamic:
                    return new Finding(Rules.UnsupportedFeature, "'dynamic'",
                        "it needs the dynamic language runtime (Microsoft.CSharp), which nanoFramework does not have");
                case TypeKind.FunctionPointer:
                    return new Finding(Rules.UnsupportedFeature, "Function pointer type '" + Display(type) + "'",
                        "the runtime cannot call through function pointers; use a delegate");
                default:
                    return null; // type parameters (reported at their declaration) and error types
            }
        }

        public Finding CheckMethod(IMethodSymbol method, INamedTypeSymbol receiver = null)
        {
            if (method.MethodKind == MethodKind.BuiltinOperator)
            {
                return null; // int + int, string + string: no member runs, the device compiler emits its own code
            }
            method = method.ReducedFrom ?? method;
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                return CheckType(method.ContainingType); // the runtime provides Invoke for every delegate type
            }

            Finding finding = CheckMemberBasics(method, method.IsGenericMethod ? "is a generic method" : null);
            if (finding != null || IsOurs(method))
            {
                return finding;
            }
            if (HasDecimal(method.ReturnType) || HasDecimalParameter(method))
            {
                return new Finding(Rules.Decimal, Display(method));
            }
            if (method.MethodKind == MethodKind.Constructor && method.IsImplicitlyDeclared && method.ContainingType.IsValueType)
            {
                return CheckType(method.ContainingType); // 'new S()' on a struct runs no constructor
            }

            for (IMethodSymbol level = method.OriginalDefinition; level != null; level = level.OverriddenMethod?.OriginalDefinition)
            {
                if (_list.IsListed(level, receiver))
                {
                    return null;
                }
            }
            string overload = _list.ListedOverload(method);
            return NotOnDevice(method, overload == null ? ListHint : "the list has '" + overload + "'");
        }

        public Finding CheckProperty(IPropertySymbol property, Access access, INamedTypeSymbol receiver = null)
        {
            Finding finding = CheckMemberBasics(property, null);
            if (finding != null || IsOurs(property))
            {
                return finding;
            }
            if (HasDecimal(property.Type) || HasDecimalParameter(property))
            {
                return new Finding(Rules.Decimal, Display(property));
            }

            // The list sometimes holds only the accessors (get_Chars) and sometimes only the P: id. Where it
            // names accessors they decide: a read-only property on the device must not be assigned here.
            bool needGet = (access & Access.Read) != 0 || (access & Access.Write) == 0; // no accessor named: a read
            bool getFound = !needGet;
            bool setFound = (access & Access.Write) == 0;
            bool someAccessorListed = false;
            for (IPropertySymbol level = property.OriginalDefinition; level != null; level = level.OverriddenProperty?.OriginalDefinition)
            {
                bool getListed = level.GetMethod != null && _list.IsListed(level.GetMethod, receiver);
                bool setListed = level.SetMethod != null && _list.IsListed(level.SetMethod, receiver);
                if (getListed || setListed)
                {
                    someAccessorListed = true;
                    getFound |= getListed;
                    setFound |= setListed;
                }
                else if (_list.IsListed(level, receiver))
                {
                    getFound = setFound = true;
                }
            }
            if (getFound && setFound)
            {
                return null;
            }

            if (property.Parameters.IsEmpty && _list.IsListedAsOtherKind(property))
            {
                return null; // a field on the device (DictionaryEntry.Key): 'x.Key' compiles on both
            }

            // The property exists but not the accessor this use needs: name the accessor, it is the precise fact.
            IMethodSymbol missing = getFound ? property.OriginalDefinition.SetMethod : property.OriginalDefinition.GetMethod;
            if (someAccessorListed && missing != null)
            {
                return NotOnDevice(missing, ListHint);
            }
            return NotOnDevice(property, ListHint);
        }

        public Finding CheckField(IFieldSymbol field, INamedTypeSymbol receiver = null)
        {
            Finding finding = CheckMemberBasics(field, null);
            if (finding != null || IsOurs(field))
            {
                return finding;
            }
            if (HasDecimal(field.Type))
            {
                return new Finding(Rules.Decimal, Display(field));
            }
            if (_list.IsListed(field, receiver) || _list.IsListedAsOtherKind(field))
            {
                return null; // a property on the device reads the same as a field here
            }
            return NotOnDevice(field, ListHint);
        }

        public Finding CheckEvent(IEventSymbol @event, Access access, INamedTypeSymbol receiver = null)
        {
            Finding finding = CheckMemberBasics(@event, null);
            if (finding != null || IsOurs(@event))
            {
                return finding;
            }
            for (IEventSymbol level = @event.OriginalDefinition; level != null; level = level.OverriddenEvent?.OriginalDefinition)
            {
                bool addListed = (access & Access.EventAdd) != 0 && level.AddMethod != null && _list.IsListed(level.AddMethod, receiver);
                bool removeListed = (access & Access.EventRemove) != 0 && level.RemoveMethod != null && _list.IsListed(level.RemoveMethod, receiver);
                if (_list.IsListed(level, receiver) || addListed || removeListed)
                {
                    return null;
                }
            }
            return NotOnDevice(@event, ListHint);
        }

        /// <summary>True for code of this repository: declared in this compilation or in an IotDevice* assembly.</summary>
        public bool IsOurs(ISymbol symbol)
        {
            IAssemblySymbol assembly = symbol.ContainingAssembly;
            if (assembly == null)
            {
                return false;
            }
            return SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly)
                || assembly.Name.StartsWith("IotDevice", StringComparison.Ordinal);
        }

        private Finding CheckNamedType(INamedTypeSymbol type)
        {
            if (IsSystemLinq(type.ContainingNamespace))
            {
                return new Finding(Rules.Linq, Display(type));
            }
            if (type.SpecialType == SpecialType.System_Decimal)
            {
                return new Finding(Rules.Decimal, Display(type));
            }
            string genericKind = GenericKind(type);
            if (genericKind != null)
            {
                return new Finding(Rules.Generics, Display(type), genericKind);
            }
            if (IsOurs(type) || _list.IsListed(type))
            {
                return null;
            }
            return NotOnDevice(type, ListHint);
        }

        // The checks every member shares, the most telling message first: LINQ, generic method, decimal, generic owner.
        private Finding CheckMemberBasics(ISymbol member, string ownGenericKind)
        {
            INamedTypeSymbol owner = member.ContainingType;
            if (owner != null && IsSystemLinq(owner.ContainingNamespace))
            {
                return new Finding(Rules.Linq, Display(member));
            }
            if (ownGenericKind != null)
            {
                return new Finding(Rules.Generics, Display(member), ownGenericKind);
            }
            if (owner != null && owner.SpecialType == SpecialType.System_Decimal)
            {
                return new Finding(Rules.Decimal, Display(member));
            }
            if (owner != null && GenericKind(owner) != null)
            {
                return new Finding(Rules.Generics, Display(member), "is a member of the generic type '" + Display(owner) + "'");
            }
            return null;
        }

        private static string GenericKind(INamedTypeSymbol type)
        {
            if (type.IsTupleType)
            {
                return "is a tuple (System.ValueTuple)";
            }
            if (type.IsAnonymousType)
            {
                return "is an anonymous type, which the compiler emits as a generic class";
            }
            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return "is a nullable value type (System.Nullable<T>)";
            }
            for (INamedTypeSymbol level = type; level != null; level = level.ContainingType)
            {
                if (level.IsGenericType)
                {
                    return SymbolEqualityComparer.Default.Equals(level, type) ? "is a generic type" : "is nested in the generic type '" + Display(level) + "'";
                }
            }
            return null;
        }

        /// <summary>True for System.Linq and the namespaces inside it.</summary>
        public static bool IsSystemLinq(INamespaceSymbol ns)
        {
            for (; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                INamespaceSymbol parent = ns.ContainingNamespace;
                if (ns.Name == "Linq" && parent != null && parent.Name == "System" && parent.ContainingNamespace.IsGlobalNamespace)
                {
                    return true;
                }
            }
            return false;
        }

        private static bool HasDecimal(ITypeSymbol type)
        {
            while (type is IArrayTypeSymbol array)
            {
                type = array.ElementType;
            }
            return type != null && type.SpecialType == SpecialType.System_Decimal;
        }

        private static bool HasDecimalParameter(ISymbol member)
        {
            var parameters = member is IMethodSymbol method ? method.Parameters : ((IPropertySymbol)member).Parameters;
            foreach (IParameterSymbol parameter in parameters)
            {
                if (HasDecimal(parameter.Type))
                {
                    return true;
                }
            }
            return false;
        }

        private static Finding NotOnDevice(ISymbol symbol, string hint)
        {
            ISymbol definition = symbol.OriginalDefinition;
            string id = definition.GetDocumentationCommentId() ?? Display(definition);
            return new Finding(Rules.ApiNotOnDevice, id, hint);
        }

        private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
    }
}
