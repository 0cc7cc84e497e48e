using System;
using IotDevice.Dialects;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Client
{
    /// <summary>
    /// The one object an app holds: pick a dialect and a transport, register handlers, Start, report,
    /// and learn from <see cref="Outcome"/> how each report ended — the same on every platform.
    /// The dialect decides what goes on the wire; the session keeps the connection and the promises.
    /// Which thread runs which callback: README, "Threads".
    /// </summary>
    public sealed partial class DeviceClient
    {
        // The app's handlers of the three events, one slot each, made with the first (see EventSlots).
        private const int OutcomeEvent = 0;
        private const int UpdateOfferedEvent = 1;
        private const int TimeSyncedEvent = 2;
        private const int EventCount = 3;

        // Shared by every client: handlers are added rarely.
        private static readonly object HandlerLock = new object();

        private readonly IDeviceDialect _dialect;
        private Delegate[] _handlers;

        public DeviceClient(IMqttTransport transport, IDeviceDialect dialect)
            : this(transport, dialect, null)
        {
        }

        /// <summary>A client with the session's limits and timings in <paramref name="options"/> (null: the defaults).</summary>
        public DeviceClient(IMqttTransport transport, IDeviceDialect dialect, SessionOptions options)
        {
            if (dialect == null)
            {
                throw new ArgumentException("A client needs a dialect.");
            }
            _dialect = dialect;
            Session = new DeviceSession(transport, this, options);
            Clock = new DeviceClock(Session.Clock);
            PropertyHandlers = new HandlerRegistry();
            CommandHandlers = new HandlerRegistry();
            dialect.Attach(this);
        }

        /// <summary>A report or request sent with an id ended: acknowledged, refused or timed out.</summary>
        public event OutcomeHandler Outcome
        {
            add { lock (HandlerLock) { _handlers = EventSlots.Add(_handlers, EventCount, OutcomeEvent, value); } }
            remove { lock (HandlerLock) { EventSlots.Remove(_handlers, OutcomeEvent, value); } }
        }

        /// <summary>An update (firmware or config) was offered; until an OTA engine is set, the app decides.</summary>
        public event UpdateOfferedHandler UpdateOffered
        {
            add { lock (HandlerLock) { _handlers = EventSlots.Add(_handlers, EventCount, UpdateOfferedEvent, value); } }
            remove { lock (HandlerLock) { EventSlots.Remove(_handlers, UpdateOfferedEvent, value); } }
        }

        /// <summary>The clock was set from the platform's time.</summary>
        public event TimeSyncedHandler TimeSynced
        {
            add { lock (HandlerLock) { _handlers = EventSlots.Add(_handlers, EventCount, TimeSyncedEvent, value); } }
            remove { lock (HandlerLock) { EventSlots.Remove(_handlers, TimeSyncedEvent, value); } }
        }

        public readonly DeviceSession Session;

        /// <summary>Wall-clock time, once the platform's time has set it.</summary>
        public readonly DeviceClock Clock;

        /// <summary>Handlers for properties the platform sets (Alink property/set, EZtCloud attributes_push, FastBee function/get).</summary>
        public readonly HandlerRegistry PropertyHandlers;

        /// <summary>Handlers for services and commands (Alink services, EZtCloud command_send, FastBee functions).</summary>
        public readonly HandlerRegistry CommandHandlers;

        public void Start()
        {
            Session.Start();
        }

        /// <summary>Stops the session, then the dialect's own timers; Start again at any time.</summary>
        public void Stop()
        {
            Session.Stop();
            try
            {
                _dialect.Stop();
            }
            catch (Exception e)
            {
                Session.Write("the dialect failed to stop: " + e.Message);
            }
        }

        /// <summary>Handles changes of <paramref name="identifier"/> (null: any property without its own handler).</summary>
        public void OnPropertySet(string identifier, CommandHandler handler)
        {
            PropertyHandlers.Set(identifier, handler);
        }

        /// <summary>Handles the service or command <paramref name="identifier"/> (null: any without its own handler).</summary>
        public void OnCommand(string identifier, CommandHandler handler)
        {
            CommandHandlers.Set(identifier, handler);
        }

        /// <summary>Reports properties; when Accepted, one <see cref="Outcome"/> with <paramref name="id"/> follows.</summary>
        public SendResult ReportProperties(PropertyReport report, out long id)
        {
            return _dialect.ReportProperties(report, out id);
        }

        /// <summary>Reports properties, for an app that does not follow each report's outcome.</summary>
        public SendResult ReportProperties(PropertyReport report)
        {
            long id;
            return _dialect.ReportProperties(report, out id);
        }

        /// <summary>Reports event <paramref name="eventId"/>; when Accepted, one <see cref="Outcome"/> with <paramref name="id"/> follows.</summary>
        public SendResult ReportEvent(string eventId, PropertyReport parameters, out long id)
        {
            return _dialect.ReportEvent(eventId, parameters, out id);
        }

        /// <summary>Reports an event, for an app that does not follow each report's outcome.</summary>
        public SendResult ReportEvent(string eventId, PropertyReport parameters)
        {
            long id;
            return _dialect.ReportEvent(eventId, parameters, out id);
        }

        /// <summary>Asks the platform for the time (FastBee ntp/post, Alink /ext/ntp); TimeSynced follows.</summary>
        public SendResult RequestTime()
        {
            return _dialect.RequestTime();
        }

        /// <summary>Reports how an offered update is going, through the dialect (for the OTA engine or the app).</summary>
        public SendResult ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            return _dialect.ReportUpdate(offer, status, percent, detail);
        }

        // Id 0 marks a dialect's own request (a time request after every connect): no app waits for it.
        internal void RaiseOutcome(long id, OutcomeStatus status, int code, string message)
        {
            OutcomeHandler handler = (OutcomeHandler)EventSlots.Get(_handlers, OutcomeEvent);
            if (handler == null || id == 0)
            {
                return;
            }
            try
            {
                handler(new Outcome(id, status, code, message));
            }
            catch (Exception e)
            {
                Session.Write("outcome handler failed: " + e.Message);
            }
        }

        internal void RaiseUpdateOffered(UpdateOffer offer)
        {
            UpdateOfferedHandler handler = (UpdateOfferedHandler)EventSlots.Get(_handlers, UpdateOfferedEvent);
            if (handler == null)
            {
                // Not the URL: platforms sign their download links.
                Session.Write("update offered (version " + offer.Version + ") but nobody handles it");
                return;
            }
            try
            {
                handler(offer);
            }
            catch (Exception e)
            {
                Session.Write("update handler failed: " + e.Message);
            }
        }

        internal void SyncClock(long deviceSendTime, long serverRecvTime, long serverSendTime, long deviceRecvTime)
        {
            long now = Clock.SetFromExchange(deviceSendTime, serverRecvTime, serverSendTime, deviceRecvTime);
            TimeSyncedHandler handler = (TimeSyncedHandler)EventSlots.Get(_handlers, TimeSyncedEvent);
            if (handler != null)
            {
                try
                {
                    handler(now);
                }
                catch (Exception e)
                {
                    Session.Write("time handler failed: " + e.Message);
                }
            }
        }
    }
}
