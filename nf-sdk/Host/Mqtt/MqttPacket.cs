namespace IotDevice.Host.Mqtt
{
    /// <summary>One framed inbound packet: its type, the fixed-header flags and the bytes after the
    /// remaining length (variable header and payload), already checked against the size limit.</summary>
    internal sealed class MqttPacket
    {
        public MqttPacket(MqttPacketType type, int flags, byte[] body)
            : this(type, flags, body, -1)
        {
        }

        /// <param name="skippedPayloadLength">A PUBLISH over the size limit: how many payload bytes were read past (the body is its variable header).</param>
        public MqttPacket(MqttPacketType type, int flags, byte[] body, int skippedPayloadLength)
        {
            Type = type;
            Flags = flags;
            Body = body;
            SkippedPayloadLength = skippedPayloadLength;
        }

        /// <summary>-1, or the payload bytes of an over-sized PUBLISH that were read past unheld.</summary>
        public int SkippedPayloadLength { get; }

        public MqttPacketType Type { get; }

        /// <summary>The low nibble of the first byte.</summary>
        public int Flags { get; }

        public byte[] Body { get; }

        /// <summary>The spec's upper-case name (PUBLISH, CONNACK, …), for error messages.</summary>
        public static string NameOf(MqttPacketType type)
        {
            return type == MqttPacketType.Reserved0 || type == MqttPacketType.Reserved15
                ? "reserved type " + (int)type
                : type.ToString().ToUpperInvariant();
        }
    }
}
