using System;
using IotDevice.Transport;

namespace IotDevice.Platforms.Mqtt
{
    /// <summary>
    /// A transport's listener made of delegates, for host code that uses a transport as a plain MQTT
    /// client (the platform simulators, tests): set the ones wanted, leave the rest null.
    /// <see cref="OnMessage"/> gets every message that has a payload, however the transport tells it;
    /// <see cref="OnPublish"/> gets what a transport tells with packet details, oversized ones included.
    /// </summary>
    public sealed class TransportCallbacks : IMqttTransportListener
    {
        public Action<string, byte[], bool> OnMessage;

        public Action<string, byte[], int, bool, ushort, bool> OnPublish;

        public Action<ushort, bool> OnDelivery;

        public Action<ushort, byte[]> OnSubscribed;

        public Action<string> OnLost;

        void IMqttTransportListener.MessageReceived(string topic, byte[] payload, bool retained)
        {
            OnMessage?.Invoke(topic, payload, retained);
        }

        void IMqttTransportListener.PublishReceived(string topic, byte[] payload, int length, bool retained, ushort packetId, bool duplicate)
        {
            OnPublish?.Invoke(topic, payload, length, retained, packetId, duplicate);
            if (payload != null)
            {
                OnMessage?.Invoke(topic, payload, retained);
            }
        }

        void IMqttTransportListener.DeliveryCompleted(ushort messageId, bool delivered)
        {
            OnDelivery?.Invoke(messageId, delivered);
        }

        void IMqttTransportListener.Subscribed(ushort messageId, byte[] grantedQos)
        {
            OnSubscribed?.Invoke(messageId, grantedQos);
        }

        void IMqttTransportListener.ConnectionLost(string reason)
        {
            OnLost?.Invoke(reason);
        }
    }
}
