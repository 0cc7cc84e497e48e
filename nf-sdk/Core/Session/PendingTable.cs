namespace IotDevice.Session
{
    /// <summary>What a pending entry waits for.</summary>
    public enum PendingKeyKind
    {
        /// <summary>The broker's PUBACK for the request's own QoS 1 message (dialects without reply ids).</summary>
        Delivery = 1,

        /// <summary>The platform's reply carrying the dialect's message id (Alink <c>id</c>).</summary>
        ReplyId = 2,

        /// <summary>A reply with no id, matched by its topic kind: one request of that kind at a time.</summary>
        ReplyKind = 3,
    }

    /// <summary>One request or publish the session is waiting on.</summary>
    public sealed class PendingRequest
    {
        internal PendingRequest(PendingKeyKind keyKind, long key, int tag, long deadlineMs, object state)
        {
            KeyKind = keyKind;
            Key = key;
            Tag = tag;
            DeadlineMs = deadlineMs;
            State = state;
        }

        public PendingKeyKind KeyKind { get; }

        /// <summary>The id waited for (unused for <see cref="PendingKeyKind.Delivery"/>).</summary>
        public long Key { get; }

        /// <summary>The caller's label, e.g. the topic kind of the expected reply.</summary>
        public int Tag { get; }

        /// <summary>Monotonic time (ms) after which the entry times out.</summary>
        public long DeadlineMs { get; }

        /// <summary>The caller's object, handed back on completion or timeout.</summary>
        public object State { get; }
    }

    /// <summary>
    /// A fixed-capacity table of entries waiting for an acknowledgement or a reply. An entry is
    /// registered before its message is published, so an answer that arrives at once still finds it.
    /// It never grows: when full, <see cref="Register"/> returns null and the caller reports that.
    /// Not thread-safe on its own; the session guards it with its lock.
    /// </summary>
    public sealed class PendingTable
    {
        private readonly PendingRequest[] _slots;

        public PendingTable(int capacity)
        {
            _slots = new PendingRequest[capacity < 1 ? 1 : capacity];
        }

        public int Capacity
        {
            get { return _slots.Length; }
        }

        public int Count { get; private set; }

        /// <summary>Adds an entry; null when the table is full or the key is already waited for.</summary>
        public PendingRequest Register(PendingKeyKind keyKind, long key, int tag, long deadlineMs, object state)
        {
            if (keyKind != PendingKeyKind.Delivery && Find(keyKind, key) >= 0)
            {
                return null;
            }
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] == null)
                {
                    PendingRequest entry = new PendingRequest(keyKind, key, tag, deadlineMs, state);
                    _slots[i] = entry;
                    Count++;
                    return entry;
                }
            }
            return null;
        }

        /// <summary>Removes and returns the entry waiting for that key, or null if none is.</summary>
        public PendingRequest Complete(PendingKeyKind keyKind, long key)
        {
            int index = Find(keyKind, key);
            if (index < 0)
            {
                return null;
            }
            PendingRequest entry = _slots[index];
            _slots[index] = null;
            Count--;
            return entry;
        }

        /// <summary>Removes a given entry (its publish failed, or it is abandoned).</summary>
        public bool Remove(PendingRequest entry)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] == entry)
                {
                    _slots[i] = null;
                    Count--;
                    return true;
                }
            }
            return false;
        }

        /// <summary>Removes and returns one entry whose deadline has passed, or null.</summary>
        public PendingRequest TakeExpired(long nowMs)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                PendingRequest entry = _slots[i];
                if (entry != null && entry.DeadlineMs <= nowMs)
                {
                    _slots[i] = null;
                    Count--;
                    return entry;
                }
            }
            return null;
        }

        /// <summary>The earliest deadline, or long.MaxValue when nothing is pending.</summary>
        public long NextDeadline()
        {
            long next = long.MaxValue;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] != null && _slots[i].DeadlineMs < next)
                {
                    next = _slots[i].DeadlineMs;
                }
            }
            return next;
        }

        private int Find(PendingKeyKind keyKind, long key)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                PendingRequest entry = _slots[i];
                if (entry != null && entry.KeyKind == keyKind && entry.Key == key && keyKind != PendingKeyKind.Delivery)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
