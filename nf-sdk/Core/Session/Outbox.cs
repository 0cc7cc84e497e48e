using System;
using IotDevice.Dialects;
using IotDevice.Transport;

namespace IotDevice.Session
{
    /// <summary>A message the session has promised to deliver at least once.</summary>
    public sealed class OutboundMessage
    {
        public OutboundMessage(string topic, byte[] payload, MqttQos qos, bool retain, object state)
        {
            Topic = topic;
            Payload = payload;
            Qos = qos;
            Retain = retain;
            State = state;
        }

        public readonly string Topic;

        /// <summary>The exact bytes to send (the session's own copy).</summary>
        public readonly byte[] Payload;

        public readonly MqttQos Qos;

        public readonly bool Retain;

        /// <summary>The caller's token, handed back when the message is delivered or dropped.</summary>
        public readonly object State;

        /// <summary>Order of acceptance; strictly increasing.</summary>
        public long Sequence { get; internal set; }

        /// <summary>The packet id of the current attempt; meaningful while <see cref="Sent"/>.</summary>
        public ushort PacketId { get; internal set; }

        /// <summary>Sent on the current connection and waiting for its PUBACK.</summary>
        public bool Sent { get; internal set; }

        /// <summary>How many times it was handed to the transport.</summary>
        public int Attempts { get; internal set; }

        // The next newer message while it is in an outbox.
        internal OutboundMessage Next;
    }

    /// <summary>
    /// The QoS 1 messages not yet acknowledged, oldest first, bounded in count and bytes. A message
    /// leaves only when its PUBACK arrives, so what was in flight when the link dropped is sent again
    /// after the reconnect, in order. When a new message does not fit, the oldest are dropped and handed
    /// back for counting and reporting. The messages are chained to each other rather than kept in an
    /// array of the largest size, so an empty outbox holds nothing. Not thread-safe on its own; the
    /// session guards it.
    /// </summary>
    public sealed class Outbox
    {
        // Two numbers to a field (PackedSettings pairs): on the device every field is a heap block. The
        // counts change by adding to the pair itself, this for one more in flight.
        private const long LowMask = 0xFFFFFFFFL;
        private const long InFlightOne = 1L << 32;

        private OutboundMessage _oldest;
        private OutboundMessage _newest;
        private long _nextSequence = 1;

        // MaxMessages and MaxBytes.
        private readonly long _limits;

        // Count and InFlight.
        private long _counts;

        public Outbox(int maxMessages, int maxBytes)
        {
            if (maxMessages < 1 || maxBytes < 1)
            {
                throw new ArgumentException("The outbox needs room for at least one message and one byte.");
            }
            _limits = PackedSettings.Pair(maxMessages, maxBytes);
        }

        public int MaxMessages
        {
            get { return PackedSettings.Low(_limits); }
        }

        public int MaxBytes
        {
            get { return PackedSettings.High(_limits); }
        }

        public int Count
        {
            get { return PackedSettings.Low(_counts); }
        }

        /// <summary>Payload bytes held.</summary>
        public int Bytes { get; private set; }

        /// <summary>Messages sent on this connection and not yet acknowledged.</summary>
        public int InFlight
        {
            get { return PackedSettings.High(_counts); }
        }

        /// <summary>
        /// Appends a message, dropping the oldest until it fits. Returns the dropped messages (null when
        /// none), or throws ArgumentException when the message alone is larger than the whole outbox.
        /// </summary>
        public OutboundMessage[] Enqueue(OutboundMessage message)
        {
            int size = message.Payload.Length;
            int maxBytes = MaxBytes;
            int maxMessages = MaxMessages;
            int count = Count;
            if (size > maxBytes)
            {
                throw new ArgumentException("A " + size.ToString() + "-byte message cannot fit an outbox of "
                    + maxBytes.ToString() + " bytes.");
            }
            int dropCount = 0;
            int freedBytes = 0;
            for (OutboundMessage old = _oldest; count - dropCount >= maxMessages || Bytes - freedBytes + size > maxBytes; old = old.Next)
            {
                freedBytes += old.Payload.Length;
                dropCount++;
            }
            OutboundMessage[] dropped = null;
            if (dropCount > 0)
            {
                dropped = new OutboundMessage[dropCount];
                for (int i = 0; i < dropCount; i++)
                {
                    dropped[i] = Unlink(null, _oldest);
                }
            }
            message.Sequence = _nextSequence++;
            message.Sent = false;
            message.Next = null;
            if (_newest == null)
            {
                _oldest = message;
            }
            else
            {
                _newest.Next = message;
            }
            _newest = message;
            _counts++;
            Bytes += size;
            return dropped;
        }

        /// <summary>The oldest message not sent on the current connection, or null.</summary>
        public OutboundMessage NextUnsent()
        {
            for (OutboundMessage message = _oldest; message != null; message = message.Next)
            {
                if (!message.Sent)
                {
                    return message;
                }
            }
            return null;
        }

        /// <summary>Records that <paramref name="message"/> went out with <paramref name="packetId"/>.</summary>
        public void MarkSent(OutboundMessage message, ushort packetId)
        {
            if (!message.Sent)
            {
                _counts += InFlightOne;
            }
            message.Sent = true;
            message.PacketId = packetId;
            message.Attempts++;
        }

        /// <summary>Removes and returns the in-flight message with that packet id, or null.</summary>
        public OutboundMessage Acknowledge(ushort packetId)
        {
            OutboundMessage previous = null;
            for (OutboundMessage message = _oldest; message != null; message = message.Next)
            {
                if (message.Sent && message.PacketId == packetId)
                {
                    return Unlink(previous, message);
                }
                previous = message;
            }
            return null;
        }

        /// <summary>Removes a message that can never be sent (its topic was refused); false if it is gone.</summary>
        public bool Remove(OutboundMessage message)
        {
            OutboundMessage previous = null;
            for (OutboundMessage held = _oldest; held != null; held = held.Next)
            {
                if (held == message)
                {
                    Unlink(previous, held);
                    return true;
                }
                previous = held;
            }
            return false;
        }

        /// <summary>The connection ended: everything not acknowledged goes out again on the next one.</summary>
        public void MarkAllUnsent()
        {
            for (OutboundMessage message = _oldest; message != null; message = message.Next)
            {
                message.Sent = false;
            }
            _counts &= LowMask;
        }

        // Takes message, which follows previous (null: it is the oldest), out of the chain.
        private OutboundMessage Unlink(OutboundMessage previous, OutboundMessage message)
        {
            if (previous == null)
            {
                _oldest = message.Next;
            }
            else
            {
                previous.Next = message.Next;
            }
            if (_newest == message)
            {
                _newest = previous;
            }
            message.Next = null;
            _counts -= message.Sent ? InFlightOne + 1 : 1;
            Bytes -= message.Payload.Length;
            return message;
        }
    }
}
