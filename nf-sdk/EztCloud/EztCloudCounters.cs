namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// What only EZtCloud has to count. Messages in and out, rejections and timeouts are the session's
    /// (client.Session.Counters); how each report ended is its Outcome.
    /// </summary>
    public sealed class EztCloudCounters
    {
        // Shared by every dialect's counters: each count takes a few instructions under it.
        private static readonly object Sync = new object();

        private long _coalesced;
        private long _throttled;
        private long _unmatched;

        /// <summary>Attribute reports merged into a later one because they came within the minimum interval.</summary>
        public long Coalesced { get { lock (Sync) { return _coalesced; } } }

        /// <summary>Responses with error_code −1 ("Device message frequency too fast"): reports the platform ignored.</summary>
        public long Throttled { get { lock (Sync) { return _throttled; } } }

        /// <summary>Report responses that found no outstanding report to match.</summary>
        public long UnmatchedResponses { get { lock (Sync) { return _unmatched; } } }

        internal void AddCoalesced() { lock (Sync) { _coalesced++; } }

        internal void AddResponse(long errorCode, bool matched)
        {
            lock (Sync)
            {
                if (errorCode == EztCloudResponse.Throttled)
                {
                    _throttled++;
                }
                if (!matched)
                {
                    _unmatched++;
                }
            }
        }
    }
}
