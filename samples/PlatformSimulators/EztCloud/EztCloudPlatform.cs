using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotDevice.Transport;

namespace IotDevice.Platforms.EztCloud
{
    /// <summary>
    /// The EZtCloud platform as one device sees it (docs/eztcloud.md): it subscribes the device's
    /// uplink topics and answers attributes_response / event_response (when "cloud responses" are on),
    /// throttles reports that come too fast with error_code −1, answers attributes_get from the attributes
    /// it has stored, and sends an otaUpgrade command in reply to otaCheck when an update is pending.
    /// Downlinks (push, command, data_set) on demand. It also holds the platform's own rule: every
    /// standard-topic uplink must be a JSON object (violations are collected).
    /// </summary>
    public sealed class EztCloudPlatform : PlatformSimulator
    {
        /// <summary>The <c>ts</c> every response carries.</summary>
        public const long Ts = 1750234507181;

        private readonly object _gate = new object();
        private readonly JsonObject _attributes = new JsonObject();
        private readonly List<string> _violations = new List<string>();
        private DateTime _lastAccepted = DateTime.MinValue;
        private int _throttled;

        public EztCloudPlatform(IMqttTransport transport, string username)
            : base(transport)
        {
            Username = username;
        }

        public string Username { get; }

        public override string[] Filters => new[]
        {
            "attributes/" + Username, "attributes_get/" + Username, "event_report/" + Username, "command_reply/" + Username, "data/" + Username + "/#",
        };

        /// <summary>The device type's "cloud responses" setting (off by default on the real platform).</summary>
        public bool ResponsesEnabled { get; set; } = true;

        /// <summary>Attribute reports closer together than this are ignored and answered with −1; 0 = no limit.</summary>
        public int ThrottleWindowMs { get; set; }

        /// <summary>The otaUpgrade params sent in reply to otaCheck (null: nothing pending, no command).</summary>
        public string PendingUpdateParams { get; set; }

        /// <summary>The id the otaUpgrade command carries (raw JSON).</summary>
        public string UpdateCommandId { get; set; } = "98310";

        public int Throttled
        {
            get { lock (_gate) { return _throttled; } }
        }

        /// <summary>The attribute values the platform holds for the device.</summary>
        public JsonObject Attributes
        {
            get { lock (_gate) { return (JsonObject)_attributes.DeepClone(); } }
        }

        /// <summary>Uplinks on standard topics that were not JSON objects.</summary>
        public string[] Violations
        {
            get { lock (_gate) { return _violations.ToArray(); } }
        }

        /// <summary>The otaUpgrade params for an image (module "main", upgrade true).</summary>
        public static string UpdateParams(string version, long size, string md5, string url, string module = "main")
        {
            return "{\"module\":\"" + module + "\",\"upgrade\":true,\"version\":\"" + version + "\",\"url\":\"" + url
                + "\",\"size\":" + size + ",\"md5\":\"" + md5 + "\"}";
        }

        public void Store(string key, JsonNode value)
        {
            lock (_gate)
            {
                _attributes[key] = value;
            }
        }

        public void PushAttributes(string json) => Publish("attributes_push/" + Username, json);

        public void SendCommand(string json) => Publish("command_send/" + Username, json);

        public void SendData(string identifier, byte[] payload) => Publish("data_set/" + Username + "/" + identifier, payload);

        protected override void OnUplink(PlatformMessage message)
        {
            string topic = message.Topic;
            if (topic.StartsWith("data/", StringComparison.Ordinal))
            {
                return; // custom streams carry any bytes
            }
            JsonObject body = null;
            try
            {
                body = JsonNode.Parse(message.Payload) as JsonObject;
            }
            catch (JsonException)
            {
            }
            if (body == null)
            {
                lock (_gate)
                {
                    _violations.Add(topic + ": " + message.Text);
                }
                return;
            }
            switch (topic.Substring(0, topic.IndexOf('/')))
            {
                case "attributes":
                    OnAttributes(body);
                    break;
                case "attributes_get":
                    OnGet(body);
                    break;
                case "event_report":
                    OnEvent(body);
                    break;
            }
        }

        private void Answer(string prefix, JsonObject body) => Publish(prefix + "/" + Username, body.ToJsonString());

        private static JsonObject Response(int code, string message) =>
            new JsonObject { ["error_code"] = code, ["error_msg"] = message, ["ts"] = Ts };

        private void OnAttributes(JsonObject body)
        {
            bool throttled;
            lock (_gate)
            {
                DateTime now = DateTime.UtcNow;
                throttled = ThrottleWindowMs > 0 && (now - _lastAccepted).TotalMilliseconds < ThrottleWindowMs;
                if (throttled)
                {
                    _throttled++;
                }
                else
                {
                    _lastAccepted = now;
                    foreach (KeyValuePair<string, JsonNode> member in body)
                    {
                        _attributes[member.Key] = member.Value?.DeepClone();
                    }
                }
            }
            if (ResponsesEnabled)
            {
                Answer("attributes_response", throttled
                    ? Response(-1, "Device message frequency too fast, please wait for a moment")
                    : Response(0, "OK"));
            }
        }

        private void OnGet(JsonObject body)
        {
            var selected = new JsonObject();
            lock (_gate)
            {
                string[] keys = (body["keys"] as JsonArray)?.Select(k => k?.GetValue<string>()).ToArray() ?? new string[0];
                foreach (KeyValuePair<string, JsonNode> member in _attributes)
                {
                    if (keys.Length == 0 || keys.Contains(member.Key))
                    {
                        selected[member.Key] = member.Value?.DeepClone();
                    }
                }
            }
            JsonObject answer = Response(0, "");
            answer["attributes"] = selected;
            Answer("attributes_get_response", answer);
        }

        private void OnEvent(JsonObject body)
        {
            if (ResponsesEnabled)
            {
                Answer("event_response", Response(0, "OK"));
            }
            string offer = PendingUpdateParams;
            if ((body["method"] as JsonValue)?.TryGetValue(out string method) == true && method == "otaCheck" && offer != null)
            {
                SendCommand("{\"method\":\"otaUpgrade\",\"params\":" + offer + ",\"command_name\":\"OTA升级\",\"id\":" + UpdateCommandId + "}");
            }
        }
    }
}
