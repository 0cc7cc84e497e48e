using IotDevice.Transport;

namespace IotDevice.Session
{
    /// <summary>
    /// What a dialect gives the shared session: credentials for each connect, what to subscribe, what
    /// to announce once connected, and the handling of inbound messages. Everything else — reconnect,
    /// backoff, the outbox, pending requests, counters — is the session's and the same for all dialects.
    /// </summary>
    public interface ISessionDialect
    {
        /// <summary>
        /// Called before every connect attempt (FastBee's encrypted password expires). Null means "not
        /// ready yet" (e.g. server time could not be fetched): the session backs off and asks again.
        /// An exception means the configuration cannot work: the session stops.
        /// </summary>
        MqttConnectOptions CreateConnectOptions();

        /// <summary>The filters to subscribe after every connect.</summary>
        string[] GetSubscribeFilters();

        MqttQos GetSubscribeQos();

        /// <summary>Subscriptions are in place: publish the announce messages (info/post, OTA inform…).</summary>
        void OnConnected(DeviceSession session);

        /// <summary>
        /// An inbound message within the size limit, one at a time. Messages that arrive before this
        /// connection's announcement is out are held (a few, within the size limit) and come right after
        /// it, in order. Exceptions are caught, counted and reported.
        /// </summary>
        void OnMessage(DeviceSession session, string topic, byte[] payload, bool retained);
    }
}
