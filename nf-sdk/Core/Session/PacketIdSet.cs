namespace IotDevice.Session
{
    /// <summary>
    /// Packet ids remembered for a short time, each under a kind: PUBACKs that overtook the bookkeeping of
    /// their publish, ids of messages sent outside the outbox whose PUBACK must be ignored, and SUBACKs the
    /// worker has yet to take. One set serves every kind (on the device each array is heap of its own),
    /// and each entry keeps its own expiry, so an id the transport reuses much later is never mistaken for
    /// an old one. When every entry is live, the one that expires first makes room.
    /// Not thread-safe on its own; the session guards it.
    /// </summary>
    internal sealed class PacketIdSet
    {
        private const int Free = -1;

        // kind << 16 | packet id, or Free.
        private readonly int[] _keys;
        private readonly long[] _expiresAt;

        public PacketIdSet(int capacity)
        {
            _keys = new int[capacity];
            _expiresAt = new long[capacity];
            Clear();
        }

        public void Add(int kind, ushort id, long nowMs, int lifetimeMs)
        {
            int slot = 0;
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i] == Free || nowMs > _expiresAt[i])
                {
                    slot = i;
                    break;
                }
                if (_expiresAt[i] < _expiresAt[slot])
                {
                    slot = i;
                }
            }
            _keys[slot] = Key(kind, id);
            _expiresAt[slot] = nowMs + lifetimeMs;
        }

        /// <summary>Removes <paramref name="id"/> of <paramref name="kind"/> if present; true if it was there and not expired.</summary>
        public bool Take(int kind, ushort id, long nowMs)
        {
            int key = Key(kind, id);
            for (int i = 0; i < _keys.Length; i++)
            {
                if (_keys[i] == key)
                {
                    _keys[i] = Free;
                    return nowMs <= _expiresAt[i];
                }
            }
            return false;
        }

        public void Clear()
        {
            for (int i = 0; i < _keys.Length; i++)
            {
                _keys[i] = Free;
            }
        }

        private static int Key(int kind, ushort id)
        {
            return (kind << 16) | id;
        }
    }
}
