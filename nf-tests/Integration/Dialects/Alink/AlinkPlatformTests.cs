using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.Alink
{
    /// <summary>
    /// The Alink dialect end to end: a device on the SDK's MQTT client, a real mosquitto whose password
    /// file holds the signature the platform expects, and the platform simulator answering and pushing.
    /// Each test uses its own device name, so persistent sessions never carry messages between tests.
    /// </summary>
    [TestClass]
    public partial class AlinkPlatformTests
    {
        private static readonly string[] Devices = { "sha256", "post", "set", "service", "timeout", "ntp", "ota", "config", "fwget", "load", "event", "refused" };

        private static MosquittoBroker _broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            var users = new Dictionary<string, string> { { AlinkPlatformSimulator.User, AlinkPlatformSimulator.Password } };
            foreach (string name in Devices)
            {
                users[AlinkTestDevice.Username(name)] = AlinkTestDevice.ExpectedPassword(name);
            }

            users[AlinkTestDevice.Username("sha1")] = AlinkTestDevice.ExpectedPassword("sha1", AlinkSignMethod.HmacSha1);
            users[AlinkTestDevice.Username("md5")] = AlinkTestDevice.ExpectedPassword("md5", AlinkSignMethod.HmacMd5);
            _broker = MosquittoBroker.Start(new MosquittoSettings { Users = users });
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            _broker?.Dispose();
        }

        [TestMethod]
        public void Every_sign_method_is_accepted_and_a_wrong_secret_is_refused()
        {
            foreach (var (name, method) in new[] { ("sha256", AlinkSignMethod.HmacSha256), ("sha1", AlinkSignMethod.HmacSha1), ("md5", AlinkSignMethod.HmacMd5) })
            {
                using (var device = new AlinkTestDevice(_broker, name, o => o.SignMethod = method).Start())
                {
                    Assert.AreEqual(0, device.Client.Session.Counters.ConnectFailures, name);
                }
            }

            using (var impostor = new AlinkTestDevice(_broker, "set", o => o.DeviceSecret = "Not-The-Device-Secret"))
            {
                impostor.Client.Start();
                Eventually.True(() => impostor.Client.Session.Counters.ConnectFailures >= 1, "the broker refused the wrong signature");
                Assert.AreNotEqual(SessionState.Connected, impostor.Client.Session.State);
                string log = string.Join("\n", impostor.Log);
                Assert.IsFalse(log.Contains("Not-The-Device-Secret"), "the secret reached the log");
                string password = AlinkPlatformSimulator.ExpectedPassword(AlinkSignMethod.HmacSha256, "Not-The-Device-Secret",
                    AlinkTestDevice.ProductKey + ".set", "set", AlinkTestDevice.ProductKey, AlinkOptions.FixedTimestamp);
                Assert.IsFalse(log.Contains(password), "the password reached the log");
            }
        }

        [TestMethod]
        public void A_property_post_is_acknowledged_and_correlated()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "post"))
            using (var device = new AlinkTestDevice(_broker, "post").Start())
            {
                var report = new PropertyReport(2).Add("Power", "on").Add("WF", 23.6);
                report.TimestampMs = 1524448722000;
                Assert.AreEqual(SendResult.Accepted, device.Client.ReportProperties(report, out long id));
                JsonElement post = platform.WaitFor(platform.Sys + "thing/event/property/post");
                Assert.AreEqual(id.ToString(), post.GetProperty("id").GetString());
                Assert.AreEqual(23.6, post.GetProperty("params").GetProperty("WF").GetProperty("value").GetDouble());
                Assert.AreEqual(1524448722000, post.GetProperty("params").GetProperty("Power").GetProperty("time").GetInt64());

                Eventually.True(() => device.Replies.Count == 1, "the post_reply");
                AlinkReply reply = device.Replies.Single();
                Assert.AreEqual(id, reply.Id);
                Assert.AreEqual(200, reply.Code);
                Assert.AreEqual("thing.event.property.post", reply.Method);
                Outcome outcome = device.OutcomeOf(id);
                Assert.AreEqual(OutcomeStatus.Acknowledged, outcome.Status);
                Assert.AreEqual(200, outcome.Code);
                Assert.AreEqual(0, device.Client.Session.PendingCount);
                CollectionAssert.AreEqual(Array.Empty<string>(), device.UnexpectedRejections());
            }
        }

        [TestMethod]
        public void A_refused_event_is_an_outcome_with_the_platform_code_and_message()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "refused"))
            using (var device = new AlinkTestDevice(_broker, "refused").Start())
            {
                platform.RefusedMethods.Add("thing.event.alarm.post", 6304);
                Assert.AreEqual(SendResult.Accepted, device.Client.ReportEvent("alarm", new PropertyReport(1).Add("errorCode", 3L), out long id));
                Outcome outcome = device.OutcomeOf(id);
                Assert.AreEqual(OutcomeStatus.Refused, outcome.Status);
                Assert.AreEqual(6304, outcome.Code);
                Assert.AreEqual("refused: code 6304", outcome.Message);
                Assert.AreEqual(1, device.Outcomes.Count);
                Assert.AreEqual(0, device.Client.Session.PendingCount);
            }
        }

        [TestMethod]
        public void A_property_set_gets_its_set_reply_with_the_same_id_in_both_id_types()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "set"))
            using (var device = new AlinkTestDevice(_broker, "set"))
            {
                var applied = new List<string>();
                device.Client.OnPropertySet("temperature", c => applied.Add(c.Value.GetRawText()));
                device.Start();

                platform.Publish(platform.Sys + "thing/service/property/set", "{\"id\":\"123\",\"version\":\"1.0\",\"params\":{\"temperature\":\"30.5\"},\"method\":\"thing.service.property.set\"}");
                var reply = platform.WaitFor(platform.Sys + "thing/service/property/set_reply");
                Assert.AreEqual("{\"id\":\"123\",\"code\":200,\"data\":{}}", reply.GetRawText());

                platform.Publish(platform.Sys + "thing/service/property/set", "{\"id\":4567,\"version\":\"1.0\",\"params\":{\"temperature\":31.5}}");
                reply = platform.WaitFor(platform.Sys + "thing/service/property/set_reply", r => r.GetProperty("id").ValueKind == JsonValueKind.Number);
                Assert.AreEqual("{\"id\":4567,\"code\":200,\"data\":{}}", reply.GetRawText());
                CollectionAssert.AreEqual(new[] { "\"30.5\"", "31.5" }, applied);

                // The applied values are then reported, and the platform's replies to those posts correlate.
                platform.WaitFor(platform.Sys + "thing/event/property/post", p => p.GetProperty("params").GetProperty("temperature").ValueKind == JsonValueKind.Number);
                Eventually.True(() => device.Replies.Count == 2, "replies to both posts");
                CollectionAssert.AreEqual(Array.Empty<string>(), device.UnexpectedRejections());
            }
        }

        [TestMethod]
        public void A_service_call_returns_its_output_in_data()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "service"))
            using (var device = new AlinkTestDevice(_broker, "service"))
            {
                device.Client.OnCommand("SetWeight", c =>
                {
                    c.Value.Get("NewWeight").TryGetDouble(out double weight);
                    c.Output.Add("CollectTime", "1536228947682").Add("OldWeight", weight - 0.699);
                });
                device.Start();
                platform.Publish(platform.Sys + "thing/service/SetWeight", "{\"method\":\"thing.service.SetWeight\",\"id\":\"105917531\",\"params\":{\"NewWeight\":100.8},\"version\":\"1.0\"}");
                var reply = platform.WaitFor(platform.Sys + "thing/service/SetWeight_reply");
                Assert.AreEqual("105917531", reply.GetProperty("id").GetString());
                Assert.AreEqual(200, reply.GetProperty("code").GetInt32());
                Assert.AreEqual("1536228947682", reply.GetProperty("data").GetProperty("CollectTime").GetString());
                Assert.AreEqual(100.101, reply.GetProperty("data").GetProperty("OldWeight").GetDouble(), 1e-9);

                platform.Publish(platform.Sys + "thing/service/Unknown", "{\"id\":\"9\",\"params\":{}}");
                reply = platform.WaitFor(platform.Sys + "thing/service/Unknown_reply");
                Assert.AreEqual(460, reply.GetProperty("code").GetInt32());
                Assert.IsTrue(reply.GetProperty("message").GetString().Contains("Unknown"));
            }
        }

        [TestMethod]
        public void A_reply_that_never_comes_times_out_and_is_reported()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "timeout"))
            using (var device = new AlinkTestDevice(_broker, "timeout", session: new SessionOptions { RequestTimeoutMs = 600 }).Start())
            {
                platform.SilentMethods.Add("thing.deviceinfo.update");
                device.Dialect.UpdateDeviceInfo(new PropertyReport(1).Add("Temperature", 36.8), out long silent);
                device.Client.ReportProperties(new PropertyReport(1).Add("Power", "on"), out long answered);
                platform.WaitFor(platform.Sys + "thing/deviceinfo/update", u => u.GetProperty("params")[0].GetProperty("attrValue").GetString() == "36.8");
                Assert.AreEqual(OutcomeStatus.TimedOut, device.OutcomeOf(silent).Status);
                Assert.AreEqual(OutcomeStatus.Acknowledged, device.OutcomeOf(answered).Status);
                Assert.AreEqual(2, device.Outcomes.Count, "one outcome each");
                Assert.AreEqual(answered, device.Replies.Single().Id);
                Assert.AreEqual(1, device.Client.Session.Counters.Timeouts);
                Assert.AreEqual(0, device.Client.Session.PendingCount);
            }
        }

        [TestMethod]
        public void Ntp_answer_sets_the_clock()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "ntp"))
            using (var device = new AlinkTestDevice(_broker, "ntp").Start())
            {
                long synced = 0;
                device.Client.TimeSynced += now => synced = now;
                Assert.AreEqual(SendResult.Accepted, device.Client.RequestTime());
                JsonElement request = platform.WaitFor("/ext/ntp/" + platform.OtaSuffix + "/request");
                Assert.AreEqual(JsonValueKind.String, request.GetProperty("deviceSendTime").ValueKind);
                Eventually.True(() => device.Client.Clock.IsSynced, "the clock synced");
                long error = Math.Abs(device.Client.Clock.NowMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                Assert.IsTrue(error < 1000, "the clock is off by " + error + " ms");
                Assert.IsTrue(synced > 1700000000000, "TimeSynced reported " + synced);
            }
        }

        [TestMethod]
        public void Events_and_batches_are_acknowledged()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "event"))
            using (var device = new AlinkTestDevice(_broker, "event").Start())
            {
                device.Client.ReportEvent("alarm", new PropertyReport(1).Add("errorCode", "error"), out long eventId);
                var sample = new PropertyReport(1).Add("Power", "on");
                sample.TimestampMs = 1524448722000;
                device.Dialect.PostBatch(new AlinkBatch(1).AddProperties(sample), out long batchId);
                device.Dialect.PostHistory(new AlinkBatch(1).AddProperties(sample), out long historyId);
                Eventually.True(() => device.Replies.Count == 3, "three replies");
                CollectionAssert.AreEquivalent(new[] { eventId, batchId, historyId }, device.Replies.Select(r => r.Id).ToArray());
                Assert.AreEqual("thing.event.alarm.post", device.Replies.First(r => r.Id == eventId).Method);
            }
        }
    }
}
