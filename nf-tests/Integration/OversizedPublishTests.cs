using System;
using System.IO;
using IotDevice.Host.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>The reader skips a PUBLISH over its limit: topic and packet id kept, payload read past, never held.</summary>
    [TestClass]
    public class OversizedPublishTests
    {
        /// <summary>A PUBLISH header, a payload of zeros made up as it is read, then a PINGRESP.</summary>
        private sealed class GeneratedPublishStream : Stream
        {
            private readonly byte[] _head;
            private readonly long _payloadLength;
            private readonly byte[] _tail = { 0xD0, 0x00 };
            private long _position;

            public GeneratedPublishStream(string topic, ushort packetId, int payloadLength)
            {
                _payloadLength = payloadLength;
                int remaining = 2 + topic.Length + 2 + payloadLength;
                var head = new MemoryStream();
                head.WriteByte(0x32);
                do
                {
                    int digit = remaining % 128;
                    remaining /= 128;
                    head.WriteByte((byte)(remaining > 0 ? digit | 0x80 : digit));
                }
                while (remaining > 0);
                head.WriteByte(0);
                head.WriteByte((byte)topic.Length);
                head.Write(System.Text.Encoding.ASCII.GetBytes(topic));
                head.WriteByte((byte)(packetId >> 8));
                head.WriteByte((byte)packetId);
                _head = head.ToArray();
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => _position; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                long payloadEnd = _head.Length + _payloadLength;
                int written = 0;
                while (written < count)
                {
                    if (_position < _head.Length)
                    {
                        buffer[offset + written] = _head[_position];
                    }
                    else if (_position < payloadEnd)
                    {
                        // Whole runs of payload at once, as a socket would hand them over.
                        int run = (int)Math.Min(count - written, payloadEnd - _position);
                        Array.Clear(buffer, offset + written, run);
                        written += run;
                        _position += run;
                        continue;
                    }
                    else if (_position < payloadEnd + _tail.Length)
                    {
                        buffer[offset + written] = _tail[_position - payloadEnd];
                    }
                    else
                    {
                        break;
                    }

                    written++;
                    _position++;
                }

                return written;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        [TestMethod]
        public void A_64_MiB_publish_over_the_limit_is_skipped_without_holding_its_payload()
        {
            const int PayloadLength = 64 * 1024 * 1024;
            var reader = new MqttPacketReader(new GeneratedPublishStream("a/b", 0x1234, PayloadLength), 262144);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

            MqttInboundPublish publish = MqttPacketDecoder.Publish(reader.ReadPacket());

            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Assert.AreEqual("a/b", publish.Topic);
            Assert.AreEqual((ushort)0x1234, publish.PacketId, "kept for the PUBACK");
            Assert.AreEqual(1, publish.Qos);
            Assert.IsNull(publish.Payload);
            Assert.AreEqual(PayloadLength, publish.PayloadLength);
            Assert.IsTrue(allocated < 64 * 1024, "the payload was read past, not held: " + allocated + " bytes allocated");
            Assert.AreEqual(MqttPacketType.PingResp, reader.ReadPacket().Type, "the next packet is framed where it starts");
        }

        [TestMethod]
        public void An_oversized_publish_whose_topic_runs_past_the_packet_is_malformed()
        {
            // Five bytes against a limit of four: skipped, but its topic length (16) runs past the 3 bytes after the header.
            var bytes = new byte[] { 0x30, 0x03, 0x00, 0x10, 0x61 };
            var error = Assert.ThrowsExactly<MqttProtocolException>(() => new MqttPacketReader(new MemoryStream(bytes), 4).ReadPacket());
            StringAssert.Contains(error.Message, "malformed packet: PUBLISH topic length 16 exceeds the 1 bytes left in the packet");
        }
    }
}
