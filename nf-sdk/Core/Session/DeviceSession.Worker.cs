using System;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Session
{
    /// <summary>The worker thread: connect, subscribe, announce, send, expire, and reconnect on loss.</summary>
    public sealed partial class DeviceSession
    {
        // How often the worker looks at the clock when nothing wakes it.
        private const int IdleTickMs = 500;

        // Publishes the transport refused in a row (with an exception it does not promise) before the
        // connection is given up; a refusal pauses sending until the next tick.
        private const int MaxPublishRefusals = 3;

        private int _publishRefusals;
        private long _sendingPausedUntil;

        private void Run()
        {
            while (!StopRequested())
            {
                try
                {
                    if (!ConnectAndServe())
                    {
                        break;
                    }
                }
                catch (Exception e)
                {
                    // Nothing may end the worker but Stop and bad configuration: note it, wait, start over.
                    Write("session error: " + e.Message + "; reconnecting after the backoff");
                    lock (_sync)
                    {
                        _connected = false;
                        _announced = false;
                        _outbox.MarkAllUnsent();
                    }
                    SafeDisconnect();
                    SetState(SessionState.WaitingToReconnect, e.Message);
                    WaitOrStop(_backoff.NextDelayAfterFailure());
                }
            }
            SafeDisconnect();
            SetState(SessionState.Stopped, null);
        }

        // One connect attempt and, when it succeeds, the connection's life. False: stop the worker.
        private bool ConnectAndServe()
        {
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
                return false;
            }
            if (options == null)
            {
                Counters.Add(SessionCounters.ConnectFailureCount);
                Write("the dialect is not ready to connect yet; retrying after the backoff");
                SetState(SessionState.WaitingToReconnect, "not ready to connect");
                WaitOrStop(_backoff.NextDelayAfterFailure());
                return true;
            }
            string error;
            MqttConnectResult result = SafeConnect(options, out error);
            if (result != MqttConnectResult.Accepted)
            {
                Counters.Add(SessionCounters.ConnectFailureCount);
                Write("connect failed (" + ((int)result).ToString() + "): " + error);
                int delay = _backoff.NextDelayAfterFailure();
                SetState(SessionState.WaitingToReconnect, error);
                WaitOrStop(delay);
                return true;
            }
            Counters.Add(SessionCounters.ConnectCount);
            long connectedAt = _clock.NowMs;
            lock (_sync)
            {
                _connected = true;
                _lost = false;
                _lostReason = null;
                _earlyAcks.Clear();
                _directAcks.Clear();
                _subscribeAcks.Clear();
                _publishRefusals = 0;
                _sendingPausedUntil = 0;
            }
            bool served = false;
            string failure = SubscribeAll();
            if (failure == null)
            {
                SetState(SessionState.Connected, null);
                RunAnnouncement();
                ReleaseHeld();
                served = true;
                failure = ServeConnection();
            }
            bool stopping = StopRequested();
            lock (_sync)
            {
                _connected = false;
                _announced = false;
                _outbox.MarkAllUnsent();
            }
            if (stopping || failure != null || !TransportIsConnected())
            {
                SafeDisconnect();
            }
            if (stopping)
            {
                return false;
            }
            long lived = _clock.NowMs - connectedAt;
            Counters.Add(SessionCounters.DisconnectCount, _backoff.IsFlap(lived, served), SessionCounters.FlapCount);
            int wait = _backoff.NextDelayAfterLoss(lived, served);
            Write("connection lost after " + lived.ToString() + " ms: " + failure + "; reconnecting in " + wait.ToString() + " ms");
            SetState(SessionState.WaitingToReconnect, failure);
            WaitOrStop(wait);
            return true;
        }

        private void RunAnnouncement()
        {
            Guard(() => _dialect.OnConnected(this));
        }

        // Steady state: send what the outbox holds, expire requests, until the link or the app ends it.
        private string ServeConnection()
        {
            while (true)
            {
                lock (_sync)
                {
                    if (_stopRequested)
                    {
                        return "stopped";
                    }
                    if (_lost)
                    {
                        return _lostReason;
                    }
                }
                string failure = FlushOutbox();
                if (failure != null)
                {
                    return failure;
                }
                ExpireRequests();
                RunScheduled();
                _clock.Wait(_wake, NextWaitMs());
            }
        }

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
                    lock (_sync)
                    {
                        if (_lost)
                        {
                            return _lostReason;
                        }
                        if (_stopRequested)
                        {
                            return "stopped";
                        }
                        if (_subscribeAcks.Take(packetId, _clock.NowMs))
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

        private string FlushOutbox()
        {
            while (true)
            {
                OutboundMessage message;
                lock (_sync)
                {
                    if (_lost || _stopRequested || _outbox.InFlight >= _options.MaxInFlight || _clock.NowMs < _sendingPausedUntil)
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
                    if (_earlyAcks.Take(packetId, _clock.NowMs))
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

        // Waits out a reconnect delay; requests keep timing out while offline.
        private void WaitOrStop(int delayMs)
        {
            long until = _clock.NowMs + delayMs;
            while (!StopRequested())
            {
                ExpireRequests();
                RunScheduled();
                long left = until - _clock.NowMs;
                if (left <= 0)
                {
                    return;
                }
                int next = NextWaitMs();
                _clock.Wait(_wake, (int)(left < next ? left : next));
            }
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
                return _stopRequested;
            }
        }
    }
}
