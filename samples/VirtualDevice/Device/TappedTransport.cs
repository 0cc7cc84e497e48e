using System;
using IotDevice.Transport;

namespace IotDevice.VirtualDevice.Device
{
    /// <summary>
    /// Wraps the device's transport to show the conversation: every PUBLISH the SDK makes and every
    /// message it receives go to the tap, whatever the transport underneath (in-process or real broker).
    /// </summary>
    internal sealed class TappedTransport : IMqttTransport
    {
        private readonly IMqttTransport _inner;
        private readonly Action<string, byte[], int> _sent;
        private readonly Action<string, byte[]> _received;

        public TappedTransport(IMqttTransport inner, Action<string, byte[], int> sent, Action<string, byte[]> received)
        {
            _inner = inner;
            _sent = sent;
            _received = received;
            _inner.MessageReceived += (topic, payload, retained) =>
            {
                _received(topic, payload);
                MessageReceived?.Invoke(topic, payload, retained);
            };
            _inner.DeliveryCompleted += (id, delivered) => DeliveryCompleted?.Invoke(id, delivered);
            _inner.Subscribed += (id, granted) => Subscribed?.Invoke(id, granted);
            _inner.ConnectionLost += reason => ConnectionLost?.Invoke(reason);
        }

        public event MqttMessageHandler MessageReceived;

        public event MqttDeliveryHandler DeliveryCompleted;

        public event MqttSubscribedHandler Subscribed;

        public event MqttConnectionLostHandler ConnectionLost;

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
    }
}
