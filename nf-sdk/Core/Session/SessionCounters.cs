namespace IotDevice.Session
{
    /// <summary>What the session has done since it was created; safe to read from any thread.</summary>
    public sealed class SessionCounters
    {
        private readonly object _sync = new object();
        private long _connects;
        private long _connectFailures;
        private long _disconnects;
        private long _flaps;
        private long _messagesIn;
        private long _messagesOut;
        private long _delivered;
        private long _retries;
        private long _dropped;
        private long _rejected;
        private long _timeouts;
        private long _subscribeRefusals;
        private long _duplicates;
        private long _echoes;
        private long _transportErrors;

        // Indexed by RejectReason; room for reasons added later.
        private readonly long[] _rejectedFor = new long[16];

        /// <summary>Connections established.</summary>
        public long Connects { get { lock (_sync) { return _connects; } } }

        /// <summary>Connect attempts that failed or were refused.</summary>
        public long ConnectFailures { get { lock (_sync) { return _connectFailures; } } }

        /// <summary>Established connections that ended, for any reason but Stop.</summary>
        public long Disconnects { get { lock (_sync) { return _disconnects; } } }

        /// <summary>Connections that ended within the flap window.</summary>
        public long Flaps { get { lock (_sync) { return _flaps; } } }

        /// <summary>Messages received from the broker.</summary>
        public long MessagesIn { get { lock (_sync) { return _messagesIn; } } }

        /// <summary>Publishes handed to the transport (every attempt).</summary>
        public long MessagesOut { get { lock (_sync) { return _messagesOut; } } }

        /// <summary>QoS 1 messages acknowledged by the broker.</summary>
        public long Delivered { get { lock (_sync) { return _delivered; } } }

        /// <summary>QoS 1 messages sent again after a reconnect.</summary>
        public long Retries { get { lock (_sync) { return _retries; } } }

        /// <summary>Outbound messages given up (outbox overflow, QoS 0 while offline, invalid topic).</summary>
        public long Dropped { get { lock (_sync) { return _dropped; } } }

        /// <summary>Inbound messages refused (too large, not ours, malformed, handler failure).</summary>
        public long Rejected { get { lock (_sync) { return _rejected; } } }

        /// <summary>Requests a broker delivered again after they were handled; not handled twice.</summary>
        public long Duplicates { get { lock (_sync) { return _duplicates; } } }

        /// <summary>The device's own messages brought back by a broker that echoes; ignored, not rejections.</summary>
        public long Echoes { get { lock (_sync) { return _echoes; } } }

        /// <summary>Exceptions the transport threw where its contract promises none (each survived and logged).</summary>
        public long TransportErrors { get { lock (_sync) { return _transportErrors; } } }

        /// <summary>Requests whose reply did not come in time.</summary>
        public long Timeouts { get { lock (_sync) { return _timeouts; } } }

        /// <summary>Subscription filters the broker refused.</summary>
        public long SubscribeRefusals { get { lock (_sync) { return _subscribeRefusals; } } }

        internal void AddConnect() { lock (_sync) { _connects++; } }

        internal void AddConnectFailure() { lock (_sync) { _connectFailures++; } }

        internal void AddDisconnect(bool flap)
        {
            lock (_sync)
            {
                _disconnects++;
                if (flap)
                {
                    _flaps++;
                }
            }
        }

        internal void AddMessageIn() { lock (_sync) { _messagesIn++; } }

        internal void AddMessageOut(bool retry)
        {
            lock (_sync)
            {
                _messagesOut++;
                if (retry)
                {
                    _retries++;
                }
            }
        }

        internal void AddDelivered() { lock (_sync) { _delivered++; } }

        internal void AddDropped() { lock (_sync) { _dropped++; } }

        /// <summary>Inbound messages refused for <paramref name="reason"/>; they add up to <see cref="Rejected"/>.</summary>
        public long RejectedFor(RejectReason reason)
        {
            int slot = (int)reason;
            lock (_sync)
            {
                return slot >= 0 && slot < _rejectedFor.Length ? _rejectedFor[slot] : 0;
            }
        }

        internal void AddRejected(RejectReason reason)
        {
            int slot = (int)reason;
            lock (_sync)
            {
                _rejected++;
                if (slot >= 0 && slot < _rejectedFor.Length)
                {
                    _rejectedFor[slot]++;
                }
            }
        }

        internal void AddDuplicate() { lock (_sync) { _duplicates++; } }

        internal void AddEcho() { lock (_sync) { _echoes++; } }

        internal void AddTransportError() { lock (_sync) { _transportErrors++; } }

        internal void AddTimeout() { lock (_sync) { _timeouts++; } }

        internal void AddSubscribeRefusal() { lock (_sync) { _subscribeRefusals++; } }
    }
}
