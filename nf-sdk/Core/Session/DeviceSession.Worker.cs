using System;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Session
{
    /// <summary>
    /// The worker thread: connect, subscribe, announce, send, expire, and reconnect on loss. It takes one
    /// step at a time, and while it serves a connection or waits to reconnect, every wait happens in
    /// <see cref="Run"/> itself, between steps: on the device the frames of a waiting thread's stack are
    /// heap, so the worker spends its idle time holding the fewest frames it can.
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
            // A connect attempt, its subscriptions and the announcement.
            Connect,

            // Connected and announced: sending, expiring, running scheduled work.
            Serve,

            // Waiting out the reconnect delay.
            Backoff,
        }

        // In _flags (see DeviceSession): the phase and, above it, how many publishes in a row the transport
        // has refused while serving (at most MaxPublishRefusals). Entering a phase counts from 0.
        private const int PhaseShift = 10;
        private const int RefusalShift = 12;
        private const int RefusalMask = 3 << RefusalShift;
        private const int StepMask = (3 << PhaseShift) | RefusalMask;

        // Backoff: when to connect again. Serve: until when sending pauses after the transport refused a
        // publish (0 at each connect). One field for both, as the phases never overlap.
        private long _waitUntil;
        private long _connectedAt;


        // Nothing may end the worker but Stop and bad configuration. A step returns how long to wait
        // before the next one (0: at once; negative: stop).
        private void Run()
        {
            int waitMs = 0;
            while (true)
            {
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
                if (!KeepGoing())
                {
                    return;
                }
                waitMs = 0;
            }
        }

        // At the worker's end. A Start that came while it was stopping or leaving keeps it going from a
        // new connect, so two workers never run at once; otherwise it leaves, and a later Start makes a
        // new one.
        private bool KeepGoing()
        {
            lock (_wake)
            {
                if (TakeRestart())
                {
                    return true;
                }
                _flags |= LeavingFlag;
            }
            SetState(SessionState.Stopped, null);
            lock (_wake)
            {
                _flags &= ~LeavingFlag;
                if (TakeRestart())
                {
                    return true;
                }
                _worker = null;
                return false;
            }
        }

        // Under the lock: whether a Start asked the ending worker to go on, which it then does from a new connect.
        private bool TakeRestart()
        {
            if ((_flags & RestartFlag) == 0)
            {
                return false;
            }
            _flags &= ~RestartFlag;
            EnterPhase(Phase.Connect);
            _backoff.Reset();
            return true;
        }

        // Under the lock.
        private void EnterPhase(Phase phase)
        {
            _flags = (_flags & ~StepMask) | ((int)phase << PhaseShift);
        }

        private int Step()
        {
            // Only the worker changes the phase, so it reads it without the lock.
            switch ((Phase)((_flags >> PhaseShift) & 3))
            {
                case Phase.Connect:
                    return Connect();
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
            lock (_wake)
            {
                _flags &= ~(ConnectedFlag | AnnouncedFlag);
                _outbox.MarkAllUnsent();
            }
            SafeDisconnect();
            SetState(SessionState.WaitingToReconnect, e.Message);
            return Backoff(_backoff.NextDelayAfterFailure());
        }

        // One connect attempt; when it succeeds, the subscriptions and the announcement.
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
            lock (_wake)
            {
                _flags = (_flags | ConnectedFlag) & ~(LostFlag | ServedFlag);
                _lostReason = null;
                PacketIdSet.Clear(_acks);
                _flags &= ~RefusalMask;
                _waitUntil = 0;
            }
            string failure = SubscribeAll();
            if (failure != null)
            {
                return EndConnection(failure);
            }
            SetState(SessionState.Connected, null);
            RunAnnouncement();
            ReleaseHeld();
            lock (_wake)
            {
                _flags |= ServedFlag;
                EnterPhase(Phase.Serve);
            }
            return 0;
        }

        // Every filter, a batch per SUBSCRIBE, each waiting for its own SUBACK. The waits happen here, a few
        // frames deep, only while connecting; null when all are granted.
        private string SubscribeAll()
        {
            string[] filters = _dialect.GetSubscribeFilters();
            MqttQos qos = _dialect.GetSubscribeQos();
            int batch = _options.SubscribeBatchSize < 1 ? 1 : _options.SubscribeBatchSize;
            for (int start = 0; start < filters.Length; start += batch)
            {
                int count = filters.Length - start < batch ? filters.Length - start : batch;
                string[] part = new string[count];
                MqttQos[] levels = new MqttQos[count];
                for (int i = 0; i < count; i++)
                {
                    part[i] = filters[start + i];
                    levels[i] = qos;
                }
                ushort packetId;
                try
                {
                    packetId = _transport.Subscribe(part, levels);
                }
                catch (Exception e)
                {
                    if (!(e is InvalidOperationException) && !(e is ArgumentException))
                    {
                        TransportFault("subscribe", e);
                    }
                    return "subscribe failed: " + e.Message;
                }
                // This SUBSCRIBE's own SUBACK, by packet id: one lost on an earlier connection is not awaited.
                long deadline = _clock.NowMs + _options.SubscribeTimeoutMs;
                while (true)
                {
                    lock (_wake)
                    {
                        if ((_flags & LostFlag) != 0)
                        {
                            return _lostReason;
                        }
                        if ((_flags & StopRequestedFlag) != 0)
                        {
                            return "stopped";
                        }
                        if (PacketIdSet.Take(_acks, SubscribeAck, packetId, _clock.NowMs))
                        {
                            break;
                        }
                    }
                    long left = deadline - _clock.NowMs;
                    if (left <= 0)
                    {
                        return "no SUBACK within " + _options.SubscribeTimeoutMs.ToString() + " ms";
                    }
                    _clock.Wait(_wake, (int)(left < IdleTickMs ? left : IdleTickMs));
                }
            }
            return null;
        }

        private void RunAnnouncement()
        {
            try
            {
                _dialect.OnConnected(this);
            }
            catch (Exception e)
            {
                Write("the dialect's announcement failed: " + e.Message);
            }
        }

        // Steady state: send what the outbox holds, expire requests, until the link or the app ends it.
        private int Serve()
        {
            string failure = null;
            lock (_wake)
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
            bool stopping = StopRequested();
            lock (_wake)
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
            bool served;
            lock (_wake)
            {
                served = (_flags & ServedFlag) != 0;
            }
            Counters.Add(SessionCounters.DisconnectCount, _backoff.IsFlap(lived, served), SessionCounters.FlapCount);
            int wait = _backoff.NextDelayAfterLoss(lived, served);
            Write("connection lost after " + lived.ToString() + " ms: " + failure + "; reconnecting in " + wait.ToString() + " ms");
            SetState(SessionState.WaitingToReconnect, failure);
            return Backoff(wait);
        }

        private int Backoff(int delayMs)
        {
            _waitUntil = _clock.NowMs + delayMs;
            lock (_wake)
            {
                EnterPhase(Phase.Backoff);
            }
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
            long left = _waitUntil - _clock.NowMs;
            if (left <= 0)
            {
                lock (_wake)
                {
                    EnterPhase(Phase.Connect);
                }
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
                lock (_wake)
                {
                    if ((_flags & (LostFlag | StopRequestedFlag)) != 0 || _outbox.InFlight >= _options.MaxInFlight
                        || _clock.NowMs < _waitUntil)
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
                    lock (_wake)
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
                    lock (_wake)
                    {
                        int refusals = ((_flags & RefusalMask) >> RefusalShift) + 1;
                        _flags = (_flags & ~RefusalMask) | (refusals << RefusalShift);
                        _waitUntil = _clock.NowMs + IdleTickMs;
                        if (refusals >= MaxPublishRefusals)
                        {
                            return "the transport refused " + refusals.ToString() + " publishes in a row: " + e.Message;
                        }
                    }
                    return null;
                }
                lock (_wake)
                {
                    _flags &= ~RefusalMask;
                }
                Counters.Add(SessionCounters.MessageOutCount, message.Attempts > 0, SessionCounters.RetryCount);
                OutboundMessage acknowledged = null;
                lock (_wake)
                {
                    _outbox.MarkSent(message, packetId);
                    // The PUBACK may have overtaken us while Publish was returning.
                    if (PacketIdSet.Take(_acks, EarlyAck, packetId, _clock.NowMs))
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
                lock (_wake)
                {
                    expired = _pending.TakeExpired(now);
                }
                if (expired == null)
                {
                    return;
                }
                Counters.Add(SessionCounters.TimeoutCount);
                Write("request " + expired.Id.ToString() + " timed out");
                Raise(RequestTimedOutEvent, expired, 0, null);
            }
        }

        // The dialect's timed work that is due, one piece at a time, outside the lock.
        private void RunScheduled()
        {
            while (true)
            {
                ThreadStart work;
                lock (_wake)
                {
                    work = _schedule == null ? null : _schedule.TakeDue(_clock.NowMs);
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
            lock (_wake)
            {
                next = _pending.NextDeadline();
                long due = _schedule == null ? long.MaxValue : _schedule.NextDue();
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
            lock (_wake)
            {
                int bits = (int)state << StateShift;
                if ((_flags & StateMask) == bits)
                {
                    return;
                }
                _flags = (_flags & ~StateMask) | bits;
            }
            Raise(StateChangedEvent, null, (int)state, detail);
        }

        private bool StopRequested()
        {
            lock (_wake)
            {
                return (_flags & StopRequestedFlag) != 0;
            }
        }
    }
}
