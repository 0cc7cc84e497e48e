namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// What only EZtCloud has to count. Messages in and out, rejections and timeouts are the session's
    /// (client.Session.Counters); how each report ended is its Outcome. Read at any time from any thread
    /// (the dialect counts with <see cref="System.Threading.Interlocked"/>). Plain fields, as the SDK's
    /// other data: on the device a property costs a method and its name in flash.
    /// </summary>
    public sealed class EztCloudCounters
    {
        /// <summary>Attribute reports merged into a later one because they came within the minimum interval.</summary>
        public int Coalesced;

        /// <summary>Responses with error_code −1 ("Device message frequency too fast"): reports the platform ignored.</summary>
        public int Throttled;

        /// <summary>Report responses that found no outstanding report to match.</summary>
        public int UnmatchedResponses;
    }
}
