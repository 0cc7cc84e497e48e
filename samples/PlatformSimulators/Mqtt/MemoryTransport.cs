using System;
using IotDevice.Transport;

namespace IotDevice.Platforms.Mqtt
{
    /// <summary>
    /// An <see cref="IMqttTransport"/> connected to a <see cref="MemoryBroker"/> in the same process. It
    /// keeps the seam's contract: Connect reports failures as results, Publish/Subscribe return packet ids
    /// at once and throw for invalid topics or when not connected, and its listener is called on the
    /// transport's own thread, one call at a time.
    /// </summary>
    public sealed class MemoryTransport : IMqttTransport, IDisposable
    {
        private readonly object _gate = new object();
        private readonly MemoryBroker _broker;
        private readonly TransportEvents _events = new TransportEvents("memory-mqtt");
        private readonly Subscriptions _subscriptions = new Subscriptions();
        private ushort _nextId;
        private bool _connected;
        private int _connection;

        public MemoryTransport(MemoryBroker broker)
        {
            _broker = broker ?? throw new ArgumentNullException(nameof(broker));
        }

        private volatile IMqttTransportListener _listener;

        public void Listen(IMqttTransportListener listener) => _listener = listener;

        public bool IsConnected
        {
            get { lock (_gate) { return _connected; } }
        }

        public string LastError { get; private set; }

        public string ClientId { get; private set; }

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            if (options == null || string.IsNullOrEmpty(options.ClientId))
            {
                LastError = "a client id is required";
                return MqttConnectResult.InvalidOptions;
            }
            lock (_gate)
            {
                _connected = false;
                _subscriptions.Clear();
                ClientId = options.ClientId;
            }
            MqttConnectResult result = _broker.Connect(this, options);
            lock (_gate)
            {
                _connected = result == MqttConnectResult.Accepted;
                _connection++;
            }
            LastError = result == MqttConnectResult.Accepted ? null : "the broker refused the connection (CONNACK " + (int)result + ")";
            return result;
        }

        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            if (filters == null || qos == null || filters.Length == 0 || filters.Length != qos.Length)
            {
                throw new ArgumentException("Subscribe needs one QoS per filter.");
            }
            foreach (string filter in filters)
            {
                Subscriptions.Check(filter);
            }
            ushort id = NextId();
            _broker.Subscribe(this, filters, qos, id);
            return id;
        }

        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            CheckTopic(topic);
            ushort id = qos == MqttQos.AtMostOnce ? (ushort)0 : NextId();
            byte[] copy = new byte[length];
            Array.Copy(payload ?? Array.Empty<byte>(), copy, length);
            _broker.Publish(this, topic, copy, qos, retain, id);
            return id;
        }

        public void Disconnect()
        {
            lock (_gate)
            {
                _connected = false;
                _subscriptions.Clear();
            }
            _broker.Remove(this);
        }

        /// <summary>Ends the connection as a network failure would: ConnectionLost follows (once).</summary>
        public void Lose(string reason)
        {
            lock (_gate)
            {
                if (!_connected)
                {
                    return;
                }
                _connected = false;
                _subscriptions.Clear();
            }
            _broker.Remove(this);
            LastError = reason;
            _events.Raise(() => _listener?.ConnectionLost(reason));
        }

        public void Dispose()
        {
            Disconnect();
            _events.Dispose();
        }

        internal void AddSubscription(string filter, MqttQos qos) => _subscriptions.Add(filter, qos);

        internal bool IsSubscribedTo(string topic) => IsConnected && _subscriptions.Match(topic);

        /// <summary>Queues an event for this connection; dropped if the connection ends before it runs.</summary>
        internal void Deliver(Action raise)
        {
            int connection;
            lock (_gate)
            {
                connection = _connection;
            }
            _events.Raise(() =>
            {
                bool current;
                lock (_gate)
                {
                    current = _connected && _connection == connection;
                }
                if (current)
                {
                    raise();
                }
            });
        }

        internal void RaiseMessage(string topic, byte[] payload, bool retained) => _listener?.MessageReceived(topic, payload, retained);

        internal void RaiseDelivered(ushort packetId) => _listener?.DeliveryCompleted(packetId, true);

        internal void RaiseSubscribed(ushort packetId, byte[] granted) => _listener?.Subscribed(packetId, granted);

        private ushort NextId()
        {
            lock (_gate)
            {
                if (!_connected)
                {
                    throw new InvalidOperationException("Not connected.");
                }
                _nextId = (ushort)(_nextId == ushort.MaxValue ? 1 : _nextId + 1);
                return _nextId;
            }
        }

        private void CheckTopic(string topic)
        {
            Subscriptions.CheckTopic(topic);
            if (!IsConnected)
            {
                throw new InvalidOperationException("Not connected.");
            }
        }
    }
}
