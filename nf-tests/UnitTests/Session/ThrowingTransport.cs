using System;
using IotDevice.Transport;

namespace IotDevice.UnitTests.Session
{
    /// <summary>A transport that breaks its contract the way a device library can: its exception to throw.</summary>
    internal sealed class TransportBrokeException : Exception
    {
        public TransportBrokeException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// An in-memory transport (plain IMqttTransport, no packet details) whose calls throw, as many times
    /// as a test says, an exception its contract does not name. Otherwise a healthy broker: connects,
    /// grants subscriptions and acknowledges QoS 1 at once.
    /// </summary>
    internal sealed class ThrowingTransport : IMqttTransport
    {
        private readonly object _sync = new object();
        private int _ids;

        // Told only of SUBACKs and PUBACKs: this broker sends nothing and never drops the link by itself.
        private IMqttTransportListener _listener;

        public void Listen(IMqttTransportListener listener)
        {
            _listener = listener;
        }

        /// <summary>How many more calls of each kind throw.</summary>
        public int ConnectThrows;
        public int SubscribeThrows;
        public int PublishThrows;
        public int DisconnectThrows;

        public int Connects;
        public int Published;

        public bool IsConnected { get; private set; }

        public string LastError
        {
            get { return null; }
        }

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            lock (_sync)
            {
                Connects++;
                Throw(ref ConnectThrows, "connect");
                IsConnected = true;
                return MqttConnectResult.Accepted;
            }
        }

        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            ushort id;
            lock (_sync)
            {
                Throw(ref SubscribeThrows, "subscribe");
                id = NextId();
            }
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.Subscribed(id, new byte[filters.Length]);
            }
            return id;
        }

        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            ushort id;
            lock (_sync)
            {
                Throw(ref PublishThrows, "in-flight queue full");
                Published++;
                id = qos == MqttQos.AtLeastOnce ? NextId() : (ushort)0;
            }
            IMqttTransportListener listener = _listener;
            if (id != 0 && listener != null)
            {
                listener.DeliveryCompleted(id, true);
            }
            return id;
        }

        public void Disconnect()
        {
            lock (_sync)
            {
                IsConnected = false;
                Throw(ref DisconnectThrows, "disconnect");
            }
        }

        private static void Throw(ref int remaining, string what)
        {
            if (remaining > 0)
            {
                remaining--;
                throw new TransportBrokeException(what);
            }
        }

        private ushort NextId()
        {
            _ids++;
            return (ushort)(_ids % 65535 + 1);
        }
    }
}
