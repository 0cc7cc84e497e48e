using System;
using IotDevice.Client;
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
    /// client.Outcome += o => Debug.WriteLine(o.Id.ToString() + ": " + ((int)o.Status).ToString());
    /// client.OnPropertySet("switch", c => { bool on; c.Value.TryGetBoolean(out on); relay.Write(on); });  // attributes_push
    /// client.OnCommand("restart", c => c.Output.Add("result", true));     // command_send → command_reply
    /// ezt.OnDataSet("modbus", (id, bytes) => uart.Write(bytes));          // data_set/{u}/modbus
    /// client.UpdateOffered += offer => ota.Start(offer);                  // otaUpgrade command
    /// client.Start();
    /// long id;
    /// client.ReportProperties(new PropertyReport(3).Add("temperature", 28.5).Add("light", 2000L).Add("switch", true), out id);
    /// ezt.PublishData("modbus", frame);                                   // raw bytes, untouched
    /// </code>
    /// Every method may be called from any thread; handlers and events run on the session's thread
    /// (merged reports' outcomes at QoS 0 on the coalescing thread).
    /// <para>Outcomes: with <see cref="EztCloudOptions.ResponsesEnabled"/> the platform's
    /// attributes_response / event_response (matched in publish order, as they carry no id) makes a report
    /// Acknowledged or Refused, none in time TimedOut; without, the PUBACK (QoS 1) or Sent (QoS 0). Reports
    /// merged by <see cref="EztCloudOptions.MinReportIntervalMs"/> share the id of the message they go out
    /// in. What the dialect sends on its own (version, otaCheck, otaResult, push confirmations) has none.</para>
    /// <para>Where the platform says nothing, this dialect decides: a command without a handler is
    /// answered <c>{"error":"unknown method"}</c>; a failed handler's reply adds <c>"error"</c> (its
    /// message) and <c>"code"</c> to its params; malformed commands are rejected and not answered; a
    /// command without an id still runs and its reply has no id. otaUpgrade is handled here, not by
    /// command handlers.</para>
    /// </summary>
    public sealed class EztCloudDialect : IDeviceDialect
    {
        /// <summary>The command the platform sends to offer firmware.</summary>
        public const string OtaUpgradeMethod = "otaUpgrade";

        /// <summary>The event that reports a failed update (the platform has no progress topic).</summary>
        public const string OtaResultMethod = "otaResult";

        // The app's handlers of the five events, one slot each, made with the first (see EventSlots).
        private const int AttributesResponseEvent = 0;
        private const int EventResponseEvent = 1;
        private const int ReportRefusedEvent = 2;
        private const int AttributesReceivedEvent = 3;
        private const int NoUpdatePendingEvent = 4;
        private const int EventCount = 5;

        // Shared by every dialect: handlers are added rarely.
        private static readonly object HandlerLock = new object();

        private readonly EztUplink _uplink;
        private readonly EztAttributes _attributes;
        private readonly EztInbound _inbound;
        private Delegate[] _handlers;

        /// <summary>
        /// Checks and copies <paramref name="options"/>; a setting that cannot work throws ArgumentException here.
        /// A dialect serves one client: make one per client.
        /// </summary>
        public EztCloudDialect(EztCloudOptions options)
        {
            if (options == null)
            {
                throw new ArgumentException("EZtCloud needs its options.");
            }
            options.Validate();
            Counters = new EztCloudCounters();
            // What is kept of the options is the uplink's; the dialect reaches it there.
            _uplink = new EztUplink(options, this);
            _attributes = new EztAttributes(_uplink);
            _inbound = new EztInbound(_uplink, _attributes);
        }

        /// <summary>Every attributes_response (its <see cref="EztCloudResponse.Sequence"/> tells which report).</summary>
        public event EztCloudResponseHandler AttributesResponse
        {
            add { Subscribe(AttributesResponseEvent, value, true); }
            remove { Subscribe(AttributesResponseEvent, value, false); }
        }

        /// <summary>Every event_response.</summary>
        public event EztCloudResponseHandler EventResponse
        {
            add { Subscribe(EventResponseEvent, value, true); }
            remove { Subscribe(EventResponseEvent, value, false); }
        }

        /// <summary>A report the platform refused (error_code ≠ 0; −1: sent too often and ignored).</summary>
        public event EztCloudResponseHandler ReportRefused
        {
            add { Subscribe(ReportRefusedEvent, value, true); }
            remove { Subscribe(ReportRefusedEvent, value, false); }
        }

        /// <summary>The answer to <see cref="GetAttributes"/> (check Succeeded); its Attributes object holds the values.</summary>
        public event EztCloudResponseHandler AttributesReceived
        {
            add { Subscribe(AttributesReceivedEvent, value, true); }
            remove { Subscribe(AttributesReceivedEvent, value, false); }
        }

        /// <summary>An OTA check answered with <c>upgrade:false</c>.</summary>
        public event NoUpdateHandler NoUpdatePending
        {
            add { Subscribe(NoUpdatePendingEvent, value, true); }
            remove { Subscribe(NoUpdatePendingEvent, value, false); }
        }

        public readonly EztCloudCounters Counters;

        /// <summary>The firmware version reported after each connect (updated when an update succeeds).</summary>
        public string FirmwareVersion
        {
            get { lock (_uplink.Writer) { return _uplink.FirmwareVersion; } }
        }

        /// <summary>
        /// Asks for the platform's attribute values (all when <paramref name="keys"/> is null or empty);
        /// <see cref="AttributesReceived"/> follows, or a TimedOut outcome. One request at a time: a second
        /// one while the first waits gets DuplicateRequest.
        /// </summary>
        public SendResult GetAttributes(string[] keys)
        {
            return _uplink.Responses.GetAttributes(keys);
        }

        /// <summary>Publishes <paramref name="payload"/> as is on <c>data/{username}/{identifier}</c> (any bytes; an empty array sends an empty message, null throws).</summary>
        public SendResult PublishData(string identifier, byte[] payload)
        {
            if (payload == null)
            {
                throw new ArgumentException("A data-stream payload cannot be null.");
            }
            IDialectHost host = _uplink.Attached();
            string topic;
            try
            {
                topic = _uplink.Topics.Build(TopicKind.DataPost, identifier);
            }
            catch (ArgumentException e)
            {
                host.Write("data stream not sent: " + e.Message);
                return SendResult.InvalidTopic;
            }
            return host.Publish(topic, payload, payload.Length, _uplink.PublishQos);
        }

        /// <summary>Handles bytes the platform sends on <c>data_set/{username}/{identifier}</c> (null: any stream without its own handler).</summary>
        public void OnDataSet(string identifier, DataStreamHandler handler)
        {
            _inbound.SetStream(identifier, handler);
        }

        /// <summary>Publishes the OTA check event; an otaUpgrade command (or nothing) follows.</summary>
        public SendResult CheckForUpdate()
        {
            return EztOta.Check(_uplink);
        }

        // ----- raised by the roles -----

        internal void RaiseResponse(EztCloudResponse response)
        {
            switch (response.Kind)
            {
                case EztCloudResponseKind.AttributesReport:
                    Raise(AttributesResponseEvent, response);
                    break;
                case EztCloudResponseKind.EventReport:
                    Raise(EventResponseEvent, response);
                    break;
                default:
                    Raise(AttributesReceivedEvent, response);
                    return;
            }
            if (!response.Succeeded)
            {
                Raise(ReportRefusedEvent, response);
            }
        }

        internal void RaiseNoUpdate(string module, string version)
        {
            NoUpdateHandler handler = (NoUpdateHandler)EventSlots.Get(_handlers, NoUpdatePendingEvent);
            if (handler != null)
            {
                try
                {
                    handler(module, version);
                }
                catch (Exception e)
                {
                    _uplink.Host.Write("no-update handler failed: " + e.Message);
                }
            }
        }

        // Every event's add and remove: one slot of _handlers changed under the lock.
        private void Subscribe(int slot, Delegate handler, bool add)
        {
            lock (HandlerLock)
            {
                if (add)
                {
                    _handlers = EventSlots.Add(_handlers, EventCount, slot, handler);
                }
                else
                {
                    EventSlots.Remove(_handlers, slot, handler);
                }
            }
        }

        // App handlers must not take the session's thread down.
        private void Raise(int slot, EztCloudResponse response)
        {
            EztCloudResponseHandler handler = (EztCloudResponseHandler)EventSlots.Get(_handlers, slot);
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
                _uplink.Host.Write("response handler failed: " + e.Message);
            }
        }

        // ----- the seam: what the client calls -----

        void IDeviceDialect.Attach(IDialectHost host)
        {
            if (host == null)
            {
                throw new ArgumentException("Attach needs the client's host.");
            }
            if (_uplink.Host != null)
            {
                throw new InvalidOperationException("This dialect already belongs to a client.");
            }
            _uplink.Host = host;
        }

        MqttConnectOptions IDeviceDialect.CreateConnectOptions()
        {
            return _uplink.CreateConnectOptions();
        }

        string[] IDeviceDialect.GetSubscribeFilters()
        {
            return _uplink.Topics.GetSubscribeFilters();
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
            _attributes.Announce();
            if (_uplink.OtaCheckOnConnect)
            {
                EztOta.Check(_uplink);
            }
        }

        void IDeviceDialect.HandleMessage(string topic, byte[] payload, bool retained)
        {
            _inbound.Handle(topic, payload);
        }

        /// <summary>Nothing to stop: merged attributes wait for the next connection at QoS 0 and go through the outbox at QoS 1.</summary>
        void IDeviceDialect.Disconnected()
        {
        }

        void IDeviceDialect.Stop()
        {
            _attributes.Stop();
        }

        SendResult IDeviceDialect.ReportProperties(PropertyReport report, out long id)
        {
            return _attributes.Report(report, out id);
        }

        /// <summary>Publishes <c>{"method":eventId,"params":{…}}</c> on <c>event_report/{username}</c>.</summary>
        SendResult IDeviceDialect.ReportEvent(string eventId, PropertyReport parameters, out long id)
        {
            if (eventId == null || eventId.Length == 0)
            {
                throw new ArgumentException("An event needs its method name.");
            }
            return _uplink.SendEvent(eventId, parameters, true, out id);
        }

        /// <summary>EZtCloud has no time exchange over MQTT (use SNTP): always NotConnected.</summary>
        SendResult IDeviceDialect.RequestTime()
        {
            _uplink.Attached().Write("EZtCloud has no MQTT time; use SNTP");
            return SendResult.NotConnected;
        }

        SendResult IDeviceDialect.ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            return EztOta.ReportUpdate(_uplink, _attributes, offer, status, detail);
        }
    }
}
