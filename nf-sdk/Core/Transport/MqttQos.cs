namespace IotDevice.Transport
{
    /// <summary>
    /// The MQTT delivery levels the SDK uses. QoS 2 is left out on purpose: Alibaba refuses it and no
    /// dialect needs it.
    /// </summary>
    public enum MqttQos : byte
    {
        AtMostOnce = 0,
        AtLeastOnce = 1,
    }
}
