using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.EztCloud
{
    /// <summary>
    /// The EZtCloud platform as one device sees it, played by an MQTT client on the test broker: it
    /// subscribes the device's uplink topics and answers as seed 002 describes — attributes_response /
    /// event_response (when "cloud responses" are on), throttling reports that come too fast with
    /// error_code −1, attributes_get from the attributes it has stored, and an otaUpgrade command in
    /// reply to otaCheck when an update is pending. Downlinks (push, command, data_set) on demand.
    /// It also holds the platform's own rule: every standard-topic uplink must be a JSON object.
    /// </summary>
    internal sealed class EztCloudPlatform : IDisposable
    {
        public const long Ts = 1750234507181;

        private readonly HostMqttTransport _mqtt = new HostMqttTransport();
        private readonly string _username;
        private readonly object _gate = new object();
        private readonly JsonObject _attributes = new JsonObject();
        private readonly List<string> _violations = new List<string>();
        private DateTime _lastAccepted = DateTime.MinValue;

        public EztCloudPlatform(MosquittoBroker broker, string username, string user, string password, string caPem = null)
        {
            _username = username;
            Uplinks = new TransportEvents(_mqtt);
            _mqtt.MessageReceived += OnUplink;
            MqttConnectOptions options = TestClients.Options(broker, "platform");
            options.Username = user;
            options.Password = password;
            if (caPem != null)
            {
                options.Host = "localhost";
                options.UseTls = true;
                options.CaCertificatePem = caPem;
            }
            TestClients.ConnectOrFail(_mqtt, options);
            foreach (string filter in new[] { "attributes/", "attributes_get/", "event_report/", "command_reply/" })
            {
                TestClients.SubscribeAndWait(_mqtt, Uplinks, filter + username, MqttQos.AtLeastOnce);
            }
            TestClients.SubscribeAndWait(_mqtt, Uplinks, "data/" + username + "/#", MqttQos.AtLeastOnce);
        }

        /// <summary>Everything the device published, in order.</summary>
        public TransportEvents Uplinks { get; }

        /// <summary>The device type's "cloud responses" setting (off by default on the real platform).</summary>
        public bool ResponsesEnabled { get; set; } = true;

        /// <summary>Attribute reports closer together than this are ignored and answered with −1; 0 = no limit.</summary>
        public int ThrottleWindowMs { get; set; }

        /// <summary>The otaUpgrade params sent in reply to otaCheck (null: nothing pending, no command).</summary>
        public string PendingUpdateParams { get; set; }

        /// <summary>The id the otaUpgrade command carries (raw JSON).</summary>
        public string UpdateCommandId { get; set; } = "98310";

        public int Throttled { get; private set; }

        /// <summary>The attribute values the platform holds for the device.</summary>
        public JsonObject Attributes
        {
            get
            {
                lock (_gate)
                {
                    return (JsonObject)_attributes.DeepClone();
                }
            }
        }

        public string[] Violations
        {
            get
            {
                lock (_gate)
                {
                    return _violations.ToArray();
                }
            }
        }

        public void Store(string key, JsonNode value)
        {
            lock (_gate)
            {
                _attributes[key] = value;
            }
        }

        public ReceivedMessage[] On(string prefix) => Uplinks.Messages.Where(m => m.Topic == prefix + "/" + _username).ToArray();

        /// <summary>Waits for the <paramref name="count"/>-th uplink on <c>{prefix}/{username}</c> and returns it.</summary>
        public ReceivedMessage WaitFor(string prefix, int count = 1, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            Eventually.True(() => On(prefix).Length >= count, count + " message(s) on " + prefix, timeoutMs);
            return On(prefix)[count - 1];
        }

        public void PushAttributes(string json) => Send("attributes_push/" + _username, Encoding.UTF8.GetBytes(json));

        public void SendCommand(string json) => Send("command_send/" + _username, Encoding.UTF8.GetBytes(json));

        public void SendData(string identifier, byte[] payload) => Send("data_set/" + _username + "/" + identifier, payload);

        public void Dispose() => _mqtt.Dispose();

        private void Send(string topic, byte[] payload)
        {
            _mqtt.Publish(topic, payload, payload.Length, MqttQos.AtLeastOnce, false);
        }

        private void Answer(string prefix, JsonObject body)
        {
            Send(prefix + "/" + _username, Encoding.UTF8.GetBytes(body.ToJsonString()));
        }

        private static JsonObject Response(int code, string message) =>
            new JsonObject { ["error_code"] = code, ["error_msg"] = message, ["ts"] = Ts };

        private void OnUplink(string topic, byte[] payload, bool retained)
        {
            if (topic.StartsWith("data/", StringComparison.Ordinal))
            {
                return; // custom streams carry any bytes
            }
            JsonObject body;
            try
            {
                body = JsonNode.Parse(payload) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }
            if (body == null)
            {
                lock (_gate)
                {
                    _violations.Add(topic + ": " + Encoding.UTF8.GetString(payload));
                }
                return;
            }
            string kind = topic.Substring(0, topic.IndexOf('/'));
            switch (kind)
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

        private void OnAttributes(JsonObject body)
        {
            bool throttled;
            lock (_gate)
            {
                DateTime now = DateTime.UtcNow;
                throttled = ThrottleWindowMs > 0 && (now - _lastAccepted).TotalMilliseconds < ThrottleWindowMs;
                if (throttled)
                {
                    Throttled++;
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
                string[] keys = (body["keys"] as JsonArray)?.Select(k => k.GetValue<string>()).ToArray() ?? new string[0];
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
            if ((string)body["method"] == "otaCheck" && offer != null)
            {
                string command = "{\"method\":\"otaUpgrade\",\"params\":" + offer + ",\"command_name\":\"OTA升级\",\"id\":" + UpdateCommandId + "}";
                SendCommand(command);
            }
        }
    }
}
