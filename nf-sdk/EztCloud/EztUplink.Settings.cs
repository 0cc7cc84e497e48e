using IotDevice.Transport;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// What the dialect keeps of the app's <see cref="EztCloudOptions"/> once they are validated: the texts
    /// (the app's own strings), the shortest report interval, and the other numbers and switches in one
    /// number (<see cref="PackedSettings"/>), rather than a whole copy of the options: on the device each field is a heap block. The
    /// username is the topic table's identity, read there. The firmware version is here too; the OTA
    /// role changes it when an update succeeds.
    /// </summary>
    internal sealed partial class EztUplink
    {
        // The switches of _settings (PackedSettings; its port is 0 for the service's own).
        private const int UseTlsSwitch = 0;
        private const int OtaCheckOnConnectSwitch = 1;
        private const int ResponsesEnabledSwitch = 2;
        private const int PublishQosSwitch = 3;

        private readonly string _brokerHost;
        private readonly string _caCertificatePem;
        private readonly string _password;
        private readonly string _clientId;
        /// <summary><see cref="EztCloudOptions.VersionAttribute"/>.</summary>
        public readonly string VersionAttribute;

        /// <summary><see cref="EztCloudOptions.OtaCheckMethod"/>.</summary>
        public readonly string OtaCheckMethod;

        /// <summary><see cref="EztCloudOptions.MinReportIntervalMs"/>.</summary>
        public readonly int MinReportIntervalMs;

        private readonly long _settings;

        /// <summary>
        /// The version reported after each connect: the app's until an update succeeds. Read and changed
        /// under the lock (<see cref="EztUplink.Writer"/>).
        /// </summary>
        public string FirmwareVersion;

        // Caller has validated the options.
        public EztUplink(EztCloudOptions options, EztCloudDialect dialect)
        {
            Topics = EztCloudTopics.Create(options.Username);
            Responses = new EztResponses(this, dialect);
            _brokerHost = options.Host;
            _caCertificatePem = options.CaCertificatePem;
            _password = options.Password;
            _clientId = options.ClientId;
            VersionAttribute = options.VersionAttribute;
            OtaCheckMethod = options.OtaCheckMethod;
            FirmwareVersion = options.FirmwareVersion;
            MinReportIntervalMs = options.MinReportIntervalMs;
            _settings = PackedSettings.Connection(options.Port, options.KeepAliveSeconds)
                | PackedSettings.Switch(UseTlsSwitch, options.UseTls) | PackedSettings.Switch(OtaCheckOnConnectSwitch, options.OtaCheckOnConnect)
                | PackedSettings.Switch(ResponsesEnabledSwitch, options.ResponsesEnabled) | PackedSettings.Switch(PublishQosSwitch, options.PublishQos);
        }

        /// <summary><see cref="EztCloudOptions.OtaCheckOnConnect"/>.</summary>
        public bool OtaCheckOnConnect
        {
            get { return PackedSettings.IsOn(_settings, OtaCheckOnConnectSwitch); }
        }

        /// <summary><see cref="EztCloudOptions.ResponsesEnabled"/>.</summary>
        public bool ResponsesEnabled
        {
            get { return PackedSettings.IsOn(_settings, ResponsesEnabledSwitch); }
        }

        /// <summary><see cref="EztCloudOptions.PublishQos"/>.</summary>
        public MqttQos PublishQos
        {
            get { return PackedSettings.Qos(_settings, PublishQosSwitch); }
        }

        /// <summary>Connect options for the next connect, made anew each time (the transport may keep them).</summary>
        public MqttConnectOptions CreateConnectOptions()
        {
            bool useTls = PackedSettings.IsOn(_settings, UseTlsSwitch);
            MqttConnectOptions connect = new MqttConnectOptions();
            connect.Host = _brokerHost;
            int port = PackedSettings.Port(_settings);
            connect.Port = port != 0 ? port : (useTls ? EztCloudOptions.TlsPort : EztCloudOptions.PlainPort);
            connect.UseTls = useTls;
            connect.CaCertificatePem = _caCertificatePem;
            string username = Topics.IdentityValue(EztCloudTopics.UsernameIndex);
            connect.ClientId = _clientId != null ? _clientId : username;
            connect.Username = username;
            connect.Password = _password;
            connect.KeepAliveSeconds = PackedSettings.KeepAliveSeconds(_settings);
            connect.CleanSession = true;
            return connect;
        }
    }
}
