using System.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.BuildChecks
{
    /// <summary>The device benchmark script on a machine without a nanoCLR: it says so and runs nothing.</summary>
    [TestClass]
    public class DeviceBenchmarkScriptTests
    {
        private static readonly string[] RuntimeVariables = { "NANOCLR", "NF_MDP", "NF_REFS", "NF_PE" };

        [TestMethod]
        public void Without_a_runtime_it_names_what_is_missing_and_exits_non_zero()
        {
            var start = new ProcessStartInfo("bash", RepositoryLayout.PathOf("nf-tests/run-device-benchmarks.sh"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string variable in RuntimeVariables)
            {
                start.Environment.Remove(variable);
            }
            start.Environment["NF_PE"] = "/nonexistent-nanoframework-pe";
            using Process script = Process.Start(start);
            var stdout = script.StandardOutput.ReadToEndAsync();
            string stderr = script.StandardError.ReadToEnd();
            Assert.IsTrue(script.WaitForExit(30_000), "the script did not stop");

            Assert.AreEqual(2, script.ExitCode, stderr);
            Assert.AreEqual("", stdout.Result, "nothing ran, so there is no table");
            StringAssert.Contains(stderr, "NANOCLR is not set");
            StringAssert.Contains(stderr, "NF_MDP is not set");
            StringAssert.Contains(stderr, "NF_PE=/nonexistent-nanoframework-pe does not exist");
            StringAssert.Contains(stderr, "did not run");
        }
    }
}
