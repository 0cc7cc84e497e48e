namespace IotDevice.Transport
{
    /// <summary>
    /// The seam between the portable SDK and an MQTT 3.1.1 client: nanoFramework.M2Mqtt on the device,
    /// the SDK's own client on the host. Contract for implementations:
    /// <list type="bullet">
    /// <item>Connect blocks until CONNACK or failure and reports failures as a result, never by throwing;
    /// <see cref="LastError"/> then says why, without credentials.</item>
    /// <item>It tells one <see cref="IMqttTransportListener"/>, the one last given to <see cref="Listen"/>.</item>
    /// <item>Publish and Subscribe return the packet id at once (0 for QoS 0) and report completion to
    /// the listener; they throw InvalidOperationException when not connected, MqttSendRefusedException (an
    /// InvalidOperationException) when connected but unable to take the message now, and ArgumentException
    /// for a topic or filter that is not valid MQTT.</item>
    /// <item>The listener is called on the transport's own threads, one call at a time.</item>
    /// <item>ConnectionLost is called once per connection that ends by itself (not after Disconnect), and
    /// also when the transport gives a connection up because it stopped working (a QoS 1 message its
    /// client could not get acknowledged): the session then reconnects and sends the message again.</item>
    /// <item>Anything else a transport throws is a broken promise the session survives: a refused send or
    /// a failed step, counted as a transport error.</item>
    /// <item>A transport that can say more about inbound packets (packet id, DUP flag, a message too large
    /// to hand over) tells them through <see cref="IMqttTransportListener.PublishReceived"/>; one that
    /// cannot calls <see cref="IMqttTransportListener.MessageReceived"/>.</item>
    /// </list>
    /// </summary>
    public interface IMqttTransport
    {
        /// <summary>
        /// Sets the one listener told of inbound messages, deliveries, SUBACKs and loss, replacing the one
        /// before (null: none). Set before the first Connect.
        /// </summary>
        void Listen(IMqttTransportListener listener);

        bool IsConnected { get; }

        /// <summary>Why the last connect or the connection failed; never contains the password.</summary>
        string LastError { get; }

        MqttConnectResult Connect(MqttConnectOptions options);

        /// <summary>Subscribes several filters in one SUBSCRIBE packet; returns its packet id.</summary>
        ushort Subscribe(string[] filters, MqttQos[] qos);

        /// <summary>Publishes the first <paramref name="length"/> bytes of <paramref name="payload"/>.</summary>
        ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain);

        /// <summary>Sends DISCONNECT and closes; no ConnectionLost follows.</summary>
        void Disconnect();
    }
}
