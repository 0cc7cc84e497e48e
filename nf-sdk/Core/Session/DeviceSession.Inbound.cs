using System;
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

        // In _flags (see DeviceSession), what the transport said of the packet being handled (inbound
        // messages are handled one at a time): its packet id in 16 bits from InboundShift, and these two.
        private const int InboundShift = 14;
        private const int InboundDuplicate = 1 << 30;
        private const int InboundDetailsKnown = 1 << 31;
        private const int InboundMask = ~((1 << InboundShift) - 1);

        // The oldest message held, and the rest chained behind it (their count and bytes are counted
        // along the chain when one more comes: a field less on the device).
        private InboundMessage _held;

        // Made with the first request from a transport that tells packet ids and DUP flags (only then can
        // a message be a redelivery); the device's M2Mqtt transport tells neither.
        private RedeliveryFilter _redeliveries;

        /// <summary>True once this connection's announcement is out and inbound messages are handled as they come.</summary>
        public bool IsAnnounced
        {
            get { lock (_wake) { return (_flags & AnnouncedFlag) != 0; } }
        }

        /// <summary>
        /// For a dialect, before it runs the handler of request <paramref name="dialectId"/> (its own id,
        /// e.g. Alink's <c>id</c>) on <paramref name="topic"/>: true when the broker delivers again a request
        /// handled moments ago — its PUBACK was lost with the link. It is then counted (Duplicates) and
        /// logged, and must not be handled twice. A redelivery is a message the transport marks with the
        /// DUP flag (through <see cref="IMqttTransportListener.PublishReceived"/>) whose topic, id and packet id (where known) match
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
            lock (_wake)
            {
                if ((_flags & InboundDetailsKnown) == 0)
                {
                    // Nothing from this transport is ever marked DUP, so nothing needs remembering.
                    return false;
                }
                if (_redeliveries == null)
                {
                    _redeliveries = new RedeliveryFilter(RedeliverySlots, RedeliveryWindowMs);
                }
                long now = _clock.NowMs;
                ushort packetId = (ushort)((_flags >> InboundShift) & 0xFFFF);
                repeat = (_flags & InboundDuplicate) != 0 && _redeliveries.Seen(topic, dialectId, packetId, now);
                if (!repeat)
                {
                    _redeliveries.Remember(topic, dialectId, packetId, now);
                }
            }
            if (repeat)
            {
                Counters.Add(SessionCounters.DuplicateCount);
                Write("request " + dialectId + " on '" + topic + "' delivered again after it was handled; not handled twice");
            }
            return repeat;
        }

        void IMqttTransportListener.MessageReceived(string topic, byte[] payload, bool retained)
        {
            Receive(topic, payload, payload == null ? 0 : payload.Length, retained, 0, false, false);
        }

        void IMqttTransportListener.PublishReceived(string topic, byte[] payload, int length, bool retained, ushort packetId, bool duplicate)
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
            lock (_wake)
            {
                if ((_flags & AnnouncedFlag) == 0)
                {
                    full = !Hold(topic, payload, retained, packetId, duplicate, detailsKnown);
                    if (!full)
                    {
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
            lock (_wake)
            {
                _flags = (_flags & ~InboundMask) | (packetId << InboundShift)
                    | (duplicate ? InboundDuplicate : 0) | (detailsKnown ? InboundDetailsKnown : 0);
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
                lock (_wake)
                {
                    message = _held;
                    if (message == null)
                    {
                        _flags |= AnnouncedFlag;
                        return;
                    }
                    _held = message.Next;
                }
                Handle(message.Topic, message.Payload, message.Retained, message.PacketId, message.Duplicate, message.DetailsKnown);
            }
        }

        // Under the lock: the message joins the end of the line, unless the line holds as many messages or
        // bytes as it may; false then.
        private bool Hold(string topic, byte[] payload, bool retained, ushort packetId, bool duplicate, bool detailsKnown)
        {
            int count = 0;
            int bytes = 0;
            InboundMessage last = null;
            for (InboundMessage held = _held; held != null; held = held.Next)
            {
                last = held;
                count++;
                bytes += held.Payload.Length;
            }
            if (count >= MaxHeld || bytes + payload.Length > _options.MaxInboundBytes)
            {
                return false;
            }
            InboundMessage message = new InboundMessage(topic, payload, retained, packetId, duplicate, detailsKnown);
            if (last == null)
            {
                _held = message;
            }
            else
            {
                last.Next = message;
            }
            return true;
        }
    }
}
