using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using IotDevice.Host.Mqtt;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests.Simulate
{
    /// <summary>
    /// Each login variant of the virtual device's command line, against the local platform that checks it
    /// the platform's way (the variants the conversation tests use are not repeated here): the device
    /// connects, reports once and exits 0, and the platform's transcript shows how it logged in.
    /// </summary>
    [TestClass]
    public class LoginVariantTests
    {
        private static (AppRunner Device, string Both) Login(LocalPlatformRig platform, params string[] deviceArgs)
        {
            AppRunner device = AppRunner.Run(15000, new[] { "--reports", "1", "--interval", "0.05", "--timeout", "5" }.Concat(deviceArgs).ToArray());
            string both = platform + "\n--- device ---\n" + device;
            Assert.AreEqual(0, device.ExitCode, both);
            Assert.AreEqual(0, platform.Run.Stop(), both);
            return (device, both);
        }

        private static void WithEnvironment(string name, string value, Action action)
        {
            string before = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
            try
            {
                action();
            }
            finally
            {
                Environment.SetEnvironmentVariable(name, before);
            }
        }

        [TestMethod]
        public void Alink_hmacmd5_without_a_timestamp_with_the_secret_from_the_environment()
        {
            WithEnvironment("IOTDEVICE_DEVICE_SECRET", "Env-Device-Secret-3", () =>
            {
                using var platform = LocalPlatformRig.Start("alink", null);
                var (_, both) = Login(platform, "--broker", platform.MqttUrl(), "--dialect", "alink", "--sign-method", "hmacmd5", "--timestamp", "0");
                StringAssert.Contains(platform.Output, "◆ device a1X2bEnTest.example1|securemode=3,signmethod=hmacmd5| from ", both);
                StringAssert.Contains(platform.Output, "login accepted (hmacmd5, no timestamp)", both);
                Assert.IsFalse(both.Contains("Env-Device-Secret-3", StringComparison.Ordinal), "the secret was printed");
            });
        }

        [TestMethod]
        public void Alink_over_tls_signs_securemode_2_and_trusts_the_platforms_made_ca_and_a_given_certificate_works_too()
        {
            string tlsFolder = Path.Combine(Path.GetTempPath(), "iotdevice-tls-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                using var platform = LocalPlatformRig.Start("alink", null, "--tls", "--tls-dir", tlsFolder);
                string ca = Path.Combine(tlsFolder, "ca.pem");
                StringAssert.Contains(platform.Output, "devices must trust the CA in " + ca, platform.ToString());
                var (_, both) = Login(platform, "--broker", platform.MqttUrl(tls: true), "--ca-file", ca, "--dialect", "alink");
                StringAssert.Contains(platform.Output, "|securemode=2,signmethod=hmacsha256,timestamp=2524608000000| from ", both);
                StringAssert.Contains(platform.Output, " over TLS: login accepted (hmacsha256, timestamp 2524608000000)", both);

                // A certificate the user gives (here the one kept from the run above) serves TLS as well.
                using var given = LocalPlatformRig.Start("eztcloud", null, "--cert", Path.Combine(tlsFolder, "server.pem"), "--key", Path.Combine(tlsFolder, "server-key.pem"));
                var (_, givenBoth) = Login(given, "--broker", given.MqttUrl(tls: true), "--ca-file", ca, "--dialect", "eztcloud");
                StringAssert.Contains(given.Output, " over TLS: login accepted", givenBoth);
            }
            finally
            {
                Directory.Delete(tlsFolder, true);
            }
        }

        [TestMethod]
        public void FastBee_simple_login_with_the_authorization_code_from_the_environment()
        {
            WithEnvironment("IOTDEVICE_AUTH_CODE", "ENVCODE42", () =>
            {
                using var platform = LocalPlatformRig.Start("fastbee", null);
                var (_, both) = Login(platform, "--broker", platform.MqttUrl(), "--dialect", "fastbee");
                StringAssert.Contains(platform.Output, "◆ device S&D6329VL548866&41&1 from ", both);
                StringAssert.Contains(platform.Output, "login accepted (simple password, authorization code)", both);
                Assert.IsFalse(both.Contains("ENVCODE42", StringComparison.Ordinal), "the code was printed");
            });
        }

        [TestMethod]
        public void FastBee_encrypted_login_with_the_product_secret_from_the_environment()
        {
            WithEnvironment("IOTDEVICE_PRODUCT_SECRET", "FEDCBA9876543210", () =>
            {
                using var platform = LocalPlatformRig.Start("fastbee", null);
                var (_, both) = Login(platform, "--broker", platform.MqttUrl(), "--dialect", "fastbee", "--encrypted", "--ntp-url", platform.NtpUrl);
                StringAssert.Contains(platform.Output, "◆ device E&D6329VL548866&41&1 from ", both);
                StringAssert.Contains(platform.Output, "login accepted (encrypted password, valid for ", both);
            });
        }

        [TestMethod]
        public void FastBee_refuses_an_expired_encrypted_password_on_the_wire()
        {
            using var platform = LocalPlatformRig.Start("fastbee", null);
            // Encrypted here with .NET's AES, expired a minute ago: password&expiry.
            long expired = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60000;
            using Aes aes = Aes.Create();
            aes.Key = Encoding.ASCII.GetBytes("K63C4EA3AI5TER97");
            string password = Convert.ToBase64String(aes.EncryptCbc(Encoding.UTF8.GetBytes("P5FJKZJHIR82GNB2&" + expired), Encoding.ASCII.GetBytes("wumei-smart-open")));
            using var client = new HostMqttTransport();
            MqttConnectResult result = client.Connect(new MqttConnectOptions
            {
                Host = "127.0.0.1", Port = platform.Port, ClientId = "E&D6329VL548866&41&1", Username = "FastBee", Password = password, ConnectTimeoutMs = 5000,
            });
            Assert.AreEqual(MqttConnectResult.BadUsernameOrPassword, result, client.LastError + "\n" + platform);
            Assert.IsTrue(platform.Run.WaitFor("login refused with CONNACK 4: password expired", 5000), platform.ToString());
        }
    }
}
