namespace IotDevice.Dialects
{
    /// <summary>The IoT-platform MQTT dialects the SDK speaks.</summary>
    public enum Dialect
    {
        None = 0,

        /// <summary>FastBee: <c>/{productId}/{deviceNum}/…</c> topics, item-array payloads.</summary>
        FastBee = 1,

        /// <summary>Alibaba Cloud IoT Platform, Alink JSON.</summary>
        Alink = 2,

        /// <summary>EZtCloud: <c>attributes/{username}</c>, <c>command_send/{username}</c>, …</summary>
        EztCloud = 3,
    }
}
