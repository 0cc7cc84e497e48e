using System;
using System.Linq;
using System.Text.Json;
using IotDevice.IntegrationTests.Support;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.FastBee
{
    /// <summary>
    /// A FastBee device against mosquitto and the platform simulator: authentication checked the way the
    /// server checks it, info/post first after every connect, time from the server, and a broker restart.
    /// </summary>
    [TestClass]
    public class FastBeeConnectionTests
    {
        private const long Hour = 3600000;

        [TestMethod]
        public void Encrypted_login_is_verified_and_info_post_is_the_first_message()
        {
            using var bed = new FastBeeTestBed();
            bed.StartDevice(bed.Options(encrypted: true));

            ConnectAttempt login = bed.Accepted.Single();
            Assert.AreEqual("E&D6329VL548866&41&1", login.ClientId);
            Assert.AreEqual("FastBee", login.Username);
            Assert.AreEqual(60, login.KeepAliveSeconds);
            // The expiry is one hour past the server's clock (a week ahead of this machine's), not the device's.
            long lead = login.ExpireTimeMs - login.ServerTimeMs;
            Assert.IsTrue(lead > Hour - 5000 && lead <= Hour + 1000, "expiry leads the server clock by " + lead + " ms");
            Assert.AreEqual(1, bed.Ntp.Requests, "one HTTP time request before the connect");
            Assert.AreEqual(login.ExpireTimeMs, bed.Dialect.PasswordExpiresAtMs);

            PlatformMessage first = bed.Platform.Messages.First();
            Assert.AreEqual("/41/D6329VL548866/info/post", first.Topic, bed.Platform.Describe());
            JsonElement info = first.Json;
            Assert.AreEqual(1, info.GetProperty("userId").GetInt64());
            Assert.AreEqual(3, info.GetProperty("status").GetInt32());
            Assert.AreEqual(-43, info.GetProperty("rssi").GetInt32());
            Assert.AreEqual(JsonValueKind.Number, info.GetProperty("firmwareVersion").ValueKind);
            Assert.AreEqual(1.2, info.GetProperty("firmwareVersion").GetDouble());
            Assert.AreEqual("ESP32", info.GetProperty("summary").GetProperty("chip").GetString());
        }

        [TestMethod]
        public void A_wrong_product_secret_is_refused_and_retried_with_a_fresh_password()
        {
            using var bed = new FastBeeTestBed();
            var options = bed.Options(encrypted: true);
            options.ProductSecret = "0000000000000000";
            var client = bed.StartDevice(options, waitForInfo: false);

            Eventually.True(() => client.Session.Counters.ConnectFailures >= 2, "two refused connects");
            Assert.IsFalse(client.Session.IsConnected);
            // Decrypted with another key, the password is random bytes: most fail the padding check, but
            // about one in 256 pads validly and then fails on its layout. Either way it was refused for
            // not being made with the platform's secret, and nothing got further.
            Assert.IsTrue(bed.Gate.Attempts.All(a => !a.Accepted
                    && (a.Verdict == "password does not decrypt with the product secret" || a.Verdict == "decrypted password has the wrong layout")),
                string.Join("; ", bed.Gate.Attempts.Select(a => a.Verdict)));
            Assert.IsTrue(bed.Ntp.Requests >= 2, "the time is asked before every attempt");
            Assert.AreEqual(0, bed.Platform.Messages.Length);
        }

        [TestMethod]
        public void Simple_login_with_an_auth_code_and_time_over_mqtt_sets_the_clock()
        {
            using var bed = new FastBeeTestBed(new FastBeeDeviceRecord { AuthCode = "A1B2C3D4E5F6" });
            long synced = 0;
            var client = bed.StartDevice(bed.Options(), c => c.TimeSynced += now => synced = now);

            Assert.AreEqual("S&D6329VL548866&41&1", bed.Accepted.Single().ClientId);
            Assert.AreEqual(0, bed.Ntp.Requests, "simple authentication needs no HTTP time");
            Eventually.True(() => client.Clock.IsSynced, "the ntp/get answer sets the clock");
            Assert.AreEqual(1, bed.Platform.NtpAnswers);
            long error = client.Clock.NowMs - bed.Platform.Now;
            Assert.IsTrue(Math.Abs(error) < 500, "device clock is " + error + " ms off the server clock");
            Assert.IsTrue(Math.Abs(synced - bed.Platform.Now) < 5000, "TimeSynced carried the server time");

            PlatformMessage[] sent = bed.Platform.Messages;
            Assert.IsTrue(sent[0].Topic.EndsWith("/info/post") && sent[1].Topic.EndsWith("/ntp/post"), bed.Platform.Describe());
            Assert.AreEqual(JsonValueKind.Number, sent[1].Json.GetProperty("deviceSendTime").ValueKind);
        }

        [TestMethod]
        public void After_a_broker_restart_info_post_goes_first_again_with_a_recomputed_password()
        {
            using var bed = new FastBeeTestBed();
            var client = bed.StartDevice(bed.Options(encrypted: true));
            ConnectAttempt before = bed.Accepted.Single();
            int requestsBefore = bed.Ntp.Requests;

            // Devices wait at the gate until the platform is back and listening.
            bed.Gate.Blocked = true;
            bed.Broker.Stop();
            Eventually.True(() => !client.Session.IsConnected, "the device notices the outage");
            bed.Broker.Start();
            bed.Platform.Reconnect();
            int mark = bed.Platform.Messages.Length;
            bed.Gate.Blocked = false;

            Eventually.True(() => bed.Accepted.Length == 2 && client.Session.IsConnected, "the device logs in again", 10000);
            Eventually.True(() => bed.Platform.Messages.Length > mark, "a message after the reconnect");
            PlatformMessage first = bed.Platform.Messages[mark];
            Assert.AreEqual("/41/D6329VL548866/info/post", first.Topic, bed.Platform.Describe());

            ConnectAttempt after = bed.Accepted[1];
            Assert.AreEqual("ok", after.Verdict);
            Assert.IsTrue(after.ExpireTimeMs > before.ExpireTimeMs, "a new expiry: " + before.ExpireTimeMs + " then " + after.ExpireTimeMs);
            Assert.AreNotEqual(before.Password, after.Password);
            Assert.IsTrue(bed.Ntp.Requests > requestsBefore, "the time was asked again");
            Assert.AreEqual(2L, client.Session.Counters.Connects);
        }
    }
}
