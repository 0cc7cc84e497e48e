namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// Where a connection reports what happened on it. The owner serializes the calls and drops them
    /// for a connection the application closed; every call comes from that connection's receive thread.
    /// </summary>
    internal interface IMqttConnectionEvents
    {
        void MessageReceived(MqttConnection source, string topic, byte[] payload, bool retained);

        void DeliveryCompleted(MqttConnection source, ushort packetId, bool delivered);

        void Subscribed(MqttConnection source, ushort packetId, byte[] grantedQos);

        void ConnectionLost(MqttConnection source, string reason);
    }
}
