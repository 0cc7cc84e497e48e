using System;
using System.Threading;
using IotDevice.Client;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// Attribute reports and their rate limit. With <see cref="EztCloudOptions.MinReportIntervalMs"/>
    /// set, a report made sooner than the interval after the last one is not sent and not dropped: its
    /// values are merged into a bounded buffer (latest value per key wins) that a timer sends as one
    /// report once the interval has passed. A buffer that would overflow is sent early instead. At QoS 0
    /// a merged report due while offline waits for the next connection and goes out with the version.
    /// </summary>
    public sealed partial class EztCloudDialect
    {
        /// <summary>
        /// Publishes <c>{"id":value,…}</c> on <c>attributes/{username}</c>, or merges it into the next
        /// report when the minimum interval has not passed (Accepted: it will go out). Reports merged into
        /// one message share its id, and so its outcome.
        /// </summary>
        SendResult IDeviceDialect.ReportProperties(PropertyReport report, out long id)
        {
            if (report == null || report.Count == 0)
            {
                throw new ArgumentException("An attribute report needs at least one value.");
            }
            IDialectHost host = Attached();
            lock (_sendLock)
            {
                long now = host.Clock.NowMs;
                if (!MustWaitLocked(now))
                {
                    _writer.Reset();
                    report.WriteObject(_writer);
                    id = host.NewId();
                    return PublishAttributesLocked(now, id);
                }
                _incoming.Clear();
                for (int i = 0; i < report.Count; i++)
                {
                    if (!_incoming.Put(report, i, _scratch))
                    {
                        // Larger than the whole merge buffer: it goes out now rather than never.
                        _incoming.Clear();
                        _writer.Reset();
                        report.WriteObject(_writer);
                        id = host.NewId();
                        return PublishAttributesLocked(now, id);
                    }
                }
                return CoalesceLocked(_incoming, now, out id);
            }
        }

        /// <summary>Reports the values in <paramref name="batch"/> (push confirmations), under the same rate limit.</summary>
        private SendResult ReportBatch(AttributeBatch batch)
        {
            long id;
            lock (_sendLock)
            {
                long now = _host.Clock.NowMs;
                if (!MustWaitLocked(now))
                {
                    return SendBatchLocked(batch, now, out id);
                }
                return CoalesceLocked(batch, now, out id);
            }
        }

        private bool MustWaitLocked(long now)
        {
            return _options.MinReportIntervalMs > 0 && (_pending.Count > 0 || now < _nextReportMs);
        }

        private SendResult CoalesceLocked(AttributeBatch batch, long now, out long id)
        {
            if (!_pending.TakeFrom(batch))
            {
                SendPendingLocked(now);
                if (!_pending.TakeFrom(batch))
                {
                    // Still no room (offline at QoS 0, or too big): send it on its own, as without a limit.
                    return SendBatchLocked(batch, now, out id);
                }
            }
            if (_mergedId == 0)
            {
                _mergedId = _host.NewId();
            }
            id = _mergedId;
            Counters.AddCoalesced();
            ArmTimerLocked(now);
            return SendResult.Accepted;
        }

        private SendResult SendBatchLocked(AttributeBatch batch, long now, out long id)
        {
            _writer.Reset();
            batch.WriteObject(_writer);
            batch.Clear();
            id = _host.NewId();
            return PublishAttributesLocked(now, id);
        }

        // Sends the merged values under the id their reports were given; at QoS 0 while offline they
        // stay for the next connection.
        private SendResult SendPendingLocked(long now)
        {
            _writer.Reset();
            _pending.WriteObject(_writer);
            if (_mergedId == 0)
            {
                _mergedId = _host.NewId();
            }
            SendResult result = PublishAttributesLocked(now, _mergedId);
            if (result != SendResult.NotConnected)
            {
                _pending.Clear();
                _mergedId = 0;
            }
            return result;
        }

        private SendResult PublishAttributesLocked(long now, long id)
        {
            if (!Fits("attribute report"))
            {
                return SendResult.TooLarge;
            }
            SendResult result = SendReport(TopicKind.PropertyPost, TopicKind.PropertyPostReply, id);
            if (result == SendResult.Accepted)
            {
                _attributeFifo.Add(id, now);
                _nextReportMs = now + _options.MinReportIntervalMs;
                Counters.AddAttributeReport();
            }
            return result;
        }

        private void ArmTimerLocked(long now)
        {
            if (_timerArmed || _stopped)
            {
                // Stopped: the merged values wait for the next connection's announcement.
                return;
            }
            long due = _nextReportMs - now;
            int dueMs = due < 1 ? 1 : (int)due;
            if (_timer == null)
            {
                _timer = new Timer(OnReportTimer, null, dueMs, -1);
            }
            else
            {
                _timer.Change(dueMs, -1);
            }
            _timerArmed = true;
        }

        private void OnReportTimer(object state)
        {
            try
            {
                lock (_sendLock)
                {
                    _timerArmed = false;
                    if (_pending.Count == 0 || _stopped)
                    {
                        return;
                    }
                    long now = _host.Clock.NowMs;
                    if (now < _nextReportMs)
                    {
                        ArmTimerLocked(now);
                        return;
                    }
                    if (_options.PublishQos == MqttQos.AtMostOnce && !_host.IsConnected)
                    {
                        _host.Write(_pending.Count.ToString() + " merged attribute(s) wait for the connection");
                        return;
                    }
                    SendPendingLocked(now);
                }
            }
            catch (Exception e)
            {
                // A timer thread must never throw: the runtime would end the app.
                _host.Write("merged attribute report failed: " + e.Message);
            }
        }
    }
}
