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
        public readonly long Id;

        /// <summary>The dialect's kind of the expected reply; 0 when the broker's PUBACK completes it.</summary>
        public readonly int ReplyKind;

        /// <summary>The id the reply carries; 0 when it carries none (one request of that kind at a time).</summary>
        public readonly long ReplyId;

        /// <summary>Time (ms, the session's clock) after which the entry times out.</summary>
        public readonly long DeadlineMs;

        /// <summary>True when the broker's PUBACK, not a reply, completes the entry.</summary>
        public bool ByDelivery
        {
            get { return ReplyKind == 0; }
        }

        // The next newer entry while it is in a table.
        internal PendingRequest Next;
    }

    /// <summary>
    /// A fixed-capacity table of entries waiting for an acknowledgement or a reply. An entry is
    /// registered before its message is published, so an answer that arrives at once still finds it.
    /// It never grows: when full, <see cref="Register"/> returns null and the caller reports that. The
    /// entries are chained oldest first rather than kept in an array of the full capacity, so an empty
    /// table holds nothing. Not thread-safe on its own; the session guards it with its lock.
    /// </summary>
    public sealed class PendingTable
    {
        private PendingRequest _oldest;

        public PendingTable(int capacity)
        {
            Capacity = capacity < 1 ? 1 : capacity;
        }

        public readonly int Capacity;

        /// <summary>Entries waiting (counted along the chain, at most <see cref="Capacity"/>: a field less on the device).</summary>
        public int Count
        {
            get
            {
                int count = 0;
                for (PendingRequest entry = _oldest; entry != null; entry = entry.Next)
                {
                    count++;
                }
                return count;
            }
        }

        /// <summary>
        /// Adds an entry waiting for the reply (<paramref name="replyKind"/>, <paramref name="replyId"/>), or
        /// for its PUBACK when <paramref name="replyKind"/> is 0; null when the table is full or that reply
        /// is already waited for.
        /// </summary>
        public PendingRequest Register(long id, int replyKind, long replyId, long deadlineMs)
        {
            int count = 0;
            PendingRequest last = null;
            for (PendingRequest held = _oldest; held != null; held = held.Next)
            {
                if (replyKind != 0 && held.ReplyKind == replyKind && held.ReplyId == replyId)
                {
                    return null;
                }
                last = held;
                count++;
            }
            if (count >= Capacity)
            {
                return null;
            }
            PendingRequest entry = new PendingRequest(id, replyKind, replyId, deadlineMs);
            if (last == null)
            {
                _oldest = entry;
            }
            else
            {
                last.Next = entry;
            }
            return entry;
        }

        /// <summary>Removes and returns the entry waiting for that reply, or null if none is.</summary>
        public PendingRequest Complete(int replyKind, long replyId)
        {
            PendingRequest entry = replyKind == 0 ? null : Find(replyKind, replyId);
            if (entry != null)
            {
                Remove(entry);
            }
            return entry;
        }

        /// <summary>Removes a given entry (its publish failed, or it is abandoned).</summary>
        public bool Remove(PendingRequest entry)
        {
            PendingRequest previous = null;
            for (PendingRequest held = _oldest; held != null; held = held.Next)
            {
                if (held == entry)
                {
                    if (previous == null)
                    {
                        _oldest = held.Next;
                    }
                    else
                    {
                        previous.Next = held.Next;
                    }
                    held.Next = null;
                    return true;
                }
                previous = held;
            }
            return false;
        }

        /// <summary>Removes and returns one entry whose deadline has passed, or null.</summary>
        public PendingRequest TakeExpired(long nowMs)
        {
            for (PendingRequest entry = _oldest; entry != null; entry = entry.Next)
            {
                if (entry.DeadlineMs <= nowMs)
                {
                    Remove(entry);
                    return entry;
                }
            }
            return null;
        }

        /// <summary>The earliest deadline, or long.MaxValue when nothing is pending.</summary>
        public long NextDeadline()
        {
            long next = long.MaxValue;
            for (PendingRequest entry = _oldest; entry != null; entry = entry.Next)
            {
                if (entry.DeadlineMs < next)
                {
                    next = entry.DeadlineMs;
                }
            }
            return next;
        }

        private PendingRequest Find(int replyKind, long replyId)
        {
            for (PendingRequest entry = _oldest; entry != null; entry = entry.Next)
            {
                if (entry.ReplyKind == replyKind && entry.ReplyId == replyId)
                {
                    return entry;
                }
            }
            return null;
        }
    }
}
