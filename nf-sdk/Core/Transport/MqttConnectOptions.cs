namespace IotDevice.Transport
{
    /// <summary>Everything a transport needs for one MQTT 3.1.1 connection.</summary>
    public sealed class MqttConnectOptions
    {
        public MqttConnectOptions()
        {
            Port = 1883;
            KeepAliveSeconds = 60;
            CleanSession = true;
            ConnectTimeoutMs = 30000;
        }

        public string Host;

        public int Port;

        /// <summary>Connect over TLS; the server certificate must chain to <see cref="CaCertificatePem"/>.</summary>
        public bool UseTls;

        /// <summary>The trusted root, as PEM text (nanoFramework's X509Certificate takes the text, not a path).</summary>
        public string CaCertificatePem;

        /// <summary>Name the server certificate must carry; defaults to <see cref="Host"/>.</summary>
        public string ServerName;

        public string ClientId;

        public string Username;

        /// <summary>Never logged and never put into an exception message.</summary>
        public string Password;

        /// <summary>0 disables keep-alive; otherwise PINGREQ after this many idle seconds.</summary>
        public int KeepAliveSeconds;

        public bool CleanSession;

        /// <summary>
        /// How long one connect attempt may take, from the TCP connect to the CONNACK (name resolution
        /// comes first and is bounded by the network stack). When it passes, the transport aborts the
        /// attempt and reports <see cref="MqttConnectResult.Timeout"/>. On the device M2Mqtt also stops
        /// waiting for CONNACK after its own fixed 30 s, so values above 30000 cannot lengthen that wait.
        /// </summary>
        public int ConnectTimeoutMs;

        /// <summary>Optional last will; null topic means none.</summary>
        public string WillTopic;

        public byte[] WillPayload;

        public MqttQos WillQos;

        public bool WillRetain;
    }
}
