using IotDevice.Client;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Dialects
{
    /// <summary>
    /// What a platform dialect supplies to the client (docs/dialect-seam.md). The client calls these;
    /// an app never does — dialects implement them explicitly, so the app sees only the dialect's own
    /// extras (options, platform-specific requests and events).
    /// <list type="bullet">
    /// <item>connection: credentials for each attempt, the filters to subscribe, the announcement;</item>
    /// <item>inbound: every message on a subscribed topic, one at a time;</item>
    /// <item>encoders: what the app reports, written in the platform's messages.</item>
    /// </list>
    /// Everything else — reconnect, backoff, the outbox, pending requests, timeouts, counters and the
    /// app's outcomes — is the shared session's and client's, through <see cref="IDialectHost"/>.
    /// </summary>
    public interface IDeviceDialect
    {
        /// <summary>Called once, by the client's constructor, before anything else.</summary>
        void Attach(IDialectHost host);

        /// <summary>
        /// Called before every connect attempt (FastBee's encrypted password expires). Null means "not
        /// ready yet" (e.g. server time could not be fetched): the session backs off and asks again.
        /// An exception means the configuration cannot work: the session stops.
        /// </summary>
        MqttConnectOptions CreateConnectOptions();

        /// <summary>The filters to subscribe after every connect, and their QoS.</summary>
        string[] GetSubscribeFilters();

        MqttQos GetSubscribeQos();

        /// <summary>
        /// Subscriptions are in place: send this connection's announcement (device info, OTA version)
        /// with <see cref="IDialectHost.Announce"/>. Inbound messages wait until this returns.
        /// </summary>
        void Announce();

        /// <summary>
        /// An inbound message within the size limit, one at a time, on the session's thread. Exceptions
        /// are caught, counted and reported; refusals go to <see cref="IDialectHost.Reject"/>.
        /// </summary>
        void HandleMessage(string topic, byte[] payload, bool retained);

        /// <summary>
        /// The connection ended (the session reconnects by itself): stop what only makes sense on a
        /// live connection, such as a series of samples or a wait for an answer that cannot come now.
        /// </summary>
        void Disconnected();

        /// <summary>
        /// The client was stopped (the session already is): stop whatever the dialect runs on its own
        /// (timers, series) until the next connection's announcement.
        /// </summary>
        void Stop();

        /// <summary>Reports properties; <paramref name="id"/> is the id of the outcome to come.</summary>
        SendResult ReportProperties(PropertyReport report, out long id);

        /// <summary>Reports event <paramref name="eventId"/>; <paramref name="id"/> is the id of the outcome to come.</summary>
        SendResult ReportEvent(string eventId, PropertyReport parameters, out long id);

        /// <summary>Asks the platform for the time over MQTT; NotConnected where the dialect has no such exchange.</summary>
        SendResult RequestTime();

        /// <summary>
        /// Tells the platform how an offered update is going, in the dialect's own messages.
        /// <paramref name="percent"/> is 0–100 while downloading.
        /// </summary>
        SendResult ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail);
    }
}
