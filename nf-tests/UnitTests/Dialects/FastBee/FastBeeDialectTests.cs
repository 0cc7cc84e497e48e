using System;
using System.Collections;
using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.Dialects;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    /// <summary>The dialect on the in-memory transport: connecting, announcing, reporting, credentials per connect.</summary>
    [TestClass]
    public class FastBeeDialectTests
    {
        [TestMethod]
        public void Info_post_is_the_first_message_then_the_time_request()
        {
            FastBeeOptions options = FastBeeDevice.Options();
            options.RequestTimeAfterConnect = true;
            options.Rssi = () => -43;
            options.Summary = new PropertyReport(4).Add("name", "FastBee").Add("chip", "ESP32");
            FastBeeDevice device = new FastBeeDevice(options).Start();
            try
            {
                Waits.Until(() => device.Count("ntp/post") == 1, "the ntp/post after info/post");
                string[] sent = device.Transport.Published();
                Assert.AreEqual(FastBeeDevice.Prefix + "info/post|{\"rssi\":-43,\"firmwareVersion\":1.2,\"status\":3,\"userId\":1,"
                    + "\"longitude\":0,\"latitude\":0,\"summary\":{\"name\":\"FastBee\",\"chip\":\"ESP32\"}}", sent[0]);
                Assert.StartsWith(FastBeeDevice.Prefix + "ntp/post|{\"deviceSendTime\":", sent[1]);
                Assert.AreEqual(6, device.Transport.Subscriptions, "function, info, ntp, monitor, upgrade, ota");
                Assert.AreEqual("S&D6329VL548866&41&1", device.Transport.LastOptions.ClientId);
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Subscriptions_are_the_six_device_topics_at_qos_1_by_default()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options());
            string[] filters = ((IDeviceDialect)device.Dialect).GetSubscribeFilters();
            string all = "";
            for (int i = 0; i < filters.Length; i++)
            {
                all += filters[i] + " ";
            }
            Assert.AreEqual(6, filters.Length, all);
            string[] expected = new string[] { "function/get", "info/get", "ntp/get", "monitor/get", "upgrade/get", "ota/get" };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Contains(FastBeeDevice.Prefix + expected[i] + " ", all);
            }
            Assert.AreEqual((int)MqttQos.AtLeastOnce, (int)((IDeviceDialect)device.Dialect).GetSubscribeQos());
        }

        [TestMethod]
        public void Properties_and_events_go_out_as_item_arrays()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options()).Start();
            try
            {
                Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(2).Add("temperature", 27.43)));
                Assert.AreEqual("[{\"id\":\"temperature\",\"value\":\"27.43\",\"remark\":\"\"}]", device.Last("property/post"));

                device.Client.ReportEvent("height_temperature", new PropertyReport(1).Add("t", 40L));
                Assert.AreEqual("[{\"id\":\"height_temperature\",\"value\":\"40\",\"remark\":\"\"}]", device.Last("event/post"));

                long id;
                device.Dialect.ReportEvent("exception", "error text", "device error", out id);
                Assert.AreEqual("[{\"id\":\"exception\",\"value\":\"error text\",\"remark\":\"device error\"}]", device.Last("event/post"));

                device.Client.ReportEvent(null, new PropertyReport(2).Add("height_temperature", 40L).Add("exception", "error text"));
                Assert.AreEqual("[{\"id\":\"height_temperature\",\"value\":\"40\",\"remark\":\"\"},{\"id\":\"exception\",\"value\":\"error text\",\"remark\":\"\"}]",
                    device.Last("event/post"));

                Assert.ThrowsException(typeof(ArgumentException), () => device.Client.ReportProperties(new PropertyReport(1)));
                Assert.ThrowsException(typeof(ArgumentException), () => device.Client.ReportEvent("e", new PropertyReport(2).Add("a", 1L).Add("b", 2L)));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Qos_0_reports_are_refused_offline_and_qos_1_reports_wait_in_the_outbox()
        {
            FastBeeDevice offline = new FastBeeDevice(FastBeeDevice.Options());
            Assert.AreEqual((int)SendResult.NotConnected, (int)offline.Client.ReportProperties(new PropertyReport(1).Add("a", 1L)));

            FastBeeOptions options = FastBeeDevice.Options();
            options.PublishQos = MqttQos.AtLeastOnce;
            FastBeeDevice device = new FastBeeDevice(options);
            Assert.AreEqual((int)SendResult.Accepted, (int)device.Client.ReportProperties(new PropertyReport(1).Add("a", 1L)));
            Assert.AreEqual(1, device.Rig.Session.OutboxCount);
            device.Start();
            try
            {
                Waits.Until(() => device.Count("property/post") == 1 && device.Rig.Session.OutboxCount == 0, "the kept report delivered");
                Assert.StartsWith(FastBeeDevice.Prefix + "info/post|", device.Transport.Published()[0], "info/post still goes first");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Info_get_is_answered_with_info_post_carrying_the_current_version()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options()).Start();
            try
            {
                device.Dialect.FirmwareVersion = 1.25;
                device.Dialect.SetLocation(113.5, 22.25);
                device.Deliver("info/get", "");
                Assert.AreEqual(2, device.Count("info/post"));
                Assert.Contains("\"firmwareVersion\":1.25", device.Last("info/post"));
                Assert.Contains("\"longitude\":113.5,\"latitude\":22.25", device.Last("info/post"));
                Assert.AreEqual(0L, device.Rejected, "an empty info/get is not an error");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Encrypted_connect_takes_http_time_and_encrypts_password_and_expiry()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeAuthTests.Encrypted()).Start();
            try
            {
                MqttConnectOptions connect = device.Transport.LastOptions;
                Assert.AreEqual("E&D6329VL548866&41&1", connect.ClientId);
                Assert.StartsWith("http://iot.example.com:8080/iot/tool/ntp?deviceSendTime=", device.Http.LastUrl);
                string plain = FastBeeAuthTests.Decrypt(connect.Password);
                Assert.StartsWith("P5FJKZJHIR82GNB2&", plain);
                long expiry = long.Parse(plain.Substring("P5FJKZJHIR82GNB2&".Length));
                // Server time 1718000000100..104 over an instant exchange, plus one hour.
                Assert.IsTrue(expiry >= 1718000000102 + 3600000 && expiry < 1718000000102 + 3600000 + 1000, "expiry " + expiry.ToString());
                Assert.AreEqual(expiry, device.Dialect.PasswordExpiresAtMs);
                Assert.IsTrue(device.Client.Clock.IsSynced, "the HTTP time set the clock");
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void The_password_is_rebuilt_with_a_new_expiry_before_every_connect()
        {
            FastBeeOptions options = FastBeeAuthTests.Encrypted();
            options.AuthCode = "A1B2C3D4E5F6";
            options.PasswordLifetimeMs = 600000;
            FastBeeDevice device = new FastBeeDevice(options).Start();
            try
            {
                string first = device.Transport.LastOptions.Password;
                long firstExpiry = device.Dialect.PasswordExpiresAtMs;
                Assert.AreEqual("P5FJKZJHIR82GNB2&" + firstExpiry.ToString() + "&A1B2C3D4E5F6", FastBeeAuthTests.Decrypt(first));

                device.Http.Body = "{\"data\":{\"serverTime\":1718000300000}}";
                device.Reconnect(2);
                Assert.AreEqual(2, device.Http.Requests, "the time is asked again");
                long secondExpiry = device.Dialect.PasswordExpiresAtMs;
                Assert.IsTrue(secondExpiry >= 1718000300000 + 600000 && secondExpiry < 1718000300000 + 601000, "expiry " + secondExpiry.ToString());
                Assert.AreEqual("P5FJKZJHIR82GNB2&" + secondExpiry.ToString() + "&A1B2C3D4E5F6", FastBeeAuthTests.Decrypt(device.Transport.LastOptions.Password));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void Without_any_time_there_are_no_credentials_and_a_synced_clock_is_the_fallback()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeAuthTests.Encrypted());
            ArrayList log = new ArrayList();
            device.Rig.Session.Log += line => log.Add(line);

            device.Http.Outcome = HttpOutcome.NetworkError;
            Assert.IsNull(((IDeviceDialect)device.Dialect).CreateConnectOptions(), "no time, no password");
            device.Http.Outcome = HttpOutcome.Completed;
            device.Http.Status = 500;
            Assert.IsNull(((IDeviceDialect)device.Dialect).CreateConnectOptions());
            device.Http.Status = 200;
            device.Http.Body = "<html>maintenance</html>";
            Assert.IsNull(((IDeviceDialect)device.Dialect).CreateConnectOptions());
            device.Http.Body = "{\"serverRecvTime\":\"later\"}";
            Assert.IsNull(((IDeviceDialect)device.Dialect).CreateConnectOptions());
            Assert.AreEqual(4, log.Count);
            Assert.Contains("HTTP 500", (string)log[1]);

            device.Client.Clock.Set(1718000000000);
            device.Http.Outcome = HttpOutcome.Stalled;
            MqttConnectOptions connect = ((IDeviceDialect)device.Dialect).CreateConnectOptions();
            Assert.IsNotNull(connect, "the clock set earlier is used");
            long expiry = device.Dialect.PasswordExpiresAtMs;
            Assert.IsTrue(expiry >= 1718003600000 && expiry < 1718003601000, "expiry " + expiry.ToString());
            for (int i = 0; i < log.Count; i++)
            {
                string line = (string)log[i];
                Assert.IsTrue(line.IndexOf("P5FJKZJHIR82GNB2") < 0 && line.IndexOf("K63C4EA3AI5TER97") < 0 && line.IndexOf(connect.Password) < 0,
                    "no secret in the log: " + line);
            }
        }

        [TestMethod]
        public void Deprecated_and_foreign_topics_are_rejected_with_a_reason()
        {
            FastBeeDevice device = new FastBeeDevice(FastBeeDevice.Options()).Start();
            try
            {
                device.Deliver("property/get", "[]");
                Assert.AreEqual(1L, device.Rejected);
                Assert.Contains("deprecated", device.LastRejection);
                device.Transport.Deliver("/41/OTHERDEVICE/function/get", FastBeeDevice.Bytes("[{\"id\":\"switch\",\"value\":\"1\"}]"));
                Assert.AreEqual(2L, device.Rejected);
                device.Deliver("property/post", "[]");
                Assert.AreEqual(3L, device.Rejected, "a topic the device publishes on (a broker echo)");
                Assert.IsTrue(device.Rig.Session.IsConnected);
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
