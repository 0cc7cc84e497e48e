using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests.Simulate
{
    /// <summary>
    /// The virtual device in --broker mode against the local platform (simulate mode) of each dialect,
    /// over real TCP and HTTP: login (with a login variant), announce, a report the platform takes, a
    /// command the device answers, and an OTA update downloaded from the platform's file server, installed
    /// and reported. The platform's script drives it; both transcripts are checked.
    /// </summary>
    [TestClass]
    public class DeviceAgainstLocalPlatformTests
    {
        private static string[] Script(string command, string version) => new[]
        {
            "# the conversation the platform drives",
            "wait connected 20", "wait reported 10", command, "wait answered 10", "firmware " + version + " " + LocalPlatformRig.Firmware, "wait updated 20",
        };

        /// <summary>Runs the device until the platform's script is done, stops both, and returns the device's transcript.</summary>
        private static string Converse(LocalPlatformRig platform, params string[] deviceArgs)
        {
            using BackgroundRun device = BackgroundRun.Start(new[] { "--broker", platform.MqttUrl(), "--reports", "0", "--interval", "0.3" }.Concat(deviceArgs).ToArray());
            bool done = platform.Run.WaitFor("script done", 30000);
            int deviceExit = device.Stop();
            string both = platform + "\n--- device ---\n" + device;
            Assert.IsTrue(done, "the platform's script did not complete:\n" + both);
            Assert.AreEqual(0, deviceExit, both);
            Assert.AreEqual(0, platform.Run.Stop(), both);
            Assert.IsFalse(platform.Output.Contains("✗", StringComparison.Ordinal) || device.Output.Contains("✗", StringComparison.Ordinal), both);
            return device.Output;
        }

        private static void AssertHas(string transcript, string context, params string[] lines)
        {
            foreach (string line in lines)
            {
                StringAssert.Contains(transcript, line, context);
            }
        }

        [TestMethod]
        public void Alink_device_signed_with_hmacsha1_and_its_own_client_id_completes_the_conversation()
        {
            using var platform = LocalPlatformRig.Start("alink", Script("call led {\"on\":true}", "1.1.0"));
            string device = Converse(platform, "--dialect", "alink", "--sign-method", "hmacsha1", "--client-id", "board-7", "--timestamp", "1700000000000");
            string both = platform + "\n--- device ---\n" + device;

            AssertHas(platform.Output, both,
                "◆ device board-7|securemode=3,signmethod=hmacsha1,timestamp=1700000000000| from 127.0.0.1:",
                "login accepted (hmacsha1, timestamp 1700000000000)",
                "← /ota/device/inform/a1X2bEnTest/example1  {\"id\":\"1\",\"params\":{\"version\":\"1.0.0\"}}",
                "← /sys/a1X2bEnTest/example1/thing/event/property/post  ",
                "the call of led answered",
                "HTTP GET /firmware/fw.bin → 200, 40960 bytes",
                "\"params\":{\"version\":\"1.1.0\"}}",
                "firmware 1.1.0 reported");
            AssertHas(device, both,
                "← /sys/a1X2bEnTest/example1/thing/event/property/post_reply  {\"code\":200,\"data\":{},\"id\":\"3\"",
                "← /ext/ntp/a1X2bEnTest/example1/response",
                "→ /sys/a1X2bEnTest/example1/thing/service/led_reply  {\"id\":\"1001\",\"code\":200,\"data\":{\"led\":true}}",
                "ota: succeeded: firmware 1.1.0");
        }

        [TestMethod]
        public void FastBee_device_with_an_encrypted_password_and_an_authorization_code_completes_the_conversation()
        {
            using var platform = LocalPlatformRig.Start("fastbee", Script("call led 1", "1.1"), "--product-secret", "0123456789ABCDEF", "--auth-code", "A1B2C3D4E5F6");
            string device = Converse(platform, "--dialect", "fastbee", "--encrypted", "--product-secret", "0123456789ABCDEF", "--auth-code", "A1B2C3D4E5F6",
                "--ntp-url", platform.NtpUrl);
            string both = platform + "\n--- device ---\n" + device;

            AssertHas(platform.Output, both,
                "HTTP GET /iot/tool/ntp?deviceSendTime=",
                "◆ device E&D6329VL548866&41&1 from 127.0.0.1:",
                "login accepted (encrypted password, valid for ",
                ", authorization code)",
                "← /41/D6329VL548866/info/post  {\"rssi\":-52,\"firmwareVersion\":1,",
                // FastBee acknowledges no report: the platform taking it is all there is.
                "← /41/D6329VL548866/property/post  [{\"id\":\"temperature\"",
                "→ /41/D6329VL548866/ntp/get  {\"deviceSendTime\":",
                "← /41/D6329VL548866/property/post  [{\"id\":\"led\",\"value\":\"1\"",
                "the call of led answered",
                "HTTP GET /firmware/fw.bin → 200, 40960 bytes",
                "← /41/D6329VL548866/upgrade/reply  {\"messageId\":\"101\",\"code\":200",
                "firmware 1.1 reported");
            AssertHas(device, both, "clock set from the platform", "← /41/D6329VL548866/function/get  [{\"id\":\"led\",\"value\":\"1\"", "ota: succeeded: firmware 1.1");
            Assert.IsFalse(both.Contains("A1B2C3D4E5F6", StringComparison.Ordinal) || both.Contains("0123456789ABCDEF", StringComparison.Ordinal), "a secret was printed");
        }

        [TestMethod]
        public void EztCloud_device_with_its_user_password_and_client_id_completes_the_conversation()
        {
            using var platform = LocalPlatformRig.Start("eztcloud", Script("call led {\"on\":true}", "1.1.0"), "--username", "DU_local1", "--password", "Pa55-local");
            string device = Converse(platform, "--dialect", "eztcloud", "--username", "DU_local1", "--password", "Pa55-local", "--client-id", "board-9");
            string both = platform + "\n--- device ---\n" + device;

            AssertHas(platform.Output, both,
                "◆ device board-9 from 127.0.0.1:",
                "login accepted (client id board-9)",
                "← attributes/DU_local1  {\"version\":\"1.0.0\"}",
                "← event_report/DU_local1  {\"method\":\"otaCheck\"",
                "→ command_send/DU_local1  {\"method\":\"led\",\"params\":{\"on\":true},\"id\":7}",
                "the call of led answered",
                "→ command_send/DU_local1  {\"method\":\"otaUpgrade\",\"params\":{\"module\":\"main\",\"upgrade\":true,\"version\":\"1.1.0\"",
                "HTTP GET /firmware/fw.bin → 200, 40960 bytes",
                "← attributes/DU_local1  {\"version\":\"1.1.0\"}",
                "firmware 1.1.0 reported");
            AssertHas(device, both,
                "← attributes_response/DU_local1  {\"error_code\":0,\"error_msg\":\"OK\"",
                "→ command_reply/DU_local1  {\"method\":\"led\",\"params\":{\"led\":true},\"id\":7}",
                "ota: succeeded: firmware 1.1.0");
            Assert.IsFalse(both.Contains("Pa55-local", StringComparison.Ordinal), "the password was printed");
        }

        [TestMethod]
        [DataRow("alink", "4", "--device-secret")]
        [DataRow("fastbee", "4", "--password")]
        [DataRow("eztcloud", "5", "--password")]
        public void A_wrong_secret_is_refused_with_the_platforms_connack_code_and_the_device_fails(string dialect, string code, string secretOption)
        {
            using var platform = LocalPlatformRig.Start(dialect, null, secretOption, "Right-Secret-1");
            AppRunner device = AppRunner.Run(15000, "--broker", platform.MqttUrl(), "--dialect", dialect, secretOption, "Wr0ng-Secret-2", "--timeout", "1");
            string both = platform + "\n--- device ---\n" + device;

            Assert.AreEqual(1, device.ExitCode, both);
            StringAssert.Contains(device.Output, "could not connect to " + platform.MqttUrl(), both);
            StringAssert.Contains(platform.Output, "login refused with CONNACK " + code + ": ", both);
            Assert.IsFalse(platform.Output.Contains("login accepted", StringComparison.Ordinal), both);
            Assert.IsFalse(both.Contains("Wr0ng-Secret-2", StringComparison.Ordinal) || both.Contains("Right-Secret-1", StringComparison.Ordinal), "a secret was printed");
            Assert.AreEqual(0, platform.Run.Stop(), both);
        }
    }
}
