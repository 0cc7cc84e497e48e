using System;
using System.Diagnostics;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// The host's <see cref="IMqttTransport"/>: the SDK's own MQTT 3.1.1 client over TCP or TLS.
    /// Each Connect opens a fresh socket with its own receive thread and keep-alive timer, so the same
    /// instance can connect again after any failure. Its listener is called one call at a time on the
    /// receive thread, never while the send lock is held, so it may publish; an exception thrown by the
    /// listener is traced and swallowed rather than tearing the link down.
    /// QoS 1 messages are not persisted: when a connection ends by itself, each unacknowledged one
    /// gets DeliveryCompleted(id, false) before ConnectionLost, and the session above re-sends.
    /// After Disconnect the listener is told nothing more, not even of messages still in flight.
    /// A message larger than <see cref="MaxInboundPacketSize"/> costs nothing but its topic: its payload
    /// is read past unheld, it is acknowledged (QoS 1), and it is told through
    /// <see cref="IMqttTransportListener.PublishReceived"/> with a null payload; the connection goes on.
    /// Every message is told that way, with its packet id and DUP flag.
    /// A write that cannot hand its bytes to the network within the connect timeout ends the connection,
    /// so a broker that stops reading is noticed even with keep-alive 0.
    /// </summary>
    public sealed class HostMqttTransport : IMqttTransport, IDisposable, IMqttConnectionEvents
    {
        /// <summary>256 KiB, the largest message Alibaba's IoT platform accepts.</summary>
        public const int DefaultMaxInboundPacketSize = 256 * 1024;

        /// <summary>How long a new Connect waits for the previous connection to finish reporting its loss.</summary>
        private const int PreviousConnectionGraceMs = 2000;

        private readonly object _connectLock = new object();
        private readonly object _eventLock = new object();
        private volatile MqttConnection _connection;
        private volatile string _lastError;
        private volatile bool _disposed;
        private volatile IMqttTransportListener _listener;

        public HostMqttTransport()
            : this(DefaultMaxInboundPacketSize)
        {
        }

        /// <param name="maxInboundPacketSize">
        /// Largest packet accepted from the broker, header included (16 to 268,435,460 bytes). A larger
        /// PUBLISH is skipped (see the class notes); any other larger packet ends the connection, before
        /// anything is allocated for it.
        /// </param>
        public HostMqttTransport(int maxInboundPacketSize)
        {
            if (maxInboundPacketSize < 16 || maxInboundPacketSize > MqttPacketReader.MaxPacketSizeAllowed)
            {
                throw new ArgumentOutOfRangeException(nameof(maxInboundPacketSize), maxInboundPacketSize,
                    "The inbound packet limit must be 16.." + MqttPacketReader.MaxPacketSizeAllowed + " bytes.");
            }

            MaxInboundPacketSize = maxInboundPacketSize;
        }

        public void Listen(IMqttTransportListener listener)
        {
            _listener = listener;
        }

        public int MaxInboundPacketSize { get; }

        public bool IsConnected
        {
            get
            {
                MqttConnection connection = _connection;
                return connection != null && connection.IsOpen;
            }
        }

        /// <summary>The CONNACK session-present flag of the current (or last) connection.</summary>
        public bool SessionPresent
        {
            get
            {
                MqttConnection connection = _connection;
                return connection != null && connection.SessionPresent;
            }
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            ThrowIfDisposed();
            lock (_connectLock)
            {
                MqttConnection previous = _connection;
                if (previous != null && previous.IsOpen)
                {
                    _lastError = "already connected; call Disconnect first";
                    return MqttConnectResult.InvalidOptions;
                }

                string problem = MqttConnectOptionsCheck.Problem(options);
                if (problem != null)
                {
                    _lastError = "invalid connect options: " + problem;
                    return MqttConnectResult.InvalidOptions;
                }

                // Let the dead connection finish its DeliveryCompleted/ConnectionLost first, so none of
                // them can arrive after (and be mistaken for) events of the new connection.
                ushort lastPacketId = 0;
                if (previous != null)
                {
                    previous.WaitFinished(PreviousConnectionGraceMs);
                    lastPacketId = previous.LastPacketId;
                }

                MqttConnectResult result;
                string error;
                MqttConnection connection;
                try
                {
                    connection = MqttConnection.Open(options, MaxInboundPacketSize, lastPacketId, this, out result, out error);
                }
                catch (Exception ex)
                {
                    // Each step reports its own failures; this only keeps the never-throw promise
                    // for the unforeseen (a socket that cannot even be created, say).
                    connection = null;
                    result = MqttConnectResult.NetworkError;
                    error = "connect failed: " + ex.GetType().Name + ": " + ex.Message;
                }

                _lastError = error;
                if (connection == null)
                {
                    return result;
                }

                _connection = connection;
                connection.Start();
                return MqttConnectResult.Accepted;
            }
        }

        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            if (filters == null || qos == null)
            {
                throw new ArgumentNullException(filters == null ? nameof(filters) : nameof(qos));
            }

            if (filters.Length == 0 || filters.Length != qos.Length)
            {
                throw new ArgumentException("Give at least one filter and exactly one QoS per filter (" + filters.Length + " filters, " + qos.Length + " QoS values).", nameof(qos));
            }

            for (int i = 0; i < filters.Length; i++)
            {
                MqttTopicRules.ValidateTopicFilter(filters[i], nameof(filters));
                CheckQos(qos[i], nameof(qos));
            }

            return Current().Subscribe(filters, qos);
        }

        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            MqttTopicRules.ValidateTopicName(topic, nameof(topic));
            CheckQos(qos, nameof(qos));
            int available = payload == null ? 0 : payload.Length;
            if (length < 0 || length > available)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, "The length must be 0.." + available + " (the payload's size).");
            }

            int topicBytes = MqttTopicRules.StrictUtf8.GetByteCount(topic);
            if (MqttPacketWriter.PublishRemainingLength(topicBytes, length, qos) > MqttPacketWriter.MaxRemainingLength)
            {
                throw new ArgumentException("The message does not fit in one MQTT packet (" + MqttPacketWriter.MaxRemainingLength + " bytes at most).", nameof(length));
            }

            return Current().Publish(topic, payload ?? new byte[0], length, qos, retain);
        }

        public void Disconnect()
        {
            lock (_connectLock)
            {
                MqttConnection connection = _connection;
                if (connection != null)
                {
                    connection.Close();
                }
            }
        }

        /// <summary>Disconnects if connected; later calls to Connect, Publish or Subscribe throw.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Disconnect();
        }

        void IMqttConnectionEvents.MessageReceived(MqttConnection source, MqttInboundPublish publish)
        {
            lock (_eventLock)
            {
                if (!Wanted(source))
                {
                    return;
                }

                IMqttTransportListener listener = _listener;
                if (listener != null)
                {
                    Guard(() => listener.PublishReceived(publish.Topic, publish.Payload, publish.PayloadLength, publish.Retain, publish.PacketId, publish.Duplicate), "PublishReceived");
                }
                else if (publish.Payload == null)
                {
                    Trace.TraceWarning("HostMqttTransport: a message of " + publish.PayloadLength + " bytes on '" + publish.Topic
                        + "' exceeds the " + MaxInboundPacketSize + "-byte packet limit; skipped");
                }
            }
        }

        void IMqttConnectionEvents.DeliveryCompleted(MqttConnection source, ushort packetId, bool delivered)
        {
            lock (_eventLock)
            {
                IMqttTransportListener listener = _listener;
                if (listener != null && Wanted(source))
                {
                    Guard(() => listener.DeliveryCompleted(packetId, delivered), "DeliveryCompleted");
                }
            }
        }

        void IMqttConnectionEvents.Subscribed(MqttConnection source, ushort packetId, byte[] grantedQos)
        {
            lock (_eventLock)
            {
                IMqttTransportListener listener = _listener;
                if (listener != null && Wanted(source))
                {
                    Guard(() => listener.Subscribed(packetId, grantedQos), "Subscribed");
                }
            }
        }

        void IMqttConnectionEvents.ConnectionLost(MqttConnection source, string reason)
        {
            lock (_eventLock)
            {
                if (!Wanted(source))
                {
                    return;
                }

                _lastError = reason;
                IMqttTransportListener listener = _listener;
                if (listener != null)
                {
                    Guard(() => listener.ConnectionLost(reason), "ConnectionLost");
                }
            }
        }

        private static void CheckQos(MqttQos qos, string paramName)
        {
            if (qos != MqttQos.AtMostOnce && qos != MqttQos.AtLeastOnce)
            {
                throw new ArgumentException("QoS " + (int)qos + " is not supported; use 0 or 1.", paramName);
            }
        }

        /// <summary>A bug in the listener must not kill the receive thread or the link.</summary>
        private static void Guard(Action raise, string eventName)
        {
            try
            {
                raise();
            }
            catch (Exception ex)
            {
                Trace.TraceError("HostMqttTransport: the listener's " + eventName + " threw " + ex.GetType().Name + ": " + ex.Message);
            }
        }

        private bool Wanted(MqttConnection source)
        {
            return !_disposed && !source.ClosedByUser;
        }

        private MqttConnection Current()
        {
            ThrowIfDisposed();
            MqttConnection connection = _connection;
            if (connection == null || !connection.IsOpen)
            {
                throw new InvalidOperationException("The MQTT transport is not connected.");
            }

            return connection;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(HostMqttTransport));
            }
        }
    }
}
