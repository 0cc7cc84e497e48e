using System;
using System.Linq;
using System.Text.Json.Nodes;
using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;
using SharedPlatform = IotDevice.Platforms.EztCloud.EztCloudPlatform;

namespace IotDevice.IntegrationTests.Dialects.EztCloud
{
    /// <summary>
    /// The EZtCloud platform as one device sees it, on the test broker: the shared simulator
    /// (<see cref="SharedPlatform"/> in samples/PlatformSimulators, which the virtual device uses too) on its own
    /// MQTT client, logged in as the platform user. It answers as docs/eztcloud.md describes — attributes_response
    /// / event_response, throttling with error_code −1, attributes_get from the stored attributes, an
    /// otaUpgrade command in reply to otaCheck when an update is pending — and holds the platform's rule
    /// that every standard-topic uplink is a JSON object. Waits fail the test.
    /// </summary>
    internal sealed class EztCloudPlatform : IDisposable
    {
        public const long Ts = SharedPlatform.Ts;

        private readonly HostMqttTransport _mqtt = new HostMqttTransport();
        private readonly SharedPlatform _platform;
        private readonly string _username;

        public EztCloudPlatform(MosquittoBroker broker, string username, string user, string password, string caPem = null)
        {
            _username = username;
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
            _platform = new SharedPlatform(_mqtt, username);
            Uplinks = new TransportEvents(_mqtt, _platform.Listener);
            _platform.Start(Eventually.DefaultTimeoutMs);
        }

        /// <summary>Everything the device published, in order.</summary>
        public TransportEvents Uplinks { get; }

        /// <summary>The device type's "cloud responses" setting (off by default on the real platform).</summary>
        public bool ResponsesEnabled
        {
            get => _platform.ResponsesEnabled;
            set => _platform.ResponsesEnabled = value;
        }

        /// <summary>Attribute reports closer together than this are ignored and answered with −1; 0 = no limit.</summary>
        public int ThrottleWindowMs
        {
            get => _platform.ThrottleWindowMs;
            set => _platform.ThrottleWindowMs = value;
        }

        /// <summary>The otaUpgrade params sent in reply to otaCheck (null: nothing pending, no command).</summary>
        public string PendingUpdateParams
        {
            get => _platform.PendingUpdateParams;
            set => _platform.PendingUpdateParams = value;
        }

        /// <summary>The id the otaUpgrade command carries (raw JSON).</summary>
        public string UpdateCommandId
        {
            get => _platform.UpdateCommandId;
            set => _platform.UpdateCommandId = value;
        }

        public int Throttled => _platform.Throttled;

        /// <summary>The attribute values the platform holds for the device.</summary>
        public JsonObject Attributes => _platform.Attributes;

        public string[] Violations => _platform.Violations;

        public void Store(string key, JsonNode value) => _platform.Store(key, value);

        public ReceivedMessage[] On(string prefix) => Uplinks.Messages.Where(m => m.Topic == prefix + "/" + _username).ToArray();

        /// <summary>Waits for the <paramref name="count"/>-th uplink on <c>{prefix}/{username}</c> and returns it.</summary>
        public ReceivedMessage WaitFor(string prefix, int count = 1, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            Eventually.True(() => On(prefix).Length >= count, count + " message(s) on " + prefix, timeoutMs);
            return On(prefix)[count - 1];
        }

        public void PushAttributes(string json) => _platform.PushAttributes(json);

        public void SendCommand(string json) => _platform.SendCommand(json);

        public void SendData(string identifier, byte[] payload) => _platform.SendData(identifier, payload);

        public void Dispose()
        {
            _platform.Dispose();
            _mqtt.Dispose();
        }
    }
}
