using System;
using System.Text;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// The FastBee dialect (docs/fastbee.md): <c>/{productId}/{deviceNum}/…</c> topics, item-array payloads,
    /// simple or AES-encrypted authentication with the password rebuilt before every connect, info/post
    /// first after every connect, commands confirmed by reporting the resulting values, real-time
    /// monitoring, MQTT and HTTP time, and OTA pushes handed to the client as <see cref="UpdateOffer"/>s.
    /// <code>
    /// var options = new FastBeeOptions
    /// {
    ///     Host = "iot.example.com", ProductId = "41", DeviceNum = "D6329VL548866", UserId = 1,
    ///     MqttUsername = "FastBee", MqttPassword = "P5FJKZJHIR82GNB2",
    ///     Encrypted = true, ProductSecret = "K63C4EA3AI5TER97", NtpUrl = "http://iot.example.com:8080/iot/tool/ntp",
    ///     FirmwareVersion = 1.2, Rssi = () => wifi.Rssi, Monitor = sample => sample.Add("temperature", sensor.Read()),
    /// };
    /// var client = new DeviceClient(mqttTransport, new FastBeeDialect(options, httpTransport), new SessionOptions());
    /// client.OnPropertySet("switch", c => relay.Set(c.Value.ValueEquals("1")));   // confirmed on property/post
    /// client.OnCommand("reboot", c => scheduler.Reboot());
    /// client.UpdateOffered += offer => ota.Begin(offer);                           // then client.ReportUpdate(…)
    /// client.Start();
    /// var report = new PropertyReport(8);                                          // keep it, Clear() and refill
    /// client.ReportProperties(report.Add("temperature", 27.43));                     // [{"id":"temperature","value":"27.43","remark":""}]
    /// </code>
    /// Handlers must apply values, not toggle: FastBee replays retained commands after a reconnect.
    /// </summary>
    public sealed partial class FastBeeDialect : IDeviceDialect
    {
        // The pending-table key of the one ntp/post that may be outstanding.
        private const int NtpKey = (int)TopicKind.NtpResponse;

        private readonly FastBeeOptions _options;
        private readonly IHttpTransport _http;
        private readonly TopicTable _topics;
        private readonly string _clientId;
        private readonly byte[] _summaryJson;
        private readonly object _send = new object();
        private readonly JsonWriter _writer;
        private readonly object _infoSync = new object();
        private readonly object _sampleSync = new object();
        private readonly PropertyReport _sample;
        private readonly FastBeeMonitor _monitor;
        private readonly FastBeeHttpTime _httpTime = new FastBeeHttpTime();
        private DeviceClient _client;
        private double _firmwareVersion;
        private double _longitude;
        private double _latitude;
        private long _passwordExpiresAt;

        /// <param name="http">For the time request of encrypted authentication; may be null with simple authentication.</param>
        /// <exception cref="ArgumentException">The options are incomplete or invalid (the message names the field).</exception>
        public FastBeeDialect(FastBeeOptions options, IHttpTransport http)
        {
            FastBeeOptionsCheck.Validate(options, http);
            _options = options.Copy();
            _http = http;
            _topics = FastBeeTopics.Create(_options.ProductId, _options.DeviceNum);
            _clientId = FastBeeAuth.ClientId(_options.Encrypted, _options.DeviceNum, _options.ProductId, _options.UserId);
            _summaryJson = _options.SummaryJson == null ? null : Encoding.UTF8.GetBytes(_options.SummaryJson);
            _writer = new JsonWriter(512, _options.MaxMessageBytes);
            _sample = new PropertyReport(_options.MaxItems);
            _monitor = new FastBeeMonitor(TakeSample);
            _firmwareVersion = _options.FirmwareVersion;
            _longitude = _options.Longitude;
            _latitude = _options.Latitude;
        }

        public TopicTable Topics
        {
            get { return _topics; }
        }

        /// <summary>The client id this device connects with, e.g. <c>E&amp;D68329VL588&amp;2&amp;1</c>.</summary>
        public string ClientId
        {
            get { return _clientId; }
        }

        /// <summary>The firmware version info/post reports; set it after an update (the next info/post carries it).</summary>
        public double FirmwareVersion
        {
            get { lock (_infoSync) { return _firmwareVersion; } }
            set
            {
                if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
                {
                    throw new ArgumentException("A firmware version is a non-negative number such as 1.2.");
                }
                lock (_infoSync) { _firmwareVersion = value; }
            }
        }

        /// <summary>Expiry (Unix ms) of the last encrypted password built; 0 before the first or with simple auth.</summary>
        public long PasswordExpiresAtMs
        {
            get { lock (_infoSync) { return _passwordExpiresAt; } }
        }

        /// <summary>True while a monitor/get series is being sent.</summary>
        public bool IsMonitoring
        {
            get { return _monitor.IsRunning; }
        }

        /// <summary>Sets the position info/post reports (kept by the platform in "device positioning" mode).</summary>
        public void SetLocation(double longitude, double latitude)
        {
            lock (_infoSync)
            {
                _longitude = longitude;
                _latitude = latitude;
            }
        }

        /// <summary>Publishes info/post now (it also goes out after every connect and on info/get).</summary>
        public SendResult PublishInfo()
        {
            DeviceSession session = RequireSession();
            int rssi = ReadRssi(session);
            double version;
            double longitude;
            double latitude;
            lock (_infoSync)
            {
                version = _firmwareVersion;
                longitude = _longitude;
                latitude = _latitude;
            }
            lock (_send)
            {
                _writer.Reset();
                FastBeeMessages.WriteInfo(_writer, rssi, version, _options.UserId, longitude, latitude, _options.Summary, _summaryJson);
                return Send(session, TopicKind.DeviceInfoPost);
            }
        }

        /// <summary>Reports events on event/post: each value of <paramref name="events"/> is one event (identifier → value).</summary>
        public SendResult ReportEvents(PropertyReport events)
        {
            return ReportItems(events, TopicKind.EventPost);
        }

        /// <summary>Reports one event with a remark (shown in the device log), e.g. ("height_temperature", "40", "temperature too high").</summary>
        public SendResult ReportEvent(string eventId, string value, string remark)
        {
            RequireIdentifier(eventId);
            DeviceSession session = RequireSession();
            lock (_send)
            {
                _writer.Reset();
                _writer.BeginArray();
                FastBeeItems.WriteItem(_writer, eventId, value, remark);
                _writer.EndArray();
                return Send(session, TopicKind.EventPost);
            }
        }

        /// <summary>Stops a running monitor series.</summary>
        public void StopMonitoring()
        {
            _monitor.Stop();
        }

        // ----- IDeviceDialect -----

        public void Attach(DeviceClient client)
        {
            if (client == null)
            {
                throw new ArgumentException("Attach needs the client.");
            }
            if (_client == client)
            {
                return;
            }
            if (_client != null)
            {
                throw new InvalidOperationException("This FastBeeDialect already belongs to another DeviceClient.");
            }
            _client = client;
            client.Session.StateChanged += OnSessionState;
        }

        /// <summary>property/post: <c>[{"id":…,"value":"…","remark":""},…]</c>.</summary>
        public SendResult ReportProperties(PropertyReport report)
        {
            return ReportItems(report, TopicKind.PropertyPost);
        }

        /// <summary>
        /// event/post with one event: <paramref name="eventId"/> and the single value of
        /// <paramref name="parameters"/> (none: an empty value). With a null id, every value is an event of its own.
        /// </summary>
        public SendResult ReportEvent(string eventId, PropertyReport parameters)
        {
            if (eventId == null)
            {
                return ReportEvents(parameters);
            }
            RequireIdentifier(eventId);
            if (parameters != null && parameters.Count > 1)
            {
                throw new ArgumentException("A FastBee event carries one value; report several events with a null eventId.");
            }
            DeviceSession session = RequireSession();
            lock (_send)
            {
                _writer.Reset();
                _writer.BeginArray();
                _writer.BeginObject();
                _writer.WriteString("id", eventId);
                _writer.WriteName("value");
                if (parameters == null || parameters.Count == 0)
                {
                    _writer.WriteString("");
                }
                else
                {
                    parameters.WriteValueAsText(0, _writer);
                }
                _writer.WriteString("remark", "");
                _writer.EndObject();
                _writer.EndArray();
                return Send(session, TopicKind.EventPost);
            }
        }

        /// <summary>ntp/post <c>{"deviceSendTime":…}</c>; the ntp/get answer sets the clock (TimeSynced). One at a time.</summary>
        public SendResult RequestTime()
        {
            DeviceSession session = RequireSession();
            long sentAt = MonotonicClock.NowMs;
            lock (_send)
            {
                _writer.Reset();
                FastBeeMessages.WriteNtpRequest(_writer, sentAt);
                SendResult result;
                session.Request(_topics.Get(TopicKind.NtpRequest), _writer.Buffer, _writer.Length, _options.PublishQos,
                    PendingKeyKind.ReplyKind, NtpKey, NtpKey, 0, sentAt, out result);
                return result;
            }
        }

        // ----- helpers -----

        private SendResult ReportItems(PropertyReport report, TopicKind kind)
        {
            if (report == null || report.Count == 0)
            {
                throw new ArgumentException("Nothing to report: the report is empty.");
            }
            DeviceSession session = RequireSession();
            lock (_send)
            {
                _writer.Reset();
                FastBeeItems.Write(_writer, report);
                return Send(session, kind);
            }
        }

        // Call with _send held and the message in _writer.
        private SendResult Send(DeviceSession session, TopicKind kind)
        {
            string topic = _topics.Get(kind);
            if (_writer.Overflowed)
            {
                session.Write("FastBee: message for '" + topic + "' is larger than MaxMessageBytes (" + _options.MaxMessageBytes.ToString() + "); not sent");
                return SendResult.TooLarge;
            }
            return session.Publish(topic, _writer.Buffer, _writer.Length, _options.PublishQos, false, null);
        }

        private void TakeSample()
        {
            DeviceSession session = RequireSession();
            MonitorSource source = _options.Monitor;
            lock (_sampleSync)
            {
                _sample.Clear();
                try
                {
                    source(_sample);
                }
                catch (Exception e)
                {
                    session.Write("FastBee: the monitor source failed: " + e.Message);
                    return;
                }
                if (_sample.Count == 0)
                {
                    return;
                }
                lock (_send)
                {
                    _writer.Reset();
                    FastBeeItems.Write(_writer, _sample);
                    Send(session, TopicKind.MonitorPost);
                }
            }
        }

        private void OnSessionState(SessionState state, string detail)
        {
            if (state == SessionState.Connected)
            {
                return;
            }
            DeviceSession session = _client.Session;
            if (_monitor.Stop())
            {
                session.Write("FastBee: monitoring stopped, the connection ended");
            }
            // No answer can come on a new (clean) session: free the slot for the next connect's request.
            if (session.CompleteRequest(PendingKeyKind.ReplyKind, NtpKey) != null)
            {
                session.Write("FastBee: time request abandoned, the connection ended");
            }
        }

        private int ReadRssi(DeviceSession session)
        {
            RssiSource rssi = _options.Rssi;
            if (rssi == null)
            {
                return 0;
            }
            try
            {
                return rssi();
            }
            catch (Exception e)
            {
                session.Write("FastBee: the rssi source failed: " + e.Message);
                return 0;
            }
        }

        private DeviceSession RequireSession()
        {
            DeviceClient client = _client;
            if (client == null)
            {
                throw new InvalidOperationException("Use the FastBeeDialect through a DeviceClient (new DeviceClient(transport, dialect, options)).");
            }
            return client.Session;
        }

        private static void RequireIdentifier(string id)
        {
            if (id == null || id.Length == 0)
            {
                throw new ArgumentException("An event needs its identifier.");
            }
        }
    }
}
