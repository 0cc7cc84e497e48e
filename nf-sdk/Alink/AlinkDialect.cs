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
    /// client's handlers, and correlates every reply with its request by topic and id.
    /// <code>
    /// AlinkOptions options = new AlinkOptions();
    /// options.Host = AlinkOptions.PublicHost("a1X2bEnTest", "cn-shanghai");
    /// options.CaCertificatePem = AlibabaRootPem;
    /// options.ProductKey = "a1X2bEnTest"; options.DeviceName = "example1"; options.DeviceSecret = secret;
    /// options.FirmwareVersion = "1.0.0";
    /// AlinkDialect alink = new AlinkDialect(options);
    /// DeviceClient client = new DeviceClient(transport, alink, new SessionOptions());
    /// client.OnPropertySet("Power", c => relay.Write(c.Value.ValueEquals("on")));
    /// client.OnCommand("Reboot", c => c.Output.Add("Delay", 5L));
    /// alink.ReplyReceived += r => Debug.WriteLine(r.Method + " " + r.Code.ToString());
    /// client.Start();
    /// client.ReportProperties(new PropertyReport(2).Add("Power", "on").Add("WF", 23.6));
    /// </code>
    /// </summary>
    public sealed partial class AlinkDialect : IDeviceDialect
    {
        /// <summary>Largest message the dialect writes; larger ones are refused (TooLarge).</summary>
        public const int MaxMessageBytes = 16 * 1024;

        private readonly object _sendSync = new object();
        private readonly AlinkOptions _options;
        private readonly TopicTable _table;
        private readonly AlinkMessageIds _ids;
        private readonly JsonWriter _writer;
        private readonly ConfigPushes _configPushes = new ConfigPushes(4);
        private readonly int _serviceReplyFixedLength;
        private readonly int _rrpcReplyFixedLength;
        private IDialectHost _host;
        private string _firmwareVersion;

        /// <summary>Validates <paramref name="options"/> (ArgumentException naming the setting); keep them unchanged afterwards.</summary>
        public AlinkDialect(AlinkOptions options)
        {
            if (options == null)
            {
                throw new ArgumentException("The Alink dialect needs its options.");
            }
            options.Validate();
            _options = options;
            _table = AlinkTopics.Create(options.ProductKey, options.DeviceName);
            // A reply topic's length is this plus its identifier's, known before a request is handled.
            _serviceReplyFixedLength = _table.Build(TopicKind.CommandReply, "x").Length - 1;
            _rrpcReplyFixedLength = _table.Build(TopicKind.SyncCommandReply, "x").Length - 1;
            _ids = new AlinkMessageIds(options.FirstMessageId);
            _writer = new JsonWriter(512, MaxMessageBytes);
            _firmwareVersion = options.FirmwareVersion;
        }

        /// <summary>The platform answered one of the device's requests (also: an <c>/ext/error</c> notice).</summary>
        public event AlinkReplyHandler ReplyReceived;

        public AlinkOptions Options
        {
            get { return _options; }
        }

        /// <summary>This device's topics.</summary>
        public TopicTable Topics
        {
            get { return _table; }
        }

        /// <summary>The id the next uplink will carry.</summary>
        public long NextMessageId
        {
            get { return _ids.Peek; }
        }

        /// <summary>The version reported in the OTA inform (updated when an update is reported Succeeded).</summary>
        public string FirmwareVersion
        {
            get { lock (_sendSync) { return _firmwareVersion; } }
        }

        void IDeviceDialect.Attach(IDialectHost host)
        {
            if (host == null)
            {
                throw new ArgumentException("Attach needs the client's host.");
            }
            if (_host != null)
            {
                throw new InvalidOperationException("This Alink dialect already belongs to a client; make one per client.");
            }
            _host = host;
        }

        MqttConnectOptions IDeviceDialect.CreateConnectOptions()
        {
            return AlinkSigner.CreateConnectOptions(_options);
        }

        /// <summary>Nothing of Alink's runs on its own: pending requests time out through the session.</summary>
        void IDeviceDialect.Stop()
        {
        }

        /// <summary>Replies still due may come after the reconnect (QoS 1 subscriptions); their requests time out otherwise.</summary>
        void IDeviceDialect.Disconnected()
        {
        }

        /// <summary>The table's filters; <c>rrpc/request/+</c> only when RRPC is enabled.</summary>
        string[] IDeviceDialect.GetSubscribeFilters()
        {
            string[] all = _table.GetSubscribeFilters();
            if (_options.RrpcEnabled)
            {
                return all;
            }
            string rrpc = _table.FilterFor(TopicKind.SyncCommand);
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

        /// <summary>After every connect: version inform and firmware query (with a firmware version), config query (if enabled).</summary>
        void IDeviceDialect.Announce()
        {
            string version = FirmwareVersion;
            long id;
            if (version != null)
            {
                Report("OTA inform", SendInform(version, _options.Module, true));
                Report("firmware query", GetFirmware(out id));
            }
            if (_options.ConfigOnConnect)
            {
                Report("config query", GetConfig(out id));
            }
        }

        /// <summary>Posts properties (<c>thing/event/property/post</c>); the <c>post_reply</c> is the outcome of <paramref name="id"/>.</summary>
        SendResult IDeviceDialect.ReportProperties(PropertyReport report, out long id)
        {
            return PostProperties(report, out id);
        }

        private SendResult PostProperties(PropertyReport report, out long id)
        {
            if (report == null || report.Count == 0 || report.Count > AlinkBulkEncoder.MaxEntries)
            {
                throw new ArgumentException("A property post carries 1 to 200 values.");
            }
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkEncoder.WritePropertyPost(_writer, id, report);
                return SendTracked(_table.Get(TopicKind.PropertyPost), TopicKind.PropertyPostReply, AlinkEncoder.PropertyPostMethod, id);
            }
        }

        /// <summary>Posts event <paramref name="eventId"/> (<c>thing/event/{eventId}/post</c>) with its output values.</summary>
        SendResult IDeviceDialect.ReportEvent(string eventId, PropertyReport parameters, out long id)
        {
            if (parameters == null)
            {
                throw new ArgumentException("An event post needs its values (an empty report for none).");
            }
            string topic = _table.Build(TopicKind.EventPost, eventId);
            string method = AlinkEncoder.EventMethod(eventId);
            lock (_sendSync)
            {
                id = _ids.Next();
                AlinkEncoder.WriteEventPost(_writer, id, eventId, parameters);
                return SendTracked(topic, TopicKind.EventPostReply, method, id);
            }
        }

        /// <summary>NTP over MQTT (QoS 0): <c>{"deviceSendTime":"&lt;monotonic ms&gt;"}</c>; the answer sets the client's clock.</summary>
        SendResult IDeviceDialect.RequestTime()
        {
            RequireAttached();
            lock (_sendSync)
            {
                AlinkEncoder.WriteNtpRequest(_writer, _host.Clock.NowMs);
                return _host.SendRequest(_table.Get(TopicKind.NtpRequest), _writer.Buffer, _writer.Length, MqttQos.AtMostOnce,
                    (int)TopicKind.NtpResponse, 0, _ids.Next());
            }
        }

        private SendResult SendTracked(string topic, TopicKind replyKind, string method, long id)
        {
            RequireAttached();
            if (_writer.Overflowed)
            {
                _host.Write(method + " not sent: larger than " + MaxMessageBytes.ToString() + " bytes");
                return SendResult.TooLarge;
            }
            // A reply counts only on its own topic: the kind and the id together are the key.
            return _host.SendRequest(topic, _writer.Buffer, _writer.Length, _options.PublishQos, (int)replyKind, id, id);
        }

        // A message nobody replies to (downlink replies, OTA inform and progress). Caller holds _sendSync.
        private SendResult SendPlain(string topic, MqttQos qos)
        {
            RequireAttached();
            if (_writer.Overflowed)
            {
                _host.Write("message for '" + topic + "' not sent: larger than " + MaxMessageBytes.ToString() + " bytes");
                return SendResult.TooLarge;
            }
            return _host.Publish(topic, _writer.Buffer, _writer.Length, qos);
        }

        // In the announcement sent directly; after an update through the outbox, so it is not lost.
        private SendResult SendInform(string version, string module, bool announcing)
        {
            lock (_sendSync)
            {
                AlinkEncoder.WriteOtaInform(_writer, _ids.Next(), version, module);
                // QoS 1 as the spec and the C SDK send it: the version decides whether an update succeeded.
                // Part of every connect's announcement: sent ahead of the backlog, never kept.
                if (!announcing)
                {
                    return SendPlain(_table.Get(TopicKind.OtaInform), MqttQos.AtLeastOnce);
                }
                RequireAttached();
                return _host.Announce(_table.Get(TopicKind.OtaInform), _writer.Buffer, _writer.Length, MqttQos.AtLeastOnce);
            }
        }

        private void Report(string what, SendResult result)
        {
            if (result != SendResult.Accepted)
            {
                _host.Write(what + " not sent (result " + ((int)result).ToString() + ")");
            }
        }

        private void RequireAttached()
        {
            if (_host == null)
            {
                throw new InvalidOperationException("Create the DeviceClient with this dialect before sending.");
            }
        }
    }
}
