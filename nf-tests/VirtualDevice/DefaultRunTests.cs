using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests
{
    /// <summary>The README's main job: no arguments, built-in simulators, every dialect's whole conversation.</summary>
    [TestClass]
    public class DefaultRunTests
    {
        private static AppRunner _run;

        [ClassInitialize]
        public static void RunOnce(TestContext context)
        {
            _run = AppRunner.Run(30000);
        }

        [TestMethod]
        public void It_exits_0_after_every_dialect_completed()
        {
            Assert.AreEqual(0, _run.ExitCode, _run.ToString());
            Assert.AreEqual("", _run.Error, _run.ToString());
            foreach (string dialect in new[] { "FastBee", "Alink (Alibaba Cloud IoT)", "EZtCloud" })
            {
                StringAssert.Contains(_run.Output, "✓ " + dialect + ": conversation complete", _run.ToString());
            }
            Assert.IsFalse(_run.Output.Contains("✗", StringComparison.Ordinal), _run.ToString());
        }

        [TestMethod]
        public void FastBee_conversation_has_every_step_in_order()
        {
            string[] lines = Section("FastBee");
            AssertInOrder(lines,
                "◆ connected",
                "→ /41/D6329VL548866/info/post",
                "→ /41/D6329VL548866/ntp/post",
                "← /41/D6329VL548866/ntp/get",
                "clock set from the platform",
                "→ /41/D6329VL548866/property/post  [{\"id\":\"temperature\",\"value\":\"21.5\"",
                "← /41/D6329VL548866/function/get  [{\"id\":\"led\",\"value\":\"1\"",
                "→ /41/D6329VL548866/property/post  [{\"id\":\"led\",\"value\":\"1\"",
                "← /41/D6329VL548866/upgrade/get",
                "OTA 1.1 [████████████████████████] 100%",
                "→ /41/D6329VL548866/upgrade/reply  {\"messageId\":\"101\",\"code\":200",
                "→ /41/D6329VL548866/info/post  {\"rssi\":-52,\"firmwareVersion\":1.1");
        }

        [TestMethod]
        public void Alink_conversation_has_every_step_in_order()
        {
            string[] lines = Section("Alink");
            AssertInOrder(lines,
                "\"params\":{\"version\":\"1.0.0\"}}",
                "← /ext/ntp/a1X2bEnTest/example1/response",
                "clock set from the platform",
                "→ /sys/a1X2bEnTest/example1/thing/event/property/post",
                "← /sys/a1X2bEnTest/example1/thing/event/property/post_reply",
                "← /sys/a1X2bEnTest/example1/thing/service/led ",
                "→ /sys/a1X2bEnTest/example1/thing/service/led_reply  {\"id\":\"1001\",\"code\":200,\"data\":{\"led\":true}}",
                "← /ota/device/upgrade/a1X2bEnTest/example1",
                "\"params\":{\"step\":\"1\",",
                "OTA 1.1.0 [████████████████████████] 100%",
                "\"params\":{\"version\":\"1.1.0\"}}");
        }

        [TestMethod]
        public void EztCloud_conversation_has_every_step_in_order()
        {
            string[] lines = Section("EZtCloud");
            AssertInOrder(lines,
                "→ attributes/DU_JEwVTAmL3m  {\"version\":\"1.0.0\"}",
                "→ event_report/DU_JEwVTAmL3m  {\"method\":\"otaCheck\"",
                "no time-sync exchange",
                "→ attributes/DU_JEwVTAmL3m  {\"temperature\":21.5,\"humidity\":45.0",
                "← attributes_response/DU_JEwVTAmL3m  {\"error_code\":0",
                "← command_send/DU_JEwVTAmL3m  {\"method\":\"led\"",
                "→ command_reply/DU_JEwVTAmL3m  {\"method\":\"led\",\"params\":{\"led\":true},\"id\":7}",
                "← command_send/DU_JEwVTAmL3m  {\"method\":\"otaUpgrade\"",
                "OTA 1.1.0 [████████████████████████] 100%",
                "→ attributes/DU_JEwVTAmL3m  {\"version\":\"1.1.0\"}");
        }

        [TestMethod]
        public void No_message_was_rejected_or_dropped_and_no_secret_was_printed()
        {
            foreach (string line in _run.Output.Split('\n').Where(l => l.Contains("conversation complete", StringComparison.Ordinal)))
            {
                StringAssert.Contains(line, " 0 rejected, 0 dropped", _run.ToString());
            }
            foreach (string secret in new[] { "P5FJKZJHIR82GNB2", "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest", "virtual-device-password" })
            {
                Assert.IsFalse(_run.Output.Contains(secret, StringComparison.Ordinal), "a secret was printed: " + secret);
            }
        }

        // The lines from the dialect's title to the next title.
        private static string[] Section(string dialect)
        {
            string[] lines = _run.Output.Split('\n');
            int start = Array.FindIndex(lines, l => l.StartsWith("── " + dialect, StringComparison.Ordinal));
            Assert.IsTrue(start >= 0, "no section for " + dialect + ":\n" + _run);
            int end = Array.FindIndex(lines, start + 1, l => l.StartsWith("── ", StringComparison.Ordinal));
            return lines.Skip(start).Take((end < 0 ? lines.Length : end) - start).ToArray();
        }

        private static void AssertInOrder(string[] lines, params string[] expected)
        {
            int at = 0;
            foreach (string wanted in expected)
            {
                int found = Array.FindIndex(lines, at, l => l.Contains(wanted, StringComparison.Ordinal));
                Assert.IsTrue(found >= 0, "missing, or out of order: '" + wanted + "' in\n" + string.Join("\n", lines));
                at = found + 1;
            }
        }
    }
}
