using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Platforms.Alink
{
    /// <summary>
    /// Alibaba Cloud IoT for one device (docs/alink.md), written from the spec rather than from the SDK:
    /// subscribed to the device's <c>/sys/…/#</c>, NTP request and <c>/ota/device/#</c> topics, it answers
    /// every request on its <c>_reply</c> topic with the same id (unless told to stay silent for a method or to refuse it),
    /// answers NTP with its own clock, serves a pending firmware or config on the get queries, and
    /// publishes downlinks (property set, service call, OTA push) the way the platform does.
    /// </summary>
    public sealed class AlinkPlatform : PlatformSimulator
    {
        // Uplinks the platform answers on topic + "_reply" (docs/alink.md §3).
        private static readonly string[] Answered =
        {
            "thing/event/property/post", "thing/event/property/batch/post", "thing/event/property/history/post",
            "thing/deviceinfo/update", "thing/deviceinfo/delete", "thing/property/desired/get", "thing/property/desired/delete",
            "thing/config/get", "thing/ota/firmware/get",
        };

        private long _nextId = 1000;
        private int _answers;

        public AlinkPlatform(IMqttTransport transport, string productKey, string deviceName)
            : base(transport)
        {
            ProductKey = productKey;
            DeviceName = deviceName;
        }

        public string ProductKey { get; }

        public string DeviceName { get; }

        /// <summary><c>/sys/{pk}/{dn}/</c></summary>
        public string Sys => "/sys/" + ProductKey + "/" + DeviceName + "/";

        /// <summary><c>{pk}/{dn}</c>, the suffix of the OTA and NTP topics.</summary>
        public string OtaSuffix => ProductKey + "/" + DeviceName;

        public override string[] Filters => new[] { Sys + "#", "/ext/ntp/" + OtaSuffix + "/request", "/ota/device/#" };

        /// <summary>The <c>data</c> of the next firmware/get_reply; null answers <c>{}</c> (nothing pending).</summary>
        public string PendingFirmware { get; set; }

        /// <summary>The <c>data</c> of config/get_reply; null answers <c>{}</c>.</summary>
        public string ConfigData { get; set; }

        /// <summary>How many requests were answered.</summary>
        public int Answers => Volatile.Read(ref _answers);

        /// <summary>Methods the platform never answers (to provoke timeouts); lock it to change it while messages flow.</summary>
        public HashSet<string> SilentMethods { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Methods the platform refuses, with the code it answers (e.g. 6304, a value that does not fit the
        /// thing model); lock it to change it while messages flow.
        /// </summary>
        public Dictionary<string, int> RefusedMethods { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>The CONNECT password the platform expects (upper-case hex HMAC of the sorted parameters); <see cref="AlinkLogin"/> checks it.</summary>
        public static string ExpectedPassword(string signMethod, string secret, string clientId, string deviceName, string productKey, long timestamp)
        {
            return Convert.ToHexString(AlinkLogin.Sign(signMethod, secret,
                "clientId" + clientId + "deviceName" + deviceName + "productKey" + productKey + "timestamp" + timestamp));
        }

        /// <summary>The <c>data</c> object of an OTA push or firmware/get_reply for an image at <paramref name="url"/>.</summary>
        public static string FirmwareData(string version, long size, string md5, string url, string module = null)
        {
            return "{\"size\":" + size + ",\"version\":\"" + version + "\",\"isDiff\":0,\"url\":\"" + url + "\",\"md5\":\"" + md5
                + "\",\"sign\":\"" + md5 + "\",\"signMethod\":\"Md5\"" + (module == null ? "" : ",\"module\":\"" + module + "\"") + "}";
        }

        /// <summary>The <c>data</c> of a config push or config/get_reply for a file at <paramref name="url"/> (docs/alink.md §4.12: SHA-256 sign).</summary>
        public static string ConfigOffer(string configId, long size, string sha256, string url)
        {
            return "{\"configId\":\"" + configId + "\",\"configSize\":" + size + ",\"sign\":\"" + sha256
                + "\",\"signMethod\":\"Sha256\",\"url\":\"" + url + "\",\"getType\":\"file\"}";
        }

        /// <summary>thing.config.push with <paramref name="dataJson"/> as params; the device answers on push_reply. Returns the id.</summary>
        public string PushConfig(string dataJson)
        {
            return Request(Sys + "thing/config/push", "thing.config.push", dataJson);
        }

        /// <summary>thing.service.property.set with <paramref name="parametersJson"/>; returns the request id.</summary>
        public string SetProperties(string parametersJson)
        {
            return Request(Sys + "thing/service/property/set", "thing.service.property.set", parametersJson);
        }

        /// <summary>An asynchronous service call; the device answers on <c>thing/service/{serviceId}_reply</c>. Returns the id.</summary>
        public string CallService(string serviceId, string parametersJson)
        {
            return Request(Sys + "thing/service/" + serviceId, "thing.service." + serviceId, parametersJson);
        }

        /// <summary>An OTA push on <c>/ota/device/upgrade/{pk}/{dn}</c> with the given <c>data</c>; returns the id.</summary>
        public string PushFirmware(string dataJson)
        {
            string id = NextId();
            Publish("/ota/device/upgrade/" + OtaSuffix, "{\"code\":\"1000\",\"data\":" + dataJson + ",\"id\":\"" + id + "\",\"message\":\"success\"}");
            return id;
        }

        protected override void OnUplink(PlatformMessage message)
        {
            string topic = message.Topic;
            if (topic == "/ext/ntp/" + OtaSuffix + "/request")
            {
                AnswerTime(message);
                return;
            }
            if (topic.StartsWith(Sys, StringComparison.Ordinal) && IsAnswered(topic.Substring(Sys.Length)))
            {
                AnswerRequest(message);
            }
        }

        private string Request(string topic, string method, string parametersJson)
        {
            string id = NextId();
            Publish(topic, "{\"id\":\"" + id + "\",\"version\":\"1.0\",\"params\":" + (parametersJson ?? "{}") + ",\"method\":\"" + method + "\"}");
            return id;
        }

        private string NextId() => Interlocked.Increment(ref _nextId).ToString();

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

        private void AnswerRequest(PlatformMessage message)
        {
            if (!message.TryJson(out JsonElement root) || root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("method", out JsonElement methodElement) || !root.TryGetProperty("id", out JsonElement idElement))
            {
                return; // the real platform drops what it cannot read
            }
            string method = methodElement.GetString();
            lock (SilentMethods)
            {
                if (SilentMethods.Contains(method))
                {
                    return;
                }
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
            int code = 200;
            lock (RefusedMethods)
            {
                if (RefusedMethods.TryGetValue(method, out int refusal))
                {
                    code = refusal;
                    data = "{}";
                }
            }
            // The newer reply form: id echoed, code, data, message, method, version.
            string reply = "{\"code\":" + code + ",\"data\":" + data + ",\"id\":" + idElement.GetRawText()
                + ",\"message\":\"" + (code == 200 ? "success" : "refused: code " + code) + "\",\"method\":\"" + method + "\",\"version\":\"1.0\"}";
            Interlocked.Increment(ref _answers);
            Publish(message.Topic + "_reply", reply, MqttQos.AtMostOnce);
        }

        private void AnswerTime(PlatformMessage message)
        {
            if (!message.TryJson(out JsonElement root) || !root.TryGetProperty("deviceSendTime", out JsonElement deviceSend))
            {
                return;
            }
            long received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            string answer = "{\"deviceSendTime\":" + deviceSend.GetRawText() + ",\"serverRecvTime\":\"" + received
                + "\",\"serverSendTime\":\"" + (received + 1) + "\"}";
            Publish("/ext/ntp/" + OtaSuffix + "/response", answer, MqttQos.AtMostOnce);
        }
    }
}
