using System;
using System.Threading;
using IotDevice.Platforms.Mqtt;
using IotDevice.Transport;

namespace IotDevice.Platforms.Endpoint
{
    /// <summary>
    /// The platform's seat inside the <see cref="EmbeddedBroker"/>: an <see cref="IMqttTransport"/> that is
    /// not a network client. It receives the devices' publishes that match its subscriptions and injects its
    /// own into the broker, which delivers them to the subscribed devices. So a platform simulator runs
    /// unchanged inside a broker that real boards connect to. Its listener is called on the link's own thread.
    /// </summary>
    public sealed class BrokerLink : IMqttTransport, IDisposable
    {
        private readonly Action<string, byte[], MqttQos, bool> _inject;
        private readonly TransportEvents _events = new TransportEvents("platform-link");
        private readonly Subscriptions _subscriptions = new Subscriptions();
        private int _nextId;
        private volatile bool _connected;

        internal BrokerLink(Action<string, byte[], MqttQos, bool> inject)
        {
            _inject = inject;
        }

        private volatile IMqttTransportListener _listener;

        public void Listen(IMqttTransportListener listener) => _listener = listener;

        public bool IsConnected => _connected;

        public string LastError { get; private set; }

        /// <summary>Always accepted: the platform is part of the broker.</summary>
        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            _subscriptions.Clear();
            _connected = true;
            return MqttConnectResult.Accepted;
        }

        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            if (filters == null || qos == null || filters.Length == 0 || filters.Length != qos.Length)
            {
                throw new ArgumentException("Subscribe needs one QoS per filter.");
            }
            RequireConnected();
            var granted = new byte[filters.Length];
            for (int i = 0; i < filters.Length; i++)
            {
                Subscriptions.Check(filters[i]);
                _subscriptions.Add(filters[i], qos[i]);
                granted[i] = (byte)qos[i];
            }
            ushort id = NextId();
            _events.Raise(() => _listener?.Subscribed(id, granted));
            return id;
        }

        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            Subscriptions.CheckTopic(topic);
            RequireConnected();
            byte[] copy = new byte[length];
            Array.Copy(payload ?? Array.Empty<byte>(), copy, length);
            try
            {
                _inject(topic, copy, qos, retain);
            }
            catch (Exception e) when (e is InvalidOperationException || e is ObjectDisposedException)
            {
                LastError = "the broker is stopping: " + e.Message;
                throw new InvalidOperationException(LastError, e);
            }
            if (qos == MqttQos.AtMostOnce)
            {
                return 0;
            }
            ushort id = NextId();
            _events.Raise(() => _listener?.DeliveryCompleted(id, true));
            return id;
        }

        public void Disconnect()
        {
            _connected = false;
            _subscriptions.Clear();
        }

        public void Dispose()
        {
            Disconnect();
            _events.Dispose();
        }

        /// <summary>A device's publish, handed over by the broker; kept when a subscription matches.</summary>
        internal void Deliver(string topic, byte[] payload, bool retained)
        {
            if (_connected && _subscriptions.Match(topic))
            {
                _events.Raise(() => _listener?.MessageReceived(topic, payload, retained));
            }
        }

        /// <summary>The broker stopped: the platform has lost its seat.</summary>
        internal void Lose(string reason)
        {
            if (!_connected)
            {
                return;
            }
            Disconnect();
            LastError = reason;
            _events.Raise(() => _listener?.ConnectionLost(reason));
        }

        private void RequireConnected()
        {
            if (!_connected)
            {
                throw new InvalidOperationException("Not connected.");
            }
        }

        private ushort NextId()
        {
            int next = Interlocked.Increment(ref _nextId);
            return (ushort)(next % ushort.MaxValue + 1);
        }
    }
}
