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
        private IDialectHost _host;
        private double _firmwareVersion;
        private double _longitude;
        private double _latitude;
        private long _passwordExpiresAt;
        private long _ntpSentAt;

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
            return SendInfo(false);
        }

        // In the announcement info/post goes out directly, ahead of the backlog; otherwise like any message.
        private SendResult SendInfo(bool announcing)
        {
            IDialectHost session = RequireSession();
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
                if (!announcing || _writer.Overflowed)
                {
                    return Send(session, TopicKind.DeviceInfoPost);
                }
                return session.Announce(_topics.Get(TopicKind.DeviceInfoPost), _writer.Buffer, _writer.Length, _options.PublishQos);
            }
        }

        /// <summary>Reports events on event/post: each value of <paramref name="events"/> is one event (identifier → value).</summary>
        public SendResult ReportEvents(PropertyReport events, out long id)
        {
            return ReportItems(events, TopicKind.EventPost, out id);
        }

        /// <summary>Reports one event with a remark (shown in the device log), e.g. ("height_temperature", "40", "temperature too high").</summary>
        public SendResult ReportEvent(string eventId, string value, string remark, out long id)
        {
            RequireIdentifier(eventId);
            IDialectHost session = RequireSession();
            lock (_send)
            {
                _writer.Reset();
                _writer.BeginArray();
                FastBeeItems.WriteItem(_writer, eventId, value, remark);
                _writer.EndArray();
                return SendReport(session, TopicKind.EventPost, out id);
            }
        }

        /// <summary>Stops a running monitor series.</summary>
        public void StopMonitoring()
        {
            _monitor.Stop();
        }

        // ----- IDeviceDialect -----

        void IDeviceDialect.Attach(IDialectHost host)
        {
            if (host == null)
            {
                throw new ArgumentException("Attach needs the client's host.");
            }
            if (_host != null)
            {
                throw new InvalidOperationException("This FastBeeDialect already belongs to another DeviceClient.");
            }
            _host = host;
        }

        /// <summary>property/post: <c>[{"id":…,"value":"…","remark":""},…]</c>.</summary>
        SendResult IDeviceDialect.ReportProperties(PropertyReport report, out long id)
        {
            return ReportItems(report, TopicKind.PropertyPost, out id);
        }

        /// <summary>
        /// event/post with one event: <paramref name="eventId"/> and the single value of
        /// <paramref name="parameters"/> (none: an empty value). With a null id, every value is an event of its own.
        /// </summary>
        SendResult IDeviceDialect.ReportEvent(string eventId, PropertyReport parameters, out long id)
        {
            if (eventId == null)
            {
                return ReportItems(parameters, TopicKind.EventPost, out id);
            }
            RequireIdentifier(eventId);
            if (parameters != null && parameters.Count > 1)
            {
                throw new ArgumentException("A FastBee event carries one value; report several events with a null eventId.");
            }
            IDialectHost session = RequireSession();
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
                return SendReport(session, TopicKind.EventPost, out id);
            }
        }

        /// <summary>ntp/post <c>{"deviceSendTime":…}</c>; the ntp/get answer sets the clock (TimeSynced). One at a time.</summary>
        SendResult IDeviceDialect.RequestTime()
        {
            IDialectHost session = RequireSession();
            long sentAt = session.Clock.NowMs;
            lock (_send)
            {
                _ntpSentAt = sentAt;
                _writer.Reset();
                FastBeeMessages.WriteNtpRequest(_writer, sentAt);
                return session.SendRequest(_topics.Get(TopicKind.NtpRequest), _writer.Buffer, _writer.Length, _options.PublishQos,
                    NtpKey, 0, session.NewId());
            }
        }

        // ----- helpers -----

        private SendResult ReportItems(PropertyReport report, TopicKind kind, out long id)
        {
            if (report == null || report.Count == 0)
            {
                throw new ArgumentException("Nothing to report: the report is empty.");
            }
            IDialectHost session = RequireSession();
            lock (_send)
            {
                _writer.Reset();
                FastBeeItems.Write(_writer, report);
                return SendReport(session, kind, out id);
            }
        }

        // Call with _send held and the message in _writer.
        private SendResult Send(IDialectHost session, TopicKind kind)
        {
            string topic = _topics.Get(kind);
            if (_writer.Overflowed)
            {
                session.Write("FastBee: message for '" + topic + "' is larger than MaxMessageBytes (" + _options.MaxMessageBytes.ToString() + "); not sent");
                return SendResult.TooLarge;
            }
            return session.Publish(topic, _writer.Buffer, _writer.Length, _options.PublishQos);
        }

        // A report: FastBee answers none, so the outcome is the PUBACK at QoS 1, "sent" at QoS 0.
        private SendResult SendReport(IDialectHost session, TopicKind kind, out long id)
        {
            string topic = _topics.Get(kind);
            id = 0;
            if (_writer.Overflowed)
            {
                session.Write("FastBee: message for '" + topic + "' is larger than MaxMessageBytes (" + _options.MaxMessageBytes.ToString() + "); not sent");
                return SendResult.TooLarge;
            }
            id = session.NewId();
            return session.SendReport(topic, _writer.Buffer, _writer.Length, _options.PublishQos, id);
        }

        private void TakeSample()
        {
            IDialectHost session = RequireSession();
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

        void IDeviceDialect.Disconnected()
        {
            IDialectHost session = _host;
            if (_monitor.Stop())
            {
                session.Write("FastBee: monitoring stopped, the connection ended");
            }
            // No answer can come on a new (clean) session: free the slot for the next connect's request.
            if (session.Complete(NtpKey, 0, false, 0, "the connection ended"))
            {
                session.Write("FastBee: time request abandoned, the connection ended");
            }
        }

        private int ReadRssi(IDialectHost session)
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

        private IDialectHost RequireSession()
        {
            IDialectHost host = _host;
            if (host == null)
            {
                throw new InvalidOperationException("Use the FastBeeDialect through a DeviceClient (new DeviceClient(transport, dialect)).");
            }
            return host;
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
