using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Alibaba Cloud IoT Platform, Alink JSON, device side (docs/alink.md). Signs the CONNECT, subscribes
    /// the device's topics, reports its firmware version and asks for pending updates and configuration
    /// after every connect, answers property sets, service calls (and RRPC when enabled) through the
    /// client's handlers, and correlates every reply with its request by topic and id: the reply is the
    /// outcome of the request, with the Alink message id as its id.
    /// <code>
    /// AlinkOptions options = new AlinkOptions();
    /// options.Host = AlinkOptions.PublicHost("a1X2bEnTest", "cn-shanghai");
    /// options.CaCertificatePem = AlibabaRootPem;
    /// options.ProductKey = "a1X2bEnTest"; options.DeviceName = "example1"; options.DeviceSecret = secret;
    /// options.FirmwareVersion = "1.0.0";
    /// DeviceClient client = new DeviceClient(transport, new AlinkDialect(options), new SessionOptions());
    /// client.OnPropertySet("Power", c => relay.Write(c.Value.ValueEquals("on")));
    /// client.OnCommand("Reboot", c => c.Output.Add("Delay", 5L));
    /// client.Outcome += o => Debug.WriteLine(o.Id.ToString() + " " + o.Status.ToString() + " " + o.Code.ToString());
    /// client.Start();
    /// client.ReportProperties(new PropertyReport(2).Add("Power", "on").Add("WF", 23.6));
    /// </code>
    /// The work is done by a few roles: <see cref="AlinkUplink"/> (what the device sends, and the message
    /// ids), and, made when the client attaches, <see cref="AlinkDownlinks"/>: what the platform sends,
    /// its replies (AlinkReplies.cs) and updates both ways (AlinkUpdates.cs), one object in three files.
    /// </summary>
    public sealed class AlinkDialect : IDeviceDialect
    {
        /// <summary>Largest message the dialect writes; larger ones are refused (TooLarge).</summary>
        public const int MaxMessageBytes = 16 * 1024;

        private readonly AlinkUplink _uplink;
        private AlinkDownlinks _downlinks;

        /// <summary>Validates <paramref name="options"/> (ArgumentException naming the setting) and keeps what it needs of them: later changes to the object do not reach the dialect.</summary>
        public AlinkDialect(AlinkOptions options)
        {
            if (options == null)
            {
                throw new ArgumentException("The Alink dialect needs its options.");
            }
            options.Validate();
            // What is kept of the options, the table and the host are the uplink's alone, and reached through it.
            _uplink = new AlinkUplink(options, AlinkTopics.Create(options.ProductKey, options.DeviceName));
        }

        /// <summary>
        /// A reply to one of the device's requests arrived, with its <c>data</c> (desired values…), after
        /// the client's Outcome for it; also an <c>/ext/error</c> notice. A field, as the SDK's other
        /// callbacks are: an event's accessors cost flash on the device, and += works the same.
        /// </summary>
        public AlinkReplyHandler ReplyReceived;

        /// <summary>The id the next uplink will carry (keep it, e.g. in flash, to seed <see cref="AlinkOptions.FirstMessageId"/>).</summary>
        public long NextMessageId
        {
            get { return _uplink.NextId; }
        }

        /// <summary>The version reported in the OTA inform (updated when an update is reported Succeeded).</summary>
        public string FirmwareVersion
        {
            get { return _uplink.FirmwareVersion; }
        }

        /// <summary>Posts several samples per property and event at once (<c>batch/post</c>).</summary>
        public SendResult PostBatch(AlinkBatch batch, out long id)
        {
            return _uplink.Request(TopicKind.PropertyBatchPost, null, batch, out id);
        }

        /// <summary>Posts stored samples, each with its time (<c>history/post</c>).</summary>
        public SendResult PostHistory(AlinkBatch batch, out long id)
        {
            return _uplink.Request(TopicKind.PropertyHistoryPost, null, batch, out id);
        }

        /// <summary>Sets device tags (<c>deviceinfo/update</c>); values are sent as text.</summary>
        public SendResult UpdateDeviceInfo(PropertyReport tags, out long id)
        {
            return _uplink.Request(TopicKind.DeviceInfoPost, null, tags, out id);
        }

        /// <summary>Removes device tags (<c>deviceinfo/delete</c>).</summary>
        public SendResult DeleteDeviceInfo(string[] keys, out long id)
        {
            return _uplink.Request(TopicKind.DeviceInfoDelete, null, keys, out id);
        }

        /// <summary>Asks for the desired values of <paramref name="identifiers"/>; they come in the reply's Data (<see cref="ReplyReceived"/>).</summary>
        public SendResult GetDesired(string[] identifiers, out long id)
        {
            return _uplink.Request(TopicKind.PropertyGet, null, identifiers, out id);
        }

        /// <summary>Clears the desired values of <paramref name="identifiers"/>.</summary>
        public SendResult DeleteDesired(string[] identifiers, out long id)
        {
            return _uplink.Request(TopicKind.DesiredDelete, null, identifiers, out id);
        }

        /// <summary>Asks for a pending firmware update of <see cref="AlinkOptions.Module"/>; one comes as an UpdateOffered.</summary>
        public SendResult GetFirmware(out long id)
        {
            return _uplink.Request(TopicKind.OtaFirmwareGet, null, null, out id);
        }

        /// <summary>Asks for the product's remote configuration; it comes as an UpdateOffered of kind Config.</summary>
        public SendResult GetConfig(out long id)
        {
            return _uplink.Request(TopicKind.ConfigGet, null, null, out id);
        }

        void IDeviceDialect.Attach(IDialectHost host)
        {
            if (host == null)
            {
                throw new ArgumentException("Attach needs the client's host.");
            }
            if (_uplink.Host != null)
            {
                throw new InvalidOperationException("This Alink dialect already belongs to a client; make one per client.");
            }
            _uplink.Host = host;
            _downlinks = new AlinkDownlinks(_uplink);
        }

        MqttConnectOptions IDeviceDialect.CreateConnectOptions()
        {
            return _uplink.CreateConnectOptions();
        }

        /// <summary>The table's filters; <c>rrpc/request/+</c> only when RRPC is enabled.</summary>
        string[] IDeviceDialect.GetSubscribeFilters()
        {
            string[] all = _uplink.Table.GetSubscribeFilters();
            if (_uplink.RrpcEnabled)
            {
                return all;
            }
            string rrpc = _uplink.Table.FilterFor(TopicKind.SyncCommand);
            int kept = 0;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i] != rrpc)
                {
                    all[kept++] = all[i];
                }
            }
            string[] filters = new string[kept];
            Array.Copy(all, filters, kept);
            return filters;
        }

        MqttQos IDeviceDialect.GetSubscribeQos()
        {
            // QoS 1 so OTA pushes and service calls kept while offline reach the device (the C SDK's choice for OTA).
            return MqttQos.AtLeastOnce;
        }

        void IDeviceDialect.Announce()
        {
            _downlinks.Announce();
        }

        // Each topic kind to the role that handles it.
        void IDeviceDialect.HandleMessage(string topic, byte[] payload, bool retained)
        {
            IDialectHost host = _uplink.Host;
            long receivedAt = host.Clock.NowMs;
            TopicMatch match;
            if (!Inbound.Classify(host, _uplink.Table, topic, out match))
            {
                return;
            }
            if (match.Kind == TopicKind.SyncCommand && !_uplink.RrpcEnabled)
            {
                host.Reject(topic, RejectReason.UnsupportedTopic, "RRPC is not enabled (AlinkOptions.RrpcEnabled)");
                return;
            }
            JsonElement root = Inbound.ReadJson(host, topic, payload);
            if (root.Kind == JsonKind.Invalid)
            {
                return;
            }
            if (root.Kind != JsonKind.Object)
            {
                // Alink has no message without a body: an empty one is as unusable as a bare value.
                Inbound.RejectShape(host, topic, root.Kind == JsonKind.None ? "empty payload" : "payload is not a JSON object");
                return;
            }
            switch (match.Kind)
            {
                case TopicKind.PropertySet:
                    _downlinks.OnPropertySet(topic, root);
                    return;
                case TopicKind.Command:
                    _downlinks.OnService(topic, root, match.GetArg(topic));
                    return;
                case TopicKind.SyncCommand:
                    _downlinks.OnSyncService(topic, root, match.GetArg(topic));
                    return;
                case TopicKind.ConfigPush:
                    _downlinks.OnConfigPush(topic, root);
                    return;
                case TopicKind.OtaPush:
                    _downlinks.OnOtaPush(topic, root);
                    return;
                case TopicKind.NtpResponse:
                    _downlinks.OnTime(topic, root, receivedAt);
                    return;
                case TopicKind.ErrorNotice:
                    RaiseReply(_downlinks.OnErrorNotice(topic, root));
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
                    RaiseReply(_downlinks.OnReply(topic, root, match.Kind, match.Kind == TopicKind.EventPostReply ? match.GetArg(topic) : null));
                    return;
                default:
                    host.Reject(topic, RejectReason.UnsupportedTopic, "a topic the Alink dialect does not handle");
                    return;
            }
        }

        /// <summary>Replies still due may come after the reconnect (QoS 1 subscriptions); their requests time out otherwise.</summary>
        void IDeviceDialect.Disconnected()
        {
        }

        /// <summary>Nothing of Alink's runs on its own: pending requests time out through the session.</summary>
        void IDeviceDialect.Stop()
        {
        }

        /// <summary>Posts properties (<c>thing/event/property/post</c>); the <c>post_reply</c> is the outcome of <paramref name="id"/>.</summary>
        SendResult IDeviceDialect.ReportProperties(PropertyReport report, out long id)
        {
            return _uplink.Request(TopicKind.PropertyPost, null, report, out id);
        }

        /// <summary>Posts event <paramref name="eventId"/> (<c>thing/event/{eventId}/post</c>); its <c>post_reply</c> is the outcome of <paramref name="id"/>.</summary>
        SendResult IDeviceDialect.ReportEvent(string eventId, PropertyReport parameters, out long id)
        {
            return _uplink.Request(TopicKind.EventPost, eventId, parameters, out id);
        }

        /// <summary>NTP over MQTT; the answer sets the client's clock.</summary>
        SendResult IDeviceDialect.RequestTime()
        {
            return _uplink.RequestTime();
        }

        SendResult IDeviceDialect.ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            return _downlinks.Report(offer, status, percent, detail);
        }

        private void RaiseReply(AlinkReply reply)
        {
            AlinkReplyHandler handler = ReplyReceived;
            if (reply == null || handler == null)
            {
                return;
            }
            try
            {
                handler(reply);
            }
            catch (Exception e)
            {
                _uplink.Host.Write("reply handler failed: " + e.Message);
            }
        }
    }
}
