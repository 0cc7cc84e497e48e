using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// The platform's answers to the device's requests: each reply completes the request waiting for its
    /// id on its topic (the app's outcome), the time answer sets the clock, error notices are told. Part
    /// of the downlinks' object rather than one of its own (on the device every object is heap).
    /// </summary>
    internal sealed partial class AlinkDownlinks
    {
        /// <summary>
        /// <c>{"id":"123","code":200,"data":{…},"message":…}</c>: completes the request waiting for this id
        /// on this topic, Acknowledged for 200, Refused with the code and message otherwise. The reply to
        /// tell the app, or null when it was rejected.
        /// </summary>
        public AlinkReply OnReply(string topic, JsonElement root, TopicKind kind, string eventId)
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
                RejectShape(topic, problem);
                return null;
            }
            long code;
            if (!root.TryGetInt64("code", out code))
            {
                RejectShape(topic, "reply without a numeric code");
                return null;
            }
            if (id < 0 || id > AlinkUplink.MaxMessageId)
            {
                _uplink.Host.Reject(topic, RejectReason.UnmatchedReply, "reply id " + id.ToString() + " is outside 0-"
                    + AlinkUplink.MaxMessageId.ToString() + ", where every id of this device is");
                return null;
            }
            string message = MessageOf(root);
            if (!_uplink.Host.Complete((int)kind, id, code == AlinkCodes.Ok, (int)code, message))
            {
                _uplink.Host.Reject(topic, RejectReason.UnmatchedReply, "no request waits for id " + id.ToString() + " on this topic");
                return null;
            }
            JsonElement data = root.Get("data");
            if (code == AlinkCodes.Ok && kind == TopicKind.OtaFirmwareGetReply)
            {
                OfferFromReply(topic, data, UpdateKind.Firmware, idElement);
            }
            else if (code == AlinkCodes.Ok && kind == TopicKind.ConfigGetReply)
            {
                OfferFromReply(topic, data, UpdateKind.Config, idElement);
            }
            return new AlinkReply(kind, AlinkEncoder.MethodOfReply(kind, eventId), id, code, message, data);
        }

        /// <summary><c>{"deviceSendTime":"100","serverRecvTime":"1010","serverSendTime":"1015"}</c>, strings or numbers.</summary>
        public void OnTime(string topic, JsonElement root, long receivedAt)
        {
            long deviceSend;
            long serverRecv;
            long serverSend;
            if (!root.TryGetInt64("deviceSendTime", out deviceSend) || !root.TryGetInt64("serverRecvTime", out serverRecv)
                || !root.TryGetInt64("serverSendTime", out serverSend))
            {
                RejectShape(topic, "time answer without deviceSendTime, serverRecvTime and serverSendTime as integers");
                return;
            }
            if (deviceSend < 0 || deviceSend > receivedAt || serverRecv < 0 || serverSend < 0)
            {
                RejectShape(topic, "time answer with times this device did not send");
                return;
            }
            if (!_uplink.Host.Complete((int)TopicKind.NtpResponse, 0, true, AlinkCodes.Ok, null))
            {
                _uplink.Host.Reject(topic, RejectReason.UnmatchedReply, "no time request is waiting");
                return;
            }
            // The echoed deviceSendTime is the one this answer belongs to, even if it answers an earlier request.
            _uplink.Host.SyncClock(deviceSend, serverRecv, serverSend, receivedAt);
        }

        /// <summary><c>/ext/error/{pk}/{dn}</c>: Alink-style {id, code, message} notices (details UNCONFIRMED), logged and told to the app.</summary>
        public AlinkReply OnErrorNotice(string topic, JsonElement root)
        {
            long code;
            if (!root.TryGetInt64("code", out code))
            {
                RejectShape(topic, "error notice without a numeric code");
                return null;
            }
            long id;
            if (!root.TryGetInt64("id", out id))
            {
                id = -1;
            }
            string message = MessageOf(root);
            _uplink.Host.Write("platform error notice: code " + code.ToString() + (message != null ? " " + message : string.Empty));
            return new AlinkReply(TopicKind.ErrorNotice, null, id, code, message, root.Get("data"));
        }

        private static string MessageOf(JsonElement root)
        {
            JsonElement message = root.Get("message");
            return message.Kind == JsonKind.String ? message.GetString() : null;
        }
    }
}
