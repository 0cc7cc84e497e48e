using System;
using System.Collections;
using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.Dialects;
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
            FastBeeOptions options = FastBeeRig.Options();
            options.RequestTimeAfterConnect = true;
            options.Rssi = () => -43;
            options.Summary = new PropertyReport(4).Add("name", "FastBee").Add("chip", "ESP32");
            FastBeeRig rig = new FastBeeRig(options).Start();
            try
            {
                FastBeeRig.WaitFor(() => rig.Count("ntp/post") == 1, "the ntp/post after info/post");
                string[] sent = rig.Transport.Published();
                Assert.AreEqual(FastBeeRig.Prefix + "info/post|{\"rssi\":-43,\"firmwareVersion\":1.2,\"status\":3,\"userId\":1,"
                    + "\"longitude\":0,\"latitude\":0,\"summary\":{\"name\":\"FastBee\",\"chip\":\"ESP32\"}}", sent[0]);
                Assert.StartsWith(FastBeeRig.Prefix + "ntp/post|{\"deviceSendTime\":", sent[1]);
                Assert.AreEqual(6, rig.Transport.Subscriptions, "function, info, ntp, monitor, upgrade, ota");
                Assert.AreEqual("S&D6329VL548866&41&1", rig.Transport.LastOptions.ClientId);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Subscriptions_are_the_six_device_topics_at_qos_1_by_default()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options());
            string[] filters = ((IDeviceDialect)rig.Dialect).GetSubscribeFilters();
            string all = "";
            for (int i = 0; i < filters.Length; i++)
            {
                all += filters[i] + " ";
            }
            Assert.AreEqual(6, filters.Length, all);
            string[] expected = new string[] { "function/get", "info/get", "ntp/get", "monitor/get", "upgrade/get", "ota/get" };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Contains(FastBeeRig.Prefix + expected[i] + " ", all);
            }
            Assert.AreEqual((int)MqttQos.AtLeastOnce, (int)((IDeviceDialect)rig.Dialect).GetSubscribeQos());
        }

        [TestMethod]
        public void Properties_and_events_go_out_as_item_arrays()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options()).Start();
            try
            {
                Assert.AreEqual((int)SendResult.Accepted, (int)rig.Client.ReportProperties(new PropertyReport(2).Add("temperature", 27.43)));
                Assert.AreEqual("[{\"id\":\"temperature\",\"value\":\"27.43\",\"remark\":\"\"}]", rig.Last("property/post"));

                rig.Client.ReportEvent("height_temperature", new PropertyReport(1).Add("t", 40L));
                Assert.AreEqual("[{\"id\":\"height_temperature\",\"value\":\"40\",\"remark\":\"\"}]", rig.Last("event/post"));

                long id;
                rig.Dialect.ReportEvent("exception", "error text", "device error", out id);
                Assert.AreEqual("[{\"id\":\"exception\",\"value\":\"error text\",\"remark\":\"device error\"}]", rig.Last("event/post"));

                rig.Client.ReportEvent(null, new PropertyReport(2).Add("height_temperature", 40L).Add("exception", "error text"));
                Assert.AreEqual("[{\"id\":\"height_temperature\",\"value\":\"40\",\"remark\":\"\"},{\"id\":\"exception\",\"value\":\"error text\",\"remark\":\"\"}]",
                    rig.Last("event/post"));

                Assert.ThrowsException(typeof(ArgumentException), () => rig.Client.ReportProperties(new PropertyReport(1)));
                Assert.ThrowsException(typeof(ArgumentException), () => rig.Client.ReportEvent("e", new PropertyReport(2).Add("a", 1L).Add("b", 2L)));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Qos_0_reports_are_refused_offline_and_qos_1_reports_wait_in_the_outbox()
        {
            FastBeeRig offline = new FastBeeRig(FastBeeRig.Options());
            Assert.AreEqual((int)SendResult.NotConnected, (int)offline.Client.ReportProperties(new PropertyReport(1).Add("a", 1L)));

            FastBeeOptions options = FastBeeRig.Options();
            options.PublishQos = MqttQos.AtLeastOnce;
            FastBeeRig rig = new FastBeeRig(options);
            Assert.AreEqual((int)SendResult.Accepted, (int)rig.Client.ReportProperties(new PropertyReport(1).Add("a", 1L)));
            Assert.AreEqual(1, rig.Client.Session.OutboxCount);
            rig.Start();
            try
            {
                FastBeeRig.WaitFor(() => rig.Count("property/post") == 1 && rig.Client.Session.OutboxCount == 0, "the kept report delivered");
                Assert.StartsWith(FastBeeRig.Prefix + "info/post|", rig.Transport.Published()[0], "info/post still goes first");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Info_get_is_answered_with_info_post_carrying_the_current_version()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options()).Start();
            try
            {
                rig.Dialect.FirmwareVersion = 1.25;
                rig.Dialect.SetLocation(113.5, 22.25);
                rig.Deliver("info/get", "");
                Assert.AreEqual(2, rig.Count("info/post"));
                Assert.Contains("\"firmwareVersion\":1.25", rig.Last("info/post"));
                Assert.Contains("\"longitude\":113.5,\"latitude\":22.25", rig.Last("info/post"));
                Assert.AreEqual(0L, rig.Rejected, "an empty info/get is not an error");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Encrypted_connect_takes_http_time_and_encrypts_password_and_expiry()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeAuthTests.Encrypted()).Start();
            try
            {
                MqttConnectOptions connect = rig.Transport.LastOptions;
                Assert.AreEqual("E&D6329VL548866&41&1", connect.ClientId);
                Assert.StartsWith("http://iot.example.com:8080/iot/tool/ntp?deviceSendTime=", rig.Http.LastUrl);
                string plain = FastBeeAuthTests.Decrypt(connect.Password);
                Assert.StartsWith("P5FJKZJHIR82GNB2&", plain);
                long expiry = long.Parse(plain.Substring("P5FJKZJHIR82GNB2&".Length));
                // Server time 1718000000100..104 over an instant exchange, plus one hour.
                Assert.IsTrue(expiry >= 1718000000102 + 3600000 && expiry < 1718000000102 + 3600000 + 1000, "expiry " + expiry.ToString());
                Assert.AreEqual(expiry, rig.Dialect.PasswordExpiresAtMs);
                Assert.IsTrue(rig.Client.Clock.IsSynced, "the HTTP time set the clock");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void The_password_is_rebuilt_with_a_new_expiry_before_every_connect()
        {
            FastBeeOptions options = FastBeeAuthTests.Encrypted();
            options.AuthCode = "A1B2C3D4E5F6";
            options.PasswordLifetimeMs = 600000;
            FastBeeRig rig = new FastBeeRig(options).Start();
            try
            {
                string first = rig.Transport.LastOptions.Password;
                long firstExpiry = rig.Dialect.PasswordExpiresAtMs;
                Assert.AreEqual("P5FJKZJHIR82GNB2&" + firstExpiry.ToString() + "&A1B2C3D4E5F6", FastBeeAuthTests.Decrypt(first));

                rig.Http.Body = "{\"data\":{\"serverTime\":1718000300000}}";
                rig.Transport.Drop("link lost");
                FastBeeRig.WaitFor(() => rig.Count("info/post") == 2, "info/post after the reconnect");
                Assert.AreEqual(2, rig.Http.Requests, "the time is asked again");
                long secondExpiry = rig.Dialect.PasswordExpiresAtMs;
                Assert.IsTrue(secondExpiry >= 1718000300000 + 600000 && secondExpiry < 1718000300000 + 601000, "expiry " + secondExpiry.ToString());
                Assert.AreEqual("P5FJKZJHIR82GNB2&" + secondExpiry.ToString() + "&A1B2C3D4E5F6", FastBeeAuthTests.Decrypt(rig.Transport.LastOptions.Password));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void Without_any_time_there_are_no_credentials_and_a_synced_clock_is_the_fallback()
        {
            FastBeeRig rig = new FastBeeRig(FastBeeAuthTests.Encrypted());
            ArrayList log = new ArrayList();
            rig.Client.Session.Log += line => log.Add(line);

            rig.Http.Outcome = HttpOutcome.NetworkError;
            Assert.IsNull(((IDeviceDialect)rig.Dialect).CreateConnectOptions(), "no time, no password");
            rig.Http.Outcome = HttpOutcome.Completed;
            rig.Http.Status = 500;
            Assert.IsNull(((IDeviceDialect)rig.Dialect).CreateConnectOptions());
            rig.Http.Status = 200;
            rig.Http.Body = "<html>maintenance</html>";
            Assert.IsNull(((IDeviceDialect)rig.Dialect).CreateConnectOptions());
            rig.Http.Body = "{\"serverRecvTime\":\"later\"}";
            Assert.IsNull(((IDeviceDialect)rig.Dialect).CreateConnectOptions());
            Assert.AreEqual(4, log.Count);
            Assert.Contains("HTTP 500", (string)log[1]);

            rig.Client.Clock.Set(1718000000000);
            rig.Http.Outcome = HttpOutcome.Stalled;
            MqttConnectOptions connect = ((IDeviceDialect)rig.Dialect).CreateConnectOptions();
            Assert.IsNotNull(connect, "the clock set earlier is used");
            long expiry = rig.Dialect.PasswordExpiresAtMs;
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
            FastBeeRig rig = new FastBeeRig(FastBeeRig.Options()).Start();
            try
            {
                rig.Deliver("property/get", "[]");
                Assert.AreEqual(1L, rig.Rejected);
                Assert.Contains("deprecated", rig.LastRejection);
                rig.Transport.Deliver("/41/OTHERDEVICE/function/get", FastBeeRig.Bytes("[{\"id\":\"switch\",\"value\":\"1\"}]"));
                Assert.AreEqual(2L, rig.Rejected);
                rig.Deliver("property/post", "[]");
                Assert.AreEqual(3L, rig.Rejected, "a topic the device publishes on (a broker echo)");
                Assert.IsTrue(rig.Client.Session.IsConnected);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
