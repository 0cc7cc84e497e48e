using System;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Session
{
    /// <summary>
    /// The worker thread: connect, subscribe, announce, send, expire, and reconnect on loss. It takes one
    /// step at a time and every wait happens in <see cref="Run"/> itself, between steps: on the device the
    /// frames of a waiting thread's stack are heap, so an idle worker holds the fewest frames it can.
    /// </summary>
    public sealed partial class DeviceSession
    {
        // How often the worker looks at the clock when nothing wakes it.
        private const int IdleTickMs = 500;

        // Publishes the transport refused in a row (with an exception it does not promise) before the
        // connection is given up; a refusal pauses sending until the next tick.
        private const int MaxPublishRefusals = 3;

        // Where the worker is: what its next step does.
        private enum Phase
        {
            // A connect attempt.
            Connect,

            // Waiting for the SUBACK of the SUBSCRIBE sent last.
            Subscribe,

            // Connected and announced: sending, expiring, running scheduled work.
            Serve,

            // Waiting out the reconnect delay.
            Backoff,
        }

        private Phase _phase;

        // Subscribe: when the SUBACK is overdue; Backoff: when to connect again.
        private long _phaseEndsAt;
        private long _connectedAt;

        // This connection subscribed and announced itself (it served).
        private bool _served;

        // While subscribing: the dialect's filters, how many of them are granted, the SUBSCRIBE awaited.
        private string[] _filters;
        private int _subscribed;
        private int _subscribing;
        private ushort _subscribePacket;

        private int _publishRefusals;
        private long _sendingPausedUntil;

        // Nothing may end the worker but Stop and bad configuration. A step returns how long to wait
        // before the next one (0: at once; negative: stop).
        private void Run()
        {
            int waitMs = 0;
            while (waitMs >= 0)
            {
                if (waitMs > 0)
                {
                    if (_clock == SystemClock.Instance)
                    {
                        // The system clock's own wait, made here: a frame less on the idle worker's stack.
                        _wake.WaitOne(waitMs, false);
                    }
                    else
                    {
                        _clock.Wait(_wake, waitMs);
                    }
                }
                try
                {
                    waitMs = Step();
                }
                catch (Exception e)
                {
                    waitMs = Recover(e);
                }
            }
            SafeDisconnect();
            SetState(SessionState.Stopped, null);
        }

        private int Step()
        {
            switch (_phase)
            {
                case Phase.Connect:
                    return Connect();
                case Phase.Subscribe:
                    return AwaitSuback();
                case Phase.Serve:
                    return Serve();
                default:
                    return AwaitReconnect();
            }
        }

        // Something threw: note it, drop the connection, and try again after the backoff.
        private int Recover(Exception e)
        {
            Write("session error: " + e.Message + "; reconnecting after the backoff");
            _filters = null;
            lock (_sync)
            {
                _flags &= ~(ConnectedFlag | AnnouncedFlag);
                _outbox.MarkAllUnsent();
            }
            SafeDisconnect();
            SetState(SessionState.WaitingToReconnect, e.Message);
            return Backoff(_backoff.NextDelayAfterFailure());
        }

        // One connect attempt; when it succeeds, the first SUBSCRIBE.
        private int Connect()
        {
            if (StopRequested())
            {
                return -1;
            }
            SetState(SessionState.Connecting, null);
            MqttConnectOptions options;
            try
            {
                options = _dialect.CreateConnectOptions();
            }
            catch (Exception e)
            {
                // Bad configuration will not heal by retrying.
                Write("cannot connect: " + e.Message);
                return -1;
            }
            if (options == null)
            {
                Counters.Add(SessionCounters.ConnectFailureCount);
                Write("the dialect is not ready to connect yet; retrying after the backoff");
                SetState(SessionState.WaitingToReconnect, "not ready to connect");
                return Backoff(_backoff.NextDelayAfterFailure());
            }
            string error;
            MqttConnectResult result = SafeConnect(options, out error);
            if (result != MqttConnectResult.Accepted)
            {
                Counters.Add(SessionCounters.ConnectFailureCount);
                Write("connect failed (" + ((int)result).ToString() + "): " + error);
                int delay = _backoff.NextDelayAfterFailure();
                SetState(SessionState.WaitingToReconnect, error);
                return Backoff(delay);
            }
            Counters.Add(SessionCounters.ConnectCount);
            _connectedAt = _clock.NowMs;
            lock (_sync)
            {
                _flags = (_flags | ConnectedFlag) & ~LostFlag;
                _lostReason = null;
                _acks.Clear();
                _publishRefusals = 0;
                _sendingPausedUntil = 0;
            }
            _served = false;
            _filters = _dialect.GetSubscribeFilters();
            _subscribed = 0;
            return SubscribeNext();
        }

        // The next SUBSCRIBE (a batch of filters); once every filter is granted, the announcement.
        private int SubscribeNext()
        {
            string[] filters = _filters;
            if (_subscribed >= filters.Length)
            {
                _filters = null;
                SetState(SessionState.Connected, null);
                RunAnnouncement();
                ReleaseHeld();
                _served = true;
                _phase = Phase.Serve;
                return 0;
            }
            int batch = _options.SubscribeBatchSize < 1 ? 1 : _options.SubscribeBatchSize;
            int count = filters.Length - _subscribed < batch ? filters.Length - _subscribed : batch;
            MqttQos qos = _dialect.GetSubscribeQos();
            string[] part = new string[count];
            MqttQos[] levels = new MqttQos[count];
            for (int i = 0; i < count; i++)
            {
                part[i] = filters[_subscribed + i];
                levels[i] = qos;
            }
            try
            {
                _subscribePacket = _transport.Subscribe(part, levels);
            }
            catch (Exception e)
            {
                if (!(e is InvalidOperationException) && !(e is ArgumentException))
                {
                    TransportFault("subscribe", e);
                }
                return EndConnection("subscribe failed: " + e.Message);
            }
            // This SUBSCRIBE's own SUBACK, by packet id: one lost on an earlier connection is not awaited.
            _subscribing = count;
            _phaseEndsAt = _clock.NowMs + _options.SubscribeTimeoutMs;
            _phase = Phase.Subscribe;
            return 0;
        }

        private int AwaitSuback()
        {
            string failure = null;
            bool granted = false;
            lock (_sync)
            {
                if ((_flags & LostFlag) != 0)
                {
                    failure = _lostReason;
                }
                else if ((_flags & StopRequestedFlag) != 0)
                {
                    failure = "stopped";
                }
                else
                {
                    granted = _acks.Take(SubscribeAck, _subscribePacket, _clock.NowMs);
                }
            }
            if (failure != null)
            {
                return EndConnection(failure);
            }
            if (granted)
            {
                _subscribed += _subscribing;
                return SubscribeNext();
            }
            long left = _phaseEndsAt - _clock.NowMs;
            if (left <= 0)
            {
                return EndConnection("no SUBACK within " + _options.SubscribeTimeoutMs.ToString() + " ms");
            }
            return left < IdleTickMs ? (int)left : IdleTickMs;
        }

        private void RunAnnouncement()
        {
            Guard(() => _dialect.OnConnected(this));
        }

        // Steady state: send what the outbox holds, expire requests, until the link or the app ends it.
        private int Serve()
        {
            string failure = null;
            lock (_sync)
            {
                if ((_flags & StopRequestedFlag) != 0)
                {
                    failure = "stopped";
                }
                else if ((_flags & LostFlag) != 0)
                {
                    failure = _lostReason;
                }
            }
            if (failure == null)
            {
                failure = FlushOutbox();
            }
            if (failure != null)
            {
                return EndConnection(failure);
            }
            ExpireRequests();
            RunScheduled();
            return NextWaitMs();
        }

        // The connection is over (lost, failed or stopped): disconnect, count, and wait to reconnect.
        private int EndConnection(string failure)
        {
            _filters = null;
            bool stopping = StopRequested();
            lock (_sync)
            {
                _flags &= ~(ConnectedFlag | AnnouncedFlag);
                _outbox.MarkAllUnsent();
            }
            SafeDisconnect();
            if (stopping)
            {
                return -1;
            }
            long lived = _clock.NowMs - _connectedAt;
            Counters.Add(SessionCounters.DisconnectCount, _backoff.IsFlap(lived, _served), SessionCounters.FlapCount);
            int wait = _backoff.NextDelayAfterLoss(lived, _served);
            Write("connection lost after " + lived.ToString() + " ms: " + failure + "; reconnecting in " + wait.ToString() + " ms");
            SetState(SessionState.WaitingToReconnect, failure);
            return Backoff(wait);
        }

        private int Backoff(int delayMs)
        {
            _phaseEndsAt = _clock.NowMs + delayMs;
            _phase = Phase.Backoff;
            return 0;
        }

        // Waits out a reconnect delay; requests keep timing out while offline.
        private int AwaitReconnect()
        {
            if (StopRequested())
            {
                return -1;
            }
            ExpireRequests();
            RunScheduled();
            long left = _phaseEndsAt - _clock.NowMs;
            if (left <= 0)
            {
                _phase = Phase.Connect;
                return 0;
            }
            int next = NextWaitMs();
            return left < next ? (int)left : next;
        }

        private string FlushOutbox()
        {
            while (true)
            {
                OutboundMessage message;
                lock (_sync)
                {
                    if ((_flags & (LostFlag | StopRequestedFlag)) != 0 || _outbox.InFlight >= _options.MaxInFlight
                        || _clock.NowMs < _sendingPausedUntil)
                    {
                        return null;
                    }
                    message = _outbox.NextUnsent();
                }
                if (message == null)
                {
                    return null;
                }
                ushort packetId;
                try
                {
                    packetId = _transport.Publish(message.Topic, message.Payload, message.Payload.Length, message.Qos, message.Retain);
                }
                catch (ArgumentException)
                {
                    bool removed;
                    lock (_sync)
                    {
                        removed = _outbox.Remove(message);
                    }
                    if (removed)
                    {
                        Counters.Add(SessionCounters.DroppedCount);
                        Report(message, DropReason.InvalidTopic);
                    }
                    continue;
                }
                catch (InvalidOperationException e)
                {
                    return "publish failed: " + e.Message;
                }
                catch (Exception e)
                {
                    // Not in the transport's contract (M2Mqtt's full in-flight queue, say): the message
                    // stays first in line; sending pauses a tick, and a transport that keeps refusing
                    // costs the connection, which the outbox survives.
                    TransportFault("publish", e);
                    lock (_sync)
                    {
                        _publishRefusals++;
                        _sendingPausedUntil = _clock.NowMs + IdleTickMs;
                        if (_publishRefusals >= MaxPublishRefusals)
                        {
                            return "the transport refused " + _publishRefusals.ToString() + " publishes in a row: " + e.Message;
                        }
                    }
                    return null;
                }
                lock (_sync)
                {
                    _publishRefusals = 0;
                }
                Counters.Add(SessionCounters.MessageOutCount, message.Attempts > 0, SessionCounters.RetryCount);
                OutboundMessage acknowledged = null;
                lock (_sync)
                {
                    _outbox.MarkSent(message, packetId);
                    // The PUBACK may have overtaken us while Publish was returning.
                    if (_acks.Take(EarlyAck, packetId, _clock.NowMs))
                    {
                        acknowledged = _outbox.Acknowledge(packetId);
                    }
                }
                if (acknowledged != null)
                {
                    Delivered(acknowledged);
                }
            }
        }

        private void ExpireRequests()
        {
            long now = _clock.NowMs;
            while (true)
            {
                PendingRequest expired;
                lock (_sync)
                {
                    expired = _pending.TakeExpired(now);
                }
                if (expired == null)
                {
                    return;
                }
                Counters.Add(SessionCounters.TimeoutCount);
                Write("request " + expired.Id.ToString() + " timed out");
                ISessionListener listener = _dialect as ISessionListener;
                if (listener != null)
                {
                    Guard(() => listener.RequestTimedOut(expired));
                }
                RequestTimedOutHandler handler = RequestTimedOut;
                if (handler != null)
                {
                    Guard(() => handler(expired));
                }
            }
        }

        // The dialect's timed work that is due, one piece at a time, outside the lock.
        private void RunScheduled()
        {
            while (true)
            {
                ThreadStart work;
                lock (_sync)
                {
                    work = _schedule.TakeDue(_clock.NowMs);
                }
                if (work == null)
                {
                    return;
                }
                try
                {
                    work();
                }
                catch (Exception e)
                {
                    Write("scheduled work failed: " + e.Message);
                }
            }
        }

        private int NextWaitMs()
        {
            long next;
            lock (_sync)
            {
                next = _pending.NextDeadline();
                long due = _schedule.NextDue();
                if (due < next)
                {
                    next = due;
                }
            }
            long wait = next - _clock.NowMs;
            if (wait < 1)
            {
                return 1;
            }
            return wait > IdleTickMs ? IdleTickMs : (int)wait;
        }

        private void SetState(SessionState state, string detail)
        {
            lock (_sync)
            {
                if (_state == state)
                {
                    return;
                }
                _state = state;
            }
            ISessionListener listener = _dialect as ISessionListener;
            if (listener != null)
            {
                Guard(() => listener.StateChanged(state, detail));
            }
            SessionStateHandler handler = StateChanged;
            if (handler != null)
            {
                Guard(() => handler(state, detail));
            }
        }

        private bool StopRequested()
        {
            lock (_sync)
            {
                return (_flags & StopRequestedFlag) != 0;
            }
        }
    }
}
