using System;

namespace IotDevice.Host.Mqtt
{
    /// <summary>The receive side: one thread reads packets strictly, dispatches them, and reports the end.</summary>
    internal sealed partial class MqttConnection
    {
        private void ReceiveLoop()
        {
            string reason;
            try
            {
                while (true)
                {
                    MqttPacket packet = _reader.ReadPacket();
                    if (packet == null)
                    {
                        reason = "the broker closed the connection";
                        break;
                    }

                    if (_keepAlive != null)
                    {
                        _keepAlive.NoteReceived();
                    }

                    lock (_dispatchLock)
                    {
                        Dispatch(packet);
                    }
                }
            }
            catch (MqttProtocolException ex)
            {
                reason = ex.Message;
            }
            catch (Exception ex)
            {
                // A read on a closed or reset socket: the usual way a link dies.
                reason = "connection error: " + MqttLinkOpener.Describe(ex);
            }

            Finish(reason);
        }

        private void Dispatch(MqttPacket packet)
        {
            switch (packet.Type)
            {
                case MqttPacketType.Publish:
                    OnPublish(MqttPacketDecoder.Publish(packet));
                    break;

                case MqttPacketType.PubAck:
                    ushort publishId = MqttPacketDecoder.PacketIdOnly(packet);
                    if (_packetIds.CompletePublish(publishId))
                    {
                        _events.DeliveryCompleted(this, publishId, true);
                    }

                    break;

                case MqttPacketType.SubAck:
                    OnSubAck(packet);
                    break;

                case MqttPacketType.UnsubAck:
                    // This client never unsubscribes; a well-formed UNSUBACK is harmless.
                    MqttPacketDecoder.PacketIdOnly(packet);
                    break;

                case MqttPacketType.PingResp:
                    MqttPacketDecoder.PingResp(packet);
                    break;

                case MqttPacketType.ConnAck:
                    throw new MqttProtocolException("protocol error: a second CONNACK on an established connection");

                default:
                    throw new MqttProtocolException("protocol error: unexpected " + MqttPacket.NameOf(packet.Type) + " packet from the broker");
            }
        }

        private void OnPublish(MqttInboundPublish publish)
        {
            if (publish.Qos == 2)
            {
                throw new MqttProtocolException(
                    "protocol error: QoS 2 PUBLISH on '" + publish.Topic + "', but this client subscribes at QoS 0 or 1 only");
            }

            if (ClosedByUser)
            {
                return;
            }

            _events.MessageReceived(this, publish);

            // Acknowledged after the handler ran, so an accepted message was really handed over. One
            // skipped for its size, or refused by the handler, is acknowledged too: delivered again, it
            // would only be refused again, after every reconnect.
            if (publish.Qos == 1)
            {
                Send(MqttPacketWriter.PubAck(publish.PacketId));
            }
        }

        private void OnSubAck(MqttPacket packet)
        {
            byte[] grantedQos;
            ushort packetId = MqttPacketDecoder.SubAck(packet, out grantedQos);
            int filterCount;
            if (!_packetIds.CompleteSubscribe(packetId, out filterCount))
            {
                return;
            }

            if (grantedQos.Length != filterCount)
            {
                throw new MqttProtocolException(
                    "protocol error: SUBACK " + packetId + " carries " + grantedQos.Length + " return codes for " + filterCount + " filters");
            }

            _events.Subscribed(this, packetId, grantedQos);
        }

        /// <summary>Last act of the receive thread: give up the QoS 1 messages in flight, then report the loss.</summary>
        private void Finish(string readerReason)
        {
            Fail(readerReason);
            string reason;
            bool closedByUser;
            lock (_gate)
            {
                reason = _endReason;
                closedByUser = _closedByUser;
            }

            ushort[] undelivered = _packetIds.DrainPublishes();
            _link.Dispose();
            try
            {
                if (!closedByUser)
                {
                    foreach (ushort packetId in undelivered)
                    {
                        _events.DeliveryCompleted(this, packetId, false);
                    }

                    _events.ConnectionLost(this, reason);
                }
            }
            finally
            {
                _finished.Set();
            }
        }
    }
}
