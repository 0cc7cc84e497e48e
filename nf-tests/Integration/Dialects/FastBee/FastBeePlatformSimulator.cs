using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.FastBee
{
    /// <summary>What the platform knows about one device: its product's credentials and its identity.</summary>
    public sealed class FastBeeDeviceRecord
    {
        public string ProductId = "41";
        public string DeviceNum = "D6329VL548866";
        public long UserId = 1;
        public string Username = "FastBee";
        public string MqttPassword = "P5FJKZJHIR82GNB2";
        public string ProductSecret = "K63C4EA3AI5TER97";
        public string AuthCode;

        public string Prefix => "/" + ProductId + "/" + DeviceNum + "/";
    }

    /// <summary>A message a device published, as the platform received it.</summary>
    public sealed class PlatformMessage
    {
        public string Topic;
        public string Text;
        public bool Retained;
        public long AtMs;

        public JsonElement Json => JsonDocument.Parse(Text).RootElement;
    }

    /// <summary>
    /// The FastBee server side for the tests, written from protocols.md §1 rather than from the SDK: an MQTT
    /// client (id "server-…", which FastBee treats as non-device) that subscribes what the server
    /// subscribes, answers ntp/post on ntp/get (QoS 1) with its own clock, publishes commands, info
    /// requests, monitor requests and OTA pushes the way the server does, and authenticates CONNECTs for
    /// the <see cref="FastBeeAuthGate"/> with .NET's own AES.
    /// </summary>
    public sealed class FastBeePlatformSimulator : IDisposable
    {
        private static readonly string[] Filters =
        {
            "/+/+/info/post", "/+/+/property/post", "/+/+/event/post", "/+/+/monitor/post", "/+/+/ntp/post", "/+/+/upgrade/reply",
        };

        private readonly FastBeeDeviceRecord _device;
        private readonly MqttConnectOptions _options;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<PlatformMessage> _messages = new List<PlatformMessage>();
        private readonly HostMqttTransport _transport = new HostMqttTransport();
        private readonly TransportEvents _events;

        public FastBeePlatformSimulator(MosquittoBroker broker, FastBeeDeviceRecord device)
        {
            _device = device;
            _options = TestClients.Options(broker, "server-sim");
            _events = new TransportEvents(_transport);
            _transport.MessageReceived += OnMessage;
            TestClients.ConnectOrFail(_transport, _options);
            Subscribe();
        }

        /// <summary>How far the server's clock is ahead of this machine's, to tell server time from local time.</summary>
        public long ClockOffsetMs { get; set; } = 7 * 24 * 3600 * 1000L;

        /// <summary>The server's clock, Unix ms.</summary>
        public long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ClockOffsetMs;

        /// <summary>Milliseconds since the simulator started; message arrival times use it.</summary>
        public long ElapsedMs => _clock.ElapsedMilliseconds;

        public bool AnswerNtp { get; set; } = true;

        public int NtpAnswers { get; private set; }

        public PlatformMessage[] Messages
        {
            get { lock (_messages) { return _messages.ToArray(); } }
        }

        public PlatformMessage[] On(string suffix) => Messages.Where(m => m.Topic == _device.Prefix + suffix).ToArray();

        /// <summary>Waits until <paramref name="count"/> messages arrived on the suffix; returns them.</summary>
        public PlatformMessage[] WaitFor(string suffix, int count, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            Eventually.True(() => On(suffix).Length >= count, count + " message(s) on " + suffix + "; so far: " + Describe(), timeoutMs);
            return On(suffix);
        }

        public string Describe() => string.Join(" | ", Messages.Select(m => m.Topic.Substring(m.Topic.LastIndexOf('/', m.Topic.Length - 6) + 1) + " " + m.Text));

        /// <summary>Publishes to the device's <c>/{productId}/{deviceNum}/{suffix}</c>.</summary>
        public void Publish(string suffix, string payload, MqttQos qos = MqttQos.AtMostOnce, bool retain = false)
        {
            TestClients.Publish(_transport, _device.Prefix + suffix, payload, qos, retain);
        }

        /// <summary>A command the way the server sends it: one item, empty remark, QoS 0 (JsonProtocolService.encode).</summary>
        public void SendFunction(string id, string value) =>
            Publish("function/get", "[{\"id\":\"" + id + "\",\"value\":\"" + value + "\",\"remark\":\"\"}]");

        /// <summary>The shadow replay: the stored values as a retained QoS 1 message.</summary>
        public void RetainFunctions(string itemsJson) => Publish("function/get", itemsJson, MqttQos.AtLeastOnce, true);

        /// <summary>Clears the retained command with an empty payload, as the server does when the device goes offline.</summary>
        public void ClearRetainedFunctions() => Publish("function/get", "", MqttQos.AtLeastOnce, true);

        public void RequestInfo() => Publish("info/get", "", MqttQos.AtLeastOnce);

        /// <summary>Back after a broker restart (clean session: subscribes again).</summary>
        public void Reconnect()
        {
            Eventually.True(() => _transport.Connect(_options) == MqttConnectResult.Accepted, "the platform reconnects", 10000);
            _events.Clear();
            Subscribe();
        }

        /// <summary>FastBee's device authentication (AuthService / ToolServiceImpl.clientAuth), for the gate.</summary>
        public bool Verify(ConnectAttempt attempt)
        {
            attempt.ServerTimeMs = Now;
            attempt.Verdict = Check(attempt);
            return attempt.Verdict == "ok";
        }

        public void Dispose()
        {
            _transport.Dispose();
        }

        private string Check(ConnectAttempt attempt)
        {
            string[] parts = (attempt.ClientId ?? "").Split('&');
            if (parts.Length != 4 || parts.Any(p => p.Length == 0))
            {
                return "client id is not authType&deviceNum&productId&userId";
            }
            if (parts[1] != _device.DeviceNum || parts[2] != _device.ProductId || parts[3] != _device.UserId.ToString())
            {
                return "unknown device";
            }
            if (attempt.Username != _device.Username)
            {
                return "wrong mqtt account";
            }
            if (attempt.KeepAliveSeconds < 1 || attempt.KeepAliveSeconds > 120)
            {
                return "keep-alive outside 1..120";
            }
            if (parts[0] == "S")
            {
                string expected = _device.AuthCode == null ? _device.MqttPassword : _device.MqttPassword + "&" + _device.AuthCode;
                return attempt.Password == expected ? "ok" : "wrong simple password";
            }
            if (parts[0] != "E")
            {
                return "unknown auth type";
            }
            string plain;
            try
            {
                plain = Decrypt(attempt.Password.Replace(' ', '+'), _device.ProductSecret);
            }
            catch (Exception e) when (e is FormatException || e is CryptographicException)
            {
                return "password does not decrypt with the product secret";
            }
            string[] fields = plain.Split('&');
            if (fields.Length != (_device.AuthCode == null ? 2 : 3) || fields[0] != _device.MqttPassword)
            {
                return "decrypted password has the wrong layout";
            }
            if (!long.TryParse(fields[1], out long expiry))
            {
                return "expiry is not a number";
            }
            attempt.ExpireTimeMs = expiry;
            if (expiry < attempt.ServerTimeMs)
            {
                return "password expired";
            }
            if (_device.AuthCode != null && fields[2] != _device.AuthCode)
            {
                return "wrong authorization code";
            }
            return "ok";
        }

        /// <summary>AESUtils.decrypt: AES-128-CBC, PKCS#5, IV "wumei-smart-open", Base64 in.</summary>
        public static string Decrypt(string base64, string secret)
        {
            using Aes aes = Aes.Create();
            aes.Key = Encoding.ASCII.GetBytes(secret);
            byte[] plain = aes.DecryptCbc(Convert.FromBase64String(base64), Encoding.ASCII.GetBytes("wumei-smart-open"), PaddingMode.PKCS7);
            return Encoding.UTF8.GetString(plain);
        }

        private void Subscribe()
        {
            foreach (string filter in Filters)
            {
                TestClients.SubscribeAndWait(_transport, _events, filter, MqttQos.AtLeastOnce);
            }
        }

        private void OnMessage(string topic, byte[] payload, bool retained)
        {
            var message = new PlatformMessage { Topic = topic, Text = Encoding.UTF8.GetString(payload), Retained = retained, AtMs = ElapsedMs };
            lock (_messages)
            {
                _messages.Add(message);
            }
            if (AnswerNtp && topic.EndsWith("/ntp/post", StringComparison.Ordinal))
            {
                AnswerTime(topic, message.Text);
            }
        }

        // MqttMessagePublishImpl.publishNtp: echo deviceSendTime, both server times from the server clock, QoS 1.
        private void AnswerTime(string topic, string request)
        {
            long received = Now;
            string echoed;
            try
            {
                echoed = JsonDocument.Parse(request).RootElement.GetProperty("deviceSendTime").GetRawText();
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException)
            {
                return;
            }
            string reply = "{\"deviceSendTime\":" + echoed + ",\"serverRecvTime\":" + received + ",\"serverSendTime\":" + Now + "}";
            TestClients.Publish(_transport, topic.Substring(0, topic.Length - "post".Length) + "get", reply, MqttQos.AtLeastOnce);
            NtpAnswers++;
        }
    }
}
