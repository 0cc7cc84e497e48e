using System;
using System.Collections;
using System.Text;
using IotDevice.Transport;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>
    /// An in-memory broker link that keeps every published payload byte for byte (the shared
    /// FakeTransport keeps text, which binary data streams cannot survive), and lets a test play the platform.
    /// </summary>
    internal sealed class RecordingTransport : IMqttTransport
    {
        private readonly object _sync = new object();
        private readonly ArrayList _topics = new ArrayList();
        private readonly ArrayList _payloads = new ArrayList();
        private ushort _nextId;

        public event MqttMessageHandler MessageReceived;

        public event MqttDeliveryHandler DeliveryCompleted;

        public event MqttSubscribedHandler Subscribed;

        public event MqttConnectionLostHandler ConnectionLost;

        public MqttConnectOptions LastOptions;

        public string[] LastFilters;

        public MqttQos LastFilterQos;

        public int Connects;

        /// <summary>While set, connect attempts fail as if the broker were down.</summary>
        public bool Refuse;

        public bool IsConnected { get; private set; }

        public string LastError
        {
            get { return null; }
        }

        public int Count
        {
            get { lock (_sync) { return _topics.Count; } }
        }

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            lock (_sync)
            {
                LastOptions = options;
                Connects++;
                IsConnected = !Refuse;
            }
            return Refuse ? MqttConnectResult.NetworkError : MqttConnectResult.Accepted;
        }

        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            ushort id;
            lock (_sync)
            {
                LastFilters = filters;
                LastFilterQos = qos[0];
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
                if (!IsConnected)
                {
                    throw new InvalidOperationException("not connected");
                }
                byte[] copy = new byte[length];
                Array.Copy(payload, copy, length);
                _topics.Add(topic);
                _payloads.Add(copy);
                id = qos == MqttQos.AtLeastOnce ? NextId() : (ushort)0;
            }
            MqttDeliveryHandler handler = DeliveryCompleted;
            if (id != 0 && handler != null)
            {
                handler(id, true);
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

        /// <summary>The platform sends bytes to the device.</summary>
        public void Deliver(string topic, byte[] payload)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(topic, payload, false);
            }
        }

        public void Deliver(string topic, string json)
        {
            Deliver(topic, Encoding.UTF8.GetBytes(json));
        }

        /// <summary>The link breaks.</summary>
        public void Drop()
        {
            lock (_sync)
            {
                IsConnected = false;
            }
            MqttConnectionLostHandler handler = ConnectionLost;
            if (handler != null)
            {
                handler("dropped by the test");
            }
        }

        public string TopicAt(int index)
        {
            lock (_sync)
            {
                return (string)_topics[index];
            }
        }

        public byte[] PayloadAt(int index)
        {
            lock (_sync)
            {
                return (byte[])_payloads[index];
            }
        }

        public string TextAt(int index)
        {
            byte[] payload = PayloadAt(index);
            return Encoding.UTF8.GetString(payload, 0, payload.Length);
        }

        /// <summary>How many messages went to <paramref name="topic"/>.</summary>
        public int CountOn(string topic)
        {
            lock (_sync)
            {
                int count = 0;
                for (int i = 0; i < _topics.Count; i++)
                {
                    if ((string)_topics[i] == topic)
                    {
                        count++;
                    }
                }
                return count;
            }
        }

        /// <summary>The last payload sent to <paramref name="topic"/>, or null.</summary>
        public byte[] LastOn(string topic)
        {
            lock (_sync)
            {
                for (int i = _topics.Count - 1; i >= 0; i--)
                {
                    if ((string)_topics[i] == topic)
                    {
                        return (byte[])_payloads[i];
                    }
                }
                return null;
            }
        }

        public string LastTextOn(string topic)
        {
            byte[] payload = LastOn(topic);
            return payload == null ? null : Encoding.UTF8.GetString(payload, 0, payload.Length);
        }

        public void Clear()
        {
            lock (_sync)
            {
                _topics.Clear();
                _payloads.Clear();
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
