using IotDevice.Transport;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// What the dialect keeps of the app's <see cref="AlinkOptions"/> once they are validated: the texts
    /// (the app's own strings, not copies), the timestamp, and the numbers and switches in one number.
    /// The product key and device name are the topic table's identity, read there.
    /// The app's options object is not held: on the device each of its fields is a heap block. The
    /// connect options are signed anew for each connect, as before, so no signed text is kept.
    /// </summary>
    internal sealed partial class AlinkUplink
    {
        // The numbers and switches: the port in the low 16 bits, the keep-alive (30..1200 s) and the sign
        // method above it, then one bit each.
        private const long PortMask = 0xFFFF;
        private const int KeepAliveShift = 16;
        private const long KeepAliveMask = 0x7FF;
        private const int SignMethodShift = 27;
        private const long SignMethodMask = 3;
        private const long UseTlsBit = 1L << 29;
        private const long CleanSessionBit = 1L << 30;
        private const long ConfigOnConnectBit = 1L << 31;
        private const long RrpcBit = 1L << 32;
        private const long PublishQos1Bit = 1L << 33;

        private readonly string _brokerHost;
        private readonly string _caCertificatePem;
        private readonly string _deviceSecret;
        private readonly string _clientId;
        private readonly string _module;
        private readonly long _timestamp;
        private readonly long _settings;

        // The version the OTA inform reports: the app's until an update succeeds (the downlinks set it then, under their lock).
        private string _firmwareVersion;

        // Caller has validated the options.
        private AlinkUplink(AlinkOptions options)
        {
            _brokerHost = options.Host;
            _caCertificatePem = options.CaCertificatePem;
            _deviceSecret = options.DeviceSecret;
            _clientId = options.ClientId;
            _module = options.Module;
            _firmwareVersion = options.FirmwareVersion;
            _timestamp = options.Timestamp;
            _settings = (options.Port & PortMask) | ((options.KeepAliveSeconds & KeepAliveMask) << KeepAliveShift)
                | (((long)options.SignMethod & SignMethodMask) << SignMethodShift)
                | (options.UseTls ? UseTlsBit : 0) | (options.CleanSession ? CleanSessionBit : 0)
                | (options.ConfigOnConnect ? ConfigOnConnectBit : 0) | (options.RrpcEnabled ? RrpcBit : 0)
                | (options.PublishQos == MqttQos.AtLeastOnce ? PublishQos1Bit : 0);
        }

        /// <summary><see cref="AlinkOptions.Module"/>.</summary>
        public string Module
        {
            get { return _module; }
        }

        /// <summary><see cref="AlinkOptions.ConfigOnConnect"/>.</summary>
        public bool ConfigOnConnect
        {
            get { return (_settings & ConfigOnConnectBit) != 0; }
        }

        /// <summary><see cref="AlinkOptions.RrpcEnabled"/>.</summary>
        public bool RrpcEnabled
        {
            get { return (_settings & RrpcBit) != 0; }
        }

        /// <summary><see cref="AlinkOptions.PublishQos"/>.</summary>
        public MqttQos PublishQos
        {
            get { return (_settings & PublishQos1Bit) != 0 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce; }
        }

        /// <summary>The version the OTA inform reports; the downlinks change it under their own lock.</summary>
        public string FirmwareVersion
        {
            get { return _firmwareVersion; }
            set { _firmwareVersion = value; }
        }

        public string ProductKey
        {
            get { return _table.IdentityValue(AlinkTopics.ProductKeyIndex); }
        }

        public string DeviceName
        {
            get { return _table.IdentityValue(AlinkTopics.DeviceNameIndex); }
        }

        /// <summary>Connect options for the next connect, signed anew (the transport may keep them).</summary>
        public MqttConnectOptions CreateConnectOptions()
        {
            bool useTls = (_settings & UseTlsBit) != 0;
            string productKey = ProductKey;
            string deviceName = DeviceName;
            return AlinkSigner.CreateConnectOptions(_brokerHost, (int)(_settings & PortMask), useTls, _caCertificatePem,
                AlinkOptions.EffectiveClientIdOf(_clientId, productKey, deviceName), productKey, deviceName, _deviceSecret,
                (AlinkSignMethod)((_settings >> SignMethodShift) & SignMethodMask), _timestamp,
                (int)((_settings >> KeepAliveShift) & KeepAliveMask), (_settings & CleanSessionBit) != 0);
        }
    }
}
