using IotDevice.Topics;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// FastBee's device topics (docs/fastbee.md §3): every topic is <c>/{productId}/{deviceNum}/name/verb</c>.
    /// Both OTA push topics are subscribed (<c>upgrade/get</c> new, <c>ota/get</c> old); topics deprecated
    /// since 2.x are still recognised but not subscribed.
    /// </summary>
    public static class FastBeeTopics
    {
        private const string Prefix = "/{productId}/{deviceNum}/";

        public static readonly string[] IdentityNames = new string[] { "productId", "deviceNum" };

        // Where each is among IdentityNames (and so among a table's identity values).
        internal const int ProductIdIndex = 0;
        internal const int DeviceNumIndex = 1;

        // One delegate for every table of this dialect, made when the assembly loads.
        private static readonly TopicDefinitionSource Source = Definitions;

        public static TopicDefinition[] Definitions()
        {
            return new TopicDefinition[]
            {
                TopicDefinition.Publish(TopicKind.PropertyPost, Prefix + "property/post"),
                TopicDefinition.Publish(TopicKind.EventPost, Prefix + "event/post"),
                TopicDefinition.Publish(TopicKind.MonitorPost, Prefix + "monitor/post"),
                TopicDefinition.Publish(TopicKind.DeviceInfoPost, Prefix + "info/post"),
                TopicDefinition.Publish(TopicKind.NtpRequest, Prefix + "ntp/post"),
                TopicDefinition.Publish(TopicKind.OtaReply, Prefix + "upgrade/reply"),
                TopicDefinition.Subscribe(TopicKind.Command, Prefix + "function/get"),
                TopicDefinition.Subscribe(TopicKind.DeviceInfoRequest, Prefix + "info/get"),
                TopicDefinition.Subscribe(TopicKind.NtpResponse, Prefix + "ntp/get"),
                TopicDefinition.Subscribe(TopicKind.MonitorRequest, Prefix + "monitor/get"),
                TopicDefinition.Subscribe(TopicKind.OtaPush, Prefix + "upgrade/get"),
                TopicDefinition.Subscribe(TopicKind.OtaPushLegacy, Prefix + "ota/get"),
                TopicDefinition.Publish(TopicKind.FunctionPostDeprecated, Prefix + "function/post"),
                TopicDefinition.Recognize(TopicKind.PropertyGetDeprecated, Prefix + "property/get"),
                TopicDefinition.Recognize(TopicKind.PropertyOnlineGetDeprecated, Prefix + "property-online/get"),
                TopicDefinition.Recognize(TopicKind.FunctionOnlineGetDeprecated, Prefix + "function-online/get"),
            };
        }

        /// <summary>
        /// The table for one device. The device number also goes into the client id
        /// (<c>S&amp;deviceNum&amp;productId&amp;userId</c>), so '&amp;' is refused as well as the MQTT
        /// separators, wildcards and blanks.
        /// </summary>
        public static TopicTable Create(string productId, string deviceNum)
        {
            FastBeeOptions.CheckIdentity("ProductId", productId);
            FastBeeOptions.CheckIdentity("DeviceNum", deviceNum);
            return new TopicTable(Dialect.FastBee, Source, IdentityNames, new string[] { productId, deviceNum });
        }
    }
}
