namespace IotDevice.Boards
{
    /// <summary>
    /// Keeps a sensor from being read faster than it measures. A DHT22 takes a new measurement at most
    /// every 2 s, and the binding answers a read that comes sooner with its previous frame (or with
    /// nothing): pacing the reads here means every value reported is a fresh one. The sensor counts as
    /// read when it was opened, so it also gets its warm-up time. Times are monotonic milliseconds.
    /// </summary>
    public sealed class ReadPacer
    {
        private long _lastReadMs;

        public ReadPacer(int intervalMs, long openedAtMs)
        {
            IntervalMs = intervalMs;
            _lastReadMs = openedAtMs;
        }

        public int IntervalMs { get; }

        /// <summary>Milliseconds until the next read may start; 0 when it may start now.</summary>
        public long WaitMs(long nowMs)
        {
            long wait = _lastReadMs + IntervalMs - nowMs;
            return wait > 0 ? wait : 0;
        }

        /// <summary>Starts a read when its time has come (true), or leaves everything as it was (false).</summary>
        public bool TryStart(long nowMs)
        {
            if (WaitMs(nowMs) > 0)
            {
                return false;
            }
            _lastReadMs = nowMs;
            return true;
        }
    }
}
