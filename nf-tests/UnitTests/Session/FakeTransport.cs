using System;
using System.Collections;
using IotDevice.Transport;

namespace IotDevice.UnitTests.Session
{
    /// <summary>An in-memory IMqttTransport: records what the session sends and lets a test play the broker.</summary>
    internal sealed class FakeTransport : IMqttTransport
    {
        private readonly object _sync = new object();
        private readonly ArrayList _published = new ArrayList();
        private ushort _nextId;

        public event MqttMessageHandler MessageReceived;

        public event MqttDeliveryHandler DeliveryCompleted;

        public event MqttSubscribedHandler Subscribed;

        public event MqttConnectionLostHandler ConnectionLost;

        /// <summary>Result of the next connect attempts.</summary>
        public MqttConnectResult NextConnectResult = MqttConnectResult.Accepted;

        /// <summary>Acknowledge QoS 1 publishes at once (as a healthy broker would).</summary>
        public bool AutoAck = true;

        public int ConnectAttempts;

        public int Subscriptions;

        public MqttConnectOptions LastOptions;

        public bool IsConnected { get; private set; }

        public string LastError { get; private set; }

        /// <summary>Topics published on live connections, in order, as "topic|payload-as-text".</summary>
        public string[] Published()
        {
            lock (_sync)
            {
                string[] copy = new string[_published.Count];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = (string)_published[i];
                }
                return copy;
            }
        }

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            lock (_sync)
            {
                ConnectAttempts++;
                LastOptions = options;
                IsConnected = NextConnectResult == MqttConnectResult.Accepted;
                LastError = IsConnected ? null : "refused by the fake broker";
                return NextConnectResult;
            }
        }

        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            ushort id;
            lock (_sync)
            {
                RequireConnected();
                Subscriptions += filters.Length;
                id = NextId();
            }
            MqttSubscribedHandler handler = Subscribed;
            if (handler != null)
            {
                handler(id, new byte[filters.Length]);
            }
            return id;
        }

        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            if (topic == null || topic.Length == 0 || topic.IndexOf('#') >= 0 || topic.IndexOf('+') >= 0)
            {
                throw new ArgumentException("invalid topic");
            }
            ushort id;
            lock (_sync)
            {
                RequireConnected();
                _published.Add(topic + "|" + System.Text.Encoding.UTF8.GetString(payload, 0, length));
                id = qos == MqttQos.AtLeastOnce ? NextId() : (ushort)0;
            }
            if (id != 0 && AutoAck)
            {
                Acknowledge(id);
            }
            return id;
        }

        public void Disconnect()
        {
            lock (_sync)
            {
                IsConnected = false;
            }
        }

        /// <summary>The broker acknowledges a QoS 1 publish.</summary>
        public void Acknowledge(ushort id)
        {
            MqttDeliveryHandler handler = DeliveryCompleted;
            if (handler != null)
            {
                handler(id, true);
            }
        }

        /// <summary>The broker sends a message to the device.</summary>
        public void Deliver(string topic, byte[] payload)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(topic, payload, false);
            }
        }

        /// <summary>The link breaks.</summary>
        public void Drop(string reason)
        {
            lock (_sync)
            {
                IsConnected = false;
            }
            MqttConnectionLostHandler handler = ConnectionLost;
            if (handler != null)
            {
                handler(reason);
            }
        }

        private void RequireConnected()
        {
            if (!IsConnected)
            {
                throw new InvalidOperationException("not connected");
            }
        }

        private ushort NextId()
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
