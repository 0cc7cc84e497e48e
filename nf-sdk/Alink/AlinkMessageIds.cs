namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Uplink message ids: a counter per dialect instance, so ids stay unique across reconnects. The
    /// platform allows 0–4294967295; after the top the counter starts again at 1. Thread-safe.
    /// </summary>
    public sealed class AlinkMessageIds
    {
        public const long MaxId = 4294967295;

        private readonly object _sync = new object();
        private long _next;

        public AlinkMessageIds(long first)
        {
            _next = first < 0 || first > MaxId ? 1 : first;
        }

        /// <summary>The id the next message gets.</summary>
        public long Peek
        {
            get { lock (_sync) { return _next; } }
        }

        public long Next()
        {
            lock (_sync)
            {
                long id = _next;
                _next = id >= MaxId ? 1 : id + 1;
                return id;
            }
        }
    }
}
