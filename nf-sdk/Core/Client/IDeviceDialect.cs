using IotDevice.Session;

namespace IotDevice.Client
{
    /// <summary>
    /// A dialect as the client sees it: the session hooks plus encoding of what the app reports. It
    /// decodes inbound messages itself and hands them to the client (handlers, offers, time).
    /// </summary>
    public interface IDeviceDialect : ISessionDialect
    {
        /// <summary>Called once by the client before it starts the session.</summary>
        void Attach(DeviceClient client);

        /// <summary>
        /// The client was stopped (the session already is): stop whatever the dialect runs on its own
        /// (timers, series) until the next connection's announcement. Reports made meanwhile are kept
        /// as the dialect keeps them offline.
        /// </summary>
        void OnStopped();

        SendResult ReportProperties(PropertyReport report);

        SendResult ReportEvent(string eventId, PropertyReport parameters);

        /// <summary>Asks the platform for the time over MQTT; NotConnected where the dialect has no such exchange.</summary>
        SendResult RequestTime();

        /// <summary>
        /// Tells the platform how an offered update is going, in the dialect's own messages: Alink OTA
        /// progress steps (1–100, −1…−4) and config push_reply, FastBee upgrade/reply, EZtCloud command
        /// reply and version attribute. <paramref name="percent"/> is 0–100 while downloading.
        /// </summary>
        SendResult ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail);
    }
}
