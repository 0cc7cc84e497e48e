using IotDevice.Platforms.Alink;
using IotDevice.Platforms.EztCloud;
using IotDevice.Platforms.FastBee;
using IotDevice.Platforms.Login;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests.Simulate
{
    /// <summary>
    /// The platforms' login checks that the local platform answers CONNECTs with, against the platforms'
    /// own published examples and their CONNACK codes.
    /// </summary>
    [TestClass]
    public class PlatformLoginTests
    {
        private static MqttConnectOptions Connect(string clientId, string username, string password, int keepAlive = 60, bool tls = false) =>
            new MqttConnectOptions { ClientId = clientId, Username = username, Password = password, KeepAliveSeconds = keepAlive, UseTls = tls };

        [TestMethod]
        public void Alink_accepts_the_documentation_example_signed_with_hmacsha1()
        {
            LoginVerdict verdict = AlinkLogin.Check(Connect("12345|securemode=3,signmethod=hmacsha1,timestamp=789|", "device&pk",
                "FAFD82A3D602B37FB0FA8B7892F24A477F851A14"), "pk", "device", "secret");
            Assert.IsTrue(verdict.Accepted, verdict.ToString());
            StringAssert.Contains(verdict.Reason, "hmacsha1, timestamp 789");
        }

        [TestMethod]
        public void Alink_accepts_hmacsha256_in_either_case_and_ignores_unsigned_pairs()
        {
            // The C SDK's style: timestamp first, extra pairs that are not signed.
            var connect = Connect("a1X2bEnTest.example1|timestamp=2524608000000,_v=sdk-c-3.0.1,securemode=3,signmethod=hmacsha256|", "example1&a1X2bEnTest",
                "957421d083bd2665c80d5ec6128d80d714e430974229d1ebaaf06f95aa74ffe9");
            Assert.IsTrue(AlinkLogin.Check(connect, "a1X2bEnTest", "example1", "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest").Accepted);
        }

        [TestMethod]
        public void Alink_refuses_a_wrong_signature_or_user_with_4_and_an_unreadable_client_id_with_2()
        {
            string good = "12345|securemode=3,signmethod=hmacsha1,timestamp=789|";
            string password = "FAFD82A3D602B37FB0FA8B7892F24A477F851A14";
            AssertRefused(AlinkLogin.Check(Connect(good, "device&pk", "FAFD82A3D602B37FB0FA8B7892F24A477F851A15"), "pk", "device", "secret"),
                MqttConnectResult.BadUsernameOrPassword, "not the hmacsha1 signature");
            AssertRefused(AlinkLogin.Check(Connect(good, "device&pk", password), "pk", "device", "other-secret"), MqttConnectResult.BadUsernameOrPassword, "signature");
            AssertRefused(AlinkLogin.Check(Connect(good, "pk&device", password), "pk", "device", "secret"), MqttConnectResult.BadUsernameOrPassword, "user name");
            // The timestamp is signed: another one breaks the signature.
            AssertRefused(AlinkLogin.Check(Connect("12345|securemode=3,signmethod=hmacsha1,timestamp=790|", "device&pk", password), "pk", "device", "secret"),
                MqttConnectResult.BadUsernameOrPassword, "signature");
            AssertRefused(AlinkLogin.Check(Connect("12345", "device&pk", password), "pk", "device", "secret"), MqttConnectResult.IdentifierRejected, "securemode");
            AssertRefused(AlinkLogin.Check(Connect("12345|securemode=3|", "device&pk", password), "pk", "device", "secret"),
                MqttConnectResult.IdentifierRejected, "no signmethod");
            AssertRefused(AlinkLogin.Check(Connect("12345|securemode=3,signmethod=sha512|", "device&pk", password), "pk", "device", "secret"),
                MqttConnectResult.IdentifierRejected, "sha512");
            AssertRefused(AlinkLogin.Check(Connect(good, "device&pk", password, keepAlive: 10), "pk", "device", "secret"),
                MqttConnectResult.IdentifierRejected, "keep-alive");
        }

        [TestMethod]
        public void Alink_notes_a_securemode_that_does_not_match_the_connection()
        {
            LoginVerdict verdict = AlinkLogin.Check(Connect("12345|securemode=3,signmethod=hmacsha1,timestamp=789|", "device&pk",
                "FAFD82A3D602B37FB0FA8B7892F24A477F851A14", tls: true), "pk", "device", "secret");
            Assert.IsTrue(verdict.Accepted);
            StringAssert.Contains(verdict.Reason, "securemode=3 says plain TCP but the connection is TLS");
        }

        [TestMethod]
        public void FastBee_checks_the_encrypted_password_and_its_expiry_and_refuses_with_4()
        {
            var device = new FastBeeCredentials
            {
                ProductId = "2", DeviceNum = "D68329VL588", UserId = 1, Username = "FastBee", MqttPassword = "P5FJKZJHIR82GNB2", ProductSecret = "K63C4EA3AI5TER97",
            };
            // test-vectors §1.2: "P5FJKZJHIR82GNB2&1647597191168" encrypted with the documentation's product secret.
            var connect = Connect("E&D68329VL588&2&1", "FastBee", "/W2A/4MK+9cEGBhyBDgr2KeYOd3/7w7rpNaUY/oAl54=");
            Assert.IsTrue(FastBeeLogin.Verdict(device, connect, 1647597191000).Accepted);
            AssertRefused(FastBeeLogin.Verdict(device, connect, 1647597192000), MqttConnectResult.BadUsernameOrPassword, "password expired");
            // The documentation's own sample is the 2022 layout (password&userId&expiry), which the v2.x server refuses.
            AssertRefused(FastBeeLogin.Verdict(device, Connect("E&D68329VL588&2&1", "FastBee", "/W2A/4MK+9cEGBhyBDgr2K5c62DAjAK4m0b5pvwxX6FFMzI3h1pUmaDY3BH1P2mI"), 1),
                MqttConnectResult.BadUsernameOrPassword, "wrong layout");
            AssertRefused(FastBeeLogin.Verdict(device, Connect("S&D68329VL588&2&1", "FastBee", "wrong"), 1), MqttConnectResult.BadUsernameOrPassword, "wrong simple password");
            Assert.IsTrue(FastBeeLogin.Verdict(device, Connect("S&D68329VL588&2&1", "FastBee", "P5FJKZJHIR82GNB2", keepAlive: 300), 1).Accepted,
                "a keep-alive over 120 s is not refused: the broker uses 60 s");
        }

        [TestMethod]
        public void EztCloud_refuses_a_wrong_user_or_password_with_5()
        {
            Assert.IsTrue(EztCloudLogin.Check(Connect("c", "DU_a", "pw"), "DU_a", "pw").Accepted);
            AssertRefused(EztCloudLogin.Check(Connect("c", "DU_a", "pw2"), "DU_a", "pw"), MqttConnectResult.NotAuthorized, "wrong password for DU_a");
            AssertRefused(EztCloudLogin.Check(Connect("c", "DU_b", "pw"), "DU_a", "pw"), MqttConnectResult.NotAuthorized, "unknown device user");
        }

        private static void AssertRefused(LoginVerdict verdict, MqttConnectResult code, string reason)
        {
            Assert.IsFalse(verdict.Accepted, verdict.ToString());
            Assert.AreEqual(code, verdict.Code, verdict.ToString());
            StringAssert.Contains(verdict.Reason, reason);
        }
    }
}
