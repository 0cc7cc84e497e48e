namespace IotDevice.Session
{
    /// <summary>
    /// The last few requests handled, by topic, the dialect's id and the MQTT packet id, for a while:
    /// a QoS 1 request whose PUBACK was lost with the link comes back after the reconnect under the same
    /// packet id, and must not run its handler twice. A full filter forgets its oldest entry.
    /// Not thread-safe on its own; the session guards it.
    /// </summary>
    internal sealed class RedeliveryFilter
    {
        private readonly string[] _topics;
        private readonly string[] _ids;
        private readonly int[] _packetIds;
        private readonly long[] _handledAt;
        private readonly int _windowMs;
        private int _next;

        public RedeliveryFilter(int capacity, int windowMs)
        {
            _topics = new string[capacity];
            _ids = new string[capacity];
            _packetIds = new int[capacity];
            _handledAt = new long[capacity];
            _windowMs = windowMs;
        }

        /// <summary>
        /// True when <paramref name="id"/> on <paramref name="topic"/> was handled within the window and,
        /// where both packet ids are known (non-zero), under the same packet id.
        /// </summary>
        public bool Seen(string topic, string id, ushort packetId, long nowMs)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] != null && nowMs - _handledAt[i] <= _windowMs && _ids[i] == id && _topics[i] == topic
                    && (packetId == 0 || _packetIds[i] == 0 || _packetIds[i] == packetId))
                {
                    return true;
                }
            }
            return false;
        }

        public void Remember(string topic, string id, ushort packetId, long nowMs)
        {
            _topics[_next] = topic;
            _ids[_next] = id;
            _packetIds[_next] = packetId;
            _handledAt[_next] = nowMs;
            _next = (_next + 1) % _ids.Length;
        }
    }
}
