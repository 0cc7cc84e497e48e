using System;
using IotDevice.Transport;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// Encodes the packets a 3.1.1 client sends, each into one array so a packet goes out in a single
    /// write under the send lock. Inputs are validated by the callers; this class only lays out bytes.
    /// </summary>
    internal static class MqttPacketWriter
    {
        /// <summary>Largest remaining length four variable-length bytes can carry (spec 2.2.3).</summary>
        public const int MaxRemainingLength = 268435455;

        private const byte ProtocolLevel311 = 4;

        public static byte[] Connect(MqttConnectOptions options)
        {
            byte[] clientId = Utf8(options.ClientId ?? string.Empty);
            bool hasWill = options.WillTopic != null;
            byte[] willTopic = hasWill ? Utf8(options.WillTopic) : null;
            byte[] willPayload = hasWill ? (options.WillPayload ?? new byte[0]) : null;
            bool hasUsername = options.Username != null;
            byte[] username = hasUsername ? Utf8(options.Username) : null;
            bool hasPassword = options.Password != null;
            byte[] password = hasPassword ? Utf8(options.Password) : null;

            // Variable header: protocol name "MQTT", level, flags, keep-alive (spec 3.1.2).
            int remaining = 2 + 4 + 1 + 1 + 2;
            remaining += 2 + clientId.Length;
            if (hasWill)
            {
                remaining += 2 + willTopic.Length + 2 + willPayload.Length;
            }

            if (hasUsername)
            {
                remaining += 2 + username.Length;
            }

            if (hasPassword)
            {
                remaining += 2 + password.Length;
            }

            byte flags = 0;
            if (hasUsername)
            {
                flags |= 0x80;
            }

            if (hasPassword)
            {
                flags |= 0x40;
            }

            if (hasWill)
            {
                flags |= 0x04;
                flags |= (byte)(((int)options.WillQos & 0x03) << 3);
                if (options.WillRetain)
                {
                    flags |= 0x20;
                }
            }

            if (options.CleanSession)
            {
                flags |= 0x02;
            }

            var packet = new PacketBuilder((byte)((int)MqttPacketType.Connect << 4), remaining);
            packet.Bytes(new byte[] { 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', ProtocolLevel311, flags });
            packet.UInt16((ushort)options.KeepAliveSeconds);
            packet.LengthPrefixed(clientId);
            if (hasWill)
            {
                packet.LengthPrefixed(willTopic);
                packet.LengthPrefixed(willPayload);
            }

            if (hasUsername)
            {
                packet.LengthPrefixed(username);
            }

            if (hasPassword)
            {
                packet.LengthPrefixed(password);
                Array.Clear(password, 0, password.Length);
            }

            return packet.Finish();
        }

        public static byte[] Subscribe(ushort packetId, string[] filters, MqttQos[] qos)
        {
            var encoded = new byte[filters.Length][];
            int remaining = 2;
            for (int i = 0; i < filters.Length; i++)
            {
                encoded[i] = Utf8(filters[i]);
                remaining += 2 + encoded[i].Length + 1;
            }

            // SUBSCRIBE carries the fixed flags 0010 (spec 3.8.1).
            var packet = new PacketBuilder((byte)(((int)MqttPacketType.Subscribe << 4) | 0x02), remaining);
            packet.UInt16(packetId);
            for (int i = 0; i < filters.Length; i++)
            {
                packet.LengthPrefixed(encoded[i]);
                packet.Bytes(new byte[] { (byte)qos[i] });
            }

            return packet.Finish();
        }

        /// <summary>Size of the PUBLISH for <paramref name="topicBytes"/> and a payload, before encoding.</summary>
        public static long PublishRemainingLength(int topicBytes, int payloadLength, MqttQos qos)
        {
            return 2L + topicBytes + (qos == MqttQos.AtMostOnce ? 0 : 2) + payloadLength;
        }

        public static byte[] Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain, ushort packetId)
        {
            byte[] topicBytes = Utf8(topic);
            int remaining = (int)PublishRemainingLength(topicBytes.Length, length, qos);
            byte header = (byte)(((int)MqttPacketType.Publish << 4) | ((int)qos << 1) | (retain ? 1 : 0));

            var packet = new PacketBuilder(header, remaining);
            packet.LengthPrefixed(topicBytes);
            if (qos != MqttQos.AtMostOnce)
            {
                packet.UInt16(packetId);
            }

            packet.Bytes(payload, 0, length);
            return packet.Finish();
        }

        public static byte[] PubAck(ushort packetId)
        {
            return new byte[] { (byte)((int)MqttPacketType.PubAck << 4), 2, (byte)(packetId >> 8), (byte)packetId };
        }

        public static byte[] PingReq()
        {
            return new byte[] { (byte)((int)MqttPacketType.PingReq << 4), 0 };
        }

        public static byte[] Disconnect()
        {
            return new byte[] { (byte)((int)MqttPacketType.Disconnect << 4), 0 };
        }

        /// <summary>Bytes the variable-length encoding of <paramref name="value"/> takes (1 to 4).</summary>
        public static int RemainingLengthSize(int value)
        {
            if (value < 0 || value > MaxRemainingLength)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "A remaining length must be 0.." + MaxRemainingLength + ".");
            }

            return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : 4;
        }

        /// <summary>Writes the variable-length encoding (7 bits a byte, low bits first); returns its size.</summary>
        public static int WriteRemainingLength(int value, byte[] buffer, int offset)
        {
            int count = RemainingLengthSize(value);
            for (int i = 0; i < count; i++)
            {
                byte digit = (byte)(value % 128);
                value /= 128;
                if (i < count - 1)
                {
                    digit |= 0x80;
                }

                buffer[offset + i] = digit;
            }

            return count;
        }

        private static byte[] Utf8(string value)
        {
            return MqttTopicRules.StrictUtf8.GetBytes(value);
        }

        /// <summary>Fills one pre-sized packet: fixed header first, then the caller's fields in order.</summary>
        private struct PacketBuilder
        {
            private readonly byte[] _buffer;
            private int _position;

            public PacketBuilder(byte firstByte, int remainingLength)
            {
                _buffer = new byte[1 + RemainingLengthSize(remainingLength) + remainingLength];
                _buffer[0] = firstByte;
                _position = 1 + WriteRemainingLength(remainingLength, _buffer, 1);
            }

            public void UInt16(ushort value)
            {
                _buffer[_position++] = (byte)(value >> 8);
                _buffer[_position++] = (byte)value;
            }

            public void LengthPrefixed(byte[] value)
            {
                UInt16((ushort)value.Length);
                Bytes(value);
            }

            public void Bytes(byte[] value)
            {
                Bytes(value, 0, value.Length);
            }

            public void Bytes(byte[] value, int offset, int count)
            {
                Buffer.BlockCopy(value, offset, _buffer, _position, count);
                _position += count;
            }

            public byte[] Finish()
            {
                if (_position != _buffer.Length)
                {
                    throw new InvalidOperationException("MQTT packet size miscalculated: " + _position + " of " + _buffer.Length + " bytes written.");
                }

                return _buffer;
            }
        }
    }
}
