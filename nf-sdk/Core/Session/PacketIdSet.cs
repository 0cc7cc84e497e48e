namespace IotDevice.Session
{
    /// <summary>
    /// Packet ids remembered for a short time, each under a kind: PUBACKs that overtook the bookkeeping of
    /// their publish, ids of messages sent outside the outbox whose PUBACK must be ignored, and SUBACKs the
    /// worker has yet to take. One set serves every kind (on the device each array is heap of its own),
    /// and each entry keeps its own expiry, so an id the transport reuses much later is never mistaken for
    /// an old one. When every entry is live, the one that expires first makes room.
    /// The set is its user's own array of entries (<see cref="Create"/>), worked on here: an object and a
    /// field less on the device. Not thread-safe on its own; the session guards it.
    /// </summary>
    internal static class PacketIdSet
    {
        // An entry is its expiry (milliseconds of the session's clock) shifted above its key, kind << 16 |
        // packet id: one long per entry rather than two arrays, since on the device every array is heap of
        // its own. A free entry is 0.
        private const int KeyBits = 20;
        private const long KeyMask = (1L << KeyBits) - 1;

        /// <summary>An empty set of <paramref name="capacity"/> entries.</summary>
        public static long[] Create(int capacity)
        {
            return new long[capacity];
        }

        public static void Add(long[] entries, int kind, ushort id, long nowMs, int lifetimeMs)
        {
            int slot = 0;
            for (int i = 0; i < entries.Length; i++)
            {
                long entry = entries[i];
                if (entry == 0 || nowMs > ExpiresAt(entry))
                {
                    slot = i;
                    break;
                }
                if (ExpiresAt(entry) < ExpiresAt(entries[slot]))
                {
                    slot = i;
                }
            }
            entries[slot] = ((nowMs + lifetimeMs) << KeyBits) | Key(kind, id);
        }

        /// <summary>Removes <paramref name="id"/> of <paramref name="kind"/> if present; true if it was there and not expired.</summary>
        public static bool Take(long[] entries, int kind, ushort id, long nowMs)
        {
            long key = Key(kind, id);
            for (int i = 0; i < entries.Length; i++)
            {
                long entry = entries[i];
                if (entry != 0 && (entry & KeyMask) == key)
                {
                    entries[i] = 0;
                    return nowMs <= ExpiresAt(entry);
                }
            }
            return false;
        }

        public static void Clear(long[] entries)
        {
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = 0;
            }
        }

        // A kind is below 8, and the key is never 0: bit 19 marks it as used.
        private static long Key(int kind, ushort id)
        {
            return (1L << (KeyBits - 1)) | ((long)kind << 16) | id;
        }

        private static long ExpiresAt(long entry)
        {
            return entry >> KeyBits;
        }
    }
}
