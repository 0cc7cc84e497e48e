using System;
using System.IO;
using IotDevice.Host.Mqtt;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests
{
    /// <summary>The encoder and the strict reader on their own, byte for byte, without a socket.</summary>
    [TestClass]
    public class PacketCodecTests
    {
        [TestMethod]
        [DataRow(0, new byte[] { 0x00 })]
        [DataRow(127, new byte[] { 0x7F })]
        [DataRow(128, new byte[] { 0x80, 0x01 })]
        [DataRow(16383, new byte[] { 0xFF, 0x7F })]
        [DataRow(16384, new byte[] { 0x80, 0x80, 0x01 })]
        [DataRow(2097151, new byte[] { 0xFF, 0xFF, 0x7F })]
        [DataRow(2097152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
        [DataRow(268435455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
        public void Remaining_length_uses_the_spec_encoding(int value, byte[] expected)
        {
            var buffer = new byte[4];
            int size = MqttPacketWriter.WriteRemainingLength(value, buffer, 0);
            CollectionAssert.AreEqual(expected, buffer[..size]);
        }

        [TestMethod]
        public void Remaining_length_above_the_maximum_is_refused()
        {
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => MqttPacketWriter.RemainingLengthSize(268435456));
        }

        [TestMethod]
        public void Connect_carries_flags_will_and_credentials_in_spec_order()
        {
            var options = new MqttConnectOptions
            {
                ClientId = "c1",
                KeepAliveSeconds = 60,
                CleanSession = true,
                WillTopic = "w",
                WillPayload = new byte[] { 0xAA },
                WillQos = MqttQos.AtLeastOnce,
                WillRetain = true,
                Username = "u",
                Password = "p",
            };

            byte[] packet = MqttPacketWriter.Connect(options);

            CollectionAssert.AreEqual(new byte[]
            {
                0x10, 26,
                0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04,
                0xC0 | 0x20 | 0x08 | 0x04 | 0x02, 0x00, 60,
                0x00, 0x02, (byte)'c', (byte)'1',
                0x00, 0x01, (byte)'w', 0x00, 0x01, 0xAA,
                0x00, 0x01, (byte)'u',
                0x00, 0x01, (byte)'p',
            }, packet);
        }

        [TestMethod]
        public void Publish_subscribe_and_the_small_packets_are_encoded_exactly()
        {
            CollectionAssert.AreEqual(new byte[] { 0x33, 0x07, 0x00, 0x01, (byte)'t', 0x01, 0x02, 0xDE, 0xAD },
                MqttPacketWriter.Publish("t", new byte[] { 0xDE, 0xAD, 0xBE }, 2, MqttQos.AtLeastOnce, true, 0x0102));
            CollectionAssert.AreEqual(new byte[] { 0x30, 0x04, 0x00, 0x01, (byte)'t', 0x07 },
                MqttPacketWriter.Publish("t", new byte[] { 0x07 }, 1, MqttQos.AtMostOnce, false, 0));
            CollectionAssert.AreEqual(new byte[] { 0x82, 0x0B, 0x00, 0x05, 0x00, 0x01, (byte)'a', 0x00, 0x00, 0x02, (byte)'b', (byte)'#', 0x01 },
                MqttPacketWriter.Subscribe(5, new[] { "a", "b#" }, new[] { MqttQos.AtMostOnce, MqttQos.AtLeastOnce }));
            CollectionAssert.AreEqual(new byte[] { 0x40, 0x02, 0xFF, 0xFE }, MqttPacketWriter.PubAck(0xFFFE));
            CollectionAssert.AreEqual(new byte[] { 0xC0, 0x00 }, MqttPacketWriter.PingReq());
            CollectionAssert.AreEqual(new byte[] { 0xE0, 0x00 }, MqttPacketWriter.Disconnect());
        }

        [TestMethod]
        public void The_reader_frames_consecutive_packets_and_reports_a_clean_end()
        {
            MqttPacketReader reader = Reader(new byte[] { 0xD0, 0x00, 0x90, 0x03, 0x00, 0x07, 0x80, 0x20, 0x02, 0x01, 0x00 });

            Assert.AreEqual(MqttPacketType.PingResp, reader.ReadPacket().Type);
            MqttPacket suback = reader.ReadPacket();
            byte[] granted;
            Assert.AreEqual((ushort)7, MqttPacketDecoder.SubAck(suback, out granted));
            CollectionAssert.AreEqual(new byte[] { 0x80 }, granted);
            MqttConnAck connAck = MqttPacketDecoder.ConnAck(reader.ReadPacket());
            Assert.IsTrue(connAck.SessionPresent);
            Assert.AreEqual(MqttConnectResult.Accepted, connAck.ReturnCode);
            Assert.IsNull(reader.ReadPacket());
        }

        [TestMethod]
        public void A_packet_over_the_limit_is_refused_before_its_body_is_read()
        {
            // Only the header exists: the reader must refuse on the length, not wait for 300,000 bytes.
            MqttPacketReader reader = Reader(new byte[] { 0x90, 0xE0, 0xA7, 0x12 }, 262144);
            var error = Assert.ThrowsExactly<MqttProtocolException>(() => reader.ReadPacket());
            Assert.AreEqual("packet of 300004 bytes exceeds the 262144-byte limit (SUBACK)", error.Message);
        }

        [TestMethod]
        public void A_packet_exactly_at_the_limit_is_accepted()
        {
            var bytes = new byte[64];
            bytes[0] = 0x30;
            bytes[1] = 62;
            bytes[3] = 1;
            bytes[4] = (byte)'t';
            MqttInboundPublish publish = MqttPacketDecoder.Publish(Reader(bytes, 64).ReadPacket());
            Assert.AreEqual("t", publish.Topic);
            Assert.AreEqual(59, publish.Payload.Length);
            MqttInboundPublish skipped = MqttPacketDecoder.Publish(Reader(bytes, 63).ReadPacket());
            Assert.IsNull(skipped.Payload, "one byte over the limit: skipped");
            Assert.AreEqual(59, skipped.PayloadLength);
        }

        [TestMethod]
        public void A_cut_off_header_is_reported_as_truncated()
        {
            var error = Assert.ThrowsExactly<MqttProtocolException>(() => Reader(new byte[] { 0x30, 0x80 }).ReadPacket());
            StringAssert.Contains(error.Message, "truncated packet: the connection closed inside the fixed header of a PUBLISH packet");
        }

        [TestMethod]
        public void Packet_ids_wrap_and_skip_the_ones_in_flight()
        {
            var ids = new PacketIdTracker(65533);
            Assert.AreEqual((ushort)65534, ids.AllocatePublish());
            Assert.AreEqual((ushort)65535, ids.AllocateSubscribe(2));
            Assert.AreEqual((ushort)1, ids.AllocatePublish());
            Assert.AreEqual((ushort)2, ids.AllocatePublish());

            var wrapped = new PacketIdTracker(0);
            ushort first = wrapped.AllocatePublish();
            for (int i = 1; i < 65535; i++)
            {
                ushort id = wrapped.AllocatePublish();
                wrapped.CompletePublish(id);
            }

            // Id 1 is still in flight, so the next round starts at 2.
            Assert.AreEqual((ushort)1, first);
            Assert.AreEqual((ushort)2, wrapped.AllocatePublish());

            int filters;
            Assert.IsFalse(ids.CompletePublish(65535), "a SUBACK id is not a publish");
            Assert.IsTrue(ids.CompleteSubscribe(65535, out filters));
            Assert.AreEqual(2, filters);
            CollectionAssert.AreEqual(new ushort[] { 65534, 1, 2 }, ids.DrainPublishes());
            Assert.ThrowsExactly<InvalidOperationException>(() => ids.AllocatePublish());
        }

        private static MqttPacketReader Reader(byte[] bytes, int maxPacketSize = 262144)
        {
            return new MqttPacketReader(new MemoryStream(bytes), maxPacketSize);
        }
    }
}
