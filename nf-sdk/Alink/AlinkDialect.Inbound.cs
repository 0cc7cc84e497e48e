using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.Alink
{
    /// <summary>Inbound routing, and the platform's replies to the device's requests.</summary>
    public sealed partial class AlinkDialect
    {
        void IDeviceDialect.HandleMessage(string topic, byte[] payload, bool retained)
        {
            IDialectHost session = _host;
            long receivedAt = session.Clock.NowMs;
            TopicMatch match;
            if (!Inbound.Classify(session, _table, topic, out match))
            {
                return;
            }
            if (match.Kind == TopicKind.SyncCommand && !_options.RrpcEnabled)
            {
                session.Reject(topic, RejectReason.UnsupportedTopic, "RRPC is not enabled (AlinkOptions.RrpcEnabled)");
                return;
            }
            JsonElement root = Inbound.ReadJson(session, topic, payload);
            if (root.Kind == JsonKind.Invalid)
            {
                return;
            }
            if (root.Kind != JsonKind.Object)
            {
                // Alink has no message without a body: an empty one is as unusable as a bare value.
                Inbound.RejectShape(session, topic, root.Kind == JsonKind.None ? "empty payload" : "payload is not a JSON object");
                return;
            }
            switch (match.Kind)
            {
                case TopicKind.PropertySet:
                    OnPropertySet(topic, root);
                    return;
                case TopicKind.Command:
                    OnService(topic, root, match.GetArg(topic));
                    return;
                case TopicKind.SyncCommand:
                    OnSyncService(topic, root, match.GetArg(topic));
                    return;
                case TopicKind.ConfigPush:
                    OnConfigPush(topic, root);
                    return;
                case TopicKind.OtaPush:
                    OnOtaPush(topic, root);
                    return;
                case TopicKind.NtpResponse:
                    OnNtpResponse(topic, root, receivedAt);
                    return;
                case TopicKind.ErrorNotice:
                    OnErrorNotice(topic, root);
                    return;
                case TopicKind.PropertyPostReply:
                case TopicKind.PropertyBatchPostReply:
                case TopicKind.PropertyHistoryPostReply:
                case TopicKind.PropertyGetReply:
                case TopicKind.DesiredDeleteReply:
                case TopicKind.DeviceInfoPostReply:
                case TopicKind.DeviceInfoDeleteReply:
                case TopicKind.EventPostReply:
                case TopicKind.ConfigGetReply:
                case TopicKind.OtaFirmwareGetReply:
                case TopicKind.RawUpReply:
                    OnReply(topic, root, match.Kind, match.Kind == TopicKind.EventPostReply ? match.GetArg(topic) : null);
                    return;
                default:
                    session.Reject(topic, RejectReason.UnsupportedTopic, "a topic the Alink dialect does not handle");
                    return;
            }
        }

        // {"id":"123","code":200,"data":{…},"message":…}: completes the request waiting for this id on this topic.
        private void OnReply(string topic, JsonElement root, TopicKind kind, string eventId)
        {
            JsonElement idElement = root.Get("id");
            string problem = Inbound.IdProblem(idElement);
            long id = 0;
            if (problem == null && !idElement.TryGetInt64(out id))
            {
                problem = "reply id is not a decimal integer";
            }
            if (problem != null)
            {
                Inbound.RejectShape(_host, topic, problem);
                return;
            }
            long code;
            if (!root.Get("code").TryGetInt64(out code))
            {
                Inbound.RejectShape(_host, topic, "reply without a numeric code");
                return;
            }
            if (id < 0 || id > AlinkMessageIds.MaxId)
            {
                _host.Reject(topic, RejectReason.UnmatchedReply, "reply id " + id.ToString() + " is outside 0-"
                    + AlinkMessageIds.MaxId.ToString() + ", where every id of this device is");
                return;
            }
            string message = MessageOf(root);
            if (!_host.Complete((int)kind, id, code == AlinkCodes.Ok, (int)code, message))
            {
                _host.Reject(topic, RejectReason.UnmatchedReply, "no request waits for id " + id.ToString() + " on this topic");
                return;
            }
            JsonElement data = root.Get("data");
            RaiseReply(new AlinkReply(kind, AlinkEncoder.MethodOfReply(kind, eventId), id, code, message, data));
            if (code != AlinkCodes.Ok)
            {
                return;
            }
            if (kind == TopicKind.OtaFirmwareGetReply)
            {
                OfferFromReply(topic, data, UpdateKind.Firmware, idElement);
            }
            else if (kind == TopicKind.ConfigGetReply)
            {
                OfferFromReply(topic, data, UpdateKind.Config, idElement);
            }
        }

        // firmware/get_reply and config/get_reply: "data":{} means nothing pending, a descriptor is an offer.
        private void OfferFromReply(string topic, JsonElement data, UpdateKind kind, JsonElement idElement)
        {
            if (!data.Exists || (data.Kind == JsonKind.Object && !data.EnumerateObject().MoveNext()))
            {
                return;
            }
            string problem;
            UpdateOffer offer = kind == UpdateKind.Firmware ? AlinkOfferParser.ParseFirmware(data, out problem) : AlinkOfferParser.ParseConfig(data, out problem);
            if (offer == null)
            {
                Inbound.RejectShape(_host, topic, problem);
                return;
            }
            offer.CorrelationId = idElement.GetRawText();
            _host.OfferUpdate(offer);
        }

        // {"deviceSendTime":"100","serverRecvTime":"1010","serverSendTime":"1015"}, strings or numbers.
        private void OnNtpResponse(string topic, JsonElement root, long receivedAt)
        {
            long deviceSend;
            long serverRecv;
            long serverSend;
            if (!root.Get("deviceSendTime").TryGetInt64(out deviceSend) || !root.Get("serverRecvTime").TryGetInt64(out serverRecv)
                || !root.Get("serverSendTime").TryGetInt64(out serverSend))
            {
                Inbound.RejectShape(_host, topic, "time answer without deviceSendTime, serverRecvTime and serverSendTime as integers");
                return;
            }
            if (deviceSend < 0 || deviceSend > receivedAt || serverRecv < 0 || serverSend < 0)
            {
                Inbound.RejectShape(_host, topic, "time answer with times this device did not send");
                return;
            }
            if (!_host.Complete((int)TopicKind.NtpResponse, 0, true, AlinkCodes.Ok, null))
            {
                _host.Reject(topic, RejectReason.UnmatchedReply, "no time request is waiting");
                return;
            }
            // The echoed deviceSendTime is the one this answer belongs to, even if it answers an earlier request.
            _host.SyncClock(deviceSend, serverRecv, serverSend, receivedAt);
        }

        // /ext/error/{pk}/{dn}: Alink-style {id, code, message} notices (details UNCONFIRMED); told to the app.
        private void OnErrorNotice(string topic, JsonElement root)
        {
            long code;
            if (!root.Get("code").TryGetInt64(out code))
            {
                Inbound.RejectShape(_host, topic, "error notice without a numeric code");
                return;
            }
            long id;
            if (!root.Get("id").TryGetInt64(out id))
            {
                id = -1;
            }
            string message = MessageOf(root);
            _host.Write("platform error notice: code " + code.ToString() + (message != null ? " " + message : string.Empty));
            RaiseReply(new AlinkReply(TopicKind.ErrorNotice, null, id, code, message, root.Get("data")));
        }

        private void RaiseReply(AlinkReply reply)
        {
            AlinkReplyHandler handler = ReplyReceived;
            if (handler == null)
            {
                return;
            }
            try
            {
                handler(reply);
            }
            catch (Exception e)
            {
                _host.Write("reply handler failed: " + e.Message);
            }
        }

        private static string MessageOf(JsonElement root)
        {
            JsonElement message = root.Get("message");
            return message.Kind == JsonKind.String ? message.GetString() : null;
        }
    }
}
