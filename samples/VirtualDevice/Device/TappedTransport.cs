using System;
using IotDevice.Transport;

namespace IotDevice.VirtualDevice.Device
{
    /// <summary>
    /// Wraps the device's transport to show the conversation: every PUBLISH the SDK makes and every
    /// message it receives go to the tap, whatever the transport underneath (in-process or real broker).
    /// </summary>
    internal sealed class TappedTransport : IMqttTransport, IMqttTransportListener
    {
        private readonly IMqttTransport _inner;
        private readonly Action<string, byte[], int> _sent;
        private readonly Action<string, byte[]> _received;
        private volatile IMqttTransportListener _listener;

        public TappedTransport(IMqttTransport inner, Action<string, byte[], int> sent, Action<string, byte[]> received)
        {
            _inner = inner;
            _sent = sent;
            _received = received;
            _inner.Listen(this);
        }

        public void Listen(IMqttTransportListener listener) => _listener = listener;

        public bool IsConnected => _inner.IsConnected;

        public string LastError => _inner.LastError;

        public MqttConnectResult Connect(MqttConnectOptions options) => _inner.Connect(options);

        public ushort Subscribe(string[] filters, MqttQos[] qos) => _inner.Subscribe(filters, qos);

        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            ushort id = _inner.Publish(topic, payload, length, qos, retain);
            _sent(topic, payload, length);
            return id;
        }

        public void Disconnect() => _inner.Disconnect();

        void IMqttTransportListener.MessageReceived(string topic, byte[] payload, bool retained)
        {
            _received(topic, payload);
            _listener?.MessageReceived(topic, payload, retained);
        }

        void IMqttTransportListener.PublishReceived(string topic, byte[] payload, int length, bool retained, ushort packetId, bool duplicate)
        {
            if (payload != null)
            {
                _received(topic, payload);
            }
            _listener?.PublishReceived(topic, payload, length, retained, packetId, duplicate);
        }

        void IMqttTransportListener.DeliveryCompleted(ushort messageId, bool delivered) => _listener?.DeliveryCompleted(messageId, delivered);

        void IMqttTransportListener.Subscribed(ushort messageId, byte[] grantedQos) => _listener?.Subscribed(messageId, grantedQos);

        void IMqttTransportListener.ConnectionLost(string reason) => _listener?.ConnectionLost(reason);
    }
}
