using IotDevice.Client;
using IotDevice.Transport;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// What the dialect keeps of the app's <see cref="FastBeeOptions"/> once they are validated: the texts
    /// and sources (the app's own), the firmware version and position info/post reports (changed later,
    /// under the uplinks' own lock), and the numbers and switches packed two or more to a field
    /// (<see cref="PackedSettings"/>), rather
    /// than a whole copy of the options: on the device each field is a heap block. The product id and
    /// device number are the topic table's identity, read there.
    /// </summary>
    internal sealed partial class FastBeeUplinks
    {
        // The switches of _settings (PackedSettings).
        private const int UseTlsSwitch = 0;
        private const int EncryptedSwitch = 1;
        private const int RequestTimeAfterConnectSwitch = 2;
        private const int PublishQosSwitch = 3;
        private const int SubscribeQosSwitch = 4;
        private const int MonitorSwitch = 5;

        private readonly string _brokerHost;
        private readonly string _caCertificatePem;
        private readonly string _mqttUsername;
        private readonly string _mqttPassword;
        private readonly string _authCode;
        private readonly string _productSecret;
        private readonly string _ntpUrl;
        private readonly long _userId;
        private readonly PropertyReport _summary;
        private readonly RssiSource _rssi;
        private readonly long _settings;
        // MaxItems and MaxMessageBytes, a PackedSettings pair.
        private readonly long _limits;
        // PasswordLifetimeMs and HttpTimeoutMs, a PackedSettings pair.
        private readonly long _timings;

        // What info/post reports; changed and read under the uplinks' lock (the object itself).
        private double _firmwareVersion;
        private double _longitude;
        private double _latitude;

        // Caller has validated the options.
        private FastBeeUplinks(FastBeeOptions options)
        {
            _brokerHost = options.Host;
            _caCertificatePem = options.CaCertificatePem;
            _mqttUsername = options.MqttUsername;
            _mqttPassword = options.MqttPassword;
            _authCode = options.AuthCode;
            _productSecret = options.ProductSecret;
            _ntpUrl = options.NtpUrl;
            _userId = options.UserId;
            _summary = options.Summary;
            _rssi = options.Rssi;
            _firmwareVersion = options.FirmwareVersion;
            _longitude = options.Longitude;
            _latitude = options.Latitude;
            _settings = PackedSettings.Connection(options.Port, options.KeepAliveSeconds)
                | PackedSettings.Switch(UseTlsSwitch, options.UseTls) | PackedSettings.Switch(EncryptedSwitch, options.Encrypted)
                | PackedSettings.Switch(RequestTimeAfterConnectSwitch, options.RequestTimeAfterConnect)
                | PackedSettings.Switch(PublishQosSwitch, options.PublishQos) | PackedSettings.Switch(SubscribeQosSwitch, options.SubscribeQos)
                | PackedSettings.Switch(MonitorSwitch, options.Monitor != null);
            _limits = PackedSettings.Pair(options.MaxItems, options.MaxMessageBytes);
            _timings = PackedSettings.Pair(options.PasswordLifetimeMs, options.HttpTimeoutMs);
        }

        public string BrokerHost
        {
            get { return _brokerHost; }
        }

        public int Port
        {
            get { return PackedSettings.Port(_settings); }
        }

        public bool UseTls
        {
            get { return PackedSettings.IsOn(_settings, UseTlsSwitch); }
        }

        public string CaCertificatePem
        {
            get { return _caCertificatePem; }
        }

        public int KeepAliveSeconds
        {
            get { return PackedSettings.KeepAliveSeconds(_settings); }
        }

        public string ProductId
        {
            get { return Topics.IdentityValue(FastBeeTopics.ProductIdIndex); }
        }

        public string DeviceNum
        {
            get { return Topics.IdentityValue(FastBeeTopics.DeviceNumIndex); }
        }

        public long UserId
        {
            get { return _userId; }
        }

        public string MqttUsername
        {
            get { return _mqttUsername; }
        }

        public string MqttPassword
        {
            get { return _mqttPassword; }
        }

        public string AuthCode
        {
            get { return _authCode; }
        }

        public bool Encrypted
        {
            get { return PackedSettings.IsOn(_settings, EncryptedSwitch); }
        }

        public string ProductSecret
        {
            get { return _productSecret; }
        }

        public string NtpUrl
        {
            get { return _ntpUrl; }
        }

        public int PasswordLifetimeMs
        {
            get { return PackedSettings.Low(_timings); }
        }

        public int HttpTimeoutMs
        {
            get { return PackedSettings.High(_timings); }
        }

        public MqttQos PublishQos
        {
            get { return PackedSettings.Qos(_settings, PublishQosSwitch); }
        }

        public MqttQos SubscribeQos
        {
            get { return PackedSettings.Qos(_settings, SubscribeQosSwitch); }
        }

        public bool RequestTimeAfterConnect
        {
            get { return PackedSettings.IsOn(_settings, RequestTimeAfterConnectSwitch); }
        }

        /// <summary>Whether the app gave a monitor source (<see cref="FastBeeOptions.Monitor"/>).</summary>
        public bool HasMonitor
        {
            get { return PackedSettings.IsOn(_settings, MonitorSwitch); }
        }

        public int MaxItems
        {
            get { return PackedSettings.Low(_limits); }
        }

        public int MaxMessageBytes
        {
            get { return PackedSettings.High(_limits); }
        }
    }
}
