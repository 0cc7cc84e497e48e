using IotDevice.Topics;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Alibaba Cloud IoT (Alink JSON) device topics (docs/alink.md §3). The parser takes the first row
    /// that matches, so fixed topics come before rows with an identifier, and
    /// <c>thing/service/{serviceId}_reply</c> comes before <c>thing/service/{serviceId}</c>: the
    /// <c>thing/service/+</c> subscription would otherwise route the device's own echoed replies as calls.
    /// </summary>
    public static class AlinkTopics
    {
        // The device's own tree, where most rows live, and its identity levels: joined to a row's text as
        // the rows are made (Sys, SysReply, AroundDevice) rather than stored in every row's text in the
        // .pe. The table asks for the rows when it is built, the first time it uses a row's text and for
        // its rarer questions (filters, why a topic matched no row), never for a topic it recognizes.
        private const string SysTree = "/sys/{productKey}/{deviceName}/";
        private const string DeviceLevels = "{productKey}/{deviceName}";

        public static readonly string[] IdentityNames = new string[] { "productKey", "deviceName" };

        // Where each is among IdentityNames (and so among a table's identity values).
        internal const int ProductKeyIndex = 0;
        internal const int DeviceNameIndex = 1;

        // One delegate for every table of this dialect, made when the assembly loads.
        private static readonly TopicDefinitionSource Source = Definitions;

        public static TopicDefinition[] Definitions()
        {
            return new TopicDefinition[]
            {
                TopicDefinition.Publish(TopicKind.PropertyPost, Sys("thing/event/property/post")),
                TopicDefinition.Subscribe(TopicKind.PropertyPostReply, SysReply("thing/event/property/post")),
                TopicDefinition.Publish(TopicKind.PropertyBatchPost, Sys("thing/event/property/batch/post")),
                TopicDefinition.Subscribe(TopicKind.PropertyBatchPostReply, SysReply("thing/event/property/batch/post")),
                TopicDefinition.Publish(TopicKind.PropertyHistoryPost, Sys("thing/event/property/history/post")),
                TopicDefinition.Subscribe(TopicKind.PropertyHistoryPostReply, SysReply("thing/event/property/history/post")),
                TopicDefinition.Subscribe(TopicKind.PropertySet, Sys("thing/service/property/set")),
                TopicDefinition.Publish(TopicKind.PropertySetReply, SysReply("thing/service/property/set")),
                TopicDefinition.Publish(TopicKind.PropertyGet, Sys("thing/property/desired/get")),
                TopicDefinition.Subscribe(TopicKind.PropertyGetReply, SysReply("thing/property/desired/get")),
                TopicDefinition.Publish(TopicKind.DesiredDelete, Sys("thing/property/desired/delete")),
                TopicDefinition.Subscribe(TopicKind.DesiredDeleteReply, SysReply("thing/property/desired/delete")),
                TopicDefinition.Publish(TopicKind.DeviceInfoPost, Sys("thing/deviceinfo/update")),
                TopicDefinition.Subscribe(TopicKind.DeviceInfoPostReply, SysReply("thing/deviceinfo/update")),
                TopicDefinition.Publish(TopicKind.DeviceInfoDelete, Sys("thing/deviceinfo/delete")),
                TopicDefinition.Subscribe(TopicKind.DeviceInfoDeleteReply, SysReply("thing/deviceinfo/delete")),
                TopicDefinition.Publish(TopicKind.ConfigGet, Sys("thing/config/get")),
                TopicDefinition.Subscribe(TopicKind.ConfigGetReply, SysReply("thing/config/get")),
                TopicDefinition.Subscribe(TopicKind.ConfigPush, Sys("thing/config/push")),
                TopicDefinition.Publish(TopicKind.ConfigPushReply, SysReply("thing/config/push")),
                TopicDefinition.Publish(TopicKind.OtaFirmwareGet, Sys("thing/ota/firmware/get")),
                TopicDefinition.Subscribe(TopicKind.OtaFirmwareGetReply, SysReply("thing/ota/firmware/get")),
                TopicDefinition.Publish(TopicKind.RawUp, Sys("thing/model/up_raw")),
                TopicDefinition.Recognize(TopicKind.RawUpReply, SysReply("thing/model/up_raw")),
                TopicDefinition.Recognize(TopicKind.RawDown, Sys("thing/model/down_raw")),
                TopicDefinition.Publish(TopicKind.RawDownReply, SysReply("thing/model/down_raw")),
                TopicDefinition.Publish(TopicKind.EventPost, Sys("thing/event/{eventId}/post")),
                TopicDefinition.Subscribe(TopicKind.EventPostReply, SysReply("thing/event/{eventId}/post")),
                TopicDefinition.Publish(TopicKind.CommandReply, SysReply("thing/service/{serviceId}")),
                TopicDefinition.Subscribe(TopicKind.Command, Sys("thing/service/{serviceId}")),
                TopicDefinition.Subscribe(TopicKind.SyncCommand, Sys("rrpc/request/{messageId}")),
                TopicDefinition.Publish(TopicKind.SyncCommandReply, Sys("rrpc/response/{messageId}")),
                TopicDefinition.Publish(TopicKind.NtpRequest, AroundDevice("/ext/ntp/", "/request")),
                TopicDefinition.Subscribe(TopicKind.NtpResponse, AroundDevice("/ext/ntp/", "/response")),
                TopicDefinition.Subscribe(TopicKind.ErrorNotice, AroundDevice("/ext/error/", "")),
                TopicDefinition.Publish(TopicKind.OtaInform, AroundDevice("/ota/device/inform/", "")),
                TopicDefinition.Subscribe(TopicKind.OtaPush, AroundDevice("/ota/device/upgrade/", "")),
                TopicDefinition.Publish(TopicKind.OtaProgress, AroundDevice("/ota/device/progress/", "")),
                new TopicDefinition(TopicKind.CustomTopic, TopicDirection.Both, AroundDevice("/", "/user/{name#}"), false),
            };
        }

        private static string Sys(string path)
        {
            return SysTree + path;
        }

        // A request's reply topic is the request's + "_reply": one text in the .pe serves both rows.
        private static string SysReply(string requestPath)
        {
            return SysTree + requestPath + "_reply";
        }

        // The rows outside /sys/: the identity levels between the text before and after them.
        private static string AroundDevice(string before, string after)
        {
            return before + DeviceLevels + after;
        }

        public static TopicTable Create(string productKey, string deviceName)
        {
            return new TopicTable(Dialect.Alink, Source, IdentityNames, new string[] { productKey, deviceName });
        }
    }
}
