using IotDevice.Client;
using IotDevice.Transport;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// What the dialect keeps of the app's <see cref="FastBeeOptions"/> once they are validated: the texts
    /// and sources (the app's own), the firmware version and position info/post reports (changed later,
    /// under the uplinks' own lock), and the numbers and switches packed two or more to a field, rather
    /// than a whole copy of the options: on the device each field is a heap block. The product id and
    /// device number are the topic table's identity, read there.
    /// </summary>
    internal sealed partial class FastBeeUplinks
    {
        // _settings: the port in the low 16 bits, the keep-alive (0..65535 s) above it, then one bit each.
        private const long PortMask = 0xFFFF;
        private const int KeepAliveShift = 16;
        private const long KeepAliveMask = 0xFFFF;
        private const long UseTlsBit = 1L << 32;
        private const long EncryptedBit = 1L << 33;
        private const long RequestTimeAfterConnectBit = 1L << 34;
        private const long PublishQos1Bit = 1L << 35;
        private const long SubscribeQos1Bit = 1L << 36;
        private const long MonitorBit = 1L << 37;

        // _limits and _timings: two numbers each, the first in the low 32 bits.
        private const long LowMask = 0xFFFFFFFFL;

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
        // MaxItems and MaxMessageBytes.
        private readonly long _limits;
        // PasswordLifetimeMs and HttpTimeoutMs.
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
            _settings = (options.Port & PortMask) | ((options.KeepAliveSeconds & KeepAliveMask) << KeepAliveShift)
                | (options.UseTls ? UseTlsBit : 0) | (options.Encrypted ? EncryptedBit : 0)
                | (options.RequestTimeAfterConnect ? RequestTimeAfterConnectBit : 0)
                | (options.PublishQos == MqttQos.AtLeastOnce ? PublishQos1Bit : 0)
                | (options.SubscribeQos == MqttQos.AtLeastOnce ? SubscribeQos1Bit : 0)
                | (options.Monitor != null ? MonitorBit : 0);
            _limits = options.MaxItems | ((long)options.MaxMessageBytes << 32);
            _timings = options.PasswordLifetimeMs | ((long)options.HttpTimeoutMs << 32);
        }

        public string BrokerHost
        {
            get { return _brokerHost; }
        }

        public int Port
        {
            get { return (int)(_settings & PortMask); }
        }

        public bool UseTls
        {
            get { return (_settings & UseTlsBit) != 0; }
        }

        public string CaCertificatePem
        {
            get { return _caCertificatePem; }
        }

        public int KeepAliveSeconds
        {
            get { return (int)((_settings >> KeepAliveShift) & KeepAliveMask); }
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
            get { return (_settings & EncryptedBit) != 0; }
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
            get { return (int)(_timings & LowMask); }
        }

        public int HttpTimeoutMs
        {
            get { return (int)(_timings >> 32); }
        }

        public MqttQos PublishQos
        {
            get { return (_settings & PublishQos1Bit) != 0 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce; }
        }

        public MqttQos SubscribeQos
        {
            get { return (_settings & SubscribeQos1Bit) != 0 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce; }
        }

        public bool RequestTimeAfterConnect
        {
            get { return (_settings & RequestTimeAfterConnectBit) != 0; }
        }

        /// <summary>Whether the app gave a monitor source (<see cref="FastBeeOptions.Monitor"/>).</summary>
        public bool HasMonitor
        {
            get { return (_settings & MonitorBit) != 0; }
        }

        public int MaxItems
        {
            get { return (int)(_limits & LowMask); }
        }

        public int MaxMessageBytes
        {
            get { return (int)(_limits >> 32); }
        }
    }
}
