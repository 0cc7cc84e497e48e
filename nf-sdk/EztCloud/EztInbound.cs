using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// What the platform sends, routed by topic: answers to the responses role, pushed attributes and
    /// commands to the app's handlers, otaUpgrade to the OTA role, data streams to their handlers.
    /// Standard topics must carry a JSON object (the platform's own rule); anything else is rejected with
    /// its reason and counted. Only data streams carry raw bytes. Runs on the session's thread, one
    /// message at a time.
    /// </summary>
    internal sealed class EztInbound
    {
        // Values a handler may put in a command's reply or a push confirmation.
        private const int MaxOutputValues = 32;

        private readonly EztUplink _uplink;
        private readonly EztAttributes _attributes;
        private PropertyReport _output; // made with the first push or command: see ClearOutput
        // Made with the first push: its slots are kilobytes of the device's heap.
        private AttributeBatch _confirm;

        // Handlers for data_set streams, by identifier; made with the first.
        private IdentifierMap _streams;

        public EztInbound(EztUplink uplink, EztAttributes attributes)
        {
            _uplink = uplink;
            _attributes = attributes;
        }

        /// <summary>Sets the handler of a data stream (null: every stream without its own).</summary>
        public void SetStream(string identifier, DataStreamHandler handler)
        {
            lock (_uplink.Writer)
            {
                if (_streams == null)
                {
                    _streams = new IdentifierMap();
                }
            }
            _streams.Set(identifier, handler);
        }

        public void Handle(string topic, byte[] payload)
        {
            IDialectHost host = _uplink.Host;
            TopicMatch match;
            if (!Inbound.Classify(host, _uplink.Topics, topic, out match))
            {
                return;
            }
            if (match.Kind == TopicKind.DataSet)
            {
                OnData(host, topic, match.GetArg(topic), payload);
                return;
            }
            JsonElement root = Inbound.ReadJson(host, topic, payload);
            if (root.Kind == JsonKind.Invalid)
            {
                return;
            }
            if (root.Kind == JsonKind.None)
            {
                host.Write("empty payload on '" + topic + "': no data, ignored");
                return;
            }
            if (root.Kind != JsonKind.Object)
            {
                Inbound.RejectShape(host, topic, "not a JSON object");
                return;
            }
            if (EztCloudMessages.CountValues(root, EztCloudMessages.MaxInboundValues + 1) > EztCloudMessages.MaxInboundValues)
            {
                Inbound.RejectShape(host, topic, EztCloudMessages.TooManyValues);
                return;
            }
            switch (match.Kind)
            {
                case TopicKind.PropertyPostReply:
                    _uplink.Responses.OnReportResponse(topic, root, true);
                    break;
                case TopicKind.EventPostReply:
                    _uplink.Responses.OnReportResponse(topic, root, false);
                    break;
                case TopicKind.PropertyGetReply:
                    _uplink.Responses.OnAttributesGet(topic, root);
                    break;
                case TopicKind.PropertySet:
                    OnPush(host, topic, root);
                    break;
                case TopicKind.Command:
                    OnCommand(host, topic, root);
                    break;
                default:
                    host.Reject(topic, RejectReason.UnsupportedTopic, "no handling for this topic");
                    break;
            }
        }

        private void OnData(IDialectHost host, string topic, string identifier, byte[] payload)
        {
            IdentifierMap streams = _streams;
            DataStreamHandler handler = streams == null ? null : (DataStreamHandler)streams.Find(identifier);
            if (handler == null)
            {
                host.Reject(topic, RejectReason.NoHandler, "no handler for data stream '" + identifier + "'");
                return;
            }
            try
            {
                handler(identifier, payload);
            }
            catch (Exception e)
            {
                host.Reject(topic, RejectReason.HandlerFailed, "data stream handler failed: " + e.Message);
            }
        }

        // {"switch":false}: each attribute to its handler, then the values now in effect are reported.
        private void OnPush(IDialectHost host, string topic, JsonElement root)
        {
            int handled = 0;
            string unhandled = null;
            if (_confirm == null)
            {
                _confirm = new AttributeBatch();
            }
            _confirm.Clear();
            JsonObjectEnumerator members = root.EnumerateObject();
            while (members.MoveNext())
            {
                string name = members.Name.GetString();
                if (!Inbound.IsUsableIdentifier(name))
                {
                    host.Write("pushed attribute with an empty name or control characters; not applied");
                    continue;
                }
                ClearOutput();
                JsonElement value = members.Value;
                CommandContext change = new CommandContext(Dialect.EztCloud, name, value, _output);
                if (!host.PropertyHandlers.Dispatch(change))
                {
                    unhandled = name;
                    host.Write("no handler for pushed attribute '" + name + "'; not applied");
                    continue;
                }
                handled++;
                if (!change.Succeeded)
                {
                    host.Write("pushed attribute '" + name + "' not applied (" + change.Code.ToString() + "): " + change.Message);
                    continue;
                }
                if (_output.Count == 0)
                {
                    // The handler took the value as sent: confirm it as sent.
                    Confirm(host, name, value, -1);
                }
                for (int i = 0; i < _output.Count; i++)
                {
                    Confirm(host, _output.IdAt(i), value, i);
                }
            }
            if (handled == 0 && unhandled == null)
            {
                host.Write("empty attributes_push: nothing to apply");
            }
            if (handled == 0 && unhandled != null)
            {
                host.Reject(topic, RejectReason.NoHandler, "no handler for pushed attribute '" + unhandled + "'");
            }
            if (_confirm.Count > 0)
            {
                _attributes.Report(_confirm);
            }
        }

        // One value into _confirm: value index of _output (encoded in the uplink's writer, free under its
        // lock), or with index -1 the pushed value as sent. When _confirm is full, what it holds goes out
        // first; never an empty confirmation: a value larger than any confirmation is only logged.
        private void Confirm(IDialectHost host, string key, JsonElement sent, int index)
        {
            JsonWriter writer = _uplink.Writer;
            lock (writer)
            {
                for (int attempt = 0; ; attempt++)
                {
                    if (index < 0 ? _confirm.Put(key, sent.Buffer, sent.Start, sent.Length) : _confirm.Put(_output, index, writer))
                    {
                        return;
                    }
                    if (index >= 0 && writer.Overflowed)
                    {
                        // Larger than any message, and so never confirmed.
                        return;
                    }
                    if (attempt > 0 || _confirm.Count == 0)
                    {
                        break;
                    }
                    _attributes.Report(_confirm);
                }
                host.Write("attribute '" + key + "' is too large to confirm");
            }
        }

        // The handlers' output report, empty; made the first time a handler needs one.
        private void ClearOutput()
        {
            if (_output == null)
            {
                _output = new PropertyReport(MaxOutputValues);
            }
            _output.Clear();
        }

        // {"method":…,"params":{…},"id":…}: the handler for method runs, then exactly one reply goes out.
        private void OnCommand(IDialectHost host, string topic, JsonElement root)
        {
            JsonElement method = root.Get("method");
            if (method.Kind != JsonKind.String || method.Length <= 2)
            {
                Inbound.RejectShape(host, topic, "command without a method");
                return;
            }
            JsonElement parameters = root.Get("params");
            // An object, or absent or null: no parameters.
            JsonKind kind = parameters.Kind;
            if (kind != JsonKind.Object && kind != JsonKind.None && kind != JsonKind.Null)
            {
                Inbound.RejectShape(host, topic, "command params is not an object");
                return;
            }
            // The id is optional (a command without one still runs, unanswered by id), but one that is
            // there must be echoable; a redelivered command runs once.
            JsonElement id = root.Get("id");
            bool hasId = id.Exists && id.Kind != JsonKind.Null;
            string problem = hasId ? Inbound.IdProblem(id) : null;
            if (problem != null)
            {
                Inbound.RejectShape(host, topic, "command " + problem);
                return;
            }
            if (hasId && host.IsRedelivery(topic, id.GetRawText()))
            {
                return;
            }
            if (method.ValueEquals(EztCloudDialect.OtaUpgradeMethod))
            {
                EztOta.OnUpgrade(_uplink, host, topic, method, parameters, id);
                return;
            }
            ClearOutput();
            CommandContext command = new CommandContext(Dialect.EztCloud, method.GetString(), parameters, _output);
            bool known = host.CommandHandlers.Dispatch(command);
            if (!known)
            {
                host.Write("no handler for command '" + command.Identifier + "'; replying unknown method");
            }
            JsonWriter writer = _uplink.Writer;
            lock (writer)
            {
                EztCloudMessages.WriteCommandReply(writer, method, id, known ? command : null);
                _uplink.SendReply();
            }
        }
    }
}
