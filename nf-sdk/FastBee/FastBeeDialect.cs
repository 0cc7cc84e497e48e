using System;
using IotDevice.Client;
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
    /// FastBee answers no report: a report's outcome is the broker's PUBACK at QoS 1 (Acknowledged) or
    /// Sent at QoS 0 (<see cref="FastBeeOptions.PublishQos"/>).
    /// <code>
    /// var options = new FastBeeOptions
    /// {
    ///     Host = "iot.example.com", ProductId = "41", DeviceNum = "D6329VL548866", UserId = 1,
    ///     MqttUsername = "FastBee", MqttPassword = "P5FJKZJHIR82GNB2",
    ///     Encrypted = true, ProductSecret = "K63C4EA3AI5TER97", NtpUrl = "http://iot.example.com:8080/iot/tool/ntp",
    ///     FirmwareVersion = 1.2, Rssi = () => wifi.Rssi, Monitor = sample => sample.Add("temperature", sensor.Read()),
    /// };
    /// var client = new DeviceClient(mqttTransport, new FastBeeDialect(options, httpTransport));
    /// client.OnPropertySet("switch", c => relay.Set(c.Value.ValueEquals("1")));   // confirmed on property/post
    /// client.OnCommand("reboot", c => scheduler.Reboot());
    /// client.Outcome += outcome => log(outcome.Id, outcome.Status);               // PUBACK (QoS 1) or Sent (QoS 0)
    /// client.UpdateOffered += offer => ota.Begin(offer);                           // then client.ReportUpdate(…)
    /// client.Start();
    /// var report = new PropertyReport(8);                                          // keep it, Clear() and refill
    /// client.ReportProperties(report.Add("temperature", 27.43), out long id);       // [{"id":"temperature","value":"27.43","remark":""}]
    /// </code>
    /// Handlers must apply values, not toggle: FastBee replays retained commands after a reconnect.
    /// </summary>
    public sealed class FastBeeDialect : IDeviceDialect
    {
        /// <summary>upgrade/reply codes: 200 is success for FastBee; the failure codes are the SDK's own, one per failure.</summary>
        public const int UpgradeOk = 200;
        public const int UpgradeFailed = 500;
        public const int UpgradeDownloadFailed = 501;
        public const int UpgradeVerifyFailed = 502;
        public const int UpgradeApplyFailed = 503;

        private readonly FastBeeUplinks _uplinks;
        // Only with a monitor source: without one, monitoring requests are refused and nothing runs.
        private readonly FastBeeMonitor _monitor;
        private readonly IHttpTransport _http;
        // Made with the first encrypted connect.
        private FastBeeEncryptedLogin _encryptedLogin;

        /// <param name="http">For the time request of encrypted authentication; may be null with simple authentication.</param>
        /// <exception cref="ArgumentException">The options are incomplete or invalid (the message names the field).</exception>
        public FastBeeDialect(FastBeeOptions options, IHttpTransport http)
        {
            FastBeeOptions.Validate(options, http);
            // What is kept of the options is the uplinks'; the other roles and the dialect reach it there.
            TopicTable topics = FastBeeTopics.Create(options.ProductId, options.DeviceNum);
            _uplinks = new FastBeeUplinks(options, topics);
            _http = http;
            _monitor = options.Monitor == null ? null : new FastBeeMonitor(_uplinks, options.Monitor);
        }

        /// <summary>The client id this device connects with, e.g. <c>E&amp;D68329VL588&amp;2&amp;1</c>.</summary>
        public string ClientId
        {
            get { return _uplinks.ClientId; }
        }

        /// <summary>The firmware version info/post reports; set it after an update (the next info/post carries it).</summary>
        public double FirmwareVersion
        {
            get { return _uplinks.FirmwareVersion; }
            set { _uplinks.FirmwareVersion = value; }
        }

        /// <summary>Expiry (Unix ms) of the last encrypted password built; 0 before the first or with simple auth.</summary>
        public long PasswordExpiresAtMs
        {
            get
            {
                FastBeeEncryptedLogin login = _encryptedLogin;
                return login == null ? 0 : login.PasswordExpiresAtMs;
            }
        }

        /// <summary>True while a monitor/get series is being sent.</summary>
        public bool IsMonitoring
        {
            get { return _monitor != null && _monitor.IsRunning; }
        }

        /// <summary>Sets the position info/post reports (kept by the platform in "device positioning" mode).</summary>
        public void SetLocation(double longitude, double latitude)
        {
            _uplinks.SetLocation(longitude, latitude);
        }

        /// <summary>Publishes info/post now (it also goes out after every connect and on info/get).</summary>
        public SendResult PublishInfo()
        {
            return _uplinks.Info(false);
        }

        /// <summary>Reports one event with a remark (shown in the device log), e.g. ("height_temperature", "40", "temperature too high").</summary>
        public SendResult ReportEvent(string eventId, string value, string remark, out long id)
        {
            return _uplinks.Event(eventId, null, value, remark, out id);
        }

        /// <summary>Stops a running monitor series.</summary>
        public void StopMonitoring()
        {
            if (_monitor != null)
            {
                _monitor.Stop();
            }
        }

        // ----- IDeviceDialect: the client's side, explicit so an app sees none of it -----

        void IDeviceDialect.Attach(IDialectHost host)
        {
            if (host == null)
            {
                throw new ArgumentException("Attach needs the client's host.");
            }
            _uplinks.Attach(host);
        }

        /// <summary>
        /// Credentials for the next connect. Encrypted: the server's time over HTTP first, then
        /// password&amp;(now + lifetime)[&amp;authCode] encrypted; null ("not ready") without any time.
        /// </summary>
        MqttConnectOptions IDeviceDialect.CreateConnectOptions()
        {
            if (!_uplinks.Encrypted)
            {
                return _uplinks.CreateConnectOptions(0);
            }
            if (_encryptedLogin == null)
            {
                _encryptedLogin = new FastBeeEncryptedLogin();
            }
            return _encryptedLogin.CreateConnectOptions(_uplinks, _http);
        }

        /// <summary>function/get, info/get, ntp/get, monitor/get, upgrade/get, ota/get.</summary>
        string[] IDeviceDialect.GetSubscribeFilters()
        {
            return _uplinks.Topics.GetSubscribeFilters();
        }

        MqttQos IDeviceDialect.GetSubscribeQos()
        {
            return _uplinks.SubscribeQos;
        }

        /// <summary>
        /// info/post is the first message of every connection; then, if configured, ntp/post. The session
        /// hands over the messages that arrived since the SUBACK (retained commands) right after.
        /// </summary>
        void IDeviceDialect.Announce()
        {
            _uplinks.Announce();
        }

        void IDeviceDialect.HandleMessage(string topic, byte[] payload, bool retained)
        {
            FastBeeDownlinks.HandleMessage(_uplinks, _monitor, topic, payload, retained);
        }

        /// <summary>A series of samples and a wait for ntp/get end with the connection.</summary>
        void IDeviceDialect.Disconnected()
        {
            if (_monitor != null && _monitor.Stop())
            {
                _uplinks.Host.Write("monitoring stopped, the connection ended");
            }
            _uplinks.AbandonTimeRequest();
        }

        /// <summary>A monitor series ends with the client.</summary>
        void IDeviceDialect.Stop()
        {
            StopMonitoring();
        }

        /// <summary>property/post: <c>[{"id":…,"value":"…","remark":""},…]</c>.</summary>
        SendResult IDeviceDialect.ReportProperties(PropertyReport report, out long id)
        {
            return _uplinks.Items(report, TopicKind.PropertyPost, out id);
        }

        /// <summary>
        /// event/post with one event: <paramref name="eventId"/> and the single value of
        /// <paramref name="parameters"/> (none: an empty value). With a null id, every value is an event of its own.
        /// </summary>
        SendResult IDeviceDialect.ReportEvent(string eventId, PropertyReport parameters, out long id)
        {
            if (eventId == null)
            {
                return _uplinks.Items(parameters, TopicKind.EventPost, out id);
            }
            if (parameters != null && parameters.Count > 1)
            {
                throw new ArgumentException("A FastBee event carries one value; report several events with a null eventId.");
            }
            return _uplinks.Event(eventId, parameters, null, null, out id);
        }

        /// <summary>ntp/post <c>{"deviceSendTime":…}</c>; the ntp/get answer sets the clock (TimeSynced). One at a time.</summary>
        SendResult IDeviceDialect.RequestTime()
        {
            return _uplinks.RequestTime();
        }

        /// <summary>upgrade/reply for the final verdict of offers with a messageId; success also goes out as info/post.</summary>
        SendResult IDeviceDialect.ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            return FastBeeUpdates.ReportUpdate(_uplinks, offer, status, detail);
        }
    }
}
