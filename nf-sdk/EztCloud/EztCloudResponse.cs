using IotDevice.Json;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>Which platform answer an <see cref="EztCloudResponse"/> is.</summary>
    public enum EztCloudResponseKind
    {
        /// <summary><c>attributes_response</c>: the answer to an attribute report.</summary>
        AttributesReport = 1,

        /// <summary><c>event_response</c>: the answer to an event report.</summary>
        EventReport = 2,

        /// <summary><c>attributes_get_response</c>: the values asked for with GetAttributes.</summary>
        AttributesGet = 3,
    }

    /// <summary>
    /// A platform answer: <c>{"error_code":0,"error_msg":"OK","ts":…}</c>, plus the <c>attributes</c>
    /// object for a get. Valid only during the event call: <see cref="Attributes"/> points into the
    /// received bytes.
    /// </summary>
    public sealed class EztCloudResponse
    {
        /// <summary>The only failure code the platform documents: "Device message frequency too fast".</summary>
        public const long Throttled = -1;

        // The rest of the answer read from root, whose error_code the caller has read.
        internal EztCloudResponse(EztCloudResponseKind kind, JsonElement root, long errorCode, long sequence, JsonElement attributes)
        {
            Kind = kind;
            ErrorCode = errorCode;
            ErrorMessage = EztCloudMessages.Text(root.Get("error_msg"));
            root.TryGetInt64("ts", out Timestamp);
            Sequence = sequence;
            Attributes = attributes;
        }

        public readonly EztCloudResponseKind Kind;

        /// <summary>0 = accepted; anything else = refused (−1: too frequent, the report was ignored).</summary>
        public readonly long ErrorCode;

        public readonly string ErrorMessage;

        /// <summary>The platform's time (Unix ms); 0 when absent.</summary>
        public readonly long Timestamp;

        /// <summary>
        /// For report answers: which report it answers — the n-th attribute (or event) report this dialect
        /// sent, matched in publish order; 0 when no outstanding report was waiting (unmatched).
        /// </summary>
        public readonly long Sequence;

        /// <summary>For <see cref="EztCloudResponseKind.AttributesGet"/>: the attributes object (kind None if absent).</summary>
        public readonly JsonElement Attributes;

        public bool Succeeded
        {
            get { return ErrorCode == 0; }
        }
    }

    /// <summary>A platform answer arrived.</summary>
    public delegate void EztCloudResponseHandler(EztCloudResponse response);

    /// <summary>
    /// Bytes arrived on a custom data stream (<c>data_set/{username}/{identifier}</c>), exactly as sent:
    /// JSON, text or binary. <paramref name="identifier"/> may have sub-levels ("line-1/modbus").
    /// </summary>
    public delegate void DataStreamHandler(string identifier, byte[] payload);

    /// <summary>The platform answered an OTA check with <c>upgrade:false</c>: nothing is pending.</summary>
    public delegate void NoUpdateHandler(string module, string version);
}
