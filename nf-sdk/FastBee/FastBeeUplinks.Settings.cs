using System.Text;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Topics;
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

        // The options' own, under their names (the broker's host is the options' Host).
        internal readonly string BrokerHost;
        internal readonly string CaCertificatePem;
        internal readonly string MqttUsername;
        internal readonly string MqttPassword;
        internal readonly string AuthCode;
        internal readonly string ProductSecret;
        internal readonly string NtpUrl;
        internal readonly long UserId;
        internal readonly PropertyReport Summary;
        internal readonly RssiSource Rssi;
        // The options' SummaryJson as UTF-8, written as it is into info/post.
        internal readonly byte[] SummaryJson;
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
        public FastBeeUplinks(FastBeeOptions options, TopicTable topics)
        {
            Topics = topics;
            _writer = new JsonWriter(FirstBufferBytes, options.MaxMessageBytes);
            BrokerHost = options.Host;
            CaCertificatePem = options.CaCertificatePem;
            MqttUsername = options.MqttUsername;
            MqttPassword = options.MqttPassword;
            AuthCode = options.AuthCode;
            ProductSecret = options.ProductSecret;
            NtpUrl = options.NtpUrl;
            UserId = options.UserId;
            Summary = options.Summary;
            Rssi = options.Rssi;
            SummaryJson = options.SummaryJson == null ? null : Encoding.UTF8.GetBytes(options.SummaryJson);
            // Checked by the setter.
            FirmwareVersion = options.FirmwareVersion;
            _longitude = options.Longitude;
            _latitude = options.Latitude;
            _settings = PackedSettings.Connection(options.Port, options.KeepAliveSeconds)
                | PackedSettings.Switch(UseTlsSwitch, options.UseTls) | PackedSettings.Switch(EncryptedSwitch, options.Encrypted)
                | PackedSettings.Switch(RequestTimeAfterConnectSwitch, options.RequestTimeAfterConnect)
                | PackedSettings.Switch(PublishQosSwitch, options.PublishQos) | PackedSettings.Switch(SubscribeQosSwitch, options.SubscribeQos);
            _limits = PackedSettings.Pair(options.MaxItems, options.MaxMessageBytes);
            _timings = PackedSettings.Pair(options.PasswordLifetimeMs, options.HttpTimeoutMs);
        }

        /// <summary>The client id this device connects with: <c>{S|E}&amp;deviceNum&amp;productId&amp;userId</c>.</summary>
        public string ClientId
        {
            get
            {
                return FastBeeAuth.ClientId(Encrypted, Topics.IdentityValue(FastBeeTopics.DeviceNumIndex),
                    Topics.IdentityValue(FastBeeTopics.ProductIdIndex), UserId);
            }
        }

        /// <summary>
        /// The options of one connect, with the simple password, or when <see cref="Encrypted"/> the encrypted
        /// one that expires at <paramref name="passwordExpiresAtMs"/> (Unix ms).
        /// </summary>
        public MqttConnectOptions CreateConnectOptions(long passwordExpiresAtMs)
        {
            MqttConnectOptions connect = new MqttConnectOptions();
            connect.Host = BrokerHost;
            connect.Port = PackedSettings.Port(_settings);
            connect.UseTls = PackedSettings.IsOn(_settings, UseTlsSwitch);
            connect.CaCertificatePem = CaCertificatePem;
            connect.ClientId = ClientId;
            connect.Username = MqttUsername;
            connect.KeepAliveSeconds = PackedSettings.KeepAliveSeconds(_settings);
            connect.CleanSession = true;
            connect.Password = Encrypted
                ? FastBeeAuth.EncryptedPassword(MqttPassword, passwordExpiresAtMs, AuthCode, ProductSecret)
                : FastBeeAuth.SimplePassword(MqttPassword, AuthCode);
            return connect;
        }

        public bool Encrypted
        {
            get { return PackedSettings.IsOn(_settings, EncryptedSwitch); }
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
