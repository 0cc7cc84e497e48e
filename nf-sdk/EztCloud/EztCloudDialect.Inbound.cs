using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// What the platform sends. Standard topics must carry a JSON object (the platform's own rule);
    /// anything else is rejected with its reason and counted. Only data streams carry raw bytes.
    /// </summary>
    public sealed partial class EztCloudDialect
    {
        // Values a handler may put in a command's reply or a push confirmation.
        private const int MaxOutputValues = 32;

        // Used on the transport's thread only (inbound messages never overlap).
        private readonly PropertyReport _output = new PropertyReport(MaxOutputValues);
        private readonly AttributeBatch _confirm = new AttributeBatch(MaxMergedKeys, MaxMergedBytes);
        private readonly JsonWriter _inboundScratch = new JsonWriter(64, MaxMergedBytes);

        void IDeviceDialect.HandleMessage(string topic, byte[] payload, bool retained)
        {
            IDialectHost session = _host;
            TopicMatch match;
            if (!Inbound.Classify(session, Topics, topic, out match))
            {
                return;
            }
            if (match.Kind == TopicKind.DataSet)
            {
                OnData(session, topic, match, payload);
                return;
            }
            JsonElement root = Inbound.ReadJson(session, topic, payload);
            if (root.Kind == JsonKind.Invalid)
            {
                return;
            }
            if (root.Kind == JsonKind.None)
            {
                Counters.AddIgnored();
                session.Write("empty payload on '" + topic + "': no data, ignored");
                return;
            }
            string reason;
            if (root.Kind != JsonKind.Object)
            {
                Inbound.RejectShape(session, topic, "not a JSON object");
                return;
            }
            if (!EztCloudMessages.WithinBudget(root, out reason))
            {
                Inbound.RejectShape(session, topic, reason);
                return;
            }
            switch (match.Kind)
            {
                case TopicKind.PropertyPostReply:
                    OnReportResponse(session, topic, root, EztCloudResponseKind.AttributesReport);
                    break;
                case TopicKind.EventPostReply:
                    OnReportResponse(session, topic, root, EztCloudResponseKind.EventReport);
                    break;
                case TopicKind.PropertyGetReply:
                    OnAttributesGetResponse(session, topic, root);
                    break;
                case TopicKind.PropertySet:
                    OnPush(session, topic, root);
                    break;
                case TopicKind.Command:
                    OnCommand(session, topic, root);
                    break;
                default:
                    session.Reject(topic, RejectReason.UnsupportedTopic, "no handling for this topic");
                    break;
            }
        }

        private void OnData(IDialectHost session, string topic, TopicMatch match, byte[] payload)
        {
            Counters.AddDataIn();
            string identifier = match.GetArg(topic);
            DataStreamHandler handler = (DataStreamHandler)_streams.Find(identifier);
            if (handler == null)
            {
                session.Reject(topic, RejectReason.NoHandler, "no handler for data stream '" + identifier + "'");
                return;
            }
            try
            {
                handler(identifier, payload);
            }
            catch (Exception e)
            {
                session.Reject(topic, RejectReason.HandlerFailed, "data stream handler failed: " + e.Message);
            }
        }

        // {"error_code":0,"error_msg":"OK","ts":…}; null (rejected) without an error_code.
        private static EztCloudResponse ReadResponse(IDialectHost session, string topic, JsonElement root, EztCloudResponseKind kind)
        {
            long code;
            if (!root.Get("error_code").TryGetInt64(out code))
            {
                Inbound.RejectShape(session, topic, "response without an integer error_code");
                return null;
            }
            long ts;
            root.Get("ts").TryGetInt64(out ts);
            EztCloudResponse response = new EztCloudResponse();
            response.Kind = kind;
            response.ErrorCode = code;
            response.ErrorMessage = EztCloudMessages.Text(root.Get("error_msg"));
            response.Timestamp = ts;
            return response;
        }

        private void OnReportResponse(IDialectHost session, string topic, JsonElement root, EztCloudResponseKind kind)
        {
            EztCloudResponse response = ReadResponse(session, topic, root, kind);
            if (response == null)
            {
                return;
            }
            bool attributes = kind == EztCloudResponseKind.AttributesReport;
            lock (_sendLock)
            {
                ReportFifo fifo = attributes ? _attributeFifo : _eventFifo;
                response.Sequence = fifo.Match(_host.Clock.NowMs, session.Options.RequestTimeoutMs);
            }
            Counters.AddResponse(response.ErrorCode, response.Sequence != 0);
            if (response.Sequence != 0 && _options.ResponsesEnabled)
            {
                _host.Complete((int)(attributes ? TopicKind.PropertyPostReply : TopicKind.EventPostReply), response.Sequence,
                    response.Succeeded, (int)response.ErrorCode, response.ErrorMessage);
            }
            string what = attributes ? "attribute report" : "event report";
            if (response.Sequence == 0)
            {
                session.Write("a response on '" + topic + "' matched no outstanding " + what);
            }
            if (!response.Succeeded)
            {
                session.Write(what + " " + response.Sequence.ToString() + " refused by the platform (error_code "
                    + response.ErrorCode.ToString() + "): " + response.ErrorMessage);
            }
            Raise(attributes ? AttributesResponse : EventResponse, response);
            if (!response.Succeeded)
            {
                Raise(ReportRefused, response);
            }
        }

        private void OnAttributesGetResponse(IDialectHost session, string topic, JsonElement root)
        {
            EztCloudResponse response = ReadResponse(session, topic, root, EztCloudResponseKind.AttributesGet);
            if (response == null)
            {
                return;
            }
            JsonElement attributes = root.Get("attributes");
            if (attributes.Exists && attributes.Kind != JsonKind.Object)
            {
                Inbound.RejectShape(session, topic, "attributes is not an object");
                return;
            }
            if (!session.Complete((int)TopicKind.PropertyGetReply, 0, response.Succeeded, (int)response.ErrorCode, response.ErrorMessage))
            {
                session.Reject(topic, RejectReason.UnmatchedReply, "no attributes_get is waiting for this answer");
                return;
            }
            response.Attributes = attributes;
            Raise(AttributesReceived, response);
        }

        // {"switch":false}: each attribute to its handler, then the values now in effect are reported.
        private void OnPush(IDialectHost session, string topic, JsonElement root)
        {
            int handled = 0;
            string unhandled = null;
            _confirm.Clear();
            JsonObjectEnumerator members = root.EnumerateObject();
            while (members.MoveNext())
            {
                string name = members.Name.GetString();
                if (!Inbound.IsUsableIdentifier(name))
                {
                    Counters.AddUnhandledAttribute();
                    session.Write("pushed attribute with an empty name or control characters; not applied");
                    continue;
                }
                _output.Clear();
                CommandContext change = new CommandContext(Dialect.EztCloud, name, members.Value, _output);
                if (!_host.PropertyHandlers.Dispatch(change))
                {
                    Counters.AddUnhandledAttribute();
                    unhandled = name;
                    session.Write("no handler for pushed attribute '" + name + "'; not applied");
                    continue;
                }
                handled++;
                if (!change.Succeeded)
                {
                    session.Write("pushed attribute '" + name + "' not applied (" + change.Code.ToString() + "): " + change.Message);
                    continue;
                }
                if (_output.Count == 0)
                {
                    // The handler took the value as sent: confirm it as sent.
                    JsonElement value = members.Value;
                    Confirm(name, value.Buffer, value.Start, value.Length);
                }
                for (int i = 0; i < _output.Count; i++)
                {
                    _inboundScratch.Reset();
                    _output.WriteValue(i, _inboundScratch);
                    if (!_inboundScratch.Overflowed)
                    {
                        Confirm(_output.IdAt(i), _inboundScratch.Buffer, 0, _inboundScratch.Length);
                    }
                }
            }
            if (handled == 0 && unhandled == null)
            {
                session.Write("attributes_push without attributes: nothing to apply");
            }
            if (handled == 0 && unhandled != null)
            {
                session.Reject(topic, RejectReason.NoHandler, "no handler for pushed attribute '" + unhandled + "'");
            }
            if (_confirm.Count > 0)
            {
                ReportBatch(_confirm);
            }
        }

        private void Confirm(string key, byte[] buffer, int offset, int count)
        {
            if (!_confirm.Put(key, buffer, offset, count))
            {
                ReportBatch(_confirm);
                if (!_confirm.Put(key, buffer, offset, count))
                {
                    _host.Write("attribute '" + key + "' is too large to confirm");
                }
            }
        }

        // {"method":…,"params":{…},"id":…}: the handler for method runs, then exactly one reply goes out.
        private void OnCommand(IDialectHost session, string topic, JsonElement root)
        {
            JsonElement method = root.Get("method");
            if (method.Kind != JsonKind.String || method.Length <= 2)
            {
                Inbound.RejectShape(session, topic, "command without a method");
                return;
            }
            JsonElement parameters = root.Get("params");
            if (!EztCloudMessages.IsObjectOrAbsent(parameters))
            {
                Inbound.RejectShape(session, topic, "command params is not an object");
                return;
            }
            // The id is optional (a command without one still runs, unanswered by id), but one that is
            // there must be echoable; a redelivered command runs once.
            JsonElement id = root.Get("id");
            bool hasId = id.Exists && id.Kind != JsonKind.Null;
            string problem = hasId ? Inbound.IdProblem(id) : null;
            if (problem != null)
            {
                Inbound.RejectShape(session, topic, "command " + problem);
                return;
            }
            if (hasId && session.IsRedelivery(topic, id.GetRawText()))
            {
                return;
            }
            if (method.ValueEquals(OtaUpgradeMethod))
            {
                OnOtaUpgrade(session, topic, method, parameters, id);
                return;
            }
            _output.Clear();
            CommandContext command = new CommandContext(Dialect.EztCloud, method.GetString(), parameters, _output);
            bool known = _host.CommandHandlers.Dispatch(command);
            Counters.AddCommand(known);
            if (!known)
            {
                session.Write("no handler for command '" + command.Identifier + "'; replying unknown method");
            }
            lock (_sendLock)
            {
                if (known)
                {
                    EztCloudMessages.WriteCommandReply(_writer, method, id, command);
                }
                else
                {
                    EztCloudMessages.WriteUnknownMethodReply(_writer, method, id);
                }
                PublishReplyLocked();
            }
        }

        private SendResult PublishReplyLocked()
        {
            if (!Fits("command reply"))
            {
                return SendResult.TooLarge;
            }
            return _host.Publish(Topics.Get(TopicKind.CommandReply), _writer.Buffer, _writer.Length, _options.PublishQos);
        }
    }
}
