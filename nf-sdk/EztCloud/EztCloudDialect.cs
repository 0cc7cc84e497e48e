using System;
using System.Threading;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// The EZtCloud device protocol (docs/eztcloud.md): attributes, events, commands, custom data
    /// streams and command-based OTA, all on <c>…/{username}</c> topics.
    /// <code>
    /// EztCloudOptions options = new EztCloudOptions();
    /// options.Username = "DU_JEwVTAmL3m";
    /// options.Password = devicePassword;
    /// options.FirmwareVersion = "1.0.0";
    /// options.MinReportIntervalMs = 1000;
    /// EztCloudDialect ezt = new EztCloudDialect(options);
    /// DeviceClient client = new DeviceClient(transport, ezt, new SessionOptions());
    /// client.OnPropertySet("switch", c => { bool on; c.Value.TryGetBoolean(out on); relay.Write(on); });  // attributes_push
    /// client.OnCommand("restart", c => c.Output.Add("result", true));     // command_send → command_reply
    /// ezt.OnDataSet("modbus", (id, bytes) => uart.Write(bytes));          // data_set/{u}/modbus
    /// ezt.ReportRefused += r => Debug.WriteLine("refused: " + r.ErrorMessage);
    /// client.UpdateOffered += offer => ota.Start(offer);                  // otaUpgrade command
    /// client.Start();
    /// client.ReportProperties(new PropertyReport(3).Add("temperature", 28.5).Add("light", 2000L).Add("switch", true));
    /// ezt.PublishData("modbus", frame);                                   // raw bytes, untouched
    /// </code>
    /// Every method may be called from any thread; handlers and events run on the transport's thread
    /// (the coalescing timer's, for merged reports).
    /// <para>Where the platform says nothing, this dialect decides: a command without a handler is
    /// answered <c>{"error":"unknown method"}</c>; a failed handler's reply adds <c>"error"</c> (its
    /// message) and <c>"code"</c> to its params; malformed commands are rejected and not answered; a
    /// command without an id still runs and its reply has no id. otaUpgrade is handled here, not by
    /// command handlers (see ReportUpdate).</para>
    /// </summary>
    public sealed partial class EztCloudDialect : IDeviceDialect
    {
        /// <summary>The command the platform sends to offer firmware.</summary>
        public const string OtaUpgradeMethod = "otaUpgrade";

        /// <summary>The event that reports a failed update (the platform has no progress topic).</summary>
        public const string OtaResultMethod = "otaResult";

        // Largest message the dialect writes; larger ones are refused as TooLarge.
        private const int MaxMessageBytes = 8 * 1024;

        // Bounds of the coalescing buffer: attributes merged between two sends.
        private const int MaxMergedKeys = 32;
        private const int MaxMergedBytes = 2048;

        // Reports remembered for matching attributes_response / event_response.
        private const int OutstandingReports = 8;

        private readonly EztCloudOptions _options;
        private readonly object _sendLock = new object();
        private readonly JsonWriter _writer = new JsonWriter(256, MaxMessageBytes);
        private readonly JsonWriter _scratch = new JsonWriter(64, MaxMergedBytes);
        private readonly AttributeBatch _pending = new AttributeBatch(MaxMergedKeys, MaxMergedBytes);
        private readonly AttributeBatch _incoming = new AttributeBatch(MaxMergedKeys, MaxMergedBytes);
        private readonly ReportFifo _attributeFifo = new ReportFifo(OutstandingReports);
        private readonly ReportFifo _eventFifo = new ReportFifo(OutstandingReports);
        private readonly IdentifierMap _streams = new IdentifierMap();
        private Timer _timer;
        private bool _timerArmed;
        private bool _stopped;
        private long _nextReportMs;
        private long _mergedId;
        private string _firmwareVersion;
        private IDialectHost _host;

        /// <summary>Checks and copies <paramref name="options"/>; a setting that cannot work throws ArgumentException here.</summary>
        public EztCloudDialect(EztCloudOptions options)
        {
            if (options == null)
            {
                throw new ArgumentException("EZtCloud needs its options (username and password at least).");
            }
            options.Validate();
            _options = options.Copy();
            _firmwareVersion = _options.FirmwareVersion;
            Topics = EztCloudTopics.Create(_options.Username);
            Counters = new EztCloudCounters();
        }

        /// <summary>Every attributes_response (its <see cref="EztCloudResponse.Sequence"/> tells which report).</summary>
        public event EztCloudResponseHandler AttributesResponse;

        /// <summary>Every event_response.</summary>
        public event EztCloudResponseHandler EventResponse;

        /// <summary>A report the platform refused (error_code ≠ 0; −1: sent too often and ignored).</summary>
        public event EztCloudResponseHandler ReportRefused;

        /// <summary>The answer to <see cref="GetAttributes"/> (check Succeeded); its Attributes object holds the values.</summary>
        public event EztCloudResponseHandler AttributesReceived;

        /// <summary>An OTA check answered with <c>upgrade:false</c>.</summary>
        public event NoUpdateHandler NoUpdatePending;

        public TopicTable Topics { get; }

        public EztCloudCounters Counters { get; }

        /// <summary>The firmware version reported after each connect (updated when an update succeeds).</summary>
        public string FirmwareVersion
        {
            get { lock (_sendLock) { return _firmwareVersion; } }
        }

        /// <summary>
        /// Asks for the platform's attribute values (all when <paramref name="keys"/> is null or empty);
        /// <see cref="AttributesReceived"/> follows. One request at a time: a second one while the first
        /// waits gets DuplicateRequest. No answer in time raises the session's RequestTimedOut.
        /// </summary>
        public SendResult GetAttributes(string[] keys)
        {
            for (int i = 0; keys != null && i < keys.Length; i++)
            {
                if (keys[i] == null || keys[i].Length == 0)
                {
                    throw new ArgumentException("An attribute key cannot be null or empty.");
                }
            }
            IDialectHost session = Attached();
            lock (_sendLock)
            {
                EztCloudMessages.WriteAttributesGet(_writer, keys);
                if (!Fits("attributes_get"))
                {
                    return SendResult.TooLarge;
                }
                return session.SendRequest(Topics.Get(TopicKind.PropertyGet), _writer.Buffer, _writer.Length, _options.PublishQos,
                    (int)TopicKind.PropertyGetReply, 0, session.NewId());
            }
        }

        /// <summary>Publishes <paramref name="payload"/> as is on <c>data/{username}/{identifier}</c> (any bytes).</summary>
        public SendResult PublishData(string identifier, byte[] payload)
        {
            if (payload == null)
            {
                throw new ArgumentException("A data-stream payload cannot be null (send an empty array instead).");
            }
            IDialectHost session = Attached();
            string topic;
            try
            {
                topic = Topics.Build(TopicKind.DataPost, identifier);
            }
            catch (ArgumentException e)
            {
                session.Write("data stream not sent: " + e.Message);
                return SendResult.InvalidTopic;
            }
            SendResult result = session.Publish(topic, payload, payload.Length, _options.PublishQos);
            if (result == SendResult.Accepted)
            {
                Counters.AddDataOut();
            }
            return result;
        }

        /// <summary>Handles bytes the platform sends on <c>data_set/{username}/{identifier}</c> (null: any stream without its own handler).</summary>
        public void OnDataSet(string identifier, DataStreamHandler handler)
        {
            _streams.Set(identifier, handler);
        }

        /// <summary>Publishes the OTA check event; an otaUpgrade command (or nothing) follows.</summary>
        public SendResult CheckForUpdate()
        {
            long id;
            return ((IDeviceDialect)this).ReportEvent(_options.OtaCheckMethod, null, out id);
        }

        void IDeviceDialect.Attach(IDialectHost host)
        {
            if (host == null)
            {
                throw new ArgumentException("Attach needs the client's host.");
            }
            if (_host != null)
            {
                throw new InvalidOperationException("This EZtCloud dialect already belongs to a client; make one per client.");
            }
            _host = host;
        }

        MqttConnectOptions IDeviceDialect.CreateConnectOptions()
        {
            MqttConnectOptions connect = new MqttConnectOptions();
            connect.Host = _options.Host;
            connect.Port = _options.EffectivePort;
            connect.UseTls = _options.UseTls;
            connect.CaCertificatePem = _options.CaCertificatePem;
            connect.ClientId = _options.EffectiveClientId;
            connect.Username = _options.Username;
            connect.Password = _options.Password;
            connect.KeepAliveSeconds = _options.KeepAliveSeconds;
            connect.CleanSession = true;
            return connect;
        }

        string[] IDeviceDialect.GetSubscribeFilters()
        {
            return Topics.GetSubscribeFilters();
        }

        MqttQos IDeviceDialect.GetSubscribeQos()
        {
            return MqttQos.AtLeastOnce;
        }

        /// <summary>
        /// After every connect: the firmware version attribute (merged with any attributes still waiting
        /// in the coalescing buffer) in one report, then the OTA check event.
        /// </summary>
        void IDeviceDialect.Announce()
        {
            lock (_sendLock)
            {
                _stopped = false;
                long now = _host.Clock.NowMs;
                if (_firmwareVersion != null && !PutText(_pending, _options.VersionAttribute, _firmwareVersion))
                {
                    SendPendingLocked(now);
                    PutText(_pending, _options.VersionAttribute, _firmwareVersion);
                }
                if (_pending.Count > 0)
                {
                    SendPendingLocked(now);
                }
            }
            if (_options.OtaCheckOnConnect)
            {
                CheckForUpdate();
            }
        }

        /// <summary>
        /// The coalescing timer stops and cannot fire any more; attributes merged meanwhile wait for the
        /// next connection's announcement, which sends them with the version.
        /// </summary>
        /// <summary>Nothing to stop: merged attributes wait for the next connection at QoS 0 and go through the outbox at QoS 1.</summary>
        void IDeviceDialect.Disconnected()
        {
        }

        void IDeviceDialect.Stop()
        {
            lock (_sendLock)
            {
                _stopped = true;
                _timerArmed = false;
                if (_timer != null)
                {
                    _timer.Change(-1, -1);
                }
            }
        }

        /// <summary>Publishes <c>{"method":eventId,"params":{…}}</c> on <c>event_report/{username}</c>.</summary>
        SendResult IDeviceDialect.ReportEvent(string eventId, PropertyReport parameters, out long id)
        {
            if (eventId == null || eventId.Length == 0)
            {
                throw new ArgumentException("An event needs its method name.");
            }
            IDialectHost host = Attached();
            lock (_sendLock)
            {
                EztCloudMessages.WriteEvent(_writer, eventId, parameters);
                id = host.NewId();
                return PublishEventLocked(host.Clock.NowMs, id);
            }
        }

        /// <summary>EZtCloud has no time exchange over MQTT (use SNTP): always NotConnected.</summary>
        SendResult IDeviceDialect.RequestTime()
        {
            Attached().Write("EZtCloud has no time exchange over MQTT; use SNTP");
            return SendResult.NotConnected;
        }

        private IDialectHost Attached()
        {
            IDialectHost session = _host;
            if (session == null)
            {
                throw new InvalidOperationException("Give the dialect to a DeviceClient before using it.");
            }
            return session;
        }

        private SendResult PublishEventLocked(long now, long id)
        {
            if (!Fits("event"))
            {
                return SendResult.TooLarge;
            }
            SendResult result = SendReport(TopicKind.EventPost, TopicKind.EventPostReply, id);
            if (result == SendResult.Accepted)
            {
                _eventFifo.Add(id, now);
                Counters.AddEventReport();
            }
            return result;
        }

        // With responses on, the platform's response is the report's outcome; otherwise the PUBACK (QoS 1)
        // or the send itself (QoS 0) is all there is to know.
        private SendResult SendReport(TopicKind kind, TopicKind responseKind, long id)
        {
            return _options.ResponsesEnabled
                ? _host.SendRequest(Topics.Get(kind), _writer.Buffer, _writer.Length, _options.PublishQos, (int)responseKind, id, id)
                : _host.SendReport(Topics.Get(kind), _writer.Buffer, _writer.Length, _options.PublishQos, id);
        }

        // True when the writer holds a whole message; otherwise says so in the log.
        private bool Fits(string what)
        {
            if (_writer.Overflowed)
            {
                _host.Write(what + " not sent: larger than " + MaxMessageBytes.ToString() + " bytes");
                return false;
            }
            return true;
        }

        private bool PutText(AttributeBatch batch, string key, string value)
        {
            _scratch.Reset();
            _scratch.WriteString(value);
            return !_scratch.Overflowed && batch.Put(key, _scratch.Buffer, 0, _scratch.Length);
        }

        // App handlers must not take the transport's thread down.
        private void Raise(EztCloudResponseHandler handler, EztCloudResponse response)
        {
            if (handler == null)
            {
                return;
            }
            try
            {
                handler(response);
            }
            catch (Exception e)
            {
                _host.Write("response handler failed: " + e.Message);
            }
        }
    }
}
