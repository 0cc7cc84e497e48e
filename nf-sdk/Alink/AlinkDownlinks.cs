using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// The platform's requests to the device, each answered on its reply topic: property set, service
    /// calls (async and RRPC) through the app's handlers, and config pushes, whose answer waits for the
    /// app's verdict. The answers to the device's own requests are in AlinkReplies.cs.
    /// </summary>
    internal sealed partial class AlinkDownlinks
    {
        // Room a service's handler has for output values, and a property set's for values beyond those set.
        private const int OutputCapacity = 32;
        private const int ExtraAppliedCapacity = 8;
        private const string ServicePrefix = "thing.service.";

        private readonly AlinkUplink _uplink;

        // Locks itself for the updates' state (internal, never handed out): an object less than a lock of its own.
        public AlinkDownlinks(AlinkUplink uplink)
        {
            _uplink = uplink;
        }

        /// <summary>thing/service/property/set: each value to its handler; set_reply; then the applied values as a post.</summary>
        public void OnPropertySet(string topic, JsonElement root)
        {
            JsonElement id = root.Get("id");
            if (!AcceptRequest(topic, id))
            {
                return;
            }
            string replyTopic = _uplink.Table.Get(TopicKind.PropertySetReply);
            JsonElement parameters = root.Get("params");
            if (parameters.Kind != JsonKind.Object)
            {
                RefuseRequest(topic, replyTopic, id, "params is not an object");
                return;
            }
            int count = 0;
            JsonObjectEnumerator members = parameters.EnumerateObject();
            while (members.MoveNext())
            {
                count++;
            }
            if (count > AlinkBulkEncoder.MaxEntries)
            {
                RefuseRequest(topic, replyTopic, id, "more than 200 properties");
                return;
            }

            PropertyReport applied = new PropertyReport(count + ExtraAppliedCapacity);
            int code = AlinkCodes.Ok;
            string message = null;
            members = parameters.EnumerateObject();
            while (members.MoveNext())
            {
                string name = members.Name.GetString();
                int failure = AlinkCodes.InvalidParameters;
                string why = "a property name is empty or holds control characters";
                if (Inbound.IsUsableIdentifier(name))
                {
                    int before = applied.Count;
                    CommandContext command = new CommandContext(Dialect.Alink, name, members.Value, applied);
                    if (!_uplink.Host.PropertyHandlers.Dispatch(command))
                    {
                        command.Code = AlinkCodes.InvalidParameters;
                        command.Message = "no handler for property";
                    }
                    if (command.Code == AlinkCodes.Ok)
                    {
                        // A handler that did not say what is now in effect applied the value as sent.
                        if (applied.Count == before && applied.Count < applied.Capacity)
                        {
                            applied.AddJson(name, members.Value.GetRawText());
                        }
                        continue;
                    }
                    failure = ReplyCode(command.Code);
                    why = name + ": " + (command.Message != null ? command.Message : "not accepted");
                }
                // One failure outranks invalid values: 400 (or the handler's own code) before 460.
                if (code == AlinkCodes.Ok || (code == AlinkCodes.InvalidParameters && failure != AlinkCodes.InvalidParameters))
                {
                    code = failure;
                }
                message = (message == null ? string.Empty : message + "; ") + why;
            }
            Reply(replyTopic, id, code, message, null);
            if (applied.Count > 0)
            {
                applied.TimestampMs = _uplink.Host.WallClock.NowMs;
                _uplink.LogUnsent("post of the applied values", _uplink.RequestOwn(TopicKind.PropertyPost, null, applied));
            }
        }

        /// <summary>thing/service/{serviceId}: the handler's output goes back in data of {serviceId}_reply.</summary>
        public void OnService(string topic, JsonElement root, string serviceId)
        {
            JsonElement id = root.Get("id");
            string replyTopic = AcceptCall(topic, id, TopicKind.CommandReply, serviceId);
            if (replyTopic != null)
            {
                Invoke(topic, replyTopic, id, serviceId, root.Get("params"));
            }
        }

        /// <summary>rrpc/request/{messageId}: the service is named by the method; the answer goes to rrpc/response/{messageId}.</summary>
        public void OnSyncService(string topic, JsonElement root, string messageId)
        {
            JsonElement id = root.Get("id");
            string replyTopic = AcceptCall(topic, id, TopicKind.SyncCommandReply, messageId);
            if (replyTopic == null)
            {
                return;
            }
            JsonElement method = root.Get("method");
            string name = method.Kind == JsonKind.String ? method.GetString() : null;
            if (name == null || !name.StartsWith(ServicePrefix) || name.Length == ServicePrefix.Length)
            {
                RefuseRequest(topic, replyTopic, id, "method is not thing.service.{identifier}");
                return;
            }
            Invoke(topic, replyTopic, id, name.Substring(ServicePrefix.Length), root.Get("params"));
        }

        /// <summary>thing/config/push: offered to the app; push_reply waits for ReportUpdate on that offer.</summary>
        public void OnConfigPush(string topic, JsonElement root)
        {
            JsonElement id = root.Get("id");
            if (!AcceptRequest(topic, id))
            {
                return;
            }
            string problem;
            UpdateOffer offer = AlinkOfferParser.ParseConfig(root.Get("params"), out problem);
            if (offer == null)
            {
                RefuseRequest(topic, _uplink.Table.Get(TopicKind.ConfigPushReply), id, problem);
                return;
            }
            offer.CorrelationId = id.GetRawText();
            OfferPushedConfig(offer);
        }

        private void Invoke(string topic, string replyTopic, JsonElement id, string serviceId, JsonElement parameters)
        {
            if (parameters.Exists && parameters.Kind != JsonKind.Object)
            {
                RefuseRequest(topic, replyTopic, id, "params is not an object");
                return;
            }
            PropertyReport output = new PropertyReport(OutputCapacity);
            CommandContext command = new CommandContext(Dialect.Alink, serviceId, parameters, output);
            if (!_uplink.Host.CommandHandlers.Dispatch(command))
            {
                command.Code = AlinkCodes.InvalidParameters;
                command.Message = "no handler for service '" + serviceId + "'";
            }
            int code = ReplyCode(command.Code);
            Reply(replyTopic, id, code, command.Message, code == AlinkCodes.Ok ? output : null);
        }

        // A request is handled once: with an id that can be echoed, and not when the broker redelivers it.
        private bool AcceptRequest(string topic, JsonElement id)
        {
            string problem = Inbound.IdProblem(id);
            if (problem != null)
            {
                RejectShape(topic, problem);
                return false;
            }
            return !_uplink.Host.IsRedelivery(topic, id.GetRawText());
        }

        // A service call's reply topic (of replyKind, with the call's arg), or null when the call is not
        // to run: refused before anything runs when that topic cannot be built, rather than left
        // unanswered; then accepted as any request. The topic's length is its fixed part's (worked out
        // from the table's numbers, not kept) plus the arg's, known before the call is handled.
        private string AcceptCall(string topic, JsonElement id, TopicKind replyKind, string arg)
        {
            TopicTable table = _uplink.Table;
            int length = table.LengthWithoutArg(replyKind) + arg.Length;
            if (length > table.MaxTopicLength)
            {
                _uplink.Host.Reject(topic, RejectReason.Unanswerable, "its reply topic would be " + length.ToString()
                    + " characters, more than the " + table.MaxTopicLength.ToString() + " a topic may have; the request cannot be answered");
                return null;
            }
            return AcceptRequest(topic, id) ? table.Build(replyKind, arg) : null;
        }

        // Counted and logged as a malformed payload (BadPayload).
        private void RejectShape(string topic, string problem)
        {
            Inbound.RejectShape(_uplink.Host, topic, problem);
        }

        // A request with a usable id but unusable content: counted as rejected, and answered 460 so the platform is not left waiting.
        private void RefuseRequest(string topic, string replyTopic, JsonElement id, string problem)
        {
            RejectShape(topic, problem);
            Reply(replyTopic, id, AlinkCodes.InvalidParameters, problem, null);
        }

        private void Reply(string topic, JsonElement id, long code, string message, PropertyReport data)
        {
            _uplink.LogUnsent("reply on '" + topic + "'", _uplink.Reply(topic, id.Buffer, id.Start, id.Length, code, message, data));
        }

        // Handlers may use 200, 400, 429, 460 or the device range; anything else is reported as 400.
        private int ReplyCode(int code)
        {
            if (AlinkCodes.IsDeviceReplyCode(code))
            {
                return code;
            }
            _uplink.Host.Write("handler code " + code.ToString() + " is not an Alink device code; replying 400");
            return AlinkCodes.DeviceError;
        }
    }
}
