namespace IotDevice.Host.Mqtt
{
    /// <summary>MQTT 3.1.1 control packet types: the high nibble of the fixed header (spec 2.2.1).</summary>
    internal enum MqttPacketType : byte
    {
        Reserved0 = 0,
        Connect = 1,
        ConnAck = 2,
        Publish = 3,
        PubAck = 4,
        PubRec = 5,
        PubRel = 6,
        PubComp = 7,
        Subscribe = 8,
        SubAck = 9,
        Unsubscribe = 10,
        UnsubAck = 11,
        PingReq = 12,
        PingResp = 13,
        Disconnect = 14,
        Reserved15 = 15,
    }
}
