using System;
using IotDevice.Dialects;
using IotDevice.Dialects.Alink;
using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>The CONNECT signature against test-vectors.md §4, and the options the platform refuses.</summary>
    [TestClass]
    public class AlinkSignerTests
    {
        private const string DocsContent = "clientId12345deviceNamedeviceproductKeypktimestamp789";

        [TestMethod]
        public void Docs_example_content_client_id_and_user_name()
        {
            // §4.1 OFFICIAL: clientId 12345, device, pk, timestamp 789, hmacsha1, plain TCP.
            Assert.AreEqual(DocsContent, AlinkSigner.Content("12345", "device", "pk", 789));
            Assert.AreEqual("12345|securemode=3,signmethod=hmacsha1,timestamp=789|", AlinkSigner.MqttClientId("12345", false, AlinkSignMethod.HmacSha1, 789));
            Assert.AreEqual("device&pk", AlinkSigner.Username("device", "pk"));
        }

        [TestMethod]
        public void Hmacsha1_matches_the_documented_password()
        {
            // §4.1 OFFICIAL (completed): the docs print FAFD82A3D602B37FB0FA8B7892F24A477F85****.
            Assert.AreEqual("FAFD82A3D602B37FB0FA8B7892F24A477F851A14", AlinkSigner.Sign(AlinkSignMethod.HmacSha1, "secret", DocsContent));
        }

        [TestMethod]
        public void Hmacsha256_matches_the_derived_vector()
        {
            Assert.AreEqual("6074A46A91B1EBB2CC4EA42790AD0E80202C9843859FC292E57C4EB19FAD9E57",
                AlinkSigner.Sign(AlinkSignMethod.HmacSha256, "secret", DocsContent));
        }

        [TestMethod]
        public void Hmacmd5_matches_python_and_openssl()
        {
            // DERIVED here: python hmac and `openssl dgst -md5 -hmac secret` both give this.
            Assert.AreEqual("14B198324FE55E1D3C88F2E705E201EE", AlinkSigner.Sign(AlinkSignMethod.HmacMd5, "secret", DocsContent));
        }

        [TestMethod]
        public void C_sdk_style_connect_options()
        {
            // §4.3: default client id {pk}.{dn}, fixed timestamp 2524608000000, hmacsha256.
            AlinkOptions options = new AlinkOptions();
            options.Host = "a1X2bEnTest.iot-as-mqtt.cn-shanghai.aliyuncs.com";
            options.UseTls = false;
            options.ProductKey = "a1X2bEnTest";
            options.DeviceName = "example1";
            options.DeviceSecret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest";
            MqttConnectOptions connect = AlinkSigner.CreateConnectOptions(options);
            Assert.AreEqual("a1X2bEnTest.example1|securemode=3,signmethod=hmacsha256,timestamp=2524608000000|", connect.ClientId);
            Assert.AreEqual("example1&a1X2bEnTest", connect.Username);
            Assert.AreEqual("957421D083BD2665C80D5EC6128D80D714E430974229D1EBAAF06F95AA74FFE9", connect.Password);
            Assert.AreEqual("clientIda1X2bEnTest.example1deviceNameexample1productKeya1X2bEnTesttimestamp2524608000000",
                AlinkSigner.Content(options.EffectiveClientId, "example1", "a1X2bEnTest", AlinkOptions.FixedTimestamp));
            Assert.AreEqual(60, connect.KeepAliveSeconds);
            Assert.IsFalse(connect.CleanSession, "persistent session, as the C SDK");
            Assert.IsNull(connect.WillTopic, "the platform refuses wills");
            Assert.AreEqual(1883, connect.Port);

            // The C SDK writes the same pairs in another order (plus unsigned v=/_v=): the order carries no meaning.
            string[] ours = Pairs(connect.ClientId);
            string[] sdk = Pairs("a1X2bEnTest.example1|timestamp=2524608000000,securemode=3,signmethod=hmacsha256|");
            Assert.AreEqual(sdk.Length, ours.Length);
            for (int i = 0; i < sdk.Length; i++)
            {
                bool found = false;
                for (int j = 0; j < ours.Length; j++)
                {
                    found |= ours[j] == sdk[i];
                }
                Assert.IsTrue(found, "missing " + sdk[i]);
            }
        }

        private static string[] Pairs(string mqttClientId)
        {
            int open = mqttClientId.IndexOf('|');
            return mqttClientId.Substring(open + 1, mqttClientId.Length - open - 2).Split(',');
        }

        [TestMethod]
        public void Tls_is_securemode_2_and_carries_the_ca()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.UseTls = true;
            options.CaCertificatePem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
            options.ClientId = "SN-0001";
            options.SignMethod = AlinkSignMethod.HmacSha1;
            MqttConnectOptions connect = AlinkSigner.CreateConnectOptions(options);
            Assert.AreEqual("SN-0001|securemode=2,signmethod=hmacsha1,timestamp=2524608000000|", connect.ClientId);
            Assert.IsTrue(connect.UseTls);
            Assert.AreEqual(options.CaCertificatePem, connect.CaCertificatePem);
        }

        [TestMethod]
        public void A_zero_timestamp_is_left_out_of_client_id_and_signature()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.ClientId = "12345";
            options.ProductKey = "pk";
            options.DeviceName = "device";
            options.DeviceSecret = "secret";
            options.SignMethod = AlinkSignMethod.HmacSha1;
            options.Timestamp = 0;
            MqttConnectOptions connect = AlinkSigner.CreateConnectOptions(options);
            Assert.AreEqual("12345|securemode=3,signmethod=hmacsha1|", connect.ClientId);
            // python: hmac(secret, "clientId12345deviceNamedeviceproductKeypk", sha1)
            Assert.AreEqual("3504E4DF7CE4766D30F796EE973C9CE7FC5425CB", connect.Password);
        }

        [TestMethod]
        public void The_dialect_connects_with_its_options_as_they_were_when_it_was_made()
        {
            // The dialect keeps its settings packed, not the app's object: every one must come back
            // whole, at the ends of its range, and a later change to the app's object must not leak in.
            AlinkOptions options = AlinkDevice.Options();
            options.Port = 65535;
            options.KeepAliveSeconds = 1200;
            options.CleanSession = true;
            options.SignMethod = AlinkSignMethod.HmacMd5;
            options.ClientId = "SN-0009";
            options.Timestamp = 1700000000123;
            options.RrpcEnabled = true;
            MqttConnectOptions expected = AlinkSigner.CreateConnectOptions(options);
            IDeviceDialect dialect = new AlinkDialect(options);

            options.Host = "elsewhere.test";
            options.Port = 1;
            options.KeepAliveSeconds = 30;
            options.CleanSession = false;
            options.SignMethod = AlinkSignMethod.HmacSha1;
            options.ClientId = null;
            options.Timestamp = 0;
            options.DeviceSecret = "changed";
            options.RrpcEnabled = false;
            MqttConnectOptions connect = dialect.CreateConnectOptions();

            Assert.AreEqual("iot.test", connect.Host);
            Assert.AreEqual(65535, connect.Port);
            Assert.IsFalse(connect.UseTls);
            Assert.AreEqual(1200, connect.KeepAliveSeconds);
            Assert.IsTrue(connect.CleanSession);
            Assert.AreEqual("SN-0009|securemode=3,signmethod=hmacmd5,timestamp=1700000000123|", connect.ClientId);
            Assert.AreEqual(expected.ClientId, connect.ClientId);
            Assert.AreEqual(expected.Username, connect.Username);
            Assert.AreEqual(expected.Password, connect.Password);
            string[] filters = dialect.GetSubscribeFilters();
            bool rrpc = false;
            for (int i = 0; i < filters.Length; i++)
            {
                rrpc |= filters[i].IndexOf("rrpc/request/") >= 0;
            }
            Assert.IsTrue(rrpc, "RRPC was enabled when the dialect was made");
        }

        [TestMethod]
        public void Keep_alive_outside_30_to_1200_is_refused_before_connecting()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.KeepAliveSeconds = 29;
            Assert.ThrowsException(typeof(ArgumentException), () => new AlinkDialect(options));
            options.KeepAliveSeconds = 1201;
            Assert.ThrowsException(typeof(ArgumentException), () => new AlinkDialect(options));
            options.KeepAliveSeconds = 30;
            new AlinkDialect(options);
            options.KeepAliveSeconds = 1200;
            new AlinkDialect(options);
        }

        [TestMethod]
        public void Qos_2_is_refused_before_connecting()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.PublishQos = (MqttQos)2;
            Assert.ThrowsException(typeof(ArgumentException), () => new AlinkDialect(options));
        }

        [TestMethod]
        public void Unusable_identities_are_refused()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.ClientId = "a|b";
            Assert.ThrowsException(typeof(ArgumentException), () => new AlinkDialect(options));
            options.ClientId = "0123456789012345678901234567890123456789012345678901234567890123456789";
            Assert.ThrowsException(typeof(ArgumentException), () => new AlinkDialect(options));
            options = AlinkDevice.Options();
            options.DeviceSecret = null;
            Assert.ThrowsException(typeof(ArgumentException), () => new AlinkDialect(options));
            options = AlinkDevice.Options();
            options.UseTls = true;
            Assert.ThrowsException(typeof(ArgumentException), () => new AlinkDialect(options), "TLS without a CA");
            options = AlinkDevice.Options();
            options.DeviceName = "dev/1";
            Assert.ThrowsException(typeof(ArgumentException), () => new AlinkDialect(options), "not a topic level");
        }

        [TestMethod]
        public void The_secret_never_appears_in_a_refusal()
        {
            AlinkOptions options = AlinkDevice.Options();
            options.KeepAliveSeconds = 5;
            try
            {
                new AlinkDialect(options);
                Assert.IsTrue(false, "expected a refusal");
            }
            catch (ArgumentException e)
            {
                Assert.IsTrue(e.Message.IndexOf(AlinkDevice.Secret) < 0, "the secret leaked: " + e.Message);
                Assert.Contains("KeepAliveSeconds", e.Message);
            }
        }
    }
}
