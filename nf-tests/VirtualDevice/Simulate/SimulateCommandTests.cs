using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using IotDevice.BrokerHarness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests.Simulate
{
    /// <summary>The simulate command line: bad arguments exit 2, a platform that cannot start or a failed script exits 1, the console's commands.</summary>
    [TestClass]
    public class SimulateCommandTests
    {
        private static void AssertRefused(string expectedMessage, params string[] args) => AppRunner.AssertRefused(expectedMessage, args);

        [TestMethod]
        public void Bad_simulate_arguments_exit_2_saying_what_is_wrong()
        {
            AssertRefused("--dialect", "simulate");
            AssertRefused("zigbee", "simulate", "-d", "zigbee");
            AssertRefused("must be TCP ports", "simulate", "-d", "alink", "--port", "0");
            AssertRefused("must differ", "simulate", "-d", "alink", "--port", "8080");
            AssertRefused("is not an IP address", "simulate", "-d", "alink", "--listen", "everywhere");
            AssertRefused("--key goes with --cert", "simulate", "-d", "alink", "--key", "k.pem");
            AssertRefused("does not exist", "simulate", "-d", "alink", "--cert", "/nonexistent/c.pem", "--key", "/nonexistent/k.pem");
            AssertRefused("do not apply to Alink", "simulate", "-d", "alink", "--password", "x");
            AssertRefused("--client-id", "simulate", "-d", "eztcloud", "--client-id", "x");
            string script = Path.GetTempFileName();
            try
            {
                File.WriteAllLines(script, new[] { "wait connected", "frobnicate now" });
                AssertRefused("line 2: unknown command 'frobnicate'", "simulate", "-d", "fastbee", "--script", script);
                File.WriteAllLines(script, new[] { "firmware 1.1" });
                AssertRefused("line 1: usage: firmware <version> <file>", "simulate", "-d", "fastbee", "--script", script);
            }
            finally
            {
                File.Delete(script);
            }
        }

        [TestMethod]
        public void Bad_login_variants_exit_2()
        {
            AssertRefused("hmacsha512", "--dialect", "alink", "--sign-method", "hmacsha512");
            AssertRefused("are Alink's", "--dialect", "fastbee", "--sign-method", "hmacsha1");
            AssertRefused("are FastBee's", "--dialect", "alink", "--encrypted");
            AssertRefused("add --encrypted", "--dialect", "fastbee", "--ntp-url", "http://127.0.0.1/iot/tool/ntp");
            AssertRefused("needs the platform's time", "--broker", "mqtt://127.0.0.1:1", "--dialect", "fastbee", "--encrypted");
            AssertRefused("--username and --password only", "--dialect", "eztcloud", "--auth-code", "x");
            AssertRefused("--timestamp must be", "--dialect", "alink", "--timestamp", "-5");
        }

        [TestMethod]
        public void Help_lists_the_simulate_options_and_commands_and_the_login_variants()
        {
            AppRunner run = AppRunner.Run(10000, "simulate", "--help");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            foreach (string text in new[] { "--dialect", "--port", "--listen", "--http-port", "--files", "--tls", "--cert", "--script", "--device-secret", "firmware <version> <file>", "wait connected" })
            {
                StringAssert.Contains(run.Output, text, run.ToString());
            }
            AppRunner device = AppRunner.Run(10000, "--help");
            foreach (string text in new[] { "simulate", "--sign-method", "--timestamp", "--encrypted", "--product-secret", "--ntp-url", "--auth-code", "securemode=2" })
            {
                StringAssert.Contains(device.Output, text, device.ToString());
            }
        }

        [TestMethod]
        public void A_port_in_use_or_a_failed_script_step_exits_1()
        {
            var taken = new TcpListener(IPAddress.Loopback, 0);
            taken.Start();
            try
            {
                int port = ((IPEndPoint)taken.LocalEndpoint).Port;
                AppRunner busy = AppRunner.Run(10000, "simulate", "-d", "alink", "--listen", "127.0.0.1", "--port", port.ToString(), "--http-port", FreePort.Next().ToString());
                Assert.AreEqual(1, busy.ExitCode, busy.ToString());
                StringAssert.Contains(busy.Error, "cannot listen on port " + port, busy.ToString());
            }
            finally
            {
                taken.Stop();
            }

            using var platform = LocalPlatformRig.Start("eztcloud", new[] { "wait connected 0.3" });
            Assert.AreEqual(1, platform.Run.ExitCode(10000), platform.ToString());
            StringAssert.Contains(platform.Output, "✗ script line 1: wait: connected did not happen within 0.3 s", platform.ToString());
            StringAssert.Contains(platform.Run.Error, "a script command failed", platform.ToString());
        }

        [TestMethod]
        public void Console_commands_are_run_and_a_bad_one_is_shown_without_stopping_the_platform()
        {
            string folder = Path.Combine(Path.GetTempPath(), "iotdevice-console-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "c.json"), "{\"interval\":5}");
            using var input = new StringReader("help\nstatus\nfrobnicate\nconfig c.json\nconfig missing.json\nfirmware 1.2.3 c.json\nwait answered\nquit\n");
            AppRunner run = AppRunner.Run(10000, input, "simulate", "-d", "fastbee", "--listen", "127.0.0.1", "--port", FreePort.Next().ToString(),
                "--http-port", FreePort.Next().ToString(), "--files", folder);
            Directory.Delete(folder, true);
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "✗ FastBee has no remote configuration", run.ToString());
            StringAssert.Contains(run.Output, "✗ FastBee firmware versions are decimal numbers (e.g. 1.2), not '1.2.3'", run.ToString());
            StringAssert.Contains(run.Output, "• set <property> <value>", run.ToString());
            StringAssert.Contains(run.Output, "• 0 device(s) connected; 0 messages received", run.ToString());
            StringAssert.Contains(run.Output, "✗ unknown command 'frobnicate'", run.ToString());
            StringAssert.Contains(run.Output, "✗ cannot read '", run.ToString());
            StringAssert.Contains(run.Output, "✗ wait answered: nothing was set, called or pushed yet", run.ToString());
            StringAssert.Contains(run.Output, "• platform stopped", run.ToString());
        }
    }
}
