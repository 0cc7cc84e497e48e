namespace IotDevice.Session
{
    /// <summary>
    /// A handful of packet ids remembered for a short time: PUBACKs that overtook the bookkeeping of
    /// their publish, and ids of messages sent outside the outbox whose PUBACK must be ignored. Entries
    /// expire, so an id the transport reuses much later is never mistaken for an old one.
    /// Not thread-safe on its own; the session guards it.
    /// </summary>
    internal sealed class PacketIdSet
    {
        private readonly int[] _ids;
        private readonly long[] _addedAt;
        private readonly int _lifetimeMs;

        public PacketIdSet(int capacity, int lifetimeMs)
        {
            _ids = new int[capacity];
            _addedAt = new long[capacity];
            _lifetimeMs = lifetimeMs;
            Clear();
        }

        public void Add(ushort id, long nowMs)
        {
            int slot = 0;
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] < 0 || nowMs - _addedAt[i] > _lifetimeMs)
                {
                    slot = i;
                    break;
                }
                if (_addedAt[i] < _addedAt[slot])
                {
                    // Full of live entries: the oldest makes room.
                    slot = i;
                }
            }
            _ids[slot] = id;
            _addedAt[slot] = nowMs;
        }

        /// <summary>Removes <paramref name="id"/> if present and not expired; true if it was.</summary>
        public bool Take(ushort id, long nowMs)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] == id)
                {
                    _ids[i] = -1;
                    return nowMs - _addedAt[i] <= _lifetimeMs;
                }
            }
            return false;
        }

        public void Clear()
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                _ids[i] = -1;
            }
        }
    }
}
