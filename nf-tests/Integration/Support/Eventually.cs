using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Support
{
    /// <summary>Bounded waits for a condition, instead of fixed sleeps.</summary>
    public static class Eventually
    {
        public const int DefaultTimeoutMs = 5000;

        /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after the timeout.</summary>
        public static void True(Func<bool> condition, string what, int timeoutMs = DefaultTimeoutMs)
        {
            if (!Within(condition, timeoutMs))
            {
                Assert.Fail("Timed out after " + timeoutMs + " ms waiting for: " + what);
            }
        }

        /// <summary>Polls until the condition holds or the time is up; says which.</summary>
        public static bool Within(Func<bool> condition, int timeoutMs)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.ElapsedMilliseconds >= timeoutMs)
                {
                    return false;
                }

                Thread.Sleep(10);
            }

            return true;
        }
    }
}
