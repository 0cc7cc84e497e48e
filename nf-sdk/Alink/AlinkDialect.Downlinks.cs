using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.Alink
{
    /// <summary>Requests from the platform: property set, service calls (async and RRPC), pushes of firmware and config.</summary>
    public sealed partial class AlinkDialect
    {
        // Room a service's handler has for output values, and a property set's for values beyond those set.
        private const int OutputCapacity = 32;
        private const int ExtraAppliedCapacity = 8;
        private const string ServicePrefix = "thing.service.";

        // thing/service/property/set: each value to its handler; set_reply; then the applied values as a post.
        private void OnPropertySet(string topic, JsonElement root)
        {
            JsonElement id = root.Get("id");
            if (!AcceptRequest(topic, id))
            {
                return;
            }
            string replyTopic = _table.Get(TopicKind.PropertySetReply);
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
                if (!Inbound.IsUsableIdentifier(name))
                {
                    code = AlinkCodes.InvalidParameters;
                    message = (message == null ? string.Empty : message + "; ") + "a property name is empty or holds control characters";
                    continue;
                }
                int before = applied.Count;
                CommandContext command = new CommandContext(Dialect.Alink, name, members.Value, applied);
                if (!_host.PropertyHandlers.Dispatch(command))
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
                // One failure outranks invalid values: 400 (or the handler's own code) before 460.
                int failure = ReplyCode(command.Code);
                if (code == AlinkCodes.Ok || (code == AlinkCodes.InvalidParameters && failure != AlinkCodes.InvalidParameters))
                {
                    code = failure;
                }
                message = (message == null ? string.Empty : message + "; ") + name + ": "
                    + (command.Message != null ? command.Message : "not accepted");
            }
            Reply(replyTopic, id, code, message, null);
            if (applied.Count > 0)
            {
                applied.TimestampMs = _host.WallClock.NowMs;
                long postId;
                Report("post of the applied values", PostProperties(applied, out postId));
            }
        }

        // thing/service/{serviceId}: the handler's output goes back in data of {serviceId}_reply.
        private void OnService(string topic, JsonElement root, string serviceId)
        {
            JsonElement id = root.Get("id");
            if (ReplyFits(topic, _serviceReplyFixedLength + serviceId.Length) && AcceptRequest(topic, id))
            {
                Invoke(topic, _table.Build(TopicKind.CommandReply, serviceId), id, serviceId, root.Get("params"));
            }
        }

        // rrpc/request/{messageId}: the service is named by the method; the answer goes to rrpc/response/{messageId}.
        private void OnSyncService(string topic, JsonElement root, string messageId)
        {
            JsonElement id = root.Get("id");
            if (!ReplyFits(topic, _rrpcReplyFixedLength + messageId.Length) || !AcceptRequest(topic, id))
            {
                return;
            }
            string replyTopic = _table.Build(TopicKind.SyncCommandReply, messageId);
            JsonElement method = root.Get("method");
            string name = method.Kind == JsonKind.String ? method.GetString() : null;
            if (name == null || !name.StartsWith(ServicePrefix) || name.Length == ServicePrefix.Length)
            {
                RefuseRequest(topic, replyTopic, id, "method is not thing.service.{identifier}");
                return;
            }
            Invoke(topic, replyTopic, id, name.Substring(ServicePrefix.Length), root.Get("params"));
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
            if (!_host.CommandHandlers.Dispatch(command))
            {
                command.Code = AlinkCodes.InvalidParameters;
                command.Message = "no handler for service '" + serviceId + "'";
            }
            int code = ReplyCode(command.Code);
            Reply(replyTopic, id, code, command.Message, code == AlinkCodes.Ok ? output : null);
        }

        // thing/config/push: offered to the app; push_reply waits for ReportUpdate on that offer.
        private void OnConfigPush(string topic, JsonElement root)
        {
            JsonElement id = root.Get("id");
            if (!AcceptRequest(topic, id))
            {
                return;
            }
            string replyTopic = _table.Get(TopicKind.ConfigPushReply);
            string problem;
            UpdateOffer offer = AlinkOfferParser.ParseConfig(root.Get("params"), out problem);
            if (offer == null)
            {
                RefuseRequest(topic, replyTopic, id, problem);
                return;
            }
            offer.CorrelationId = id.GetRawText();
            UpdateOffer dropped = _configPushes.Add(offer);
            if (dropped != null)
            {
                _host.Write("config push " + dropped.ConfigId + " given up unanswered: newer pushes arrived");
            }
            _host.OfferUpdate(offer);
        }

        // /ota/device/upgrade: {"code":"1000"|200,"data":{…},"id":…,"message":"success"}.
        private void OnOtaPush(string topic, JsonElement root)
        {
            long code;
            bool success = root.Get("message").ValueEquals("success")
                || (root.Get("code").TryGetInt64(out code) && (code == AlinkCodes.Ok || code == AlinkCodes.OtaPushSuccess));
            if (!success)
            {
                Inbound.RejectShape(_host, topic, "upgrade push without success (message or code 200/1000)");
                return;
            }
            string problem;
            UpdateOffer offer = AlinkOfferParser.ParseFirmware(root.Get("data"), out problem);
            if (offer == null)
            {
                Inbound.RejectShape(_host, topic, problem);
                return;
            }
            JsonElement id = root.Get("id");
            offer.CorrelationId = Inbound.IdProblem(id) == null ? id.GetRawText() : null;
            _host.OfferUpdate(offer);
        }

        // A request is handled once: with an id that can be echoed, and not when the broker redelivers it.
        private bool AcceptRequest(string topic, JsonElement id)
        {
            string problem = Inbound.IdProblem(id);
            if (problem != null)
            {
                Inbound.RejectShape(_host, topic, problem);
                return false;
            }
            return !_host.IsRedelivery(topic, id.GetRawText());
        }

        // Decided before anything runs: a request whose reply topic cannot be built is refused, not left unanswered.
        private bool ReplyFits(string topic, int replyTopicLength)
        {
            if (replyTopicLength <= _table.MaxTopicLength)
            {
                return true;
            }
            _host.Reject(topic, RejectReason.Unanswerable, "its reply topic would be " + replyTopicLength.ToString()
                + " characters, more than the " + _table.MaxTopicLength.ToString() + " a topic may have; the request cannot be answered");
            return false;
        }

        // A request with a usable id but unusable content: counted as rejected, and answered 460 so the platform is not left waiting.
        private void RefuseRequest(string topic, string replyTopic, JsonElement id, string problem)
        {
            Inbound.RejectShape(_host, topic, problem);
            Reply(replyTopic, id, AlinkCodes.InvalidParameters, problem, null);
        }

        private void Reply(string topic, JsonElement id, long code, string message, PropertyReport data)
        {
            lock (_sendSync)
            {
                AlinkEncoder.WriteReply(_writer, id.Buffer, id.Start, id.Length, code, message, data);
                if (_writer.Overflowed)
                {
                    AlinkEncoder.WriteReply(_writer, id.Buffer, id.Start, id.Length, AlinkCodes.DeviceError, "reply too large", null);
                }
                Report("reply on '" + topic + "'", SendPlain(topic, _options.PublishQos));
            }
        }

        // Handlers may use 200, 400, 429, 460 or the device range; anything else is reported as 400.
        private int ReplyCode(int code)
        {
            if (AlinkCodes.IsDeviceReplyCode(code))
            {
                return code;
            }
            _host.Write("handler code " + code.ToString() + " is not an Alink device code; replying 400");
            return AlinkCodes.DeviceError;
        }
    }
}
