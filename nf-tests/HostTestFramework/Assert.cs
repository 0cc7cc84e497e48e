using System;
using System.Collections;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// The assertions of nanoFramework.TestFramework 3.0, with exactly its overloads, so a test binds
    /// to the same member on both runtimes. Failures throw MSTest's exception types.
    /// </summary>
    public class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(byte expected, byte actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(char expected, char actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(double expected, double actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(short expected, short actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(int expected, int actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(long expected, long actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(object expected, object actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(float expected, float actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(string expected, string actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(ushort expected, ushort actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(uint expected, uint actual, string message = "") => Equal(expected, actual, message);
        public static void AreEqual(ulong expected, ulong actual, string message = "") => Equal(expected, actual, message);

        public static void AreNotEqual(bool notExpected, bool actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(byte notExpected, byte actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(char notExpected, char actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(double notExpected, double actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(short notExpected, short actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(int notExpected, int actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(long notExpected, long actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(object notExpected, object actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(float notExpected, float actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(string notExpected, string actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") => NotEqual(notExpected, actual, message);
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") => NotEqual(notExpected, actual, message);

        public static void AreSame(object expected, object actual, string message = "")
        {
            if (!ReferenceEquals(expected, actual))
            {
                Fail("AreSame", "the two references differ", message);
            }
        }

        public static void AreNotSame(object notExpected, object actual, string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                Fail("AreNotSame", "both references are the same object", message);
            }
        }

        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                Fail("IsTrue", "the condition is false", message);
            }
        }

        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                Fail("IsFalse", "the condition is true", message);
            }
        }

        public static void IsNull(object value, string message = "")
        {
            if (value != null)
            {
                Fail("IsNull", $"got <{value}>", message);
            }
        }

        public static void IsNotNull(object value, string message = "")
        {
            if (value == null)
            {
                Fail("IsNotNull", "got null", message);
            }
        }

        public static void IsInstanceOfType(object value, Type expectedType, string message = "")
        {
            if (value == null || !expectedType.IsInstanceOfType(value))
            {
                Fail("IsInstanceOfType", $"<{value?.GetType().FullName ?? "null"}> is not a {expectedType.FullName}", message);
            }
        }

        public static void IsNotInstanceOfType(object value, Type wrongType, string message = "")
        {
            if (value != null && wrongType.IsInstanceOfType(value))
            {
                Fail("IsNotInstanceOfType", $"<{value.GetType().FullName}> is a {wrongType.FullName}", message);
            }
        }

        public static void Contains(string expected, string value, string message = "")
        {
            if (value == null || expected == null || !value.Contains(expected, StringComparison.Ordinal))
            {
                Fail("Contains", $"<{value}> does not contain <{expected}>", message);
            }
        }

        public static void DoesNotContains(string expected, string value, string message = "")
        {
            if (value != null && expected != null && value.Contains(expected, StringComparison.Ordinal))
            {
                Fail("DoesNotContains", $"<{value}> contains <{expected}>", message);
            }
        }

        public static void StartsWith(string expected, string value, string message = "")
        {
            if (value == null || expected == null || !value.StartsWith(expected, StringComparison.Ordinal))
            {
                Fail("StartsWith", $"<{value}> does not start with <{expected}>", message);
            }
        }

        public static void EndsWith(string expected, string value, string message = "")
        {
            if (value == null || expected == null || !value.EndsWith(expected, StringComparison.Ordinal))
            {
                Fail("EndsWith", $"<{value}> does not end with <{expected}>", message);
            }
        }

        public static void Empty(ICollection collection, string message = "") => CollectionAssert.Empty(collection, message);

        public static void NotEmpty(ICollection collection, string message = "") => CollectionAssert.NotEmpty(collection, message);

        public static void SkipTest(string message = "") => throw new SkipTestException(message, null);

        /// <summary>Passes only if <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() != exceptionType)
                {
                    Fail("ThrowsException", $"expected {exceptionType.FullName}, got {e.GetType().FullName}: {e.Message}", message);
                }
                return;
            }
            Fail("ThrowsException", $"expected {exceptionType.FullName}, nothing was thrown", message);
        }

        private static void Equal(object expected, object actual, string message)
        {
            if (!Equals(expected, actual))
            {
                Fail("AreEqual", $"expected <{expected}>, actual <{actual}>", message);
            }
        }

        private static void NotEqual(object notExpected, object actual, string message)
        {
            if (Equals(notExpected, actual))
            {
                Fail("AreNotEqual", $"both are <{actual}>", message);
            }
        }

        internal static void Fail(string assertion, string detail, string message)
        {
            string text = string.IsNullOrEmpty(message) ? $"{assertion} failed: {detail}." : $"{assertion} failed: {detail}. {message}";
            throw new AssertFailedException(text);
        }
    }

    /// <summary>Element-wise collection assertions of nanoFramework.TestFramework.</summary>
    public class CollectionAssert
    {
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string difference = Difference(expected, actual);
            if (difference != null)
            {
                Assert.Fail("CollectionAssert.AreEqual", difference, message);
            }
        }

        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (Difference(notExpected, actual) == null)
            {
                Assert.Fail("CollectionAssert.AreNotEqual", "the collections are equal", message);
            }
        }

        public static void Empty(ICollection collection, string message = "")
        {
            if (collection == null || collection.Count != 0)
            {
                Assert.Fail("CollectionAssert.Empty", $"count is {collection?.Count.ToString() ?? "null"}", message);
            }
        }

        public static void NotEmpty(ICollection collection, string message = "")
        {
            if (collection == null || collection.Count == 0)
            {
                Assert.Fail("CollectionAssert.NotEmpty", "the collection is empty", message);
            }
        }

        private static string Difference(ICollection expected, ICollection actual)
        {
            if (expected == null || actual == null)
            {
                return expected == actual ? null : "one collection is null";
            }
            if (expected.Count != actual.Count)
            {
                return $"count {expected.Count} expected, {actual.Count} actual";
            }
            IEnumerator left = expected.GetEnumerator();
            IEnumerator right = actual.GetEnumerator();
            int index = 0;
            while (left.MoveNext() && right.MoveNext())
            {
                if (!Equals(left.Current, right.Current))
                {
                    return $"element {index}: expected <{left.Current}>, actual <{right.Current}>";
                }
                index++;
            }
            return null;
        }
    }

    /// <summary>Thrown by <see cref="Assert.SkipTest"/>; MSTest reports it as skipped (inconclusive).</summary>
    public class SkipTestException : Microsoft.VisualStudio.TestTools.UnitTesting.AssertInconclusiveException
    {
        public SkipTestException(string message, Exception innerException) : base(message, innerException)
        {
        }
    }

    /// <summary>Test output, as on the device (there it goes to the debug channel).</summary>
    public static class OutputHelper
    {
        public static void Write(string message) => Console.Write(message);

        public static void WriteLine(string message) => Console.WriteLine(message);
    }

    public static class TestExtensions
    {
        public static bool SequenceEqual(this Array array, Array other)
        {
            if (array == null || other == null || array.Length != other.Length)
            {
                return array == other;
            }
            for (int i = 0; i < array.Length; i++)
            {
                if (!Equals(array.GetValue(i), other.GetValue(i)))
                {
                    return false;
                }
            }
            return true;
        }
    }
}

namespace TestFrameworkShared
{
    /// <summary>The device framework's failure type, mapped onto MSTest's so failures are reported as such.</summary>
    public class AssertFailedException : Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException
    {
        public AssertFailedException()
        {
        }

        public AssertFailedException(string message) : base(message)
        {
        }

        public AssertFailedException(string message, Exception innerException) : base(message, innerException)
        {
        }
    }
}
