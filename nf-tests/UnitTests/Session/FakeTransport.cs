using System;
using System.Collections;
using System.Text;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// An in-memory IMqttTransport: records what the device publishes, byte for byte, and lets a test
    /// play the broker (deliver, redeliver, acknowledge, refuse, drop the link). Like the host transport,
    /// it tells inbound packet ids and the DUP flag. Shared by the session and dialect tests.
    /// </summary>
    internal sealed class FakeTransport : IMqttTransport
    {
        private readonly object _sync = new object();
        private readonly ArrayList _topics = new ArrayList();
        private readonly ArrayList _payloads = new ArrayList();
        private ushort _nextId;
        private ushort _nextInboundId;

        private IMqttTransportListener _listener;

        public void Listen(IMqttTransportListener listener)
        {
            _listener = listener;
        }

        /// <summary>SUBACKs still to be lost (never raised), one per SUBSCRIBE.</summary>
        public int SubAcksToLose;

        /// <summary>Result of the next connect attempts.</summary>
        public MqttConnectResult NextConnectResult = MqttConnectResult.Accepted;

        /// <summary>Acknowledge QoS 1 publishes at once (as a healthy broker would).</summary>
        public bool AutoAck = true;

        public int ConnectAttempts;

        /// <summary>Filters subscribed so far, over all connections.</summary>
        public int Subscriptions;

        public MqttConnectOptions LastOptions;

        public string[] LastFilters;

        public MqttQos LastFilterQos;

        public bool IsConnected { get; private set; }

        public string LastError { get; private set; }

        /// <summary>Messages published on live connections.</summary>
        public int Count
        {
            get { lock (_sync) { return _topics.Count; } }
        }

        /// <summary>Everything published, in order, as "topic|payload-as-text".</summary>
        public string[] Published()
        {
            lock (_sync)
            {
                string[] copy = new string[_topics.Count];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = (string)_topics[i] + "|" + TextOf((byte[])_payloads[i]);
                }
                return copy;
            }
        }

        public string TopicAt(int index)
        {
            lock (_sync)
            {
                return (string)_topics[index];
            }
        }

        /// <summary>The exact bytes of message <paramref name="index"/>.</summary>
        public byte[] PayloadAt(int index)
        {
            lock (_sync)
            {
                return (byte[])_payloads[index];
            }
        }

        public string TextAt(int index)
        {
            return TextOf(PayloadAt(index));
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
            return payload == null ? null : TextOf(payload);
        }

        public void Clear()
        {
            lock (_sync)
            {
                _topics.Clear();
                _payloads.Clear();
            }
        }

        /// <summary>When set, Connect counts the attempt and then waits for the gate, as a link that hangs does.</summary>
        public ManualResetEvent ConnectGate;

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            ManualResetEvent gate = ConnectGate;
            lock (_sync)
            {
                ConnectAttempts++;
            }
            if (gate != null)
            {
                gate.WaitOne();
            }
            lock (_sync)
            {
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
                LastFilters = filters;
                LastFilterQos = qos[0];
                id = NextId();
            }
            IMqttTransportListener listener = _listener;
            if (SubAcksToLose > 0)
            {
                SubAcksToLose--;
            }
            else if (listener != null)
            {
                listener.Subscribed(id, new byte[filters.Length]);
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
                byte[] copy = new byte[length];
                Array.Copy(payload, copy, length);
                _topics.Add(topic);
                _payloads.Add(copy);
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
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.DeliveryCompleted(id, true);
            }
        }

        /// <summary>The broker sends a message to the device (at QoS 1, under a new packet id; see LastInboundId).</summary>
        public void Deliver(string topic, byte[] payload)
        {
            ushort id;
            lock (_sync)
            {
                _nextInboundId++;
                id = _nextInboundId;
            }
            Raise(topic, payload, payload.Length, id, false);
        }

        /// <summary>The packet id of the last message delivered.</summary>
        public ushort LastInboundId
        {
            get { lock (_sync) { return _nextInboundId; } }
        }

        /// <summary>The broker delivers a message again after a reconnect: the same packet id, DUP set.</summary>
        public void Redeliver(string topic, string json, ushort packetId)
        {
            byte[] payload = Encoding.UTF8.GetBytes(json);
            Raise(topic, payload, payload.Length, packetId, true);
        }

        /// <summary>A message larger than the transport takes: only its topic and size are told.</summary>
        public void DeliverOversized(string topic, int length)
        {
            Raise(topic, null, length, 0, false);
        }

        private void Raise(string topic, byte[] payload, int length, ushort packetId, bool duplicate)
        {
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.PublishReceived(topic, payload, length, false, packetId, duplicate);
            }
        }

        public void Deliver(string topic, string json)
        {
            Deliver(topic, Encoding.UTF8.GetBytes(json));
        }

        /// <summary>The link breaks.</summary>
        public void Drop(string reason)
        {
            lock (_sync)
            {
                IsConnected = false;
            }
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.ConnectionLost(reason);
            }
        }

        public void Drop()
        {
            Drop("dropped by the test");
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

        private static string TextOf(byte[] payload)
        {
            return Encoding.UTF8.GetString(payload, 0, payload.Length);
        }
    }
}
