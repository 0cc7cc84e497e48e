using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// What the dialect keeps of the app's <see cref="AlinkOptions"/> once they are validated: the texts
    /// (the app's own strings, not copies), the timestamp, and the numbers and switches in one number
    /// (<see cref="PackedSettings"/>).
    /// The product key and device name are the topic table's identity, read there.
    /// The app's options object is not held: on the device each of its fields is a heap block. The
    /// connect options are signed anew for each connect, as before, so no signed text is kept.
    /// </summary>
    internal sealed partial class AlinkUplink
    {
        // The switches of _settings (PackedSettings); the sign method (0..2) takes two.
        private const int UseTlsSwitch = 0;
        private const int CleanSessionSwitch = 1;
        private const int ConfigOnConnectSwitch = 2;
        private const int RrpcSwitch = 3;
        private const int PublishQosSwitch = 4;
        private const int SignMethodLowSwitch = 5;
        private const int SignMethodHighSwitch = 6;

        private readonly string _brokerHost;
        private readonly string _caCertificatePem;
        private readonly string _deviceSecret;
        private readonly string _clientId;
        private readonly long _timestamp;
        private readonly long _settings;

        /// <summary><see cref="AlinkOptions.Module"/>.</summary>
        public readonly string Module;

        /// <summary>The version the OTA inform reports: the app's until an update of <see cref="Module"/> succeeds (the downlinks set it then).</summary>
        public string FirmwareVersion;

        // Caller has validated the options.
        public AlinkUplink(AlinkOptions options, TopicTable table)
        {
            Table = table;
            _nextId = options.FirstMessageId;
            _brokerHost = options.Host;
            _caCertificatePem = options.CaCertificatePem;
            _deviceSecret = options.DeviceSecret;
            _clientId = options.ClientId;
            Module = options.Module;
            FirmwareVersion = options.FirmwareVersion;
            _timestamp = options.Timestamp;
            int method = (int)options.SignMethod;
            _settings = PackedSettings.Connection(options.Port, options.KeepAliveSeconds)
                | PackedSettings.Switch(UseTlsSwitch, options.UseTls) | PackedSettings.Switch(CleanSessionSwitch, options.CleanSession)
                | PackedSettings.Switch(ConfigOnConnectSwitch, options.ConfigOnConnect) | PackedSettings.Switch(RrpcSwitch, options.RrpcEnabled)
                | PackedSettings.Switch(PublishQosSwitch, options.PublishQos)
                | PackedSettings.Switch(SignMethodLowSwitch, (method & 1) != 0) | PackedSettings.Switch(SignMethodHighSwitch, (method & 2) != 0);
        }

        /// <summary><see cref="AlinkOptions.ConfigOnConnect"/>.</summary>
        public bool ConfigOnConnect
        {
            get { return PackedSettings.IsOn(_settings, ConfigOnConnectSwitch); }
        }

        /// <summary><see cref="AlinkOptions.RrpcEnabled"/>.</summary>
        public bool RrpcEnabled
        {
            get { return PackedSettings.IsOn(_settings, RrpcSwitch); }
        }

        /// <summary><see cref="AlinkOptions.PublishQos"/>.</summary>
        public MqttQos PublishQos
        {
            get { return PackedSettings.Qos(_settings, PublishQosSwitch); }
        }

        /// <summary>Connect options for the next connect, signed anew (the transport may keep them).</summary>
        public MqttConnectOptions CreateConnectOptions()
        {
            string productKey = Table.IdentityValue(AlinkTopics.ProductKeyIndex);
            string deviceName = Table.IdentityValue(AlinkTopics.DeviceNameIndex);
            AlinkSignMethod method = (AlinkSignMethod)((PackedSettings.IsOn(_settings, SignMethodLowSwitch) ? 1 : 0)
                | (PackedSettings.IsOn(_settings, SignMethodHighSwitch) ? 2 : 0));
            return AlinkSigner.CreateConnectOptions(_brokerHost, PackedSettings.Port(_settings), PackedSettings.IsOn(_settings, UseTlsSwitch),
                _caCertificatePem, AlinkOptions.EffectiveClientIdOf(_clientId, productKey, deviceName), productKey, deviceName,
                _deviceSecret, method, _timestamp, PackedSettings.KeepAliveSeconds(_settings), PackedSettings.IsOn(_settings, CleanSessionSwitch));
        }
    }
}
