using System;
using IotDevice.BrokerHarness;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests
{
    /// <summary>Bad arguments exit 2 with a message that says what is wrong; nothing is run.</summary>
    [TestClass]
    public class ArgumentTests
    {
        private static void AssertRefused(string expectedMessage, params string[] args) => AppRunner.AssertRefused(expectedMessage, args);

        [TestMethod]
        public void An_unknown_dialect_is_refused()
        {
            AssertRefused("zigbee", "--dialect", "zigbee");
        }

        [TestMethod]
        public void A_malformed_broker_url_is_refused()
        {
            AssertRefused("must start with mqtt:// or mqtts://", "--broker", "http://example.com", "--dialect", "alink");
            AssertRefused("is not a TCP port", "--broker", "mqtt://localhost:99999", "--dialect", "alink");
            AssertRefused("has no valid host name", "--broker", "mqtt://:1883", "--dialect", "alink");
            AssertRefused("credentials go in --username/--password", "--broker", "mqtt://user:pw@localhost", "--dialect", "eztcloud");
        }

        [TestMethod]
        public void A_broker_needs_a_dialect_and_tls_needs_a_ca()
        {
            AssertRefused("choose the platform's dialect", "--broker", "mqtt://localhost");
            AssertRefused("mqtts:// needs --ca-file", "--broker", "mqtts://localhost", "--dialect", "eztcloud");
            AssertRefused("does not exist", "--broker", "mqtts://localhost", "--dialect", "eztcloud", "--ca-file", "/nonexistent/ca.pem");
        }

        [TestMethod]
        public void Options_a_dialect_cannot_use_are_refused()
        {
            AssertRefused("--client-id does not apply to FastBee", "--dialect", "fastbee", "--client-id", "x");
            AssertRefused("do not apply to Alink", "--dialect", "alink", "--password", "x");
        }

        [TestMethod]
        public void Unknown_boards_options_and_values_are_refused()
        {
            AssertRefused("unknown board 'uno'", "--board", "uno");
            AssertRefused("--reports must be at least 1", "--reports", "0");
            AssertRefused("--interval", "--interval", "0");
            AssertRefused("--frobnicate", "--frobnicate");
        }

        [TestMethod]
        public void An_identity_the_dialect_refuses_exits_2_without_showing_secrets()
        {
            // '/' cannot be part of an EZtCloud topic level.
            AppRunner run = AppRunner.Run(10000, "--broker", "mqtt://127.0.0.1:" + FreePort.Next(), "--dialect", "eztcloud",
                "--username", "DU/bad", "--password", "Sup3r-Secret");
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Error, "DU/bad", run.ToString());
            Assert.IsFalse((run.Output + run.Error).Contains("Sup3r-Secret", StringComparison.Ordinal), run.ToString());
        }

        [TestMethod]
        public void Help_lists_the_options_and_exits_0()
        {
            AppRunner run = AppRunner.Run(10000, "--help");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            foreach (string option in new[] { "--dialect", "--broker", "--username", "--password", "--client-id", "--ca-file", "--product-key", "--device-num", "--board" })
            {
                StringAssert.Contains(run.Output, option, run.ToString());
            }
        }
    }
}
