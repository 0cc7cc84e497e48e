using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests
{
    /// <summary>Runs the virtual device's entry point in-process with captured output and a time limit.</summary>
    internal sealed class AppRunner
    {
        public int ExitCode { get; private set; }

        public string Output { get; private set; }

        public string Error { get; private set; }

        public static AppRunner Run(int timeoutMs, params string[] args) => Run(timeoutMs, null, args);

        /// <param name="input">What is typed at the console (simulate mode's commands), or null.</param>
        public static AppRunner Run(int timeoutMs, TextReader input, params string[] args)
        {
            var runner = new AppRunner();
            var output = new StringWriter();
            var error = new StringWriter();
            using var cancel = new CancellationTokenSource();
            Task<int> run = Task.Run(() => VirtualDeviceApp.Run(args, input, TextWriter.Synchronized(output), TextWriter.Synchronized(error), false, cancel.Token));
            if (!run.Wait(timeoutMs))
            {
                cancel.Cancel();
                Assert.Fail("The virtual device did not finish within " + timeoutMs + " ms. Output so far:\n" + output + error);
            }
            runner.ExitCode = run.Result;
            runner.Output = output.ToString();
            runner.Error = error.ToString();
            return runner;
        }

        /// <summary>Runs with bad arguments: exit 2, the error names the problem, nothing ran.</summary>
        public static void AssertRefused(string expectedMessage, params string[] args)
        {
            AppRunner run = Run(10000, args);
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, expectedMessage, run.ToString());
            Assert.AreEqual("", run.Output, "nothing runs after a refusal: " + run);
        }

        public override string ToString() => "exit " + ExitCode + "\n" + Output + "\n--- stderr ---\n" + Error;
    }
}
