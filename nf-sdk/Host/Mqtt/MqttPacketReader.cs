using System;
using System.IO;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// Frames inbound packets from a byte stream, strictly: the fixed header must be valid 3.1.1, the
    /// remaining length at most four bytes, and the whole packet within a size limit that is checked
    /// before anything is allocated, so a hostile length cannot make the client allocate 256 MiB. A
    /// PUBLISH over the limit is not an error: its topic and packet id are read, its payload is read past
    /// through the read-ahead buffer without being held, and the packet says how much was skipped.
    /// Only one thread reads; it owns the small read-ahead buffer.
    /// </summary>
    internal sealed class MqttPacketReader
    {
        /// <summary>1 header byte + 4 length bytes + the largest remaining length.</summary>
        public const int MaxPacketSizeAllowed = 1 + 4 + MqttPacketWriter.MaxRemainingLength;

        private static readonly byte[] EmptyBody = new byte[0];

        private readonly Stream _stream;
        private readonly int _maxPacketSize;
        private readonly byte[] _buffer = new byte[8192];
        private int _bufferStart;
        private int _bufferEnd;

        public MqttPacketReader(Stream stream, int maxPacketSize)
        {
            if (maxPacketSize < 2 || maxPacketSize > MaxPacketSizeAllowed)
            {
                throw new ArgumentOutOfRangeException(nameof(maxPacketSize));
            }

            _stream = stream;
            _maxPacketSize = maxPacketSize;
        }

        /// <summary>
        /// Reads the next packet; null when the peer closed the connection between packets. Throws
        /// <see cref="MqttProtocolException"/> for anything malformed, over-sized or cut short, and the
        /// stream's own exceptions (IOException, ObjectDisposedException) when the link breaks.
        /// </summary>
        public MqttPacket ReadPacket()
        {
            int first = ReadByte();
            if (first < 0)
            {
                return null;
            }

            var type = (MqttPacketType)(first >> 4);
            int flags = first & 0x0F;
            CheckFixedHeader(type, flags);

            int remainingLength = 0;
            int multiplier = 1;
            int lengthBytes = 0;
            while (true)
            {
                if (lengthBytes == 4)
                {
                    throw MqttProtocolException.Malformed("remaining length uses more than 4 bytes");
                }

                int digit = ReadByte();
                if (digit < 0)
                {
                    throw new MqttProtocolException(
                        "truncated packet: the connection closed inside the fixed header of a " + MqttPacket.NameOf(type) + " packet");
                }

                lengthBytes++;
                remainingLength += (digit & 0x7F) * multiplier;
                if ((digit & 0x80) == 0)
                {
                    break;
                }

                multiplier *= 128;
            }

            long packetSize = 1L + lengthBytes + remainingLength;
            if (packetSize > _maxPacketSize)
            {
                if (type == MqttPacketType.Publish)
                {
                    return SkipPublish(flags, lengthBytes, remainingLength);
                }

                throw new MqttProtocolException(
                    "packet of " + packetSize + " bytes exceeds the " + _maxPacketSize + "-byte limit (" + MqttPacket.NameOf(type) + ")");
            }

            byte[] body = remainingLength == 0 ? EmptyBody : new byte[remainingLength];
            ReadBody(body, 0, type, lengthBytes, remainingLength);
            return new MqttPacket(type, flags, body);
        }

        /// <summary>
        /// An over-sized PUBLISH: the variable header (topic length, topic, packet id) as its body, the
        /// payload read past in read-ahead-sized pieces and only counted.
        /// </summary>
        private MqttPacket SkipPublish(int flags, int lengthBytes, int remainingLength)
        {
            var prefix = new byte[2];
            ReadBody(prefix, 0, MqttPacketType.Publish, lengthBytes, remainingLength);
            int topicLength = (prefix[0] << 8) | prefix[1];
            int headerLength = 2 + topicLength + (((flags >> 1) & 0x03) > 0 ? 2 : 0);
            if (headerLength > remainingLength)
            {
                throw MqttProtocolException.Malformed(
                    "PUBLISH topic length " + topicLength + " exceeds the " + (remainingLength - 2) + " bytes left in the packet");
            }

            var header = new byte[headerLength];
            header[0] = prefix[0];
            header[1] = prefix[1];
            ReadBody(header, 2, MqttPacketType.Publish, lengthBytes, remainingLength);
            int payloadLength = remainingLength - headerLength;
            int skipped = 0;
            while (skipped < payloadLength)
            {
                if (_bufferStart == _bufferEnd && !Fill())
                {
                    throw Truncated(MqttPacketType.Publish, lengthBytes, headerLength + skipped, remainingLength);
                }

                int count = Math.Min(_bufferEnd - _bufferStart, payloadLength - skipped);
                _bufferStart += count;
                skipped += count;
            }

            return new MqttPacket(MqttPacketType.Publish, flags, header, payloadLength);
        }

        /// <summary>Fills <paramref name="target"/> from <paramref name="offset"/> on, or reports the packet as cut short.</summary>
        private void ReadBody(byte[] target, int offset, MqttPacketType type, int lengthBytes, int remainingLength)
        {
            int received = offset + ReadUpTo(target, offset);
            if (received < target.Length)
            {
                throw Truncated(type, lengthBytes, received, remainingLength);
            }
        }

        private static MqttProtocolException Truncated(MqttPacketType type, int lengthBytes, int received, int remainingLength)
        {
            return new MqttProtocolException(
                "truncated packet: the connection closed after " + (1 + lengthBytes + received) + " of " + (1L + lengthBytes + remainingLength)
                + " bytes of a " + MqttPacket.NameOf(type) + " packet");
        }

        /// <summary>Spec 2.2.2: reserved types are invalid and each type has fixed flag bits, except PUBLISH.</summary>
        private static void CheckFixedHeader(MqttPacketType type, int flags)
        {
            switch (type)
            {
                case MqttPacketType.Reserved0:
                case MqttPacketType.Reserved15:
                    throw MqttProtocolException.Malformed("reserved packet type " + (int)type);

                case MqttPacketType.Publish:
                    if ((flags & 0x06) == 0x06)
                    {
                        throw MqttProtocolException.Malformed("PUBLISH with QoS 3");
                    }

                    return;

                case MqttPacketType.PubRel:
                case MqttPacketType.Subscribe:
                case MqttPacketType.Unsubscribe:
                    if (flags != 0x02)
                    {
                        throw InvalidFlags(type, flags);
                    }

                    return;

                default:
                    if (flags != 0)
                    {
                        throw InvalidFlags(type, flags);
                    }

                    return;
            }
        }

        private static MqttProtocolException InvalidFlags(MqttPacketType type, int flags)
        {
            return MqttProtocolException.Malformed("invalid fixed-header flags 0x" + flags.ToString("X") + " for " + MqttPacket.NameOf(type));
        }

        /// <summary>The next byte, or -1 at end of stream.</summary>
        private int ReadByte()
        {
            if (_bufferStart == _bufferEnd && !Fill())
            {
                return -1;
            }

            return _buffer[_bufferStart++];
        }

        /// <summary>Fills <paramref name="target"/> from <paramref name="offset"/> as far as the stream allows; returns the count read.</summary>
        private int ReadUpTo(byte[] target, int offset)
        {
            int done = offset;
            while (done < target.Length)
            {
                if (_bufferStart == _bufferEnd)
                {
                    // Large bodies go straight into the target; small ones through the read-ahead buffer.
                    if (target.Length - done >= _buffer.Length)
                    {
                        int direct = _stream.Read(target, done, target.Length - done);
                        if (direct <= 0)
                        {
                            return done;
                        }

                        done += direct;
                        continue;
                    }

                    if (!Fill())
                    {
                        return done;
                    }
                }

                int count = Math.Min(_bufferEnd - _bufferStart, target.Length - done);
                Buffer.BlockCopy(_buffer, _bufferStart, target, done, count);
                _bufferStart += count;
                done += count;
            }

            return done - offset;
        }

        private bool Fill()
        {
            int read = _stream.Read(_buffer, 0, _buffer.Length);
            _bufferStart = 0;
            _bufferEnd = read > 0 ? read : 0;
            return read > 0;
        }
    }
}
