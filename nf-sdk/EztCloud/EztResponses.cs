using System;
using System.Threading;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// The platform's answers. attributes_response and event_response carry no id (and are off unless
    /// the product switches them on), so each is matched to the oldest report still waiting in its queue
    /// (<see cref="ReportFifo"/>); with <see cref="EztCloudOptions.ResponsesEnabled"/> that report's
    /// outcome follows from it. attributes_get has one request at a time, matched by kind alone.
    /// </summary>
    internal sealed class EztResponses
    {
        private readonly EztUplink _uplink;
        // The dialect, which the other roles reach through here too (and its counters through it).
        public readonly EztCloudDialect Dialect;
        // The two answer queues (see ReportFifo), each made with its first report.
        private long[] _attributes;
        private long[] _events;

        public EztResponses(EztUplink uplink, EztCloudDialect dialect)
        {
            _uplink = uplink;
            Dialect = dialect;
        }

        /// <summary>A report went out under <paramref name="id"/>: its answer, if any, comes in this order.</summary>
        public void Sent(bool attributes, long id, long nowMs)
        {
            if (attributes)
            {
                _attributes = ReportFifo.Add(_attributes, id, nowMs);
            }
            else
            {
                _events = ReportFifo.Add(_events, id, nowMs);
            }
        }

        public void Unsent(bool attributes)
        {
            ReportFifo.RemoveNewest(attributes ? _attributes : _events);
        }

        /// <summary><c>{"keys":[…]}</c> on attributes_get; its answer completes it (one at a time).</summary>
        public SendResult GetAttributes(string[] keys)
        {
            for (int i = 0; keys != null && i < keys.Length; i++)
            {
                if (keys[i] == null || keys[i].Length == 0)
                {
                    throw new ArgumentException("An attribute key cannot be null or empty.");
                }
            }
            IDialectHost host = _uplink.Attached();
            JsonWriter writer = _uplink.Writer;
            lock (writer)
            {
                EztCloudMessages.WriteAttributesGet(writer, keys);
                if (!_uplink.Fits("attributes_get"))
                {
                    return SendResult.TooLarge;
                }
                return host.SendRequest(_uplink.Topics.Get(TopicKind.PropertyGet), writer.Buffer, writer.Length,
                    _uplink.PublishQos, (int)TopicKind.PropertyGetReply, 0, 0);
            }
        }

        /// <summary>attributes_response / event_response: matched, counted, completed, and raised.</summary>
        public void OnReportResponse(string topic, JsonElement root, bool attributes)
        {
            IDialectHost host = _uplink.Host;
            long code;
            if (!ReadCode(host, topic, root, out code))
            {
                return;
            }
            long sequence;
            lock (_uplink.Writer)
            {
                sequence = ReportFifo.Match(attributes ? _attributes : _events, host.Clock.NowMs, host.Options.RequestTimeoutMs);
            }
            EztCloudResponse response = new EztCloudResponse(attributes ? EztCloudResponseKind.AttributesReport : EztCloudResponseKind.EventReport,
                root, code, sequence, new JsonElement());
            if (code == EztCloudResponse.Throttled)
            {
                Interlocked.Increment(ref Dialect.Counters.Throttled);
            }
            string what = attributes ? "attribute report" : "event report";
            if (sequence == 0)
            {
                Interlocked.Increment(ref Dialect.Counters.UnmatchedResponses);
                host.Write("a response on '" + topic + "' matched no outstanding " + what);
            }
            else if (_uplink.ResponsesEnabled)
            {
                // False for what the dialect sent on its own: nobody waits for its outcome.
                host.Complete((int)(attributes ? TopicKind.PropertyPostReply : TopicKind.EventPostReply), sequence,
                    code == 0, (int)code, response.ErrorMessage);
            }
            if (code != 0)
            {
                host.Write(what + " " + sequence.ToString() + " refused by the platform (error_code "
                    + code.ToString() + "): " + response.ErrorMessage);
            }
            Dialect.RaiseResponse(response);
        }

        /// <summary>attributes_get_response: completes the waiting get, then hands the values to the app.</summary>
        public void OnAttributesGet(string topic, JsonElement root)
        {
            IDialectHost host = _uplink.Host;
            long code;
            if (!ReadCode(host, topic, root, out code))
            {
                return;
            }
            JsonElement attributes = root.Get("attributes");
            if (attributes.Exists && attributes.Kind != JsonKind.Object)
            {
                Inbound.RejectShape(host, topic, "attributes is not an object");
                return;
            }
            EztCloudResponse response = new EztCloudResponse(EztCloudResponseKind.AttributesGet, root, code, 0, attributes);
            if (!host.Complete((int)TopicKind.PropertyGetReply, 0, code == 0, (int)code, response.ErrorMessage))
            {
                host.Reject(topic, RejectReason.UnmatchedReply, "no attributes_get is waiting for this answer");
                return;
            }
            Dialect.RaiseResponse(response);
        }

        // {"error_code":0,"error_msg":"OK","ts":…}: false (rejected) without an integer error_code.
        private static bool ReadCode(IDialectHost host, string topic, JsonElement root, out long code)
        {
            if (root.TryGetInt64("error_code", out code))
            {
                return true;
            }
            Inbound.RejectShape(host, topic, "response without an integer error_code");
            return false;
        }
    }
}
