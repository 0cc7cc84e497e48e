namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// Where a connection reports what happened on it. The owner serializes the calls and drops them
    /// for a connection the application closed; every call comes from that connection's receive thread.
    /// </summary>
    internal interface IMqttConnectionEvents
    {
        /// <summary>A PUBLISH arrived; its Payload is null when it was over the size limit and skipped.</summary>
        void MessageReceived(MqttConnection source, MqttInboundPublish publish);

        void DeliveryCompleted(MqttConnection source, ushort packetId, bool delivered);

        void Subscribed(MqttConnection source, ushort packetId, byte[] grantedQos);

        void ConnectionLost(MqttConnection source, string reason);
    }
}
