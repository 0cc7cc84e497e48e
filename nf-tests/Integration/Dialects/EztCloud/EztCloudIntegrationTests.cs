using System;
using System.Linq;
using System.Text.Json.Nodes;
using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.EztCloud
{
    /// <summary>
    /// The EZtCloud dialect end to end: a device on the SDK's MQTT client and a simulated platform,
    /// both logged in to a real mosquitto that knows only their credentials.
    /// </summary>
    [TestClass]
    public class EztCloudIntegrationTests
    {
        private static MosquittoBroker _broker;
        private EztCloudPlatform _platform;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            _broker = MosquittoBroker.Start(EztCloudBroker.Settings());
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            _broker?.Dispose();
        }

        [TestInitialize]
        public void StartPlatform()
        {
            _platform = new EztCloudPlatform(_broker, EztCloudBroker.Username, EztCloudBroker.PlatformUser, EztCloudBroker.PlatformPassword);
        }

        [TestCleanup]
        public void StopPlatform()
        {
            string[] violations = _platform.Violations;
            _platform.Dispose();
            Assert.AreEqual(0, violations.Length, "non-JSON on a standard topic: " + string.Join(", ", violations));
        }

        [TestMethod]
        public void After_connecting_the_device_reports_its_version_then_checks_for_updates()
        {
            using var device = new EztCloudTestDevice(_broker, o =>
            {
                o.FirmwareVersion = "1.0.0";
                o.OtaCheckOnConnect = true;
            }).Start();

            Assert.AreEqual("{\"version\":\"1.0.0\"}", _platform.WaitFor("attributes").Text);
            Assert.AreEqual("{\"method\":\"otaCheck\",\"params\":{}}", _platform.WaitFor("event_report").Text);
            string[] order = _platform.Uplinks.Messages.Select(m => m.Topic).ToArray();
            CollectionAssert.AreEqual(new[] { "attributes/" + EztCloudBroker.Username, "event_report/" + EztCloudBroker.Username }, order);
            Assert.AreEqual("1.0.0", (string)_platform.Attributes["version"]);
        }

        [TestMethod]
        public void A_wrong_password_is_refused_by_the_broker_and_never_logged()
        {
            const string wrong = "Wr0ng-Pa55word";
            using var device = new EztCloudTestDevice(_broker, o => o.Password = wrong);
            device.Client.Start();
            Eventually.True(() => device.Client.Session.Counters.ConnectFailures >= 1, "the broker refuses the connect");
            Assert.IsFalse(device.Client.Session.IsConnected);
            Assert.IsTrue(device.Log.Any(l => l.Contains("connect failed")), string.Join(" | ", device.Log));
            Assert.IsFalse(device.Log.Any(l => l.Contains(wrong) || l.Contains(EztCloudBroker.Password)), string.Join(" | ", device.Log));
        }

        [TestMethod]
        public void Attribute_report_is_acknowledged()
        {
            using var device = new EztCloudTestDevice(_broker, o => o.ResponsesEnabled = true).Start();
            EztCloudResponse answer = null;
            device.Dialect.AttributesResponse += r => answer = r;

            Assert.AreEqual(SendResult.Accepted, device.Client.ReportProperties(new PropertyReport(3).Add("temperature", 28.5).Add("light", 2000L).Add("switch", true), out long id));

            Assert.AreEqual("{\"temperature\":28.5,\"light\":2000,\"switch\":true}", _platform.WaitFor("attributes").Text);
            Eventually.True(() => answer != null, "attributes_response reaches the device");
            Assert.IsTrue(answer.Succeeded);
            Assert.AreEqual(id, answer.Sequence);
            Assert.AreEqual(OutcomeStatus.Acknowledged, device.OutcomeOf(id).Status);
            Assert.AreEqual(EztCloudPlatform.Ts, answer.Timestamp);
            Assert.AreEqual(28.5, (double)_platform.Attributes["temperature"]);
        }

        [TestMethod]
        public void Reports_sent_too_fast_are_throttled_and_the_app_is_told()
        {
            _platform.ThrottleWindowMs = 5000;
            using var device = new EztCloudTestDevice(_broker, o => o.ResponsesEnabled = true).Start();
            EztCloudResponse refused = null;
            device.Dialect.ReportRefused += r => refused = r;

            device.Client.ReportProperties(new PropertyReport(1).Add("light", 1L), out long first);
            device.Client.ReportProperties(new PropertyReport(1).Add("light", 2L), out long second);

            Eventually.True(() => refused != null, "the throttled answer reaches the device");
            Assert.AreEqual(EztCloudResponse.Throttled, refused.ErrorCode);
            Assert.AreEqual(second, refused.Sequence, "the second report was the one ignored");
            Assert.AreEqual(OutcomeStatus.Acknowledged, device.OutcomeOf(first).Status);
            Outcome outcome = device.OutcomeOf(second);
            Assert.AreEqual(OutcomeStatus.Refused, outcome.Status);
            Assert.AreEqual(-1, outcome.Code);
            Assert.AreEqual(refused.ErrorMessage, outcome.Message);
            Assert.AreEqual(1, device.Dialect.Counters.Throttled);
            Assert.AreEqual(1L, (long)_platform.Attributes["light"], "the platform kept the first value");
        }

        [TestMethod]
        public void With_a_minimum_interval_nothing_is_throttled_and_the_latest_values_arrive()
        {
            _platform.ThrottleWindowMs = 200;
            using var device = new EztCloudTestDevice(_broker, o => { o.MinReportIntervalMs = 500; o.ResponsesEnabled = true; }).Start();

            long[] ids = new long[5];
            for (int i = 1; i <= 5; i++)
            {
                device.Client.ReportProperties(new PropertyReport(2).Add("light", (long)i).Add("step" + i, true), out ids[i - 1]);
            }

            ReceivedMessage merged = _platform.WaitFor("attributes", 2);
            Assert.AreEqual("{\"light\":5,\"step2\":true,\"step3\":true,\"step4\":true,\"step5\":true}", merged.Text);
            Assert.AreEqual(OutcomeStatus.Acknowledged, device.OutcomeOf(ids[0]).Status);
            Assert.AreEqual(OutcomeStatus.Acknowledged, device.OutcomeOf(ids[1]).Status, "the merged report, under the id its reports share");
            Assert.AreEqual(ids[1], ids[4]);
            Assert.AreEqual(2, device.Outcomes.Count);
            Assert.AreEqual(0, _platform.Throttled);
            Assert.AreEqual(4, device.Dialect.Counters.Coalesced);
            Assert.AreEqual(5L, (long)_platform.Attributes["light"]);
        }

        [TestMethod]
        public void Attribute_get_returns_what_the_platform_holds()
        {
            _platform.Store("sz", 3);
            _platform.Store("mode", "auto");
            using var device = new EztCloudTestDevice(_broker).Start();
            string received = null;
            device.Dialect.AttributesReceived += r => received = r.Attributes.GetRawText();

            Assert.AreEqual(SendResult.Accepted, device.Dialect.GetAttributes(new[] { "sz" }));
            Assert.AreEqual("{\"keys\":[\"sz\"]}", _platform.WaitFor("attributes_get").Text);
            Eventually.True(() => received != null, "the attributes reach the app");
            Assert.AreEqual("{\"sz\":3}", received);

            received = null;
            Assert.AreEqual(SendResult.Accepted, device.Dialect.GetAttributes(null));
            Eventually.True(() => received != null, "all attributes reach the app");
            Assert.AreEqual("{\"sz\":3,\"mode\":\"auto\"}", received);
        }

        [TestMethod]
        public void Attribute_push_runs_the_handler_and_is_confirmed()
        {
            using var device = new EztCloudTestDevice(_broker).Start();
            bool? relay = null;
            device.Client.OnPropertySet("switch", c =>
            {
                c.Value.TryGetBoolean(out bool on);
                relay = on;
            });

            _platform.PushAttributes("{\"switch\":false}");

            Assert.AreEqual("{\"switch\":false}", _platform.WaitFor("attributes").Text);
            Assert.AreEqual(false, relay);
            Assert.AreEqual(false, (bool)_platform.Attributes["switch"]);
        }

        [TestMethod]
        public void Event_is_reported_and_acknowledged()
        {
            using var device = new EztCloudTestDevice(_broker, o => o.ResponsesEnabled = true).Start();
            EztCloudResponse answer = null;
            device.Dialect.EventResponse += r => answer = r;

            device.Client.ReportEvent("productFound", new PropertyReport(4).Add("count", 3L).Add("location", "REGION.B43")
                .Add("tags", "RED").AddJson("detail", "[\"100474\",\"100475\",\"100342\"]"), out long id);

            Assert.AreEqual("{\"method\":\"productFound\",\"params\":{\"count\":3,\"location\":\"REGION.B43\",\"tags\":\"RED\",\"detail\":[\"100474\",\"100475\",\"100342\"]}}",
                _platform.WaitFor("event_report").Text);
            Eventually.True(() => answer != null, "event_response reaches the device");
            Assert.IsTrue(answer.Succeeded);
            Assert.AreEqual(id, answer.Sequence);
            Assert.AreEqual(OutcomeStatus.Acknowledged, device.OutcomeOf(id).Status);
        }

        [TestMethod]
        public void Commands_are_answered_with_the_same_id()
        {
            using var device = new EztCloudTestDevice(_broker).Start();
            device.Client.OnCommand("restart", c =>
            {
                c.Value.Get("delay").TryGetInt64(out long delay);
                c.Output.Add("result", delay == 30);
            });

            _platform.SendCommand("{\"method\":\"restart\",\"params\":{\"delay\":30},\"id\":98310}");
            Assert.AreEqual("{\"method\":\"restart\",\"params\":{\"result\":true},\"id\":98310}", _platform.WaitFor("command_reply").Text);

            _platform.SendCommand("{\"method\":\"restart\",\"params\":{\"delay\":5},\"id\":\"abc\"}");
            Assert.AreEqual("{\"method\":\"restart\",\"params\":{\"result\":false},\"id\":\"abc\"}", _platform.WaitFor("command_reply", 2).Text);

            _platform.SendCommand("{\"method\":\"unknown\",\"params\":{},\"id\":7}");
            Assert.AreEqual("{\"method\":\"unknown\",\"params\":{\"error\":\"unknown method\"},\"id\":7}", _platform.WaitFor("command_reply", 3).Text);
            Assert.AreEqual(3, _platform.On("command_reply").Length, "one reply per command");
        }

        [TestMethod]
        public void Binary_data_streams_cross_both_ways_untouched()
        {
            using var device = new EztCloudTestDevice(_broker).Start();
            byte[] received = null;
            string stream = null;
            device.Dialect.OnDataSet(null, (id, payload) => { stream = id; received = payload; });

            byte[] frame = { 0x01, 0x03, 0x0A, 0x00, 0x16, 0x00, 0x53, 0x00, 0x38, 0x00, 0x08, 0x00, 0x03, 0xC1, 0xD5 };
            Assert.AreEqual(SendResult.Accepted, device.Dialect.PublishData("modbus", frame));
            ReceivedMessage up = _platform.Uplinks.WaitForMessage("data/" + EztCloudBroker.Username + "/modbus");
            CollectionAssert.AreEqual(frame, up.Payload);

            byte[] down = { 0x00, 0xFF, 0xC3, 0x28, 0x80, 0x00, 0x7B };
            _platform.SendData("line-1/raw", down);
            Eventually.True(() => received != null, "the data_set bytes reach the handler");
            Assert.AreEqual("line-1/raw", stream);
            CollectionAssert.AreEqual(down, received);
        }

        [TestMethod]
        public void Ota_check_leads_to_an_offer_the_app_receives_and_the_platform_hears_back()
        {
            _platform.PendingUpdateParams = "{\"module\":\"main\",\"upgrade\":true,\"version\":\"1.1.5\",\"url\":\"http://xxx.com/xxx/xxx.bin\",\"size\":1363713,\"md5\":\"481701fa4093499eacd05b57bebc7ffc\"}";
            using var device = new EztCloudTestDevice(_broker, o =>
            {
                o.FirmwareVersion = "1.0.0";
                o.OtaCheckOnConnect = true;
            });
            UpdateOffer offer = null;
            device.Client.UpdateOffered += o => offer = o;
            device.Start();

            Eventually.True(() => offer != null, "the offer reaches the app");
            Assert.AreEqual(UpdateKind.Firmware, offer.Kind);
            Assert.AreEqual("http://xxx.com/xxx/xxx.bin", offer.Url);
            Assert.AreEqual(1363713L, offer.Size);
            Assert.AreEqual("1.1.5", offer.Version);
            Assert.AreEqual("main", offer.Module);
            Assert.AreEqual(DigestMethod.Md5, offer.DigestMethod);
            Assert.AreEqual("481701fa4093499eacd05b57bebc7ffc", offer.Digest);
            Assert.AreEqual("98310", offer.CorrelationId);
            Assert.AreEqual("{\"method\":\"otaUpgrade\",\"params\":{\"accepted\":true},\"id\":98310}", _platform.WaitFor("command_reply").Text);

            Assert.AreEqual(SendResult.Accepted, device.Client.ReportUpdate(offer, UpdateStatus.Succeeded, 100, null));
            Eventually.True(() => (string)_platform.Attributes["version"] == "1.1.5", "the platform learns the new version");
        }

        [TestMethod]
        public void Ota_check_with_nothing_pending_offers_nothing()
        {
            _platform.PendingUpdateParams = "{\"module\":\"main\",\"upgrade\":false}";
            using var device = new EztCloudTestDevice(_broker, o => o.OtaCheckOnConnect = true);
            bool offered = false;
            string module = null;
            device.Client.UpdateOffered += o => offered = true;
            device.Dialect.NoUpdatePending += (m, v) => module = m;
            device.Start();

            Assert.AreEqual("{\"method\":\"otaUpgrade\",\"params\":{\"accepted\":false},\"id\":98310}", _platform.WaitFor("command_reply").Text);
            Eventually.True(() => module == "main", "the app hears nothing is pending");
            Assert.IsFalse(offered);
        }
    }
}
