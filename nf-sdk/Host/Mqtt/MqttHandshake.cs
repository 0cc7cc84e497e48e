using System;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// The start of a connection: open the link, send CONNECT, read and check CONNACK, all within
    /// ConnectTimeoutMs. Every outcome is a <see cref="MqttConnectResult"/>; nothing is thrown.
    /// </summary>
    internal static class MqttHandshake
    {
        public static MqttConnectResult Perform(MqttConnectOptions options, int maxPacketSize,
            out MqttLink link, out MqttPacketReader reader, out bool sessionPresent, out string error)
        {
            reader = null;
            sessionPresent = false;
            using (var deadline = new CancellationTokenSource(options.ConnectTimeoutMs))
            {
                MqttConnectResult result = MqttLinkOpener.Open(options, deadline.Token, out link, out error);
                if (result != MqttConnectResult.Accepted)
                {
                    return result;
                }

                reader = new MqttPacketReader(link.Stream, maxPacketSize);
                MqttLink opened = link;
                bool timedOut = false;
                MqttConnAck connAck;

                // Blocking reads cannot be cancelled, so the deadline closes the socket under them.
                using (deadline.Token.Register(() =>
                {
                    timedOut = true;
                    opened.Abort();
                }))
                {
                    result = ExchangeConnect(link, reader, options, out connAck, out error);
                }

                if (timedOut && (result == MqttConnectResult.Accepted || result == MqttConnectResult.NetworkError))
                {
                    result = MqttConnectResult.Timeout;
                    error = "no CONNACK from " + options.Host + ":" + options.Port + " within " + options.ConnectTimeoutMs + " ms";
                }

                if (result != MqttConnectResult.Accepted)
                {
                    link.Dispose();
                    link = null;
                    reader = null;
                    return result;
                }

                sessionPresent = connAck.SessionPresent;
                return result;
            }
        }

        private static MqttConnectResult ExchangeConnect(MqttLink link, MqttPacketReader reader, MqttConnectOptions options,
            out MqttConnAck connAck, out string error)
        {
            connAck = default(MqttConnAck);
            byte[] connect = MqttPacketWriter.Connect(options);
            try
            {
                link.Stream.Write(connect, 0, connect.Length);
                link.Stream.Flush();
            }
            catch (Exception ex)
            {
                error = "connection failed while sending CONNECT: " + MqttLinkOpener.Describe(ex);
                return MqttConnectResult.NetworkError;
            }
            finally
            {
                // The packet holds the password in clear.
                Array.Clear(connect, 0, connect.Length);
            }

            MqttPacket packet;
            try
            {
                packet = reader.ReadPacket();
            }
            catch (MqttProtocolException ex)
            {
                error = "invalid answer to CONNECT: " + ex.Message;
                return MqttConnectResult.ProtocolError;
            }
            catch (Exception ex)
            {
                error = "connection failed while waiting for CONNACK: " + MqttLinkOpener.Describe(ex);
                return MqttConnectResult.NetworkError;
            }

            if (packet == null)
            {
                error = "the broker closed the connection before sending CONNACK";
                return MqttConnectResult.NetworkError;
            }

            if (packet.Type != MqttPacketType.ConnAck)
            {
                error = "invalid answer to CONNECT: expected CONNACK, received " + MqttPacket.NameOf(packet.Type);
                return MqttConnectResult.ProtocolError;
            }

            try
            {
                connAck = MqttPacketDecoder.ConnAck(packet);
            }
            catch (MqttProtocolException ex)
            {
                error = "invalid answer to CONNECT: " + ex.Message;
                return MqttConnectResult.ProtocolError;
            }

            error = connAck.ReturnCode == MqttConnectResult.Accepted ? null : "the broker refused the connection: " + RefusalText(connAck.ReturnCode, options);
            return connAck.ReturnCode;
        }

        private static string RefusalText(MqttConnectResult code, MqttConnectOptions options)
        {
            switch (code)
            {
                case MqttConnectResult.UnacceptableProtocolVersion:
                    return "unacceptable protocol version (it does not accept MQTT 3.1.1)";
                case MqttConnectResult.IdentifierRejected:
                    return "client identifier '" + options.ClientId + "' rejected";
                case MqttConnectResult.ServerUnavailable:
                    return "server unavailable";
                case MqttConnectResult.BadUsernameOrPassword:
                    return "bad user name or password (user '" + options.Username + "')";
                default:
                    return "not authorized";
            }
        }
    }
}
