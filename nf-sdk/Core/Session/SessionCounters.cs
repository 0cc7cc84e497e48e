using System;

namespace IotDevice.Session
{
    /// <summary>What the session has done since it was created; safe to read from any thread.</summary>
    public sealed class SessionCounters
    {
        // One array of counts rather than a field each: on the device every field is a heap block.
        internal const int ConnectCount = 0;
        internal const int ConnectFailureCount = 1;
        internal const int DisconnectCount = 2;
        internal const int FlapCount = 3;
        internal const int MessageInCount = 4;
        internal const int MessageOutCount = 5;
        internal const int DeliveredCount = 6;
        internal const int RetryCount = 7;
        internal const int DroppedCount = 8;
        internal const int RejectedCount = 9;
        internal const int TimeoutCount = 10;
        internal const int SubscribeRefusalCount = 11;
        internal const int DuplicateCount = 12;
        internal const int EchoCount = 13;
        internal const int TransportErrorCount = 14;
        private const int Counts = 15;

        // One per RejectReason, with room for reasons added later.
        private const int ReasonSlots = 16;

        // The counts, and after them, from the first rejection on, one per reason: a device that rejects
        // nothing never holds those, and the counter holds one array either way. Guarded by the counter itself.
        private long[] _counts = new long[Counts];

        /// <summary>Connections established.</summary>
        public long Connects { get { return Read(ConnectCount); } }

        /// <summary>Connect attempts that failed or were refused.</summary>
        public long ConnectFailures { get { return Read(ConnectFailureCount); } }

        /// <summary>Established connections that ended, for any reason but Stop.</summary>
        public long Disconnects { get { return Read(DisconnectCount); } }

        /// <summary>Connections that ended within the flap window.</summary>
        public long Flaps { get { return Read(FlapCount); } }

        /// <summary>Messages received from the broker.</summary>
        public long MessagesIn { get { return Read(MessageInCount); } }

        /// <summary>Publishes handed to the transport (every attempt).</summary>
        public long MessagesOut { get { return Read(MessageOutCount); } }

        /// <summary>QoS 1 messages acknowledged by the broker.</summary>
        public long Delivered { get { return Read(DeliveredCount); } }

        /// <summary>QoS 1 messages sent again after a reconnect.</summary>
        public long Retries { get { return Read(RetryCount); } }

        /// <summary>Outbound messages given up (outbox overflow, QoS 0 while offline, invalid topic).</summary>
        public long Dropped { get { return Read(DroppedCount); } }

        /// <summary>Inbound messages refused (too large, not ours, malformed, handler failure).</summary>
        public long Rejected { get { return Read(RejectedCount); } }

        /// <summary>Requests a broker delivered again after they were handled; not handled twice.</summary>
        public long Duplicates { get { return Read(DuplicateCount); } }

        /// <summary>The device's own messages brought back by a broker that echoes; ignored, not rejections.</summary>
        public long Echoes { get { return Read(EchoCount); } }

        /// <summary>Exceptions the transport threw where its contract promises none (each survived and logged).</summary>
        public long TransportErrors { get { return Read(TransportErrorCount); } }

        /// <summary>Requests whose reply did not come in time.</summary>
        public long Timeouts { get { return Read(TimeoutCount); } }

        /// <summary>Subscription filters the broker refused.</summary>
        public long SubscribeRefusals { get { return Read(SubscribeRefusalCount); } }

        /// <summary>Inbound messages refused for <paramref name="reason"/>; they add up to <see cref="Rejected"/>.</summary>
        public long RejectedFor(RejectReason reason)
        {
            int slot = (int)reason;
            lock (this)
            {
                return slot >= 0 && slot < ReasonSlots && _counts.Length > Counts ? _counts[Counts + slot] : 0;
            }
        }

        internal void Add(int count)
        {
            lock (this)
            {
                _counts[count]++;
            }
        }

        /// <summary>Adds to <paramref name="count"/> and, when <paramref name="also"/>, to <paramref name="other"/> as well.</summary>
        internal void Add(int count, bool also, int other)
        {
            lock (this)
            {
                _counts[count]++;
                if (also)
                {
                    _counts[other]++;
                }
            }
        }

        internal void AddRejected(RejectReason reason)
        {
            int slot = (int)reason;
            lock (this)
            {
                _counts[RejectedCount]++;
                if (slot >= 0 && slot < ReasonSlots)
                {
                    if (_counts.Length == Counts)
                    {
                        long[] grown = new long[Counts + ReasonSlots];
                        Array.Copy(_counts, grown, Counts);
                        _counts = grown;
                    }
                    _counts[Counts + slot]++;
                }
            }
        }

        private long Read(int count)
        {
            lock (this)
            {
                return _counts[count];
            }
        }
    }
}
