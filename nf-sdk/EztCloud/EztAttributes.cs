using System;
using System.Threading;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// Attribute reports and their rate limit. With <see cref="EztCloudOptions.MinReportIntervalMs"/>
    /// set, a report made sooner than the interval after the last one is not sent and not dropped: its
    /// values are merged into a bounded buffer (latest value per key wins) that goes out as one report
    /// once the interval has passed, under one id for every app report merged into it. A buffer that
    /// would overflow is sent early instead. At QoS 0 merged values due while offline wait for the next
    /// connection and go out with the version. The wait is booked on the session's worker
    /// (<see cref="IDialectHost.Schedule"/>), on the session's clock: no thread of its own.
    /// </summary>
    internal sealed class EztAttributes
    {
        private readonly EztUplink _uplink;
        // The values waiting to go out together; made when first needed (a version to announce, a report
        // to merge). Use Pending() to fill it, PendingCount to look. Guarded by the uplink's lock (its writer).
        private AttributeBatch _pending;
        // Made the first time a report has to wait: without a rate limit nothing is ever merged.
        private AttributeBatch _incoming;
        // Made with the first wait: without a rate limit nothing ever waits.
        private ThreadStart _onDue;
        private bool _stopped;
        private long _nextReportMs;
        private long _dueMs;

        // The id of the merged values' report once an app report is among them; 0 while none is.
        private long _mergedId;

        public EztAttributes(EztUplink uplink)
        {
            _uplink = uplink;
        }

        /// <summary>
        /// Publishes <c>{"id":value,…}</c>, or merges it into the next report when the minimum interval
        /// has not passed (Accepted: it will go out). Reports merged into one message share its id.
        /// </summary>
        public SendResult Report(PropertyReport report, out long id)
        {
            if (report == null || report.Count == 0)
            {
                throw new ArgumentException("An attribute report needs at least one value.");
            }
            IDialectHost host = _uplink.Attached();
            JsonWriter writer = _uplink.Writer;
            lock (writer)
            {
                long now = host.Clock.NowMs;
                if (MustWait(now))
                {
                    if (_incoming == null)
                    {
                        _incoming = new AttributeBatch();
                    }
                    _incoming.Clear();
                    int i = 0;
                    // Each value is encoded in the uplink's writer (free under the lock) and copied into the batch.
                    while (i < report.Count && _incoming.Put(report, i, writer))
                    {
                        i++;
                    }
                    if (i == report.Count)
                    {
                        return Coalesce(_incoming, now, true, out id);
                    }
                    // Larger than the whole merge buffer: it goes out now rather than never.
                    _incoming.Clear();
                }
                writer.Reset();
                report.WriteObject(writer);
                id = host.NewId();
                return Send(now, id, true);
            }
        }

        /// <summary>Reports values the dialect sends on its own (push confirmations, a new version), under the same limit.</summary>
        public SendResult Report(AttributeBatch batch)
        {
            long id;
            lock (_uplink.Writer)
            {
                long now = _uplink.Host.Clock.NowMs;
                return MustWait(now) ? Coalesce(batch, now, false, out id) : SendBatch(batch, now, false, out id);
            }
        }

        /// <summary>
        /// Every connect: the version attribute (merged with any values still waiting) in one report.
        /// </summary>
        public void Announce()
        {
            lock (_uplink.Writer)
            {
                _stopped = false;
                string version = _uplink.FirmwareVersion;
                long now = _uplink.Host.Clock.NowMs;
                string name = _uplink.VersionAttribute;
                if (version != null && !PutText(Pending(), name, version))
                {
                    SendPending(now);
                    PutText(Pending(), name, version);
                }
                if (PendingCount > 0)
                {
                    SendPending(now);
                }
            }
        }

        /// <summary>The wait ends and sends nothing more; merged values wait for the next announcement.</summary>
        public void Stop()
        {
            lock (_uplink.Writer)
            {
                _stopped = true;
                _dueMs = 0;
            }
            IDialectHost host = _uplink.Host;
            ThreadStart onDue = _onDue;
            if (host != null && onDue != null)
            {
                host.Cancel(onDue);
            }
        }

        /// <summary>
        /// Sets <paramref name="key"/> to the JSON string <paramref name="value"/> in <paramref name="batch"/>,
        /// encoded in the uplink's writer: call with the uplink's lock (its writer) held.
        /// </summary>
        public bool PutText(AttributeBatch batch, string key, string value)
        {
            JsonWriter writer = _uplink.Writer;
            writer.Reset();
            writer.WriteString(value);
            return !writer.Overflowed && batch.Put(key, writer.Buffer, 0, writer.Length);
        }

        private AttributeBatch Pending()
        {
            if (_pending == null)
            {
                _pending = new AttributeBatch();
            }
            return _pending;
        }

        private int PendingCount
        {
            get { return _pending == null ? 0 : _pending.Count; }
        }

        private bool MustWait(long now)
        {
            return _uplink.MinReportIntervalMs > 0 && (PendingCount > 0 || now < _nextReportMs);
        }

        private SendResult Coalesce(AttributeBatch batch, long now, bool app, out long id)
        {
            if (!Pending().TakeFrom(batch))
            {
                SendPending(now);
                if (!Pending().TakeFrom(batch))
                {
                    // Still no room (offline at QoS 0, or too big): send it on its own, as without a limit.
                    return SendBatch(batch, now, app, out id);
                }
            }
            if (app && _mergedId == 0)
            {
                _mergedId = _uplink.Host.NewId();
            }
            id = app ? _mergedId : 0;
            Interlocked.Increment(ref _uplink.Responses.Dialect.Counters.Coalesced);
            Arm(_nextReportMs);
            return SendResult.Accepted;
        }

        private SendResult SendBatch(AttributeBatch batch, long now, bool app, out long id)
        {
            _uplink.Writer.Reset();
            batch.WriteObject(_uplink.Writer);
            batch.Clear();
            id = _uplink.Host.NewId();
            return Send(now, id, app);
        }

        // Sends the merged values under the id their app reports were given; they stay when the send fails.
        private SendResult SendPending(long now)
        {
            _uplink.Writer.Reset();
            Pending().WriteObject(_uplink.Writer);
            bool app = _mergedId != 0;
            SendResult result = Send(now, app ? _mergedId : _uplink.Host.NewId(), app);
            if (result == SendResult.Accepted)
            {
                _pending.Clear();
                _mergedId = 0;
            }
            return result;
        }

        private SendResult Send(long now, long id, bool app)
        {
            SendResult result = _uplink.SendReport(TopicKind.PropertyPost, id, app);
            if (result == SendResult.Accepted)
            {
                _nextReportMs = now + _uplink.MinReportIntervalMs;
            }
            return result;
        }

        // Due at dueMs (the session's clock): booked on the session's worker, no thread of our own.
        private void Arm(long dueMs)
        {
            if (_stopped || _dueMs != 0)
            {
                // Stopped: the merged values wait for the next connection's announcement.
                return;
            }
            IDialectHost host = _uplink.Host;
            if (_onDue == null)
            {
                _onDue = OnDue;
            }
            _dueMs = dueMs < 1 ? 1 : dueMs;
            long wait = _dueMs - host.Clock.NowMs;
            host.Schedule(_onDue, wait < 0 ? 0 : (int)wait);
        }

        private void OnDue()
        {
            IDialectHost host = _uplink.Host;
            lock (_uplink.Writer)
            {
                long now = host.Clock.NowMs;
                if (_stopped || _dueMs == 0)
                {
                    return;
                }
                if (now < _dueMs)
                {
                    host.Schedule(_onDue, (int)(_dueMs - now));
                    return;
                }
                _dueMs = 0;
                Due(host, now);
            }
        }

        private void Due(IDialectHost host, long now)
        {
            if (PendingCount == 0)
            {
                return;
            }
            if (now < _nextReportMs)
            {
                // A report went out meanwhile (the announcement): the interval counts from it.
                Arm(_nextReportMs);
                return;
            }
            try
            {
                // QoS 0 offline: the next connection's announcement sends them.
                SendResult result = _uplink.PublishQos == MqttQos.AtMostOnce && !host.IsConnected
                    ? SendResult.NotConnected : SendPending(now);
                if (result == SendResult.NotConnected)
                {
                    host.Write(PendingCount.ToString() + " merged attribute(s) wait for the connection");
                }
                else if (result != SendResult.Accepted)
                {
                    // A full outbox or pending table: try again an interval later, nothing lost.
                    host.Write("merged attribute report not sent (" + ((int)result).ToString() + "); retrying");
                    Arm(now + _uplink.MinReportIntervalMs);
                }
            }
            catch (Exception e)
            {
                // The waiting thread must never throw: the runtime would end the app.
                host.Write("merged attribute report failed: " + e.Message);
            }
        }
    }
}
