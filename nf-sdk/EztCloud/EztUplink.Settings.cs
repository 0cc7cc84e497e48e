using IotDevice.Transport;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// What the dialect keeps of the app's <see cref="EztCloudOptions"/> once they are validated: the texts
    /// (the app's own strings), the shortest report interval, and the other numbers and switches in one
    /// number, rather than a whole copy of the options: on the device each field is a heap block. The
    /// username is the topic table's identity, read there. The firmware version is here too; the OTA
    /// role changes it when an update succeeds.
    /// </summary>
    internal sealed partial class EztUplink
    {
        // The numbers and switches: the port (0: the service's own) in the low 16 bits, the keep-alive
        // (0..65535 s) above it, then one bit each.
        private const long PortMask = 0xFFFF;
        private const int KeepAliveShift = 16;
        private const long KeepAliveMask = 0xFFFF;
        private const long UseTlsBit = 1L << 32;
        private const long OtaCheckOnConnectBit = 1L << 33;
        private const long ResponsesEnabledBit = 1L << 34;
        private const long PublishQos1Bit = 1L << 35;

        private readonly string _brokerHost;
        private readonly string _caCertificatePem;
        private readonly string _password;
        private readonly string _clientId;
        private readonly string _versionAttribute;
        private readonly string _otaCheckMethod;
        private readonly int _minReportIntervalMs;
        private readonly long _settings;

        // The version reported after each connect: the app's until an update succeeds. Guarded by the writer.
        private string _firmwareVersion;

        // Caller has validated the options.
        private EztUplink(EztCloudOptions options)
        {
            _brokerHost = options.Host;
            _caCertificatePem = options.CaCertificatePem;
            _password = options.Password;
            _clientId = options.ClientId;
            _versionAttribute = options.VersionAttribute;
            _otaCheckMethod = options.OtaCheckMethod;
            _firmwareVersion = options.FirmwareVersion;
            _minReportIntervalMs = options.MinReportIntervalMs;
            _settings = (options.Port & PortMask) | ((options.KeepAliveSeconds & KeepAliveMask) << KeepAliveShift)
                | (options.UseTls ? UseTlsBit : 0) | (options.OtaCheckOnConnect ? OtaCheckOnConnectBit : 0)
                | (options.ResponsesEnabled ? ResponsesEnabledBit : 0)
                | (options.PublishQos == MqttQos.AtLeastOnce ? PublishQos1Bit : 0);
        }

        /// <summary>The version reported after each connect; changed under the lock (<see cref="Writer"/>) when an update succeeds.</summary>
        public string FirmwareVersion
        {
            get { lock (Writer) { return _firmwareVersion; } }
            set { lock (Writer) { _firmwareVersion = value; } }
        }

        /// <summary><see cref="EztCloudOptions.VersionAttribute"/>.</summary>
        public string VersionAttribute
        {
            get { return _versionAttribute; }
        }

        /// <summary><see cref="EztCloudOptions.OtaCheckMethod"/>.</summary>
        public string OtaCheckMethod
        {
            get { return _otaCheckMethod; }
        }

        /// <summary><see cref="EztCloudOptions.MinReportIntervalMs"/>.</summary>
        public int MinReportIntervalMs
        {
            get { return _minReportIntervalMs; }
        }

        /// <summary><see cref="EztCloudOptions.OtaCheckOnConnect"/>.</summary>
        public bool OtaCheckOnConnect
        {
            get { return (_settings & OtaCheckOnConnectBit) != 0; }
        }

        /// <summary><see cref="EztCloudOptions.ResponsesEnabled"/>.</summary>
        public bool ResponsesEnabled
        {
            get { return (_settings & ResponsesEnabledBit) != 0; }
        }

        /// <summary><see cref="EztCloudOptions.PublishQos"/>.</summary>
        public MqttQos PublishQos
        {
            get { return (_settings & PublishQos1Bit) != 0 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce; }
        }

        /// <summary>Connect options for the next connect, made anew each time (the transport may keep them).</summary>
        public MqttConnectOptions CreateConnectOptions()
        {
            bool useTls = (_settings & UseTlsBit) != 0;
            MqttConnectOptions connect = new MqttConnectOptions();
            connect.Host = _brokerHost;
            connect.Port = EztCloudOptions.EffectivePortOf((int)(_settings & PortMask), useTls);
            connect.UseTls = useTls;
            connect.CaCertificatePem = _caCertificatePem;
            string username = Topics.IdentityValue(EztCloudTopics.UsernameIndex);
            connect.ClientId = EztCloudOptions.EffectiveClientIdOf(_clientId, username);
            connect.Username = username;
            connect.Password = _password;
            connect.KeepAliveSeconds = (int)((_settings >> KeepAliveShift) & KeepAliveMask);
            connect.CleanSession = true;
            return connect;
        }
    }
}
