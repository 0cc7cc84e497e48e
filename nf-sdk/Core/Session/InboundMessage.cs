namespace IotDevice.Session
{
    /// <summary>
    /// An inbound message kept until the connection's announcement is out, with what the transport said
    /// about its packet (known only from a transport that tells it, through
    /// <see cref="IotDevice.Transport.IMqttTransportListener.PublishReceived"/>).
    /// </summary>
    internal sealed class InboundMessage
    {
        public InboundMessage(string topic, byte[] payload, bool retained, ushort packetId, bool duplicate, bool detailsKnown)
        {
            Topic = topic;
            Payload = payload;
            Retained = retained;
            PacketId = packetId;
            Duplicate = duplicate;
            DetailsKnown = detailsKnown;
        }

        public readonly string Topic;

        public readonly byte[] Payload;

        public readonly bool Retained;

        public readonly ushort PacketId;

        public readonly bool Duplicate;

        public readonly bool DetailsKnown;

        /// <summary>The message held after this one.</summary>
        public InboundMessage Next;
    }
}
