using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using IotDevice.BrokerHarness;
using IotDevice.Dialects.Alink;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.Alink
{
    /// <summary>
    /// Plays Alibaba Cloud IoT for one device through a real broker: a separate MQTT client subscribed to
    /// the device's <c>/sys/…/#</c>, NTP request and <c>/ota/device/#</c> topics. It answers every request
    /// on its <c>_reply</c> topic with the same id (unless told to stay silent for a method), answers NTP
    /// with its own clock, serves a pending firmware or config on the get queries, and publishes downlinks
    /// (property set, service call, OTA and config pushes) like the platform. The device's CONNECT is
    /// checked by the broker against <see cref="ExpectedPassword"/>, recomputed here with .NET's own HMAC.
    /// </summary>
    internal sealed class AlinkPlatformSimulator : IDisposable
    {
        public const string User = "platform-simulator";
        public const string Password = "Pl4tform-Simulator-Pa55";

        // Uplinks the platform answers on topic + "_reply" (protocols.md §2.3).
        private static readonly string[] Answered =
        {
            "thing/event/property/post", "thing/event/property/batch/post", "thing/event/property/history/post",
            "thing/deviceinfo/update", "thing/deviceinfo/delete", "thing/property/desired/get", "thing/property/desired/delete",
            "thing/config/get", "thing/ota/firmware/get",
        };

        private readonly object _gate = new object();
        private readonly List<ReceivedMessage> _messages = new List<ReceivedMessage>();
        private readonly HostMqttTransport _transport = new HostMqttTransport();
        private readonly TransportEvents _events;

        /// <param name="caPem">The broker's CA when it serves TLS only; null for plain TCP.</param>
        public AlinkPlatformSimulator(MosquittoBroker broker, string productKey, string deviceName, string caPem = null)
        {
            ProductKey = productKey;
            DeviceName = deviceName;
            _events = new TransportEvents(_transport);
            _transport.MessageReceived += OnMessage;
            MqttConnectOptions options = TestClients.Options(broker, "platform");
            options.Username = User;
            options.Password = Password;
            options.UseTls = caPem != null;
            options.CaCertificatePem = caPem;
            TestClients.ConnectOrFail(_transport, options);
            foreach (string filter in new[] { Sys + "#", "/ext/ntp/" + productKey + "/" + deviceName + "/request", "/ota/device/#" })
            {
                TestClients.SubscribeAndWait(_transport, _events, filter, MqttQos.AtLeastOnce);
            }
        }

        public string ProductKey { get; }

        public string DeviceName { get; }

        public string Sys => "/sys/" + ProductKey + "/" + DeviceName + "/";

        public string OtaSuffix => ProductKey + "/" + DeviceName;

        /// <summary>Methods the simulator never answers (to provoke timeouts).</summary>
        public HashSet<string> SilentMethods { get; } = new HashSet<string>();

        /// <summary>The <c>data</c> of the next firmware/get_reply; null answers <c>{}</c> (nothing pending).</summary>
        public string PendingFirmware { get; set; }

        /// <summary>The <c>data</c> of config/get_reply; null answers <c>{}</c>.</summary>
        public string ConfigData { get; set; }

        /// <summary>How many requests were answered.</summary>
        public int Answers { get; private set; }

        /// <summary>The CONNECT password the platform expects, computed independently of the SDK.</summary>
        public static string ExpectedPassword(AlinkSignMethod method, string secret, string clientId, string deviceName, string productKey, long timestamp)
        {
            byte[] key = Encoding.UTF8.GetBytes(secret);
            byte[] content = Encoding.UTF8.GetBytes("clientId" + clientId + "deviceName" + deviceName + "productKey" + productKey + "timestamp" + timestamp);
            byte[] mac = method == AlinkSignMethod.HmacSha1 ? HMACSHA1.HashData(key, content)
                : method == AlinkSignMethod.HmacMd5 ? HMACMD5.HashData(key, content)
                : HMACSHA256.HashData(key, content);
            return Convert.ToHexString(mac);
        }

        /// <summary>Messages received on <paramref name="topic"/>, in order (the simulator's own echoes included).</summary>
        public List<ReceivedMessage> On(string topic)
        {
            lock (_gate)
            {
                return _messages.FindAll(m => m.Topic == topic);
            }
        }

        /// <summary>Waits for a message on <paramref name="topic"/> that <paramref name="match"/> accepts.</summary>
        public JsonElement WaitFor(string topic, Func<JsonElement, bool> match = null, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            var clock = Stopwatch.StartNew();
            lock (_gate)
            {
                while (true)
                {
                    foreach (ReceivedMessage message in _messages)
                    {
                        if (message.Topic == topic)
                        {
                            JsonElement root = Parse(message);
                            if (match == null || match(root))
                            {
                                return root;
                            }
                        }
                    }

                    long left = timeoutMs - clock.ElapsedMilliseconds;
                    if (left <= 0)
                    {
                        Assert.Fail("The platform saw no matching message on " + topic + " within " + timeoutMs + " ms; it saw: "
                            + string.Join(", ", _messages.ConvertAll(m => m.Topic)));
                    }

                    Monitor.Wait(_gate, (int)left);
                }
            }
        }

        /// <summary>Publishes a downlink at QoS 1, as the platform does for services and pushes.</summary>
        public void Publish(string topic, string json)
        {
            TestClients.Publish(_transport, topic, json, MqttQos.AtLeastOnce);
        }

        public void Dispose()
        {
            _transport.Dispose();
        }

        public static JsonElement Parse(ReceivedMessage message)
        {
            using (JsonDocument document = JsonDocument.Parse(message.Payload))
            {
                return document.RootElement.Clone();
            }
        }

        private void OnMessage(string topic, byte[] payload, bool retained)
        {
            lock (_gate)
            {
                _messages.Add(new ReceivedMessage { Topic = topic, Payload = payload, Retained = retained });
                Monitor.PulseAll(_gate);
            }

            if (topic == "/ext/ntp/" + OtaSuffix + "/request")
            {
                AnswerTime(payload);
                return;
            }

            if (topic.StartsWith(Sys, StringComparison.Ordinal) && IsAnswered(topic.Substring(Sys.Length)))
            {
                AnswerRequest(topic, payload);
            }
        }

        private static bool IsAnswered(string suffix)
        {
            if (Array.IndexOf(Answered, suffix) >= 0)
            {
                return true;
            }

            // thing/event/{eventId}/post
            string[] levels = suffix.Split('/');
            return levels.Length == 4 && levels[0] == "thing" && levels[1] == "event" && levels[3] == "post";
        }

        private void AnswerRequest(string topic, byte[] payload)
        {
            using (JsonDocument document = JsonDocument.Parse(payload))
            {
                JsonElement root = document.RootElement;
                string method = root.GetProperty("method").GetString();
                if (SilentMethods.Contains(method))
                {
                    return;
                }

                string data = "{}";
                if (method == "thing.ota.firmware.get" && PendingFirmware != null)
                {
                    data = PendingFirmware;
                }
                else if (method == "thing.config.get" && ConfigData != null)
                {
                    data = ConfigData;
                }

                // The newer reply form: id echoed, code, data, message, method, version.
                string reply = "{\"code\":200,\"data\":" + data + ",\"id\":" + root.GetProperty("id").GetRawText()
                    + ",\"message\":\"success\",\"method\":\"" + method + "\",\"version\":\"1.0\"}";
                Answers++;
                TestClients.Publish(_transport, topic + "_reply", reply, MqttQos.AtMostOnce);
            }
        }

        private void AnswerTime(byte[] payload)
        {
            using (JsonDocument document = JsonDocument.Parse(payload))
            {
                string deviceSend = document.RootElement.GetProperty("deviceSendTime").GetRawText();
                long received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                string answer = "{\"deviceSendTime\":" + deviceSend + ",\"serverRecvTime\":\"" + received
                    + "\",\"serverSendTime\":\"" + (received + 1) + "\"}";
                TestClients.Publish(_transport, "/ext/ntp/" + OtaSuffix + "/response", answer, MqttQos.AtMostOnce);
            }
        }
    }
}
