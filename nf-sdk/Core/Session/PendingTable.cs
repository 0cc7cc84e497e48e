namespace IotDevice.Session
{
    /// <summary>One report or request the session is waiting on.</summary>
    public sealed class PendingRequest
    {
        internal PendingRequest(long id, int replyKind, long replyId, long deadlineMs)
        {
            Id = id;
            ReplyKind = replyKind;
            ReplyId = replyId;
            DeadlineMs = deadlineMs;
        }

        /// <summary>The id the app got when it sent the message; its outcome carries it.</summary>
        public long Id { get; }

        /// <summary>The dialect's kind of the expected reply; 0 when the broker's PUBACK completes it.</summary>
        public int ReplyKind { get; }

        /// <summary>The id the reply carries; 0 when it carries none (one request of that kind at a time).</summary>
        public long ReplyId { get; }

        /// <summary>Time (ms, the session's clock) after which the entry times out.</summary>
        public long DeadlineMs { get; }

        /// <summary>True when the broker's PUBACK, not a reply, completes the entry.</summary>
        public bool ByDelivery
        {
            get { return ReplyKind == 0; }
        }
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

        /// <summary>
        /// Adds an entry waiting for the reply (<paramref name="replyKind"/>, <paramref name="replyId"/>), or
        /// for its PUBACK when <paramref name="replyKind"/> is 0; null when the table is full or that reply
        /// is already waited for.
        /// </summary>
        public PendingRequest Register(long id, int replyKind, long replyId, long deadlineMs)
        {
            if (replyKind != 0 && Find(replyKind, replyId) >= 0)
            {
                return null;
            }
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] == null)
                {
                    PendingRequest entry = new PendingRequest(id, replyKind, replyId, deadlineMs);
                    _slots[i] = entry;
                    Count++;
                    return entry;
                }
            }
            return null;
        }

        /// <summary>Removes and returns the entry waiting for that reply, or null if none is.</summary>
        public PendingRequest Complete(int replyKind, long replyId)
        {
            int index = replyKind == 0 ? -1 : Find(replyKind, replyId);
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

        private int Find(int replyKind, long replyId)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                PendingRequest entry = _slots[i];
                if (entry != null && entry.ReplyKind == replyKind && entry.ReplyId == replyId)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
