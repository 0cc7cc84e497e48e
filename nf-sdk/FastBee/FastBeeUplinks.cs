using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// Everything the device publishes, written into one buffer under one lock: info/post (with the
    /// firmware version and position it reports), reports and events with their outcome ids, command
    /// confirmations, monitor samples, ntp/post and upgrade/reply.
    /// </summary>
    internal sealed partial class FastBeeUplinks
    {
        /// <summary>The reply kind of ntp/post: ntp/get carries no id, so one request waits at a time.</summary>
        public const int TimeReply = (int)TopicKind.NtpResponse;

        // The writer's first buffer: info/post, and a report of six values as items (about 270 bytes with
        // the writer's margin); a larger report grows it, up to MaxMessageBytes, once.
        private const int FirstBufferBytes = 320;

        public readonly TopicTable Topics;

        /// <summary>
        /// The device time the outstanding ntp/post went out at: written before the request is registered,
        /// read once its answer completed it.
        /// </summary>
        public long TimeSentAt;

        // What is kept of the options: FastBeeUplinks.Settings.cs.
        private readonly JsonWriter _writer;
        private IDialectHost _host;

        /// <summary>The client's host; the dialect belongs to one client.</summary>
        public IDialectHost Host
        {
            get
            {
                IDialectHost host = _host;
                if (host == null)
                {
                    throw new InvalidOperationException("Use the FastBeeDialect through a DeviceClient.");
                }
                return host;
            }
        }

        public void Attach(IDialectHost host)
        {
            if (_host != null)
            {
                throw new InvalidOperationException("This FastBeeDialect already belongs to another DeviceClient.");
            }
            _host = host;
        }

        public double FirmwareVersion
        {
            get { lock (this) { return _firmwareVersion; } }
            set
            {
                if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
                {
                    throw new ArgumentException("FastBee FirmwareVersion must be a non-negative number such as 1.2.");
                }
                lock (this) { _firmwareVersion = value; }
            }
        }

        public void SetLocation(double longitude, double latitude)
        {
            lock (this)
            {
                _longitude = longitude;
                _latitude = latitude;
            }
        }

        /// <summary>What every connection starts with: info/post, then ntp/post if the options ask for it.</summary>
        public void Announce()
        {
            Info(true);
            if (PackedSettings.IsOn(_settings, RequestTimeAfterConnectSwitch))
            {
                RequestTime();
            }
        }

        /// <summary>info/post; in the announcement it goes out directly, ahead of the backlog.</summary>
        public SendResult Info(bool announcing)
        {
            IDialectHost host = Host;
            int rssi = ReadRssi(host);
            double version;
            double longitude;
            double latitude;
            lock (this)
            {
                version = _firmwareVersion;
                longitude = _longitude;
                latitude = _latitude;
            }
            JsonWriter writer = _writer;
            lock (writer)
            {
                writer.Reset();
                FastBeeMessages.WriteInfo(writer, rssi, version, UserId, longitude, latitude, Summary, SummaryJson);
                string topic = Topics.Compose(TopicKind.DeviceInfoPost);
                if (announcing && !writer.Overflowed)
                {
                    return host.Announce(topic, writer.Buffer, writer.Length, PublishQos);
                }
                return Publish(host, topic);
            }
        }

        /// <summary>An item array of every value of <paramref name="report"/> on property/post or event/post, with its outcome id.</summary>
        public SendResult Items(PropertyReport report, TopicKind kind, out long id)
        {
            if (report == null || report.Count == 0)
            {
                throw new ArgumentException("Nothing to report: the report is empty.");
            }
            IDialectHost host = Host;
            lock (_writer)
            {
                _writer.Reset();
                FastBeeItems.Write(_writer, report);
                return Report(host, kind, out id);
            }
        }

        /// <summary>One event on event/post: the first value of <paramref name="value"/>, else <paramref name="text"/>.</summary>
        public SendResult Event(string eventId, PropertyReport value, string text, string remark, out long id)
        {
            if (eventId == null || eventId.Length == 0)
            {
                throw new ArgumentException("An event needs its identifier.");
            }
            IDialectHost host = Host;
            JsonWriter writer = _writer;
            lock (writer)
            {
                writer.Reset();
                writer.BeginArray();
                if (value != null && value.Count > 0)
                {
                    writer.BeginObject();
                    writer.WriteString("id", eventId);
                    writer.WriteName("value");
                    value.WriteValueAsText(0, writer);
                    writer.WriteString("remark", "");
                    writer.EndObject();
                }
                else
                {
                    FastBeeItems.WriteItem(writer, eventId, text, remark);
                }
                writer.EndArray();
                return Report(host, TopicKind.EventPost, out id);
            }
        }

        /// <summary>property/post with the values now in effect after a function/get: the first <paramref name="count"/> reports.</summary>
        public SendResult Confirm(PropertyReport[] results, int count)
        {
            IDialectHost host = Host;
            JsonWriter writer = _writer;
            lock (writer)
            {
                writer.Reset();
                writer.BeginArray();
                for (int i = 0; i < count; i++)
                {
                    results[i].WriteItems(writer, FastBeeItems.Items);
                }
                writer.EndArray();
                return Publish(host, Topics.Get(TopicKind.PropertyPost));
            }
        }

        /// <summary>One monitor sample on monitor/post.</summary>
        public SendResult Sample(PropertyReport sample)
        {
            IDialectHost host = Host;
            lock (_writer)
            {
                _writer.Reset();
                FastBeeItems.Write(_writer, sample);
                return Publish(host, Topics.Get(TopicKind.MonitorPost));
            }
        }

        /// <summary>upgrade/reply <c>{"messageId":…,"code":…,"msg":…}</c>.</summary>
        public SendResult UpgradeReply(string messageIdJson, int code, string message)
        {
            IDialectHost host = Host;
            lock (_writer)
            {
                _writer.Reset();
                FastBeeMessages.WriteUpgradeReply(_writer, messageIdJson, code, message);
                return Publish(host, Topics.Compose(TopicKind.OtaReply));
            }
        }

        /// <summary>ntp/post <c>{"deviceSendTime":…}</c>, waiting for its ntp/get; one at a time.</summary>
        public SendResult RequestTime()
        {
            IDialectHost host = Host;
            JsonWriter writer = _writer;
            lock (writer)
            {
                TimeSentAt = host.Clock.NowMs;
                writer.Reset();
                FastBeeMessages.WriteNtpRequest(writer, TimeSentAt);
                return host.SendRequest(Topics.Compose(TopicKind.NtpRequest), writer.Buffer, writer.Length, PublishQos,
                    TimeReply, 0, 0);
            }
        }

        /// <summary>The connection ended: no ntp/get can come on the next (clean) session, so the next connect may ask again.</summary>
        public void AbandonTimeRequest()
        {
            IDialectHost host = Host;
            if (host.Complete(TimeReply, 0, false, 0, "the connection ended"))
            {
                host.Write("time request abandoned, the connection ended");
            }
        }

        // The message in _writer (lock held) as a report: FastBee answers none, so its outcome is the PUBACK
        // at QoS 1 and Sent at QoS 0.
        private SendResult Report(IDialectHost host, TopicKind kind, out long id)
        {
            id = 0;
            string topic = Topics.Get(kind);
            if (TooLarge(host, topic))
            {
                return SendResult.TooLarge;
            }
            id = host.NewId();
            return host.SendReport(topic, _writer.Buffer, _writer.Length, PublishQos, id);
        }

        // The message in _writer (lock held), without an outcome.
        private SendResult Publish(IDialectHost host, string topic)
        {
            return TooLarge(host, topic) ? SendResult.TooLarge : host.Publish(topic, _writer.Buffer, _writer.Length, PublishQos);
        }

        private bool TooLarge(IDialectHost host, string topic)
        {
            if (!_writer.Overflowed)
            {
                return false;
            }
            host.Write("message for '" + topic + "' is larger than MaxMessageBytes (" + MaxMessageBytes.ToString() + "); not sent");
            return true;
        }

        private int ReadRssi(IDialectHost host)
        {
            RssiSource rssi = Rssi;
            if (rssi == null)
            {
                return 0;
            }
            try
            {
                return rssi();
            }
            catch (Exception e)
            {
                host.Write("the rssi source failed: " + e.Message);
                return 0;
            }
        }
    }
}
