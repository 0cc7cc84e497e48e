using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading.Tasks;
using MSTest = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a test class; MSTest discovers it through its base attribute.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : MSTest.TestClassAttribute
    {
    }

    /// <summary>
    /// Marks a test method. On the host it also gives the nanoFramework lifecycle: the class's
    /// [Setup] method runs once before its first test and [Cleanup] once after its last.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : MSTest.TestMethodAttribute
    {
        public override async Task<MSTest.TestResult[]> ExecuteAsync(MSTest.ITestMethod testMethod)
        {
            Type testClass = testMethod.MethodInfo.DeclaringType;
            ClassLifecycle lifecycle = ClassLifecycle.For(testClass);
            Exception setupFailure = lifecycle.EnsureSetUp();
            MSTest.TestResult[] results;
            if (setupFailure != null)
            {
                results = new[] { ClassLifecycle.ResultFor(setupFailure) };
            }
            else
            {
                results = await base.ExecuteAsync(testMethod).ConfigureAwait(false);
            }
            lifecycle.TestFinished();
            return results;
        }
    }

    /// <summary>Runs once per class, before its first test (nanoFramework semantics).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs once per class, after its last test (nanoFramework semantics).</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }

    /// <summary>Per-class [Setup]/[Cleanup] bookkeeping for the host run.</summary>
    internal sealed class ClassLifecycle
    {
        private static readonly Dictionary<Type, ClassLifecycle> All = new Dictionary<Type, ClassLifecycle>();
        private static bool _exitHooked;

        private readonly Type _type;
        private readonly int _testCount;
        private int _finished;
        private bool _setUp;
        private bool _cleanedUp;
        private Exception _setupFailure;

        private ClassLifecycle(Type type)
        {
            _type = type;
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute<TestMethodAttribute>() != null)
                {
                    _testCount++;
                }
            }
        }

        public static ClassLifecycle For(Type type)
        {
            lock (All)
            {
                if (!All.TryGetValue(type, out ClassLifecycle lifecycle))
                {
                    lifecycle = new ClassLifecycle(type);
                    All.Add(type, lifecycle);
                }
                if (!_exitHooked)
                {
                    // A filtered run may never reach a class's last test: clean up at exit then.
                    AppDomain.CurrentDomain.ProcessExit += (sender, args) => CleanUpAll();
                    _exitHooked = true;
                }
                return lifecycle;
            }
        }

        public Exception EnsureSetUp()
        {
            lock (this)
            {
                if (!_setUp)
                {
                    _setUp = true;
                    _setupFailure = InvokeMarked(typeof(SetupAttribute));
                }
                return _setupFailure;
            }
        }

        public void TestFinished()
        {
            lock (this)
            {
                _finished++;
                if (_finished >= _testCount)
                {
                    CleanUp();
                }
            }
        }

        private void CleanUp()
        {
            if (_cleanedUp || !_setUp)
            {
                return;
            }
            _cleanedUp = true;
            Exception failure = InvokeMarked(typeof(CleanupAttribute));
            if (failure != null)
            {
                Console.Error.WriteLine($"[Cleanup] of {_type.FullName} failed: {failure}");
            }
        }

        private static void CleanUpAll()
        {
            lock (All)
            {
                foreach (ClassLifecycle lifecycle in All.Values)
                {
                    lock (lifecycle)
                    {
                        lifecycle.CleanUp();
                    }
                }
            }
        }

        private Exception InvokeMarked(Type attribute)
        {
            foreach (MethodInfo method in _type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                if (method.GetCustomAttribute(attribute) == null)
                {
                    continue;
                }
                try
                {
                    // nanoFramework never instantiates a test class; state lives in static fields.
                    object target = method.IsStatic ? null : Activator.CreateInstance(_type);
                    method.Invoke(target, null);
                }
                catch (TargetInvocationException e)
                {
                    return e.InnerException ?? e;
                }
            }
            return null;
        }

        public static MSTest.TestResult ResultFor(Exception failure)
        {
            bool skipped = failure is MSTest.AssertInconclusiveException;
            return new MSTest.TestResult
            {
                Outcome = skipped ? MSTest.UnitTestOutcome.Inconclusive : MSTest.UnitTestOutcome.Failed,
                TestFailureException = failure,
            };
        }
    }
}
