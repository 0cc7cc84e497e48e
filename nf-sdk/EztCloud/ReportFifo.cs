namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// Reports still waiting for their answer, oldest first. EZtCloud answers carry no id, so the n-th
    /// answer belongs to the oldest outstanding report. Answers are off by default on the platform, so
    /// the queue forgets: a full queue drops its oldest entry, and entries older than the age limit are
    /// not matched any more. Its one array is made with the first report. Not thread-safe on its own.
    /// </summary>
    internal sealed class ReportFifo
    {
        /// <summary>Reports remembered; a full queue forgets its oldest.</summary>
        public const int Capacity = 8;

        // Sequence and send time of each report, in turn; null until the first report.
        private long[] _entries;
        private int _head;
        private int _count;

        public void Add(long sequence, long nowMs)
        {
            if (_entries == null)
            {
                _entries = new long[Capacity * 2];
            }
            if (_count == Capacity)
            {
                _head = (_head + 1) % Capacity;
                _count--;
            }
            int tail = (_head + _count) % Capacity;
            _entries[tail * 2] = sequence;
            _entries[tail * 2 + 1] = nowMs;
            _count++;
        }

        /// <summary>Forgets the report added last (its send failed).</summary>
        public void RemoveNewest()
        {
            if (_count > 0)
            {
                _count--;
            }
        }

        /// <summary>The oldest report sent less than <paramref name="maxAgeMs"/> ago, removed; 0 when none waits.</summary>
        public long Match(long nowMs, long maxAgeMs)
        {
            while (_count > 0)
            {
                long sequence = _entries[_head * 2];
                long age = nowMs - _entries[_head * 2 + 1];
                _head = (_head + 1) % Capacity;
                _count--;
                // Gone at the age its request times out, as the session counts it.
                if (age < maxAgeMs)
                {
                    return sequence;
                }
            }
            return 0;
        }
    }
}
