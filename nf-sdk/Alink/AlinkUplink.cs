using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Everything the device sends, one message at a time through one reused writer: requests under a
    /// fresh message id (each waiting for its reply), replies to the platform's requests, OTA inform and
    /// progress, and the time request. Message ids come from one counter per dialect, so they stay unique
    /// across reconnects; after 4294967295, the platform's largest, it starts again at 1.
    /// </summary>
    internal sealed partial class AlinkUplink
    {
        public const long MaxMessageId = 4294967295;

        // The writer's first buffer: the OTA inform and queries, replies, and a property post of six
        // values (about 240 bytes with the writer's margin); a larger message grows it, once.
        private const int FirstBufferBytes = 256;

        // The roles reach the host, settings (AlinkUplink.Settings.cs) and table through the uplink rather
        // than keeping fields of their own; fields, not properties: a property is a method more on the device.
        public readonly TopicTable Table;

        /// <summary>The client's host, set when the client attaches: sending starts then.</summary>
        public IDialectHost Host;

        // The writer is the uplink's lock too (an object less on the device).
        private readonly JsonWriter _writer = new JsonWriter(FirstBufferBytes, AlinkDialect.MaxMessageBytes);
        private long _nextId;

        /// <summary>The id the next uplink will carry.</summary>
        public long NextId
        {
            get { lock (_writer) { return _nextId; } }
        }

        /// <summary>
        /// Sends a request of <paramref name="kind"/> (PropertyPost, EventPost of <paramref name="eventId"/>,
        /// PropertyBatchPost…) with <paramref name="content"/> as its params. Its reply comes on the next
        /// kind (every Alink request kind is followed by its reply's) with the same id, which is also the
        /// app's outcome id. Content the platform would refuse throws before an id is used.
        /// </summary>
        public SendResult Request(TopicKind kind, string eventId, object content, out long id)
        {
            return Send(kind, eventId, content, true, out id);
        }

        /// <summary>A request the dialect makes on its own (queries after a connect): no app outcome.</summary>
        public SendResult RequestOwn(TopicKind kind, string eventId, object content)
        {
            long id;
            return Send(kind, eventId, content, false, out id);
        }

        private SendResult Send(TopicKind kind, string eventId, object content, bool forApp, out long id)
        {
            RequireAttached();
            string topic = kind == TopicKind.EventPost ? Table.Build(kind, eventId) : Table.Get(kind);
            lock (_writer)
            {
                Write(kind, _nextId, eventId, content);
                id = TakeId();
                if (!Fits(topic))
                {
                    return SendResult.TooLarge;
                }
                // A reply counts only on its own topic: the kind and the id together are the key.
                return Host.SendRequest(topic, _writer.Buffer, _writer.Length, PublishQos, (int)kind + 1, id, forApp ? id : 0);
            }
        }

        /// <summary>
        /// NTP over MQTT (QoS 0, the only QoS the service takes): <c>{"deviceSendTime":"&lt;session ms&gt;"}</c>,
        /// one at a time. The message carries no id, so it takes none from the counter: its outcome has id 0.
        /// </summary>
        public SendResult RequestTime()
        {
            RequireAttached();
            lock (_writer)
            {
                AlinkEncoder.WriteNtpRequest(_writer, Host.Clock.NowMs);
                return Host.SendRequest(Table.Get(TopicKind.NtpRequest), _writer.Buffer, _writer.Length, MqttQos.AtMostOnce,
                    (int)TopicKind.NtpResponse, 0, 0);
            }
        }

        /// <summary>
        /// Answers a platform's request on <paramref name="topic"/>, echoing its id as it came (raw JSON).
        /// A reply too large to send becomes a 400 "reply too large", so the platform is not left waiting.
        /// </summary>
        public SendResult Reply(string topic, byte[] rawId, int start, int count, long code, string message, PropertyReport data)
        {
            lock (_writer)
            {
                AlinkEncoder.WriteReply(_writer, rawId, start, count, code, message, data);
                if (_writer.Overflowed)
                {
                    AlinkEncoder.WriteReply(_writer, rawId, start, count, AlinkCodes.DeviceError, "reply too large", null);
                }
                return Publish(topic, PublishQos, false);
            }
        }

        /// <summary>
        /// The OTA version inform, at QoS 1 as the platform's SDK sends it: the version decides whether an
        /// update succeeded. In the announcement it goes ahead of the backlog, never kept; after an update
        /// through the outbox, so it is not lost.
        /// </summary>
        public SendResult Inform(string version, string module, bool announcing)
        {
            lock (_writer)
            {
                AlinkEncoder.WriteOtaInform(_writer, TakeId(), version, module);
                return Publish(Table.Get(TopicKind.OtaInform), MqttQos.AtLeastOnce, announcing);
            }
        }

        /// <summary>OTA progress (QoS 0): <paramref name="step"/> 1–100, or −1…−4 for failures.</summary>
        public SendResult Progress(int step, string desc, string module)
        {
            lock (_writer)
            {
                AlinkEncoder.WriteOtaProgress(_writer, TakeId(), step, desc, module);
                return Publish(Table.Get(TopicKind.OtaProgress), MqttQos.AtMostOnce, false);
            }
        }

        /// <summary>Logs a message the device sends on its own (announcement, reply, post of applied values) that did not go out.</summary>
        public void LogUnsent(string what, SendResult result)
        {
            if (result != SendResult.Accepted)
            {
                Host.Write(what + " not sent (result " + ((int)result).ToString() + ")");
            }
        }

        // Caller holds the writer's lock.
        private long TakeId()
        {
            long id = _nextId;
            _nextId = id >= MaxMessageId ? 1 : id + 1;
            return id;
        }

        private void RequireAttached()
        {
            if (Host == null)
            {
                throw new InvalidOperationException("Create the DeviceClient with this dialect before sending.");
            }
        }

        // The one switch from a request's kind to its encoder.
        private void Write(TopicKind kind, long id, string eventId, object content)
        {
            switch (kind)
            {
                case TopicKind.PropertyPost:
                    AlinkEncoder.WritePropertyPost(_writer, id, (PropertyReport)content);
                    return;
                case TopicKind.EventPost:
                    AlinkEncoder.WriteEventPost(_writer, id, eventId, (PropertyReport)content);
                    return;
                case TopicKind.PropertyBatchPost:
                    AlinkBulkEncoder.WriteBatchPost(_writer, id, (AlinkBatch)content);
                    return;
                case TopicKind.PropertyHistoryPost:
                    AlinkBulkEncoder.WriteHistoryPost(_writer, id, Table.IdentityValue(AlinkTopics.ProductKeyIndex),
                        Table.IdentityValue(AlinkTopics.DeviceNameIndex), (AlinkBatch)content);
                    return;
                case TopicKind.DeviceInfoPost:
                    AlinkBulkEncoder.WriteDeviceInfoUpdate(_writer, id, (PropertyReport)content);
                    return;
                case TopicKind.DeviceInfoDelete:
                    AlinkBulkEncoder.WriteDeviceInfoDelete(_writer, id, (string[])content);
                    return;
                case TopicKind.PropertyGet:
                    AlinkBulkEncoder.WriteDesiredGet(_writer, id, (string[])content);
                    return;
                case TopicKind.DesiredDelete:
                    AlinkBulkEncoder.WriteDesiredDelete(_writer, id, (string[])content);
                    return;
                case TopicKind.OtaFirmwareGet:
                    AlinkEncoder.WriteFirmwareGet(_writer, id, Module);
                    return;
                default:
                    AlinkEncoder.WriteConfigGet(_writer, id);
                    return;
            }
        }

        // A message nobody replies to. Caller holds the writer's lock.
        private SendResult Publish(string topic, MqttQos qos, bool announcing)
        {
            if (!Fits(topic))
            {
                return SendResult.TooLarge;
            }
            return announcing ? Host.Announce(topic, _writer.Buffer, _writer.Length, qos) : Host.Publish(topic, _writer.Buffer, _writer.Length, qos);
        }

        private bool Fits(string topic)
        {
            if (!_writer.Overflowed)
            {
                return true;
            }
            Host.Write("message for '" + topic + "' not sent: larger than " + AlinkDialect.MaxMessageBytes.ToString() + " bytes");
            return false;
        }
    }
}
