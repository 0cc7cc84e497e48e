using System;
using System.Collections.Concurrent;
using System.Linq;
using IotDevice.Client;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.FastBee
{
    /// <summary>
    /// FastBee messages end to end through mosquitto: reports, commands and their confirmation, the
    /// shadow replay after a reconnect, real-time monitoring, and the OTA hand-off with its reply.
    /// </summary>
    [TestClass]
    public class FastBeeMessagingTests
    {
        [TestMethod]
        public void Properties_events_and_info_requests_reach_the_platform()
        {
            using var bed = new FastBeeTestBed();
            var client = bed.StartDevice(bed.Options());

            client.ReportProperties(new PropertyReport(2).Add("temperature", 27.43).Add("humidity", 45.1));
            Assert.AreEqual("[{\"id\":\"temperature\",\"value\":\"27.43\",\"remark\":\"\"},{\"id\":\"humidity\",\"value\":\"45.1\",\"remark\":\"\"}]",
                bed.Platform.WaitFor("property/post", 1)[0].Text);

            bed.Dialect.ReportEvent("height_temperature", "40", "temperature too high", out long _);
            Assert.AreEqual("[{\"id\":\"height_temperature\",\"value\":\"40\",\"remark\":\"temperature too high\"}]",
                bed.Platform.WaitFor("event/post", 1)[0].Text);

            bed.Dialect.FirmwareVersion = 1.3;
            bed.Platform.RequestInfo();
            Assert.AreEqual(1.3, bed.Platform.WaitFor("info/post", 2)[1].Json.GetProperty("firmwareVersion").GetDouble());
            Assert.AreEqual(0, client.Session.Counters.Rejected, "the empty info/get is no error");
        }

        [TestMethod]
        public void At_qos_1_each_report_is_acknowledged_by_the_broker_with_its_id()
        {
            using var bed = new FastBeeTestBed();
            var options = bed.Options();
            options.PublishQos = MqttQos.AtLeastOnce;
            options.RequestTimeAfterConnect = false;
            var outcomes = new ConcurrentDictionary<long, Outcome>();
            var client = bed.StartDevice(options, c => c.Outcome += outcome => outcomes[outcome.Id] = outcome);

            Assert.AreEqual(SendResult.Accepted, client.ReportProperties(new PropertyReport(1).Add("temperature", 27.43), out long report));
            Assert.AreEqual(SendResult.Accepted, bed.Dialect.ReportEvent("height_temperature", "40", "temperature too high", out long evt));
            bed.Platform.WaitFor("event/post", 1);
            Eventually.True(() => outcomes.ContainsKey(report) && outcomes.ContainsKey(evt), "both PUBACKs");
            Assert.AreEqual(OutcomeStatus.Acknowledged, outcomes[report].Status);
            Assert.AreEqual(OutcomeStatus.Acknowledged, outcomes[evt].Status);
            Assert.AreEqual(2, outcomes.Count, "one outcome per report, none for info/post");
        }

        [TestMethod]
        public void A_command_is_applied_and_confirmed_with_the_resulting_values()
        {
            using var bed = new FastBeeTestBed();
            int gear = 0;
            bed.StartDevice(bed.Options(), c =>
            {
                c.OnCommand("gear", command =>
                {
                    command.Value.TryGetInt64(out long asked);
                    gear = (int)Math.Min(asked, 3);
                    command.Output.Add("gear", (long)gear);
                });
                c.OnPropertySet("switch", command => { });
            });

            bed.Platform.SendFunction("switch", "1");
            Assert.AreEqual("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]", bed.Platform.WaitFor("property/post", 1)[0].Text);
            bed.Platform.SendFunction("gear", "5");
            Assert.AreEqual("[{\"id\":\"gear\",\"value\":\"3\",\"remark\":\"\"}]", bed.Platform.WaitFor("property/post", 2)[1].Text);
            Assert.AreEqual(3, gear);
        }

        [TestMethod]
        public void The_retained_replay_after_a_reconnect_is_applied_again_and_its_clear_is_ignored()
        {
            using var bed = new FastBeeTestBed();
            var calls = new ConcurrentQueue<string>();
            string relay = "off";
            var client = bed.StartDevice(bed.Options(), c => c.OnPropertySet("switch", command =>
            {
                calls.Enqueue(command.Value.GetString());
                relay = command.Value.ValueEquals("1") ? "on" : "off";
            }));

            bed.Platform.RetainFunctions("[{\"id\":\"switch\",\"value\":\"1\",\"remark\":\"\"}]");
            bed.Platform.WaitFor("property/post", 1);
            Assert.AreEqual("on", relay);

            bed.Gate.SeverAll();
            bed.Platform.WaitFor("info/post", 2);
            bed.Platform.WaitFor("property/post", 2);
            Assert.AreEqual("1,1", string.Join(",", calls), "the same value twice");
            Assert.AreEqual("on", relay, "applied, not toggled");
            int infoIndex = Array.FindLastIndex(bed.Platform.Messages, m => m.Topic.EndsWith("/info/post"));
            int confirmIndex = Array.FindLastIndex(bed.Platform.Messages, m => m.Topic.EndsWith("/property/post"));
            Assert.IsTrue(infoIndex < confirmIndex, "info/post before the replay's confirmation: " + bed.Platform.Describe());

            long received = client.Session.Counters.MessagesIn;
            bed.Platform.ClearRetainedFunctions();
            Eventually.True(() => client.Session.Counters.MessagesIn > received, "the empty clear arrives");
            Assert.AreEqual(0, client.Session.Counters.Rejected, "an empty payload is no data, not an error");

            bed.Gate.SeverAll();
            bed.Platform.WaitFor("info/post", 3);
            client.ReportProperties(new PropertyReport(1).Add("marker", 1L));
            bed.Platform.WaitFor("property/post", 3);
            Assert.AreEqual(2, calls.Count, "nothing replayed once cleared");
            Assert.AreEqual("[{\"id\":\"marker\",\"value\":\"1\",\"remark\":\"\"}]", bed.Platform.On("property/post")[2].Text);
        }

        [TestMethod]
        public void Monitoring_sends_five_samples_two_hundred_ms_apart()
        {
            using var bed = new FastBeeTestBed();
            var options = bed.Options();
            int taken = 0;
            options.Monitor = sample => sample.Add("temperature", 23.5 + ++taken);
            bed.StartDevice(options);

            bed.Platform.Publish("monitor/get", "{\"count\":5,\"interval\":200}");
            PlatformMessage[] samples = bed.Platform.WaitFor("monitor/post", 5, 4000);
            Assert.IsFalse(Eventually.Within(() => bed.Platform.On("monitor/post").Length > 5, 600), "no sixth sample");
            Assert.AreEqual("[{\"id\":\"temperature\",\"value\":\"24.5\",\"remark\":\"\"}]", samples[0].Text);
            Assert.AreEqual("[{\"id\":\"temperature\",\"value\":\"28.5\",\"remark\":\"\"}]", samples[4].Text);
            // The device keeps a fixed schedule (first + k·200 ms); arrivals add the broker's jitter.
            string arrivals = string.Join(", ", samples.Select(s => (s.AtMs - samples[0].AtMs) + " ms"));
            for (int i = 1; i < 5; i++)
            {
                long offset = samples[i].AtMs - samples[0].AtMs;
                Assert.IsTrue(Math.Abs(offset - i * 200) <= 120, "sample " + i + " off schedule: " + arrivals);
                Assert.IsTrue(samples[i].AtMs - samples[i - 1].AtMs >= 50, "samples bunched: " + arrivals);
            }
            Assert.IsFalse(bed.Dialect.IsMonitoring);
        }

        [TestMethod]
        public void An_upgrade_push_is_handed_over_and_answered_on_upgrade_reply()
        {
            using var bed = new FastBeeTestBed();
            var offers = new BlockingCollection<UpdateOffer>();
            var client = bed.StartDevice(bed.Options(), c => c.UpdateOffered += offer => offers.Add(offer));

            bed.Platform.Publish("upgrade/get", "{\"otaId\":9,\"otaUrl\":\"http://127.0.0.1/profile/iot/41/fw-1.4.bin\",\"firmwareVersion\":1.4,"
                + "\"firmwareName\":\"fw\",\"seqNo\":3,\"signType\":\"16md5\",\"signCode\":\"5D41402ABC4B2A76\",\"messageId\":\"m-7\"}", MqttQos.AtLeastOnce);
            Assert.IsTrue(offers.TryTake(out UpdateOffer offer, 5000), "the offer reaches UpdateOffered");
            Assert.AreEqual(UpdateKind.Firmware, offer.Kind);
            Assert.AreEqual("http://127.0.0.1/profile/iot/41/fw-1.4.bin", offer.Url);
            Assert.AreEqual("1.4", offer.Version);
            Assert.AreEqual(DigestMethod.Md5Middle16, offer.DigestMethod);
            Assert.AreEqual("5D41402ABC4B2A76", offer.Digest);

            client.ReportUpdate(offer, UpdateStatus.Downloading, 50, null);
            client.ReportUpdate(offer, UpdateStatus.Succeeded, 100, "upgraded");
            Assert.AreEqual("{\"messageId\":\"m-7\",\"code\":200,\"msg\":\"upgraded\"}", bed.Platform.WaitFor("upgrade/reply", 1)[0].Text);
            Assert.AreEqual(1.4, bed.Platform.WaitFor("info/post", 2)[1].Json.GetProperty("firmwareVersion").GetDouble());

            // The old topic has no reply: a failure is only logged, the next message is the marker.
            bed.Platform.Publish("ota/get", "{\"version\":1.5,\"downloadUrl\":\"http://127.0.0.1/profile/iot/41/fw-1.5.bin\"}");
            Assert.IsTrue(offers.TryTake(out UpdateOffer legacy, 5000));
            Assert.IsNull(legacy.CorrelationId);
            client.ReportUpdate(legacy, UpdateStatus.DownloadFailed, 0, "timeout");
            client.ReportProperties(new PropertyReport(1).Add("marker", 1L));
            bed.Platform.WaitFor("property/post", 1);
            Assert.AreEqual(1, bed.Platform.On("upgrade/reply").Length);
            Assert.AreEqual(0, client.Session.Counters.Rejected);
        }
    }
}
