using System;
using System.Text;
using IotDevice.Transport;

namespace IotDevice.Host.Mqtt
{
    /// <summary>The CONNACK fields (spec 3.2).</summary>
    internal struct MqttConnAck
    {
        public bool SessionPresent;
        public MqttConnectResult ReturnCode;
    }

    /// <summary>An inbound PUBLISH (spec 3.3); QoS is left for the connection to accept or refuse.</summary>
    internal sealed class MqttInboundPublish
    {
        public string Topic;

        /// <summary>Null when the packet was over the size limit and its payload was skipped.</summary>
        public byte[] Payload;
        public int PayloadLength;
        public int Qos;
        public bool Retain;
        public bool Duplicate;
        public ushort PacketId;
    }

    /// <summary>
    /// Strict decoding of the packet bodies a broker sends a 3.1.1 client. Every length is checked
    /// against what the packet actually holds, so a lying length field is reported, not trusted.
    /// </summary>
    internal static class MqttPacketDecoder
    {
        public static MqttConnAck ConnAck(MqttPacket packet)
        {
            ExpectLength(packet, 2);
            byte acknowledgeFlags = packet.Body[0];
            byte returnCode = packet.Body[1];
            if ((acknowledgeFlags & 0xFE) != 0)
            {
                throw MqttProtocolException.Malformed("CONNACK reserved flag bits are set (0x" + acknowledgeFlags.ToString("X2") + ")");
            }

            if (returnCode > 5)
            {
                throw MqttProtocolException.Malformed("CONNACK return code " + returnCode + " is not defined by MQTT 3.1.1");
            }

            bool sessionPresent = (acknowledgeFlags & 0x01) != 0;
            if (returnCode != 0 && sessionPresent)
            {
                throw MqttProtocolException.Malformed("CONNACK refuses the connection yet reports a session present");
            }

            return new MqttConnAck { SessionPresent = sessionPresent, ReturnCode = (MqttConnectResult)returnCode };
        }

        /// <summary>PUBACK and UNSUBACK: just a non-zero packet id.</summary>
        public static ushort PacketIdOnly(MqttPacket packet)
        {
            ExpectLength(packet, 2);
            return PacketId(packet.Body, 0, packet.Type);
        }

        public static void PingResp(MqttPacket packet)
        {
            ExpectLength(packet, 0);
        }

        public static ushort SubAck(MqttPacket packet, out byte[] grantedQos)
        {
            byte[] body = packet.Body;
            if (body.Length < 3)
            {
                throw MqttProtocolException.Malformed("SUBACK of " + body.Length + " bytes holds no return code");
            }

            ushort packetId = PacketId(body, 0, packet.Type);
            grantedQos = new byte[body.Length - 2];
            for (int i = 0; i < grantedQos.Length; i++)
            {
                byte code = body[2 + i];
                if (code > 2 && code != 0x80)
                {
                    throw MqttProtocolException.Malformed("SUBACK return code 0x" + code.ToString("X2") + " is not defined");
                }

                grantedQos[i] = code;
            }

            return packetId;
        }

        public static MqttInboundPublish Publish(MqttPacket packet)
        {
            byte[] body = packet.Body;
            int qos = (packet.Flags >> 1) & 0x03;
            bool duplicate = (packet.Flags & 0x08) != 0;
            if (qos == 0 && duplicate)
            {
                throw MqttProtocolException.Malformed("PUBLISH with QoS 0 has the DUP flag set");
            }

            if (body.Length < 2)
            {
                throw MqttProtocolException.Malformed("PUBLISH of " + body.Length + " bytes has no topic length");
            }

            int topicLength = (body[0] << 8) | body[1];
            if (topicLength > body.Length - 2)
            {
                throw MqttProtocolException.Malformed(
                    "PUBLISH topic length " + topicLength + " exceeds the " + (body.Length - 2) + " bytes left in the packet");
            }

            string topic;
            try
            {
                topic = MqttTopicRules.StrictUtf8.GetString(body, 2, topicLength);
            }
            catch (DecoderFallbackException)
            {
                throw MqttProtocolException.Malformed("PUBLISH topic is not valid UTF-8");
            }

            string problem = MqttTopicRules.CheckTopicName(topic);
            if (problem != null)
            {
                throw MqttProtocolException.Malformed("PUBLISH topic is not a valid topic name (" + problem + ")");
            }

            int offset = 2 + topicLength;
            ushort packetId = 0;
            if (qos > 0)
            {
                if (body.Length - offset < 2)
                {
                    throw MqttProtocolException.Malformed("PUBLISH with QoS " + qos + " has no packet id");
                }

                packetId = PacketId(body, offset, packet.Type);
                offset += 2;
            }

            byte[] payload = null;
            int payloadLength = packet.SkippedPayloadLength;
            if (payloadLength < 0)
            {
                payload = new byte[body.Length - offset];
                Buffer.BlockCopy(body, offset, payload, 0, payload.Length);
                payloadLength = payload.Length;
            }

            return new MqttInboundPublish
            {
                Topic = topic,
                Payload = payload,
                PayloadLength = payloadLength,
                Qos = qos,
                Retain = (packet.Flags & 0x01) != 0,
                Duplicate = duplicate,
                PacketId = packetId,
            };
        }

        private static void ExpectLength(MqttPacket packet, int length)
        {
            if (packet.Body.Length != length)
            {
                throw MqttProtocolException.Malformed(
                    MqttPacket.NameOf(packet.Type) + " remaining length is " + packet.Body.Length + ", expected " + length);
            }
        }

        private static ushort PacketId(byte[] body, int offset, MqttPacketType type)
        {
            ushort id = (ushort)((body[offset] << 8) | body[offset + 1]);
            if (id == 0)
            {
                throw MqttProtocolException.Malformed(MqttPacket.NameOf(type) + " carries packet id 0");
            }

            return id;
        }
    }
}
