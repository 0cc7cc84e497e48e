namespace IotDevice.Transport
{
    /// <summary>
    /// How a connect attempt ended. 0–5 are the MQTT 3.1.1 CONNACK return codes; the rest are failures
    /// before a CONNACK, so a transport never has to throw for a network problem.
    /// </summary>
    public enum MqttConnectResult
    {
        Accepted = 0,
        UnacceptableProtocolVersion = 1,
        IdentifierRejected = 2,
        ServerUnavailable = 3,
        BadUsernameOrPassword = 4,
        NotAuthorized = 5,

        /// <summary>DNS, TCP connect or socket failure.</summary>
        NetworkError = 100,

        /// <summary>TLS handshake failed (certificate not trusted, name mismatch, protocol).</summary>
        TlsError = 101,

        /// <summary>No CONNACK within the connect timeout.</summary>
        Timeout = 102,

        /// <summary>The server answered with something that is not a valid CONNACK.</summary>
        ProtocolError = 103,

        /// <summary>The options were refused before anything was sent (see the transport's LastError).</summary>
        InvalidOptions = 104,
    }
}
