namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// Reports still waiting for their answer, oldest first. EZtCloud answers carry no id, so the n-th
    /// answer belongs to the oldest outstanding report. Answers are off by default on the platform, so
    /// the queue forgets: a full queue drops its oldest entry, and entries older than the age limit are
    /// not matched any more. A queue is one array, made with its first report, that keeps its own head
    /// and count in its first place: its user holds the array, not an object around it (on the device
    /// every object and field is heap). Not thread-safe on its own.
    /// </summary>
    internal static class ReportFifo
    {
        /// <summary>Reports remembered; a full queue forgets its oldest.</summary>
        public const int Capacity = 8;

        // Place 0: head | count << 8. Then the sequence and send time of each report, in turn.
        private const int CountShift = 8;
        private const int HeadMask = (1 << CountShift) - 1;

        /// <summary><paramref name="fifo"/> (null: none yet) with a report added.</summary>
        public static long[] Add(long[] fifo, long sequence, long nowMs)
        {
            if (fifo == null)
            {
                fifo = new long[1 + Capacity * 2];
            }
            int head = (int)fifo[0] & HeadMask;
            int count = (int)(fifo[0] >> CountShift);
            if (count == Capacity)
            {
                head = (head + 1) % Capacity;
                count--;
            }
            int tail = (head + count) % Capacity;
            fifo[1 + tail * 2] = sequence;
            fifo[2 + tail * 2] = nowMs;
            fifo[0] = head | ((long)(count + 1) << CountShift);
            return fifo;
        }

        /// <summary>Forgets the report added last (its send failed).</summary>
        public static void RemoveNewest(long[] fifo)
        {
            if (fifo != null && (fifo[0] >> CountShift) > 0)
            {
                fifo[0] -= 1L << CountShift;
            }
        }

        /// <summary>The oldest report sent less than <paramref name="maxAgeMs"/> ago, removed; 0 when none waits.</summary>
        public static long Match(long[] fifo, long nowMs, long maxAgeMs)
        {
            if (fifo == null)
            {
                return 0;
            }
            int head = (int)fifo[0] & HeadMask;
            int count = (int)(fifo[0] >> CountShift);
            long found = 0;
            while (count > 0)
            {
                long sequence = fifo[1 + head * 2];
                long age = nowMs - fifo[2 + head * 2];
                head = (head + 1) % Capacity;
                count--;
                // Gone at the age its request times out, as the session counts it.
                if (age < maxAgeMs)
                {
                    found = sequence;
                    break;
                }
            }
            fifo[0] = head | ((long)count << CountShift);
            return found;
        }
    }
}
