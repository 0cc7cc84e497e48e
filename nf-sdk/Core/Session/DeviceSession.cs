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
    public sealed partial class DeviceSession : IMqttTransportListener
    {
        // Packet ids remembered for a while: PUBACKs that overtook their publish's bookkeeping (EarlyAck),
        // PUBACKs of messages sent outside the outbox (DirectAck), SUBACKs (SubscribeAck).
        private const int AckSlots = 16;
        private const int AckLifetimeMs = 5000;
        private const int EarlyAck = 0;
        private const int DirectAck = 1;
        private const int SubscribeAck = 2;

        // The session's yes/no state, one bit each in _flags (on the device every field is a heap block).
        private const int StopRequestedFlag = 1;
        private const int ConnectedFlag = 2;
        private const int LostFlag = 4;
        private const int AnnouncedFlag = 8;
        private const int ServedFlag = 16; // this connection subscribed and announced itself
        private const int RestartFlag = 32; // Start came while the worker was stopping or leaving: it goes on
        private const int LeavingFlag = 64; // the worker is on its way out

        // Above the yes/no bits, _flags holds, each in bits of its own: the state (SessionState); the
        // worker's phase and count of refused publishes (DeviceSession.Worker); what the transport said of
        // the inbound packet being handled (DeviceSession.Inbound). One field for all, changed under the
        // lock, as on the device every field is a heap block.
        private const int StateShift = 8;
        private const int StateMask = 3 << StateShift;

        // The app's handlers, a slot per public event, in one array made with the first: a session nobody
        // listens to holds one field for them rather than seven.
        private const int StateChangedEvent = 0;
        private const int MessageDeliveredEvent = 1;
        private const int MessageDroppedEvent = 2;
        private const int InboundRejectedEvent = 3;
        private const int RequestDeliveredEvent = 4;
        private const int RequestTimedOutEvent = 5;
        private const int LogEvent = 6;
        private const int EventCount = 7;

        private readonly IMqttTransport _transport;
        private readonly ISessionDialect _dialect;
        private readonly SessionOptions _options;
        private readonly IClock _clock;
        private readonly Outbox _outbox;
        private readonly PendingTable _pending;
        private readonly ReconnectBackoff _backoff;
        // Wakes the worker, and is the session's lock too: one object less.
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly long[] _acks = PacketIdSet.Create(AckSlots);
        // Made with the first booking: a dialect without timed work never needs it.
        private WorkSchedule _schedule;

        private Delegate[] _handlers;
        private Thread _worker;
        private int _flags;
        private long _lastId;
        private string _lostReason;

        public DeviceSession(IMqttTransport transport, ISessionDialect dialect, SessionOptions options)
        {
            if (transport == null || dialect == null)
            {
                throw new ArgumentException("A session needs a transport and a dialect.");
            }
            _transport = transport;
            _dialect = dialect;
            _options = options == null ? new SessionOptions() : options;
            _clock = _options.Clock == null ? SystemClock.Instance : _options.Clock;
            _outbox = new Outbox(_options.OutboxMessages, _options.OutboxBytes);
            _pending = new PendingTable(_options.PendingCapacity);
            _backoff = new ReconnectBackoff(_options.InitialReconnectDelayMs, _options.MaxReconnectDelayMs, _options.FlapWindowMs, _options.RandomSeed);
            Counters = new SessionCounters();
            _transport.Listen(this);
        }

        public event SessionStateHandler StateChanged
        {
            add { Listen(StateChangedEvent, value); }
            remove { StopListening(StateChangedEvent, value); }
        }

        public event MessageDeliveredHandler MessageDelivered
        {
            add { Listen(MessageDeliveredEvent, value); }
            remove { StopListening(MessageDeliveredEvent, value); }
        }

        public event MessageDroppedHandler MessageDropped
        {
            add { Listen(MessageDroppedEvent, value); }
            remove { StopListening(MessageDroppedEvent, value); }
        }

        public event InboundRejectedHandler InboundRejected
        {
            add { Listen(InboundRejectedEvent, value); }
            remove { StopListening(InboundRejectedEvent, value); }
        }

        public event RequestCompletedHandler RequestDelivered
        {
            add { Listen(RequestDeliveredEvent, value); }
            remove { StopListening(RequestDeliveredEvent, value); }
        }

        public event RequestTimedOutHandler RequestTimedOut
        {
            add { Listen(RequestTimedOutEvent, value); }
            remove { StopListening(RequestTimedOutEvent, value); }
        }

        public event SessionLogHandler Log
        {
            add { Listen(LogEvent, value); }
            remove { StopListening(LogEvent, value); }
        }

        public readonly SessionCounters Counters;

        /// <summary>The clock the session measures time on (<see cref="SessionOptions.Clock"/>).</summary>
        public IClock Clock
        {
            get { return _clock; }
        }

        public SessionOptions Options
        {
            get { return _options; }
        }

        public SessionState State
        {
            get { lock (_wake) { return (SessionState)((_flags & StateMask) >> StateShift); } }
        }

        public bool IsConnected
        {
            get { lock (_wake) { return (_flags & (ConnectedFlag | LostFlag)) == ConnectedFlag; } }
        }

        /// <summary>QoS 1 messages waiting for acknowledgement (sent or not).</summary>
        public int OutboxCount
        {
            get { lock (_wake) { return _outbox.Count; } }
        }

        /// <summary>Requests waiting for a reply.</summary>
        public int PendingCount
        {
            get { lock (_wake) { return _pending.Count; } }
        }

        /// <summary>Starts connecting in the background; returns at once.</summary>
        public void Start()
        {
            lock (_wake)
            {
                if (_worker != null)
                {
                    // Running, or still stopping after a Stop that gave up waiting for it (a transport call
                    // that has not returned), or leaving: that worker goes on, so two never run at once.
                    if ((_flags & (StopRequestedFlag | LeavingFlag)) != 0)
                    {
                        _flags = (_flags & ~StopRequestedFlag) | RestartFlag;
                    }
                    return;
                }
                _flags &= ~(StopRequestedFlag | RestartFlag);
                EnterPhase(Phase.Connect);
                _backoff.Reset();
                _worker = new Thread(Run);
                _worker.Start();
            }
        }

        /// <summary>
        /// Disconnects and stops the worker, waiting for it a while. Unacknowledged messages stay in the
        /// outbox for a later Start. A worker held up in a transport call stops when the call returns.
        /// </summary>
        public void Stop()
        {
            Thread worker;
            lock (_wake)
            {
                worker = _worker;
                _flags = (_flags | StopRequestedFlag) & ~RestartFlag;
            }
            _wake.Set();
            int waitMs = _options.SubscribeTimeoutMs + 5000;
            if (worker != null && !worker.Join(waitMs))
            {
                Write("the session's worker did not stop within " + waitMs.ToString() + " ms: a transport call has not returned; it stops when it does");
            }
        }

        /// <summary>
        /// Publishes <paramref name="length"/> bytes of <paramref name="payload"/>. QoS 1 goes through the
        /// outbox (kept across disconnects, delivered in order); QoS 0 is sent only when connected.
        /// <paramref name="state"/> comes back with the message in MessageDelivered and MessageDropped.
        /// </summary>
        public SendResult Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain, object state)
        {
            if (qos == MqttQos.AtLeastOnce)
            {
                return Enqueue(topic, payload, length, retain, state);
            }
            return SendDirect(topic, payload, length, qos, retain, state);
        }

        /// <summary>
        /// Publishes an announcement — what a dialect sends once subscriptions are in place (device info,
        /// OTA version inform…): directly, ahead of the backlog, never kept, since every connect sends it
        /// again. Not connected: NotConnected.
        /// </summary>
        public SendResult Announce(string topic, byte[] payload, int length, MqttQos qos)
        {
            return SendDirect(topic, payload, length, qos, false, null);
        }

        /// <summary>
        /// Sends a report. At QoS 1 it goes through the outbox and the broker's PUBACK acknowledges it
        /// (RequestDelivered); at QoS 0 it is sent now or not at all, and nothing will acknowledge it.
        /// <paramref name="request"/> carries the id the app is given (at QoS 0 an entry nobody waits on);
        /// null when the result is not Accepted.
        /// </summary>
        public SendResult SendReport(string topic, byte[] payload, int length, MqttQos qos, long id, out PendingRequest request)
        {
            if (qos == MqttQos.AtLeastOnce)
            {
                return Track(topic, payload, length, qos, 0, 0, id, out request);
            }
            SendResult result = SendDirect(topic, payload, length, qos, false, null);
            request = result == SendResult.Accepted ? new PendingRequest(id, 0, 0, 0) : null;
            return result;
        }

        /// <summary>A fresh id for a report or request, for dialects whose platform gives none.</summary>
        public long NewId()
        {
            lock (_wake)
            {
                return ++_lastId;
            }
        }

        /// <summary>
        /// Sends a request the platform answers with a reply of the dialect's kind <paramref name="replyKind"/>
        /// (not 0) carrying <paramref name="replyId"/> (0: a reply without an id; one such request of a kind
        /// waits at a time). The dialect hands the reply to <see cref="CompleteRequest"/>; without one in
        /// <see cref="SessionOptions.RequestTimeoutMs"/>, RequestTimedOut. <paramref name="id"/> is the id the
        /// app is given (the platform's message id, or <see cref="NewId"/>).
        /// </summary>
        public SendResult SendRequest(string topic, byte[] payload, int length, MqttQos qos, int replyKind, long replyId, long id,
            out PendingRequest request)
        {
            if (replyKind == 0)
            {
                throw new ArgumentException("A request needs the kind of its reply.");
            }
            return Track(topic, payload, length, qos, replyKind, replyId, id, out request);
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the worker once <paramref name="delayMs"/> of the session's clock
        /// have passed, replacing a pending run of the same delegate; runs only while the session is
        /// started (connected or waiting to reconnect). False when the few slots are all taken.
        /// </summary>
        public bool Schedule(ThreadStart work, int delayMs)
        {
            if (work == null)
            {
                throw new ArgumentException("Schedule needs the work to run.");
            }
            bool set;
            lock (_wake)
            {
                if (_schedule == null)
                {
                    _schedule = new WorkSchedule();
                }
                set = _schedule.Set(work, _clock.NowMs + (delayMs < 0 ? 0 : delayMs));
            }
            _wake.Set();
            return set;
        }

        /// <summary>Cancels a pending run of <paramref name="work"/>.</summary>
        public void Cancel(ThreadStart work)
        {
            lock (_wake)
            {
                if (_schedule != null)
                {
                    _schedule.Cancel(work);
                }
            }
        }

        /// <summary>The dialect got a reply: the waiting request, or null when nothing waits for it.</summary>
        public PendingRequest CompleteRequest(int replyKind, long replyId)
        {
            lock (_wake)
            {
                return _pending.Complete(replyKind, replyId);
            }
        }

        // Registers the entry before the message goes out, so an answer that comes at once finds it.
        private SendResult Track(string topic, byte[] payload, int length, MqttQos qos, int replyKind, long replyId, long id,
            out PendingRequest request)
        {
            SendResult result;
            lock (_wake)
            {
                request = _pending.Register(id, replyKind, replyId, _clock.NowMs + _options.RequestTimeoutMs);
                result = request != null ? SendResult.Accepted
                    : _pending.Count >= _pending.Capacity ? SendResult.PendingTableFull : SendResult.DuplicateRequest;
            }
            if (request == null)
            {
                Write(result == SendResult.PendingTableFull
                    ? "request refused: the pending table is full (" + _options.PendingCapacity.ToString() + " entries)"
                    : "request refused: one with the same id is already waiting");
                return result;
            }
            result = Publish(topic, payload, length, qos, false, request);
            if (result != SendResult.Accepted)
            {
                lock (_wake)
                {
                    _pending.Remove(request);
                }
                request = null;
                return result;
            }
            _wake.Set();
            return result;
        }

        // Sent now or not at all: QoS 0 and announcements.
        private SendResult SendDirect(string topic, byte[] payload, int length, MqttQos qos, bool retain, object state)
        {
            if (!IsConnected)
            {
                Counters.Add(SessionCounters.DroppedCount);
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
                Counters.Add(SessionCounters.MessageOutCount, false, SessionCounters.RetryCount);
                return SendResult.Accepted;
            }
            catch (ArgumentException)
            {
                Counters.Add(SessionCounters.DroppedCount);
                Report(new OutboundMessage(topic, null, qos, retain, state), DropReason.InvalidTopic);
                return SendResult.InvalidTopic;
            }
            catch (InvalidOperationException)
            {
                Counters.Add(SessionCounters.DroppedCount);
                Report(new OutboundMessage(topic, null, qos, retain, state), DropReason.NotConnected);
                return SendResult.NotConnected;
            }
            catch (Exception e)
            {
                TransportFault("publish", e);
                Counters.Add(SessionCounters.DroppedCount);
                Report(new OutboundMessage(topic, null, qos, retain, state), DropReason.TransportRefused);
                return SendResult.TransportRefused;
            }
        }

        /// <summary>
        /// Counts a message of the device's own that the broker brought back (a subscription covers a
        /// topic the device publishes on); it is ignored, and not a rejection.
        /// </summary>
        public void IgnoreEcho()
        {
            Counters.Add(SessionCounters.EchoCount);
        }

        /// <summary>Counts and reports an inbound message the dialect refuses.</summary>
        public void Reject(string topic, RejectReason reason, string detail)
        {
            Counters.AddRejected(reason);
            Write("rejected message on '" + topic + "': " + detail);
            Raise(InboundRejectedEvent, topic, (int)reason, detail);
        }

        /// <summary>Writes a line to the app's log handler, if any.</summary>
        public void Write(string message)
        {
            Raise(LogEvent, null, 0, message);
        }

        // A message sent outside the outbox: its PUBACK, early or not, completes nothing.
        private void IgnoreAck(ushort packetId)
        {
            lock (_wake)
            {
                long now = _clock.NowMs;
                if (!PacketIdSet.Take(_acks, EarlyAck, packetId, now))
                {
                    PacketIdSet.Add(_acks, DirectAck, packetId, now, AckLifetimeMs);
                }
            }
        }

        private SendResult Enqueue(string topic, byte[] payload, int length, bool retain, object state)
        {
            byte[] copy = new byte[length];
            Array.Copy(payload, copy, length);
            OutboundMessage message = new OutboundMessage(topic, copy, MqttQos.AtLeastOnce, retain, state);
            OutboundMessage[] dropped;
            lock (_wake)
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
                Counters.Add(SessionCounters.DroppedCount);
                Write("message of " + length.ToString() + " bytes is larger than the outbox");
                return SendResult.TooLarge;
            }
            if (dropped != null)
            {
                for (int i = 0; i < dropped.Length; i++)
                {
                    Counters.Add(SessionCounters.DroppedCount);
                    Report(dropped[i], DropReason.OutboxOverflow);
                }
            }
            _wake.Set();
            return SendResult.Accepted;
        }

        private void Report(OutboundMessage message, DropReason reason)
        {
            Write("dropped message for '" + message.Topic + "' (reason " + ((int)reason).ToString() + ")");
            Raise(MessageDroppedEvent, message, (int)reason, null);
        }

        private void Listen(int slot, Delegate handler)
        {
            lock (_wake)
            {
                _handlers = EventSlots.Add(_handlers, EventCount, slot, handler);
            }
        }

        private void StopListening(int slot, Delegate handler)
        {
            lock (_wake)
            {
                EventSlots.Remove(_handlers, slot, handler);
            }
        }

        // Tells an event to the dialect, when it listens for that one, then to the app's handler, if any.
        // Neither may take the session down: what they throw is dropped here, and not logged, as the
        // handler that failed may be the logger itself. One method taking the event's few values rather
        // than a lambda per call site: a lambda that captures is an object made on every call, handler or not.
        private void Raise(int slot, object subject, int code, string detail)
        {
            // The slot first: the log and deliveries, the events told most often, skip the type test.
            ISessionListener listener = slot == StateChangedEvent || slot == RequestDeliveredEvent || slot == RequestTimedOutEvent
                ? _dialect as ISessionListener : null;
            if (listener != null)
            {
                try
                {
                    if (slot == StateChangedEvent)
                    {
                        listener.StateChanged((SessionState)code, detail);
                    }
                    else if (slot == RequestDeliveredEvent)
                    {
                        listener.RequestDelivered((PendingRequest)subject);
                    }
                    else
                    {
                        listener.RequestTimedOut((PendingRequest)subject);
                    }
                }
                catch (Exception)
                {
                    // dropped, as said above
                }
            }
            Delegate handler = EventSlots.Get(_handlers, slot);
            if (handler == null)
            {
                return;
            }
            try
            {
                switch (slot)
                {
                    case StateChangedEvent:
                        ((SessionStateHandler)handler)((SessionState)code, detail);
                        break;
                    case MessageDeliveredEvent:
                        ((MessageDeliveredHandler)handler)((OutboundMessage)subject);
                        break;
                    case MessageDroppedEvent:
                        ((MessageDroppedHandler)handler)((OutboundMessage)subject, (DropReason)code);
                        break;
                    case InboundRejectedEvent:
                        ((InboundRejectedHandler)handler)((string)subject, (RejectReason)code, detail);
                        break;
                    case RequestDeliveredEvent:
                        ((RequestCompletedHandler)handler)((PendingRequest)subject);
                        break;
                    case RequestTimedOutEvent:
                        ((RequestTimedOutHandler)handler)((PendingRequest)subject);
                        break;
                    default:
                        ((SessionLogHandler)handler)(detail);
                        break;
                }
            }
            catch (Exception)
            {
                // dropped, as said above
            }
        }
    }
}
