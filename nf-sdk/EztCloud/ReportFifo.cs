namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// Reports still waiting for their answer, oldest first. EZtCloud answers carry no id, so the n-th
    /// answer belongs to the oldest outstanding report. Answers are off by default on the platform, so
    /// the queue forgets: a full queue drops its oldest entry, and entries older than the age limit are
    /// not matched any more. Not thread-safe on its own.
    /// </summary>
    internal sealed class ReportFifo
    {
        private readonly long[] _sequences;
        private readonly long[] _sentAt;
        private int _head;
        private int _count;

        public ReportFifo(int capacity)
        {
            _sequences = new long[capacity];
            _sentAt = new long[capacity];
        }

        public void Add(long sequence, long nowMs)
        {
            if (_count == _sequences.Length)
            {
                _head = (_head + 1) % _sequences.Length;
                _count--;
            }
            int tail = (_head + _count) % _sequences.Length;
            _sequences[tail] = sequence;
            _sentAt[tail] = nowMs;
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
                long sequence = _sequences[_head];
                long age = nowMs - _sentAt[_head];
                _head = (_head + 1) % _sequences.Length;
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
