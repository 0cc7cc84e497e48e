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

        public string Host { get; set; }

        public int Port { get; set; }

        /// <summary>Connect over TLS; the server certificate must chain to <see cref="CaCertificatePem"/>.</summary>
        public bool UseTls { get; set; }

        /// <summary>The trusted root, as PEM text (nanoFramework's X509Certificate takes the text, not a path).</summary>
        public string CaCertificatePem { get; set; }

        /// <summary>Name the server certificate must carry; defaults to <see cref="Host"/>.</summary>
        public string ServerName { get; set; }

        public string ClientId { get; set; }

        public string Username { get; set; }

        /// <summary>Never logged and never put into an exception message.</summary>
        public string Password { get; set; }

        /// <summary>0 disables keep-alive; otherwise PINGREQ after this many idle seconds.</summary>
        public int KeepAliveSeconds { get; set; }

        public bool CleanSession { get; set; }

        /// <summary>
        /// How long one connect attempt may take, from the TCP connect to the CONNACK (name resolution
        /// comes first and is bounded by the network stack). When it passes, the transport aborts the
        /// attempt and reports <see cref="MqttConnectResult.Timeout"/>. On the device M2Mqtt also stops
        /// waiting for CONNACK after its own fixed 30 s, so values above 30000 cannot lengthen that wait.
        /// </summary>
        public int ConnectTimeoutMs { get; set; }

        /// <summary>Optional last will; null topic means none.</summary>
        public string WillTopic { get; set; }

        public byte[] WillPayload { get; set; }

        public MqttQos WillQos { get; set; }

        public bool WillRetain { get; set; }
    }
}
