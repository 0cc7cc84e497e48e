namespace IotDevice.Transport
{
    /// <summary>
    /// An inbound PUBLISH with what the wire said about it: its <paramref name="packetId"/> (0 at QoS 0)
    /// and the DUP flag (<paramref name="duplicate"/>), which marks a broker's redelivery. A null
    /// <paramref name="payload"/> means the message was larger than the transport accepts: its
    /// <paramref name="length"/> payload bytes were read past without being held, and a QoS 1 message
    /// was acknowledged all the same, so the broker does not deliver it again.
    /// </summary>
    public delegate void MqttPublishReceivedHandler(string topic, byte[] payload, int length, bool retained, ushort packetId, bool duplicate);

    /// <summary>
    /// Optional for an <see cref="IMqttTransport"/>: inbound messages with their packet details, and the
    /// ones too large to hand over. A session that finds it listens here instead of
    /// <see cref="IMqttTransport.MessageReceived"/>, which then carries the same messages a second time
    /// for listeners that need no more.
    /// </summary>
    public interface IMqttPublishSource
    {
        event MqttPublishReceivedHandler PublishReceived;
    }
}
