namespace IotDevice.Transport
{
    /// <summary>
    /// The one listener an <see cref="IMqttTransport"/> tells what it receives and how its sends ended
    /// (the session is it). One object behind one reference, rather than a delegate per event: on the
    /// device every delegate is a heap object, and a transport has a single listener anyway. Calls come
    /// on the transport's own threads, one at a time; the listener returns quickly.
    /// </summary>
    public interface IMqttTransportListener
    {
        /// <summary>
        /// An application message from a transport that cannot say more about its packet (M2Mqtt's
        /// events tell neither the packet id nor the DUP flag).
        /// </summary>
        void MessageReceived(string topic, byte[] payload, bool retained);

        /// <summary>
        /// An application message with what the wire said about it: its <paramref name="packetId"/> (0 at
        /// QoS 0) and the DUP flag (<paramref name="duplicate"/>), which marks a broker's redelivery. A null
        /// <paramref name="payload"/> means the message was larger than the transport accepts: its
        /// <paramref name="length"/> payload bytes were read past without being held, and a QoS 1 message
        /// was acknowledged all the same, so the broker does not deliver it again. A transport calls
        /// either this or <see cref="MessageReceived"/> for a message, never both.
        /// </summary>
        void PublishReceived(string topic, byte[] payload, int length, bool retained, ushort packetId, bool duplicate);

        /// <summary>A QoS 1 publish ended: acknowledged (<paramref name="delivered"/>) or given up.</summary>
        void DeliveryCompleted(ushort messageId, bool delivered);

        /// <summary>A SUBSCRIBE was answered; a granted QoS of 0x80 means that filter was refused.</summary>
        void Subscribed(ushort messageId, byte[] grantedQos);

        /// <summary>The connection ended without the app asking; <paramref name="reason"/> is for logs.</summary>
        void ConnectionLost(string reason);
    }
}
