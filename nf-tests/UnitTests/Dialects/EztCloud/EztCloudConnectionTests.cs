using System;
using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.Dialects;
using nanoFramework.TestFramework;

using IotDevice.UnitTests.Session;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>Credentials, endpoints and the configuration checks made before any connect.</summary>
    [TestClass]
    public class EztCloudConnectionTests
    {
        [TestMethod]
        public void Connects_with_the_device_username_and_password()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                MqttConnectOptions connect = device.Transport.LastOptions;
                Assert.AreEqual("mqtt.eztcloud.com", connect.Host);
                Assert.AreEqual(7883, connect.Port);
                Assert.IsFalse(connect.UseTls);
                Assert.AreEqual("DU_JEwVTAmL3m", connect.Username);
                Assert.AreEqual("1234567890", connect.Password);
                Assert.AreEqual("DU_JEwVTAmL3m", connect.ClientId, "the client id defaults to the username");
                Assert.AreEqual(60, connect.KeepAliveSeconds);
                Assert.IsTrue(connect.CleanSession);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Subscribes_every_downlink_at_qos_1()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                string[] filters = device.Transport.LastFilters;
                Assert.AreEqual(6, filters.Length);
                string all = "|";
                for (int i = 0; i < filters.Length; i++)
                {
                    all += filters[i] + "|";
                }
                Assert.Contains("|attributes_response/DU_JEwVTAmL3m|", all);
                Assert.Contains("|attributes_get_response/DU_JEwVTAmL3m|", all);
                Assert.Contains("|attributes_push/DU_JEwVTAmL3m|", all);
                Assert.Contains("|event_response/DU_JEwVTAmL3m|", all);
                Assert.Contains("|command_send/DU_JEwVTAmL3m|", all);
                Assert.Contains("|data_set/DU_JEwVTAmL3m/#|", all);
                Assert.AreEqual((int)MqttQos.AtLeastOnce, (int)device.Transport.LastFilterQos);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Tls_uses_port_7885_and_the_given_root()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.UseTls = true;
            options.CaCertificatePem = "-----BEGIN CERTIFICATE-----";
            options.ClientId = "esp32-0001";
            options.KeepAliveSeconds = 120;
            MqttConnectOptions connect = ((IDeviceDialect)new EztCloudDialect(options)).CreateConnectOptions();
            Assert.AreEqual(7885, connect.Port);
            Assert.IsTrue(connect.UseTls);
            Assert.AreEqual("-----BEGIN CERTIFICATE-----", connect.CaCertificatePem);
            Assert.AreEqual("esp32-0001", connect.ClientId);
            Assert.AreEqual(120, connect.KeepAliveSeconds);

            options.Host = "10.0.0.5";
            options.Port = 18885;
            connect = ((IDeviceDialect)new EztCloudDialect(options)).CreateConnectOptions();
            Assert.AreEqual("10.0.0.5", connect.Host);
            Assert.AreEqual(18885, connect.Port);
        }

        [TestMethod]
        public void A_username_that_cannot_be_a_topic_level_is_refused_before_connecting()
        {
            Refused("DU_a/b", "cannot be a topic level");
            Refused("DU_+", "cannot be a topic level");
            Refused("DU_#", "cannot be a topic level");
            Refused("DU_\n", "cannot be a topic level");
            Refused("", "needs the device username");
            Refused(null, "needs the device username");
        }

        [TestMethod]
        public void Other_unusable_settings_are_refused_without_showing_the_password()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.Password = null;
            Assert.ThrowsException(typeof(ArgumentException), () => new EztCloudDialect(options));
            options.Password = "";
            Assert.ThrowsException(typeof(ArgumentException), () => new EztCloudDialect(options));
            string[] problems = new string[] { "host", "port", "client", "keepalive", "version", "check", "interval", "qos" };
            for (int i = 0; i < problems.Length; i++)
            {
                options = EztDevice.QuietOptions();
                options.Password = "s3cret-Pa55";
                switch (problems[i])
                {
                    case "host": options.Host = ""; break;
                    case "port": options.Port = 70000; break;
                    case "client": options.ClientId = ""; break;
                    case "keepalive": options.KeepAliveSeconds = -1; break;
                    case "version": options.VersionAttribute = null; break;
                    case "check": options.OtaCheckMethod = ""; break;
                    case "interval": options.MinReportIntervalMs = -1; break;
                    default: options.PublishQos = (MqttQos)2; break;
                }
                string message = Message(options);
                Assert.IsNotNull(message, problems[i] + " was accepted");
                Assert.IsTrue(message.IndexOf("s3cret-Pa55") < 0, "the password leaked: " + message);
            }
            Assert.ThrowsException(typeof(ArgumentException), () => new EztCloudDialect(null));
        }

        [TestMethod]
        public void The_password_never_reaches_the_log()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.Password = "s3cret-Pa55";
            options.FirmwareVersion = "1.0.0";
            options.OtaCheckOnConnect = true;
            EztDevice device = EztDevice.Started(options, 2);
            try
            {
                device.Deliver("command_send", "{\"method\":\"nobody\",\"id\":1}");
                device.Deliver("attributes_response", "{\"error_code\":-1,\"error_msg\":\"too fast\"}");
                device.Deliver("command_send", "garbage");
                device.Transport.Drop();
                device.RunUntil(() => device.Transport.Count >= 5, "reconnected and announced again");
                Assert.IsTrue(device.Rig.Log.Count > 3, "something was logged");
                for (int i = 0; i < device.Rig.Log.Count; i++)
                {
                    Assert.IsTrue(((string)device.Rig.Log[i]).IndexOf("s3cret-Pa55") < 0, "the password leaked: " + (string)device.Rig.Log[i]);
                }
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Options_are_copied_so_later_changes_do_not_leak_in()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            EztCloudDialect dialect = new EztCloudDialect(options);
            options.Username = "DU_other";
            options.Password = "changed";
            MqttConnectOptions connect = ((IDeviceDialect)dialect).CreateConnectOptions();
            Assert.AreEqual(EztDevice.Username, connect.Username);
            Assert.AreEqual(EztDevice.Password, connect.Password);
            Assert.AreEqual("attributes_response/DU_JEwVTAmL3m", ((IDeviceDialect)dialect).GetSubscribeFilters()[0]);
        }

        [TestMethod]
        public void A_dialect_serves_one_client_and_is_useless_before()
        {
            EztCloudDialect dialect = new EztCloudDialect(EztDevice.QuietOptions());
            Assert.ThrowsException(typeof(InvalidOperationException), () => ((IDeviceDialect)dialect).ReportProperties(new PropertyReport(1).Add("a", 1L), out _));
            new DeviceClient(new FakeTransport(), dialect, new SessionOptions());
            Assert.ThrowsException(typeof(InvalidOperationException), () => new DeviceClient(new FakeTransport(), dialect, new SessionOptions()));
            Assert.ThrowsException(typeof(ArgumentException), () => ((IDeviceDialect)dialect).ReportProperties(new PropertyReport(1), out _));
            Assert.ThrowsException(typeof(ArgumentException), () => ((IDeviceDialect)dialect).ReportEvent("", null, out _));
        }

        [TestMethod]
        public void There_is_no_time_exchange()
        {
            EztDevice device = new EztDevice(EztDevice.QuietOptions());
            Assert.AreEqual((int)SendResult.NotConnected, (int)device.Client.RequestTime());
            Assert.IsTrue(device.Logged("use SNTP"));
        }

        private static void Refused(string username, string reason)
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.Username = username;
            options.Password = "s3cret-Pa55";
            string message = Message(options);
            Assert.IsNotNull(message, "'" + username + "' was accepted");
            Assert.Contains(reason, message);
            Assert.IsTrue(message.IndexOf("s3cret-Pa55") < 0, "the password leaked: " + message);
        }

        // The ArgumentException message the options give, or null when they are accepted.
        private static string Message(EztCloudOptions options)
        {
            try
            {
                new EztCloudDialect(options);
                return null;
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }
    }
}
