using System;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Client
{
    /// <summary>
    /// The one object an app holds: pick a dialect and a transport, register handlers, Start, report.
    /// The dialect decides what goes on the wire; the session keeps the connection and the promises.
    /// </summary>
    public sealed class DeviceClient
    {
        private readonly IDeviceDialect _dialect;

        public DeviceClient(IMqttTransport transport, IDeviceDialect dialect, SessionOptions options)
        {
            if (dialect == null)
            {
                throw new ArgumentException("A client needs a dialect.");
            }
            _dialect = dialect;
            Session = new DeviceSession(transport, dialect, options);
            Clock = new DeviceClock();
            PropertyHandlers = new HandlerRegistry();
            CommandHandlers = new HandlerRegistry();
            dialect.Attach(this);
        }

        /// <summary>An update (firmware or config) was offered; until an OTA engine is set, the app decides.</summary>
        public event UpdateOfferedHandler UpdateOffered;

        /// <summary>The clock was set from the platform's time.</summary>
        public event TimeSyncedHandler TimeSynced;

        public DeviceSession Session { get; }

        public DeviceClock Clock { get; }

        /// <summary>Handlers for properties the platform sets (Alink property/set, EZtCloud attributes_push, FastBee function/get).</summary>
        public HandlerRegistry PropertyHandlers { get; }

        /// <summary>Handlers for services and commands (Alink services, EZtCloud command_send, FastBee functions).</summary>
        public HandlerRegistry CommandHandlers { get; }

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
                _dialect.OnStopped();
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

        public SendResult ReportProperties(PropertyReport report)
        {
            return _dialect.ReportProperties(report);
        }

        public SendResult ReportEvent(string eventId, PropertyReport parameters)
        {
            return _dialect.ReportEvent(eventId, parameters);
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

        /// <summary>For dialects: an offer arrived.</summary>
        public void OfferUpdate(UpdateOffer offer)
        {
            UpdateOfferedHandler handler = UpdateOffered;
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

        /// <summary>For dialects: the platform's time-sync answer arrived (device times from the monotonic counter).</summary>
        public void SyncClock(long deviceSendTime, long serverRecvTime, long serverSendTime, long deviceRecvTime)
        {
            long now = Clock.SetFromExchange(deviceSendTime, serverRecvTime, serverSendTime, deviceRecvTime);
            TimeSyncedHandler handler = TimeSynced;
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
