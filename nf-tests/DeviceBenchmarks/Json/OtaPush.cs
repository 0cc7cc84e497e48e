namespace IotDevice.DeviceBenchmarks.Json
{
    // The shape nanoFramework.Json fills by reflection. Its members are matched by exact name, so they
    // carry the JSON's own (lower-case) names; members the push has and these lack are skipped.

    /// <summary>An Alink OTA push as nanoFramework.Json deserializes it.</summary>
    public sealed class OtaPush
    {
        public string code;
        public OtaPushData data;
        public string id;
        public string message;
    }

    /// <summary>The push's <c>data</c> object: the fields an update needs.</summary>
    public sealed class OtaPushData
    {
        public long size;
        public string version;
        public string url;
    }
}
