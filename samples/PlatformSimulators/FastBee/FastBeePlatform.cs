using System;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Platforms.FastBee
{
    /// <summary>
    /// The FastBee server for one device (docs/fastbee.md), as an MQTT client the server treats as
    /// non-device: it subscribes the device's uplinks, answers ntp/post on ntp/get (QoS 1) with its own
    /// clock, and publishes commands (function/get item arrays), info requests and OTA pushes
    /// (upgrade/get with a 16md5 sign) the way the server does. CONNECTs are checked by
    /// <see cref="FastBeeLogin"/>.
    /// </summary>
    public sealed class FastBeePlatform : PlatformSimulator
    {
        private int _ntpAnswers;
        private long _nextMessageId = 100;

        private readonly bool _allDevices;

        /// <param name="allDevices">Subscribe every device's uplinks (<c>/+/+/…</c>), as the server does, instead of this device's only.</param>
        public FastBeePlatform(IMqttTransport transport, string productId, string deviceNum, bool allDevices = false)
            : base(transport)
        {
            ProductId = productId;
            DeviceNum = deviceNum;
            _allDevices = allDevices;
        }

        public string ProductId { get; }

        public string DeviceNum { get; }

        /// <summary><c>/{productId}/{deviceNum}/</c></summary>
        public string Prefix => "/" + ProductId + "/" + DeviceNum + "/";

        public override string[] Filters
        {
            get
            {
                string prefix = _allDevices ? "/+/+/" : Prefix;
                return new[] { prefix + "info/post", prefix + "property/post", prefix + "event/post", prefix + "monitor/post", prefix + "ntp/post", prefix + "upgrade/reply" };
            }
        }

        /// <summary>How far the server's clock is ahead of this machine's (tells server time from local time in tests).</summary>
        public long ClockOffsetMs { get; set; }

        /// <summary>The server's clock, Unix ms.</summary>
        public long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ClockOffsetMs;

        public bool AnswerNtp { get; set; } = true;

        public int NtpAnswers => Volatile.Read(ref _ntpAnswers);

        /// <summary>The server's verdict on a CONNECT (simple or encrypted login); the built-in broker answers every refusal with code 4.</summary>
        public static MqttConnectResult CheckConnect(MqttConnectOptions options, FastBeeCredentials device, long serverTimeMs) =>
            FastBeeLogin.Verdict(device, options, serverTimeMs).Code;

        /// <summary>
        /// The answer of the HTTP time endpoint (<c>GET …/iot/tool/ntp?deviceSendTime=…</c>, ToolController.ntp):
        /// the device's time echoed, both server times from this server's clock; null when the query has no number.
        /// </summary>
        public string HttpTimeAnswer(string deviceSendTime)
        {
            if (!long.TryParse(deviceSendTime, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long sent))
            {
                return null;
            }
            return TimeAnswer(sent.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Publishes to the device's <c>/{productId}/{deviceNum}/{suffix}</c>.</summary>
        public void PublishTo(string suffix, string payload, MqttQos qos = MqttQos.AtMostOnce, bool retain = false) =>
            Publish(Prefix + suffix, payload, qos, retain);

        /// <summary>A command as the server sends it: one item, empty remark, QoS 0 (JsonProtocolService.encode).</summary>
        public void SendFunction(string id, string value) =>
            PublishTo("function/get", "[{\"id\":\"" + id + "\",\"value\":\"" + value + "\",\"remark\":\"\"}]");

        /// <summary>The shadow replay: the stored values as a retained QoS 1 message.</summary>
        public void RetainFunctions(string itemsJson) => PublishTo("function/get", itemsJson, MqttQos.AtLeastOnce, true);

        /// <summary>Clears the retained command with an empty payload, as the server does when the device goes offline.</summary>
        public void ClearRetainedFunctions() => PublishTo("function/get", "", MqttQos.AtLeastOnce, true);

        /// <summary>info/get: an empty QoS 1 message; the device answers with info/post.</summary>
        public void RequestInfo() => PublishTo("info/get", "", MqttQos.AtLeastOnce);

        /// <summary>An OTA push on upgrade/get in the server's upgrade shape; returns the messageId the reply must carry.</summary>
        public string PushUpgrade(double version, string url, string signCode16)
        {
            string messageId = Interlocked.Increment(ref _nextMessageId).ToString(CultureInfo.InvariantCulture);
            Publish(Prefix + "upgrade/get", "{\"otaId\":7,\"otaUrl\":\"" + url + "\",\"firmwareVersion\":"
                + version.ToString("0.0##", CultureInfo.InvariantCulture) + ",\"seqNo\":\"1\",\"signType\":\"16md5\",\"signCode\":\""
                + signCode16 + "\",\"messageId\":\"" + messageId + "\"}");
            return messageId;
        }

        protected override void OnUplink(PlatformMessage message)
        {
            if (AnswerNtp && message.Topic.EndsWith("/ntp/post", StringComparison.Ordinal))
            {
                AnswerTime(message);
            }
        }

        // MqttMessagePublishImpl.publishNtp: echo deviceSendTime, both server times from the server clock, QoS 1.
        private void AnswerTime(PlatformMessage message)
        {
            if (!message.TryJson(out JsonElement root) || root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("deviceSendTime", out JsonElement deviceSend))
            {
                return;
            }
            // To the asking device: /{productId}/{deviceNum}/ntp/get.
            Publish(message.Topic.Substring(0, message.Topic.Length - "post".Length) + "get", TimeAnswer(deviceSend.GetRawText()));
            Interlocked.Increment(ref _ntpAnswers);
        }

        // The device's time echoed as it came, both server times from the server's clock.
        private string TimeAnswer(string deviceSendTimeJson)
        {
            long received = Now;
            return "{\"deviceSendTime\":" + deviceSendTimeJson + ",\"serverRecvTime\":" + received + ",\"serverSendTime\":" + Now + "}";
        }
    }
}
