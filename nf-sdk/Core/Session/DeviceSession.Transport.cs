using IotDevice.Transport;

namespace IotDevice.Session
{
    /// <summary>What the transport reports, on its own thread: acknowledgements, SUBACKs, loss (messages: DeviceSession.Inbound).</summary>
    public sealed partial class DeviceSession
    {
        void IMqttTransportListener.DeliveryCompleted(ushort messageId, bool delivered)
        {
            if (!delivered)
            {
                // The transport gave up on this attempt; the outbox sends it again after the reconnect.
                return;
            }
            OutboundMessage message;
            lock (_wake)
            {
                message = _outbox.Acknowledge(messageId);
                long now = _clock.NowMs;
                if (message == null && !PacketIdSet.Take(_acks, DirectAck, messageId, now))
                {
                    PacketIdSet.Add(_acks, EarlyAck, messageId, now, AckLifetimeMs);
                }
            }
            if (message != null)
            {
                Delivered(message);
                _wake.Set();
            }
        }

        private void Delivered(OutboundMessage message)
        {
            Counters.Add(SessionCounters.DeliveredCount);
            PendingRequest request = message.State as PendingRequest;
            if (request != null && request.ByDelivery)
            {
                bool waiting;
                lock (_wake)
                {
                    waiting = _pending.Remove(request);
                }
                if (waiting)
                {
                    Raise(RequestDeliveredEvent, request, 0, null);
                }
            }
            Raise(MessageDeliveredEvent, message, 0, null);
        }

        void IMqttTransportListener.Subscribed(ushort messageId, byte[] grantedQos)
        {
            int refused = 0;
            for (int i = 0; grantedQos != null && i < grantedQos.Length; i++)
            {
                if (grantedQos[i] == 0x80)
                {
                    refused++;
                    Counters.Add(SessionCounters.SubscribeRefusalCount);
                }
            }
            if (refused > 0)
            {
                Write(refused.ToString() + " subscription filter(s) refused by the broker");
            }
            lock (_wake)
            {
                PacketIdSet.Add(_acks, SubscribeAck, messageId, _clock.NowMs, _options.SubscribeTimeoutMs + IdleTickMs);
            }
            _wake.Set();
        }

        void IMqttTransportListener.ConnectionLost(string reason)
        {
            lock (_wake)
            {
                _flags |= LostFlag;
                _lostReason = reason != null ? reason : "the transport lost the connection";
            }
            _wake.Set();
        }
    }
}
