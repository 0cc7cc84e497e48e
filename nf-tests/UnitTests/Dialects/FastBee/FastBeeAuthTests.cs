using System;
using System.Text;
using IotDevice.Crypto;
using IotDevice.Dialects.FastBee;
using IotDevice.Dialects;
using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    /// <summary>Client id and passwords against test-vectors.md §1–2; configuration refused before connecting.</summary>
    [TestClass]
    public class FastBeeAuthTests
    {
        private const string Secret = "K63C4EA3AI5TER97";
        private const string Password = "P5FJKZJHIR82GNB2";

        [TestMethod]
        public void Encrypted_password_matches_the_v2_vector()
        {
            // §1.2 DERIVED: "P5FJKZJHIR82GNB2&1647597191168" with the documented key and IV.
            Assert.AreEqual("/W2A/4MK+9cEGBhyBDgr2KeYOd3/7w7rpNaUY/oAl54=",
                FastBeeAuth.EncryptedPassword(Password, 1647597191168, null, Secret));
        }

        [TestMethod]
        public void Cipher_layer_reproduces_the_official_docs_password()
        {
            // §1.1 OFFICIAL (reconstructed): the old 2022 plaintext layout, cipher layer only.
            Assert.AreEqual("/W2A/4MK+9cEGBhyBDgr2K5c62DAjAK4m0b5pvwxX6FFMzI3h1pUmaDY3BH1P2mI",
                FastBeeAuth.Encrypt("P5FJKZJHIR82GNB2&1&1647597191168", Secret));
        }

        [TestMethod]
        public void Encrypted_password_with_auth_code_appends_it_after_the_expiry()
        {
            // Same key/IV with the invented code A1B2C3D4E5F6 (cross-checked with openssl enc -aes-128-cbc).
            string encrypted = FastBeeAuth.EncryptedPassword(Password, 1647597191168, "A1B2C3D4E5F6", Secret);
            Assert.AreEqual("/W2A/4MK+9cEGBhyBDgr2Dj5o5Jq3s82JpKPtD9aMirZwmgnMwkuCmkgfctZ+qrV", encrypted);
            Assert.AreEqual("P5FJKZJHIR82GNB2&1647597191168&A1B2C3D4E5F6", Decrypt(encrypted));
        }

        [TestMethod]
        public void An_empty_auth_code_is_no_auth_code()
        {
            Assert.AreEqual(FastBeeAuth.EncryptedPassword(Password, 5, null, Secret), FastBeeAuth.EncryptedPassword(Password, 5, "", Secret));
            Assert.AreEqual("P5FJKZJHIR82GNB2&5", Decrypt(FastBeeAuth.EncryptedPassword(Password, 5, "", Secret)));
        }

        [TestMethod]
        public void Client_ids_follow_the_documented_examples()
        {
            // §2: S&D68329VL588&2&1 and S&D13W75R79966&166&1; encrypted E&D68329VL588&2&1.
            Assert.AreEqual("S&D68329VL588&2&1", FastBeeAuth.ClientId(false, "D68329VL588", "2", 1));
            Assert.AreEqual("S&D13W75R79966&166&1", FastBeeAuth.ClientId(false, "D13W75R79966", "166", 1));
            Assert.AreEqual("E&D68329VL588&2&1", FastBeeAuth.ClientId(true, "D68329VL588", "2", 1));
        }

        [TestMethod]
        public void Simple_passwords_with_and_without_auth_code()
        {
            Assert.AreEqual("PHYFED93WSFF1DAS", FastBeeAuth.SimplePassword("PHYFED93WSFF1DAS", null));
            Assert.AreEqual("PHYFED93WSFF1DAS&A1B2C3D4E5F6", FastBeeAuth.SimplePassword("PHYFED93WSFF1DAS", "A1B2C3D4E5F6"));
        }

        [TestMethod]
        public void Simple_connect_options_carry_the_documented_credentials()
        {
            FastBeeOptions options = FastBeeDevice.Options();
            options.DeviceNum = "D68329VL588";
            options.ProductId = "2";
            options.MqttUsername = "fastbee";
            options.MqttPassword = "PHYFED93WSFF1DAS";
            FastBeeDevice device = new FastBeeDevice(options);
            IotDevice.Transport.MqttConnectOptions connect = ((IDeviceDialect)device.Dialect).CreateConnectOptions();
            Assert.AreEqual("S&D68329VL588&2&1", connect.ClientId);
            Assert.AreEqual("fastbee", connect.Username);
            Assert.AreEqual("PHYFED93WSFF1DAS", connect.Password);
            Assert.AreEqual(60, connect.KeepAliveSeconds);
            Assert.AreEqual("broker.test", connect.Host);
            Assert.AreEqual(1883, connect.Port);
            Assert.AreEqual(0, device.Http.Requests, "simple authentication needs no time");
        }

        [TestMethod]
        public void Connect_options_come_from_the_options_as_they_were_when_the_dialect_was_made()
        {
            // The dialect keeps its settings packed, not the app's object: each comes back whole, at the
            // ends of its range, and a later change to the app's object does not leak in.
            FastBeeOptions options = FastBeeDevice.Options();
            options.Port = 65535;
            options.KeepAliveSeconds = 120;
            options.UseTls = true;
            options.CaCertificatePem = "-----BEGIN CERTIFICATE-----";
            options.UserId = 9007199254740993;
            options.AuthCode = "A1";
            options.SubscribeQos = MqttQos.AtMostOnce;
            options.PublishQos = MqttQos.AtLeastOnce;
            IDeviceDialect dialect = new FastBeeDevice(options).Dialect;

            options.Host = "elsewhere.test";
            options.Port = 1;
            options.KeepAliveSeconds = 0;
            options.UseTls = false;
            options.DeviceNum = "OTHER";
            options.UserId = 2;
            options.MqttPassword = "changed";
            options.AuthCode = null;
            options.SubscribeQos = MqttQos.AtLeastOnce;
            MqttConnectOptions connect = dialect.CreateConnectOptions();
            Assert.AreEqual("broker.test", connect.Host);
            Assert.AreEqual(65535, connect.Port);
            Assert.AreEqual(120, connect.KeepAliveSeconds);
            Assert.IsTrue(connect.UseTls);
            Assert.AreEqual("-----BEGIN CERTIFICATE-----", connect.CaCertificatePem);
            Assert.AreEqual("S&D6329VL548866&41&9007199254740993", connect.ClientId);
            Assert.AreEqual(FastBeeAuth.SimplePassword("P5FJKZJHIR82GNB2", "A1"), connect.Password);
            Assert.AreEqual((int)MqttQos.AtMostOnce, (int)dialect.GetSubscribeQos());
        }

        [TestMethod]
        public void Identity_with_separators_is_refused()
        {
            string[] bad = new string[] { "D63/29", "D63+29", "D63#29", "D63&29", "D63 29", "" };
            for (int i = 0; i < bad.Length; i++)
            {
                FastBeeOptions options = FastBeeDevice.Options();
                options.DeviceNum = bad[i];
                AssertRefused(options, "DeviceNum");
                options = FastBeeDevice.Options();
                options.ProductId = bad[i];
                AssertRefused(options, "ProductId");
            }
        }

        [TestMethod]
        public void Missing_user_id_is_refused()
        {
            FastBeeOptions options = FastBeeDevice.Options();
            options.UserId = 0;
            AssertRefused(options, "UserId");
        }

        [TestMethod]
        public void Encrypted_auth_needs_a_16_character_secret_and_an_ntp_url_without_quoting_the_secret()
        {
            FastBeeOptions options = Encrypted();
            options.ProductSecret = null;
            AssertRefused(options, "ProductSecret");

            options = Encrypted();
            options.ProductSecret = "K63C4EA3AI5TER9";
            string message = AssertRefused(options, "16");
            Assert.IsTrue(message.IndexOf("K63C") < 0, "the secret is not quoted");

            options = Encrypted();
            options.ProductSecret = "K63C4EA3AI5TER97X";
            AssertRefused(options, "ProductSecret");

            options = Encrypted();
            options.NtpUrl = null;
            AssertRefused(options, "NtpUrl");

            options = Encrypted();
            options.NtpUrl = "iot.example.com/iot/tool/ntp";
            AssertRefused(options, "NtpUrl");
        }

        [TestMethod]
        public void Encrypted_auth_without_an_http_transport_is_refused()
        {
            ArgumentException refused = null;
            try
            {
                new FastBeeDialect(Encrypted(), null);
            }
            catch (ArgumentException e)
            {
                refused = e;
            }
            Assert.IsNotNull(refused);
            Assert.Contains("IHttpTransport", refused.Message);
        }

        [TestMethod]
        public void A_password_or_auth_code_with_an_ampersand_is_refused_without_quoting_it()
        {
            FastBeeOptions options = FastBeeDevice.Options();
            options.MqttPassword = "SECRET&PART";
            string message = AssertRefused(options, "MqttPassword");
            Assert.IsTrue(message.IndexOf("SECRET") < 0);

            options = FastBeeDevice.Options();
            options.AuthCode = "CODE&PART";
            message = AssertRefused(options, "AuthCode");
            Assert.IsTrue(message.IndexOf("CODE&") < 0);
        }

        [TestMethod]
        public void Other_bad_settings_are_refused()
        {
            FastBeeOptions options = FastBeeDevice.Options();
            options.Host = " ";
            AssertRefused(options, "Host");

            options = FastBeeDevice.Options();
            options.MqttUsername = null;
            AssertRefused(options, "MqttUsername");

            options = FastBeeDevice.Options();
            options.KeepAliveSeconds = 300;
            Assert.Contains("1..120", AssertRefused(options, "KeepAliveSeconds"));

            options = FastBeeDevice.Options();
            options.Port = 0;
            Assert.Contains("1..65535", AssertRefused(options, "Port"));

            options = FastBeeDevice.Options();
            options.MaxItems = 0;
            Assert.Contains("1 or more", AssertRefused(options, "MaxItems"));

            options = FastBeeDevice.Options();
            options.MaxMessageBytes = 255;
            Assert.Contains("256 or more", AssertRefused(options, "MaxMessageBytes"));

            options = Encrypted();
            options.PasswordLifetimeMs = 999;
            Assert.Contains("1000 or more", AssertRefused(options, "PasswordLifetimeMs"));

            options = Encrypted();
            options.HttpTimeoutMs = 0;
            AssertRefused(options, "HttpTimeoutMs");

            options = FastBeeDevice.Options();
            options.SummaryJson = "[1,2]";
            AssertRefused(options, "SummaryJson");

            options = FastBeeDevice.Options();
            options.UseTls = true;
            AssertRefused(options, "CaCertificatePem");
        }

        [TestMethod]
        public void A_firmware_version_that_is_not_a_non_negative_number_is_refused_in_the_options_and_later()
        {
            double[] bad = new double[] { -0.5, double.NaN, double.PositiveInfinity };
            FastBeeDialect dialect = new FastBeeDialect(FastBeeDevice.Options(), new FakeHttp());
            for (int i = 0; i < bad.Length; i++)
            {
                FastBeeOptions options = FastBeeDevice.Options();
                options.FirmwareVersion = bad[i];
                AssertRefused(options, "FirmwareVersion");
                ArgumentException refused = null;
                try
                {
                    dialect.FirmwareVersion = bad[i];
                }
                catch (ArgumentException e)
                {
                    refused = e;
                }
                Assert.IsNotNull(refused);
                Assert.Contains("FirmwareVersion", refused.Message);
            }
            Assert.AreEqual(1.2, dialect.FirmwareVersion, "a refused version changes nothing");
        }

        internal static FastBeeOptions Encrypted()
        {
            FastBeeOptions options = FastBeeDevice.Options();
            options.Encrypted = true;
            options.ProductSecret = Secret;
            options.NtpUrl = "http://iot.example.com:8080/iot/tool/ntp";
            return options;
        }

        internal static string Decrypt(string base64)
        {
            byte[] cipher = Convert.FromBase64String(base64);
            byte[] plain = AesCbc.DecryptCbcPkcs7(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(FastBeeAuth.Iv), cipher, 0, cipher.Length);
            return Encoding.UTF8.GetString(plain, 0, plain.Length);
        }

        private static string AssertRefused(FastBeeOptions options, string named)
        {
            try
            {
                new FastBeeDialect(options, new FakeHttp());
            }
            catch (ArgumentException e)
            {
                Assert.Contains(named, e.Message);
                return e.Message;
            }
            throw new TestFrameworkShared.AssertFailedException("the options were accepted; expected a refusal naming " + named);
        }
    }
}
