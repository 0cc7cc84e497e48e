using IotDevice.Client;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Dialects
{
    /// <summary>
    /// What the client gives a dialect (docs/dialect-seam.md): sending, the requests it waits on, the
    /// app's handlers, and the ways back to the app — outcomes, update offers, the clock, rejections.
    /// Reply kinds and ids are the dialect's own numbers (a topic kind, the platform's message id).
    /// </summary>
    public interface IDialectHost
    {
        /// <summary>The session's limits (inbound size, request timeout…).</summary>
        SessionOptions Options { get; }

        /// <summary>Milliseconds on the session's clock: what every timing of the dialect is measured on.</summary>
        IClock Clock { get; }

        /// <summary>Wall-clock time, once the platform's time (or the app) has set it.</summary>
        DeviceClock WallClock { get; }

        bool IsConnected { get; }

        /// <summary>Handlers the app registered for properties the platform sets.</summary>
        HandlerRegistry PropertyHandlers { get; }

        /// <summary>Handlers the app registered for services and commands.</summary>
        HandlerRegistry CommandHandlers { get; }

        /// <summary>QoS 1 through the outbox (kept across reconnects), QoS 0 only while connected; no outcome.</summary>
        SendResult Publish(string topic, byte[] payload, int length, MqttQos qos);

        /// <summary>Part of the announcement (<see cref="IDeviceDialect.Announce"/>): sent now, ahead of the backlog, never kept.</summary>
        SendResult Announce(string topic, byte[] payload, int length, MqttQos qos);

        /// <summary>
        /// A report the platform does not answer: at QoS 1 the broker's PUBACK is its outcome
        /// (Acknowledged), at QoS 0 the outcome is Sent once it is out. Either follows by itself.
        /// </summary>
        SendResult SendReport(string topic, byte[] payload, int length, MqttQos qos, long id);

        /// <summary>
        /// A request the platform answers: a reply of <paramref name="replyKind"/> carrying
        /// <paramref name="replyId"/> (0: a reply without an id, one such request at a time). Hand the reply
        /// to <see cref="Complete"/>; without one in time the app's outcome is TimedOut.
        /// </summary>
        SendResult SendRequest(string topic, byte[] payload, int length, MqttQos qos, int replyKind, long replyId, long id);

        /// <summary>
        /// A fresh id for the app to follow a report or request by, for platforms whose messages carry
        /// none. <see cref="SendReport"/> and <see cref="SendRequest"/> take the id the app was given;
        /// id 0 marks the dialect's own traffic (a time request), for which no outcome is raised.
        /// </summary>
        long NewId();

        /// <summary>
        /// A reply arrived: completes the request waiting for it and tells the app — Acknowledged when
        /// <paramref name="accepted"/>, else Refused with the platform's <paramref name="code"/> and
        /// <paramref name="message"/>. False when nothing waits for it (late, or not ours).
        /// </summary>
        bool Complete(int replyKind, long replyId, bool accepted, int code, string message);

        /// <summary>
        /// Runs <paramref name="work"/> on the session's worker once <paramref name="delayMs"/> of
        /// <see cref="Clock"/> have passed, replacing a pending run of the same delegate (keep one instance
        /// per piece of work): a dialect's own timing — samples in a series, reports merged under a rate
        /// limit — needs no thread of its own. Runs only while the client is started; false when the few
        /// slots are taken.
        /// </summary>
        bool Schedule(System.Threading.ThreadStart work, int delayMs);

        /// <summary>Cancels a pending run of <paramref name="work"/>.</summary>
        void Cancel(System.Threading.ThreadStart work);

        /// <summary>Counts, logs and reports an inbound message the dialect refuses, with the reason.</summary>
        void Reject(string topic, RejectReason reason, string detail);

        /// <summary>Counts a message of the device's own the broker brought back; not a rejection.</summary>
        void IgnoreEcho();

        /// <summary>True when the broker delivers again a request handled moments ago (see DeviceSession.IsRedelivery).</summary>
        bool IsRedelivery(string topic, string requestId);

        /// <summary>An update (firmware or config) was offered: to the OTA engine or the app.</summary>
        void OfferUpdate(UpdateOffer offer);

        /// <summary>The platform's time-sync answer arrived (device times from <see cref="Clock"/>).</summary>
        void SyncClock(long deviceSendTime, long serverRecvTime, long serverSendTime, long deviceRecvTime);

        /// <summary>Writes a line to the app's log. Never secrets.</summary>
        void Write(string message);
    }
}
