namespace IotDevice.Topics
{
    /// <summary>
    /// What a topic means, named by feature so the three dialects share one vocabulary. A kind that
    /// carries a variable segment (an event, service or data-stream identifier, an RRPC message id,
    /// a custom topic name) reports it through <see cref="TopicMatch.ArgStart"/>.
    /// Direction is the device's: "Post" and "Reply" kinds are usually published, the others received;
    /// <see cref="TopicDefinition.Direction"/> says for each dialect.
    /// </summary>
    public enum TopicKind
    {
        None = 0,

        // Properties (attributes) reported by the device, and the platform's acknowledgement.
        PropertyPost = 1,
        PropertyPostReply = 2,
        PropertyBatchPost = 3,
        PropertyBatchPostReply = 4,
        PropertyHistoryPost = 5,
        PropertyHistoryPostReply = 6,

        // Properties set by the platform (Alink property/set, EZtCloud attributes_push).
        PropertySet = 7,
        PropertySetReply = 8,

        // The device pulls values kept by the platform (Alink desired/get, EZtCloud attributes_get).
        PropertyGet = 9,
        PropertyGetReply = 10,
        DesiredDelete = 11,
        DesiredDeleteReply = 12,

        // Events; Alink carries the event identifier in the topic.
        EventPost = 13,
        EventPostReply = 14,

        // Commands: FastBee function/get, Alink thing/service/{id}, EZtCloud command_send.
        Command = 15,
        CommandReply = 16,

        // Alink synchronous service call (RRPC); the message id is the variable segment.
        SyncCommand = 17,
        SyncCommandReply = 18,

        // Device information: FastBee info/post and info/get, Alink deviceinfo update/delete.
        DeviceInfoPost = 19,
        DeviceInfoPostReply = 20,
        DeviceInfoDelete = 21,
        DeviceInfoDeleteReply = 22,
        DeviceInfoRequest = 23,

        // FastBee real-time monitoring.
        MonitorRequest = 24,
        MonitorPost = 25,

        // Time synchronisation over MQTT.
        NtpRequest = 26,
        NtpResponse = 27,

        // Firmware update.
        OtaPush = 28,
        OtaPushLegacy = 29,
        OtaReply = 30,
        OtaInform = 31,
        OtaProgress = 32,
        OtaFirmwareGet = 33,
        OtaFirmwareGetReply = 34,

        // Alink remote configuration.
        ConfigGet = 35,
        ConfigGetReply = 36,
        ConfigPush = 37,
        ConfigPushReply = 38,

        // Pass-through and custom data.
        RawUp = 39,
        RawUpReply = 40,
        RawDown = 41,
        RawDownReply = 42,
        CustomTopic = 43,
        DataPost = 44,
        DataSet = 45,

        // Alink error notices.
        ErrorNotice = 46,

        // FastBee topics deprecated since 2.x, still recognised.
        FunctionPostDeprecated = 47,
        PropertyGetDeprecated = 48,
        PropertyOnlineGetDeprecated = 49,
        FunctionOnlineGetDeprecated = 50,
    }
}
