using System;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Session
{
    /// <summary>
    /// The connection engine every dialect shares. It connects with the dialect's credentials,
    /// subscribes, lets the dialect announce itself, and keeps going: on any loss it reconnects with
    /// backoff, subscribes and announces again, and re-sends every QoS 1 message not yet acknowledged,
    /// in order. Requests wait for their reply in a bounded pending table and time out visibly. Nothing
    /// grows without bound and nothing is dropped without being counted and reported.
    /// One worker thread does the connecting and sending; transport events arrive on the transport's thread.
    /// </summary>
    public sealed partial class DeviceSession
    {
        // PUBACK bookkeeping: 16 ids remembered for up to 5 s.
        private const int AckSlots = 16;
        private const int AckLifetimeMs = 5000;

        private readonly object _sync = new object();
        private readonly IMqttTransport _transport;
        private readonly ISessionDialect _dialect;
        private readonly SessionOptions _options;
        private readonly Outbox _outbox;
        private readonly PendingTable _pending;
        private readonly ReconnectBackoff _backoff;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly PacketIdSet _earlyAcks = new PacketIdSet(AckSlots, AckLifetimeMs);
        private readonly PacketIdSet _directAcks = new PacketIdSet(AckSlots, AckLifetimeMs);
        private readonly PacketIdSet _subscribeAcks;

        private Thread _worker;
        private bool _stopRequested;
        private bool _connected;
        private bool _lost;
        private bool _announcing;
        private string _lostReason;
        private SessionState _state = SessionState.Stopped;

        public DeviceSession(IMqttTransport transport, ISessionDialect dialect, SessionOptions options)
        {
            if (transport == null || dialect == null)
            {
                throw new ArgumentException("A session needs a transport and a dialect.");
            }
            _transport = transport;
            _dialect = dialect;
            _options = options == null ? new SessionOptions() : options;
            _outbox = new Outbox(_options.OutboxMessages, _options.OutboxBytes);
            _pending = new PendingTable(_options.PendingCapacity);
            _backoff = new ReconnectBackoff(_options.InitialReconnectDelayMs, _options.MaxReconnectDelayMs, _options.FlapWindowMs, _options.RandomSeed);
            _subscribeAcks = new PacketIdSet(AckSlots, _options.SubscribeTimeoutMs + IdleTickMs);
            Counters = new SessionCounters();
            IMqttPublishSource detailed = transport as IMqttPublishSource;
            if (detailed != null)
            {
                detailed.PublishReceived += OnTransportPublish;
            }
            else
            {
                _transport.MessageReceived += OnTransportMessage;
            }
            _transport.DeliveryCompleted += OnTransportDelivery;
            _transport.Subscribed += OnTransportSubscribed;
            _transport.ConnectionLost += OnTransportLost;
        }

        public event SessionStateHandler StateChanged;

        public event MessageDeliveredHandler MessageDelivered;

        public event MessageDroppedHandler MessageDropped;

        public event InboundRejectedHandler InboundRejected;

        public event RequestCompletedHandler RequestDelivered;

        public event RequestTimedOutHandler RequestTimedOut;

        public event SessionLogHandler Log;

        public SessionCounters Counters { get; }

        public SessionOptions Options
        {
            get { return _options; }
        }

        public SessionState State
        {
            get { lock (_sync) { return _state; } }
        }

        public bool IsConnected
        {
            get { lock (_sync) { return _connected && !_lost; } }
        }

        /// <summary>QoS 1 messages waiting for acknowledgement (sent or not).</summary>
        public int OutboxCount
        {
            get { lock (_sync) { return _outbox.Count; } }
        }

        /// <summary>Requests waiting for a reply.</summary>
        public int PendingCount
        {
            get { lock (_sync) { return _pending.Count; } }
        }

        /// <summary>Starts connecting in the background; returns at once.</summary>
        public void Start()
        {
            lock (_sync)
            {
                if (_worker != null)
                {
                    return;
                }
                _stopRequested = false;
                _backoff.Reset();
                _worker = new Thread(Run);
                _worker.Start();
            }
        }

        /// <summary>Disconnects and stops the worker. Unacknowledged messages stay in the outbox for a later Start.</summary>
        public void Stop()
        {
            Thread worker;
            lock (_sync)
            {
                worker = _worker;
                _stopRequested = true;
            }
            _wake.Set();
            if (worker != null)
            {
                worker.Join(_options.SubscribeTimeoutMs + 5000);
            }
            lock (_sync)
            {
                _worker = null;
            }
        }

        /// <summary>
        /// Publishes <paramref name="length"/> bytes of <paramref name="payload"/>. QoS 1 goes through the
        /// outbox (kept across disconnects, delivered in order); QoS 0 is sent only when connected.
        /// Announcements — what the dialect publishes from <see cref="ISessionDialect.OnConnected"/> — go
        /// out directly, ahead of the backlog, and are not kept: every connect sends them again.
        /// </summary>
        public SendResult Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain, object state)
        {
            if (qos == MqttQos.AtLeastOnce && !IsAnnouncement())
            {
                return Enqueue(topic, payload, length, retain, state);
            }
            if (!IsConnected)
            {
                Counters.AddDropped();
                Report(new OutboundMessage(topic, null, qos, retain, state), DropReason.NotConnected);
                return SendResult.NotConnected;
            }
            try
            {
                ushort packetId = _transport.Publish(topic, payload, length, qos, retain);
                if (packetId != 0)
                {
                    IgnoreAck(packetId);
                }
                Counters.AddMessageOut(false);
                return SendResult.Accepted;
            }
            catch (ArgumentException)
            {
                Counters.AddDropped();
                Report(new OutboundMessage(topic, null, qos, retain, state), DropReason.InvalidTopic);
                return SendResult.InvalidTopic;
            }
            catch (InvalidOperationException)
            {
                Counters.AddDropped();
                Report(new OutboundMessage(topic, null, qos, retain, state), DropReason.NotConnected);
                return SendResult.NotConnected;
            }
            catch (Exception e)
            {
                TransportFault("publish", e);
                Counters.AddDropped();
                Report(new OutboundMessage(topic, null, qos, retain, state), DropReason.TransportRefused);
                return SendResult.TransportRefused;
            }
        }

        /// <summary>
        /// Sends a request and waits for its answer: the reply with <paramref name="key"/> (ReplyId), the
        /// only reply of that <paramref name="tag"/> (ReplyKind), or the PUBACK of its QoS 1 message
        /// (Delivery). The entry is registered before the message goes out. Returns null, with the reason
        /// in <paramref name="result"/>, when it was not sent.
        /// </summary>
        public PendingRequest Request(string topic, byte[] payload, int length, MqttQos qos, PendingKeyKind keyKind,
            long key, int tag, int timeoutMs, object state, out SendResult result)
        {
            if (keyKind == PendingKeyKind.Delivery && qos != MqttQos.AtLeastOnce)
            {
                throw new ArgumentException("A request completed by its PUBACK must be sent at QoS 1.");
            }
            long timeout = timeoutMs > 0 ? timeoutMs : _options.RequestTimeoutMs;
            PendingRequest request;
            lock (_sync)
            {
                request = _pending.Register(keyKind, key, tag, MonotonicClock.NowMs + timeout, state);
                result = request != null ? SendResult.Accepted
                    : _pending.Count >= _pending.Capacity ? SendResult.PendingTableFull : SendResult.DuplicateRequest;
            }
            if (request == null)
            {
                Write(result == SendResult.PendingTableFull
                    ? "request refused: the pending table is full (" + _options.PendingCapacity.ToString() + " entries)"
                    : "request refused: one with the same id is already waiting");
                return null;
            }
            object token = keyKind == PendingKeyKind.Delivery ? request : state;
            result = Publish(topic, payload, length, qos, false, token);
            if (result != SendResult.Accepted)
            {
                lock (_sync)
                {
                    _pending.Remove(request);
                }
                return null;
            }
            _wake.Set();
            return request;
        }

        /// <summary>The dialect got a reply: the waiting request, or null when nothing waits for it.</summary>
        public PendingRequest CompleteRequest(PendingKeyKind keyKind, long key)
        {
            lock (_sync)
            {
                return _pending.Complete(keyKind, key);
            }
        }

        /// <summary>
        /// Counts a message of the device's own that the broker brought back (a subscription covers a
        /// topic the device publishes on); it is ignored, and not a rejection.
        /// </summary>
        public void IgnoreEcho()
        {
            Counters.AddEcho();
        }

        /// <summary>Counts and reports an inbound message the dialect refuses.</summary>
        public void Reject(string topic, RejectReason reason, string detail)
        {
            Counters.AddRejected(reason);
            Write("rejected message on '" + topic + "': " + detail);
            InboundRejectedHandler handler = InboundRejected;
            if (handler != null)
            {
                Guard(() => handler(topic, reason, detail));
            }
        }

        /// <summary>Writes a line to the app's log handler, if any.</summary>
        public void Write(string message)
        {
            SessionLogHandler handler = Log;
            if (handler != null)
            {
                Guard(() => handler(message));
            }
        }

        private bool IsAnnouncement()
        {
            lock (_sync)
            {
                return _announcing && Thread.CurrentThread == _worker;
            }
        }

        // A message sent outside the outbox: its PUBACK, early or not, completes nothing.
        private void IgnoreAck(ushort packetId)
        {
            lock (_sync)
            {
                long now = MonotonicClock.NowMs;
                if (!_earlyAcks.Take(packetId, now))
                {
                    _directAcks.Add(packetId, now);
                }
            }
        }

        private SendResult Enqueue(string topic, byte[] payload, int length, bool retain, object state)
        {
            byte[] copy = new byte[length];
            Array.Copy(payload, copy, length);
            OutboundMessage message = new OutboundMessage(topic, copy, MqttQos.AtLeastOnce, retain, state);
            OutboundMessage[] dropped;
            lock (_sync)
            {
                if (length > _outbox.MaxBytes)
                {
                    dropped = null;
                }
                else
                {
                    dropped = _outbox.Enqueue(message);
                }
            }
            if (length > _outbox.MaxBytes)
            {
                Counters.AddDropped();
                Write("message of " + length.ToString() + " bytes is larger than the outbox");
                return SendResult.TooLarge;
            }
            if (dropped != null)
            {
                for (int i = 0; i < dropped.Length; i++)
                {
                    Counters.AddDropped();
                    Report(dropped[i], DropReason.OutboxOverflow);
                }
            }
            _wake.Set();
            return SendResult.Accepted;
        }

        private void Report(OutboundMessage message, DropReason reason)
        {
            Write("dropped message for '" + message.Topic + "' (reason " + ((int)reason).ToString() + ")");
            MessageDroppedHandler handler = MessageDropped;
            if (handler != null)
            {
                Guard(() => handler(message, reason));
            }
        }

        // An app's handler must never take the session down with it.
        private void Guard(ThreadStart action)
        {
            try
            {
                action();
            }
            catch (Exception)
            {
                // Reported nowhere else on purpose: the handler that failed may be the logger itself.
            }
        }
    }
}
