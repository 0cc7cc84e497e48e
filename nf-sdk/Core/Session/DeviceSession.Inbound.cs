using System;
using System.Collections;
using IotDevice.Transport;

namespace IotDevice.Session
{
    /// <summary>
    /// Inbound messages, for every dialect alike: size checked, held until the connection's announcement
    /// is out (so nothing a message causes can go first), then handed to the dialect one at a time, with
    /// what the dialect needs to recognise a broker's redelivery of a request it already handled.
    /// </summary>
    public sealed partial class DeviceSession
    {
        // Messages that arrive between SUBACK and the end of the announcement (retained commands do).
        private const int MaxHeld = 8;

        // Requests remembered against redelivery: a reconnect comes well within two minutes.
        private const int RedeliverySlots = 16;
        private const int RedeliveryWindowMs = 120000;

        private readonly ArrayList _held = new ArrayList();
        private readonly RedeliveryFilter _redeliveries = new RedeliveryFilter(RedeliverySlots, RedeliveryWindowMs);
        private int _heldBytes;
        private bool _announced;

        // The packet of the message being handled (inbound messages are handled one at a time).
        private ushort _inboundPacketId;
        private bool _inboundDuplicate;
        private bool _inboundDetailsKnown;

        /// <summary>True once this connection's announcement is out and inbound messages are handled as they come.</summary>
        public bool IsAnnounced
        {
            get { lock (_sync) { return _announced; } }
        }

        /// <summary>
        /// For a dialect, before it runs the handler of request <paramref name="dialectId"/> (its own id,
        /// e.g. Alink's <c>id</c>) on <paramref name="topic"/>: true when the broker delivers again a request
        /// handled moments ago — its PUBACK was lost with the link. It is then counted (Duplicates) and
        /// logged, and must not be handled twice. A redelivery is a message the transport marks with the
        /// DUP flag (an <see cref="IMqttPublishSource"/>) whose topic, id and packet id (where known) match
        /// one handled within two minutes. Without the flag nothing is a redelivery: a platform may send a
        /// new request under an id it used before, and that one must run. A null id is never a repeat.
        /// </summary>
        public bool IsRedelivery(string topic, string dialectId)
        {
            if (dialectId == null)
            {
                return false;
            }
            bool repeat;
            lock (_sync)
            {
                long now = _clock.NowMs;
                repeat = _inboundDetailsKnown && _inboundDuplicate && _redeliveries.Seen(topic, dialectId, _inboundPacketId, now);
                if (!repeat)
                {
                    _redeliveries.Remember(topic, dialectId, _inboundPacketId, now);
                }
            }
            if (repeat)
            {
                Counters.Add(SessionCounters.DuplicateCount);
                Write("request " + dialectId + " on '" + topic + "' delivered again after it was handled; not handled twice");
            }
            return repeat;
        }

        private void OnTransportMessage(string topic, byte[] payload, bool retained)
        {
            Receive(topic, payload, payload == null ? 0 : payload.Length, retained, 0, false, false);
        }

        private void OnTransportPublish(string topic, byte[] payload, int length, bool retained, ushort packetId, bool duplicate)
        {
            Receive(topic, payload, length, retained, packetId, duplicate, true);
        }

        private void Receive(string topic, byte[] payload, int length, bool retained, ushort packetId, bool duplicate, bool detailsKnown)
        {
            Counters.Add(SessionCounters.MessageInCount);
            if (payload == null && detailsKnown)
            {
                Reject(topic, RejectReason.Oversized, length.ToString() + " bytes exceeds the transport's limit; skipped without reading it");
                return;
            }
            if (payload == null)
            {
                payload = new byte[0];
            }
            if (payload.Length > _options.MaxInboundBytes)
            {
                Reject(topic, RejectReason.Oversized, payload.Length.ToString() + " bytes exceeds the " + _options.MaxInboundBytes.ToString() + "-byte limit");
                return;
            }
            bool full = false;
            lock (_sync)
            {
                if (!_announced)
                {
                    full = _held.Count >= MaxHeld || _heldBytes + payload.Length > _options.MaxInboundBytes;
                    if (!full)
                    {
                        _held.Add(new InboundMessage(topic, payload, retained, packetId, duplicate, detailsKnown));
                        _heldBytes += payload.Length;
                        return;
                    }
                }
            }
            if (full)
            {
                Reject(topic, RejectReason.BeforeAnnouncement, "arrived before the announcement with " + MaxHeld.ToString()
                    + " messages or " + _options.MaxInboundBytes.ToString() + " bytes already held");
                return;
            }
            Handle(topic, payload, retained, packetId, duplicate, detailsKnown);
        }

        private void Handle(string topic, byte[] payload, bool retained, ushort packetId, bool duplicate, bool detailsKnown)
        {
            lock (_sync)
            {
                _inboundPacketId = packetId;
                _inboundDuplicate = duplicate;
                _inboundDetailsKnown = detailsKnown;
            }
            try
            {
                _dialect.OnMessage(this, topic, payload, retained);
            }
            catch (Exception e)
            {
                Reject(topic, RejectReason.HandlerFailed, "handler failed: " + e.Message);
            }
        }

        // On the worker, after the announcement: the held messages in arrival order, then (atomically)
        // direct handling. Until the hold is empty, newer messages join it, so none overtakes another.
        private void ReleaseHeld()
        {
            while (true)
            {
                InboundMessage message;
                lock (_sync)
                {
                    if (_held.Count == 0)
                    {
                        _announced = true;
                        return;
                    }
                    message = (InboundMessage)_held[0];
                    _held.RemoveAt(0);
                    _heldBytes -= message.Payload.Length;
                }
                Handle(message.Topic, message.Payload, message.Retained, message.PacketId, message.Duplicate, message.DetailsKnown);
            }
        }
    }
}
