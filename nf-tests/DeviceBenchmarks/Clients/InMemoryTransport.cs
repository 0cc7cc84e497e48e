using System;
using IotDevice.Transport;

namespace IotDevice.DeviceBenchmarks.Clients
{
    /// <summary>
    /// A broker in memory that keeps nothing: it accepts the connection, grants every subscription,
    /// acknowledges QoS 1 publishes at once and only counts what the device sends, so the heap a
    /// client holds is the client's own. Downlinks are handed over on the caller's thread.
    /// </summary>
    internal sealed class InMemoryTransport : IMqttTransport
    {
        private readonly object _sync = new object();
        private ushort _nextId;
        private int _published;

        public event MqttMessageHandler MessageReceived;

        public event MqttDeliveryHandler DeliveryCompleted;

        public event MqttSubscribedHandler Subscribed;

        /// <summary>This link never breaks, so it keeps no handler.</summary>
        public event MqttConnectionLostHandler ConnectionLost
        {
            add { }
            remove { }
        }

        public bool IsConnected { get; private set; }

        public string LastError
        {
            get { return null; }
        }

        public int Published
        {
            get { lock (_sync) { return _published; } }
        }

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            IsConnected = true;
            return MqttConnectResult.Accepted;
        }

        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            ushort id = NextId();
            MqttSubscribedHandler handler = Subscribed;
            if (handler != null)
            {
                handler(id, new byte[filters.Length]);
            }
            return id;
        }

        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            if (!IsConnected)
            {
                throw new InvalidOperationException("not connected");
            }
            lock (_sync)
            {
                _published++;
            }
            if (qos == MqttQos.AtMostOnce)
            {
                return 0;
            }
            ushort id = NextId();
            MqttDeliveryHandler handler = DeliveryCompleted;
            if (handler != null)
            {
                handler(id, true);
            }
            return id;
        }

        public void Disconnect()
        {
            IsConnected = false;
        }

        /// <summary>The platform sends the device a message.</summary>
        public void Deliver(string topic, byte[] payload)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(topic, payload, false);
            }
        }

        private ushort NextId()
        {
            lock (_sync)
            {
                _nextId++;
                if (_nextId == 0)
                {
                    _nextId = 1;
                }
                return _nextId;
            }
        }
    }
}
