using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace IotDevice.DeviceRunner
{
    /// <summary>
    /// How much of the SDK an app deploys it can ever run: the methods reachable from its entry point,
    /// per SDK assembly, in methods and IL bytes. Splitting an assembly only saves flash where this is
    /// well below 100 %. The walk errs on the side of reaching: every call and delegate target counts
    /// whether or not its branch can run, a type made anywhere brings all its virtual and interface
    /// methods, and a type touched brings its static constructor.
    /// </summary>
    internal static class Reach
    {
        private const int Largest = 12;

        public static int Print(DeviceBuilder builder, DeviceProject project, string root)
        {
            if (!project.IsApp)
            {
                throw new InvalidOperationException($"{project.Name} is not an app (OutputType Exe): reach starts from an entry point");
            }
            BuiltAssembly app = builder.Build(project);
            string sdk = Path.Combine(root, "nf-sdk") + Path.DirectorySeparatorChar;
            var deployed = Deployed(app).Where(b => b.Project.Path.StartsWith(sdk, StringComparison.Ordinal)).ToList();
            var assemblies = new Dictionary<string, AssemblyDefinition>(StringComparer.Ordinal);
            foreach (BuiltAssembly built in deployed.Prepend(app))
            {
                AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(built.Dll);
                assemblies[assembly.Name.Name] = assembly;
            }

            var walk = new Walk(assemblies);
            walk.From(assemblies[app.Project.AssemblyName].EntryPoint);

            Console.WriteLine($"| SDK assembly {project.AssemblyName} deploys | methods reached | IL bytes reached | share of IL |");
            Console.WriteLine("|---|---:|---:|---:|");
            long reachedTotal = 0, ilTotal = 0;
            var unreached = new List<MethodDefinition>();
            foreach (BuiltAssembly built in deployed.OrderBy(b => b.Project.AssemblyName, StringComparer.Ordinal))
            {
                var methods = assemblies[built.Project.AssemblyName].MainModule.GetTypes().SelectMany(t => t.Methods).ToList();
                var reached = methods.Where(walk.Reached.Contains).ToList();
                long il = methods.Sum(Size), reachedIl = reached.Sum(Size);
                unreached.AddRange(methods.Where(m => !walk.Reached.Contains(m)));
                reachedTotal += reachedIl;
                ilTotal += il;
                Console.WriteLine($"| `{built.Project.AssemblyName}` | {reached.Count} of {methods.Count} | {reachedIl:N0} of {il:N0} | {Share(reachedIl, il)} |");
            }
            Console.WriteLine($"| all | | {reachedTotal:N0} of {ilTotal:N0} | {Share(reachedTotal, ilTotal)} |");
            Console.WriteLine();
            Console.WriteLine($"Largest methods it never reaches: {string.Join(", ", unreached.OrderByDescending(Size).Take(Largest).Select(m => $"{m.DeclaringType.Name}.{m.Name} ({Size(m)} B)"))}");
            return 0;
        }

        private static string Share(long part, long whole) => whole == 0 ? "–" : $"{100.0 * part / whole:0.0} %";

        private static int Size(MethodDefinition method) => method.HasBody ? method.Body.CodeSize : 0;

        private static IEnumerable<BuiltAssembly> Deployed(BuiltAssembly app)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<BuiltAssembly>(app.Dependencies);
            while (pending.Count > 0)
            {
                BuiltAssembly next = pending.Pop();
                if (seen.Add(next.Project.Path))
                {
                    yield return next;
                    foreach (BuiltAssembly dependency in next.Dependencies)
                    {
                        pending.Push(dependency);
                    }
                }
            }
        }

        // The closure over our own assemblies; what lies in nanoFramework's is not followed.
        private sealed class Walk
        {
            private readonly Dictionary<string, AssemblyDefinition> _assemblies;
            private readonly Queue<MethodDefinition> _pending = new();
            private readonly HashSet<TypeDefinition> _touched = new();
            private readonly HashSet<TypeDefinition> _made = new();

            public Walk(Dictionary<string, AssemblyDefinition> assemblies)
            {
                _assemblies = assemblies;
            }

            public HashSet<MethodDefinition> Reached { get; } = new();

            public void From(MethodDefinition entry)
            {
                Reach(entry);
                while (_pending.Count > 0)
                {
                    MethodDefinition method = _pending.Dequeue();
                    if (!method.HasBody)
                    {
                        continue;
                    }
                    foreach (Instruction instruction in method.Body.Instructions)
                    {
                        Follow(instruction);
                    }
                }
            }

            private void Follow(Instruction instruction)
            {
                Code code = instruction.OpCode.Code;
                switch (instruction.Operand)
                {
                    case MethodReference called:
                        MethodDefinition method = Resolve(called);
                        Reach(method);
                        if (method != null && (code == Code.Newobj || code == Code.Ldftn || code == Code.Ldvirtftn))
                        {
                            Made(method.DeclaringType);
                        }
                        break;
                    case FieldReference field:
                        Touch(Resolve(field.DeclaringType));
                        break;
                    case TypeReference type:
                        TypeDefinition definition = Resolve(type);
                        Touch(definition);
                        if (code == Code.Box || code == Code.Initobj || code == Code.Newarr)
                        {
                            Made(definition);
                        }
                        break;
                }
            }

            private void Reach(MethodDefinition method)
            {
                if (method != null && Reached.Add(method))
                {
                    _pending.Enqueue(method);
                    Touch(method.DeclaringType);
                }
            }

            private void Touch(TypeDefinition type)
            {
                if (type == null || !_touched.Add(type))
                {
                    return;
                }
                Reach(type.Methods.FirstOrDefault(m => m.IsConstructor && m.IsStatic));
                Touch(Resolve(type.BaseType));
                Touch(type.DeclaringType);
                if (type.IsValueType)
                {
                    Made(type);
                }
            }

            private void Made(TypeDefinition type)
            {
                if (type == null || !_made.Add(type))
                {
                    return;
                }
                Touch(type);
                foreach (MethodDefinition method in type.Methods.Where(m => m.IsVirtual && !m.IsAbstract))
                {
                    Reach(method);
                }
                Made(Resolve(type.BaseType));
            }

            private TypeDefinition Resolve(TypeReference type)
            {
                if (type == null)
                {
                    return null;
                }
                if (type is TypeSpecification specification)
                {
                    return Resolve(specification.ElementType);
                }
                if (type is TypeDefinition definition)
                {
                    return definition;
                }
                if (type.IsNested)
                {
                    return Resolve(type.DeclaringType)?.NestedTypes.FirstOrDefault(n => n.Name == type.Name);
                }
                string assembly = type.Scope is ModuleDefinition module ? module.Assembly.Name.Name : type.Scope.Name;
                return _assemblies.TryGetValue(assembly, out AssemblyDefinition found) ? found.MainModule.GetType(type.Namespace, type.Name) : null;
            }

            private MethodDefinition Resolve(MethodReference method)
            {
                if (method is MethodDefinition definition)
                {
                    return definition;
                }
                return Resolve(method.DeclaringType)?.Methods.FirstOrDefault(m => m.Name == method.Name
                    && m.Parameters.Count == method.Parameters.Count
                    && m.ReturnType.FullName == method.ReturnType.FullName
                    && m.Parameters.Select(p => p.ParameterType.FullName).SequenceEqual(method.Parameters.Select(p => p.ParameterType.FullName)));
            }
        }
    }
}
