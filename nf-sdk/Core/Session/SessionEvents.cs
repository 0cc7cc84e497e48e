namespace IotDevice.Session
{
    /// <summary>Where the session is in its connection lifecycle.</summary>
    public enum SessionState
    {
        Stopped = 0,
        Connecting = 1,
        Connected = 2,
        WaitingToReconnect = 3,
    }

    /// <summary>Why an outbound message was given up.</summary>
    public enum DropReason
    {
        /// <summary>The outbox was full; the oldest message made room for a newer one.</summary>
        OutboxOverflow = 1,

        /// <summary>A QoS 0 message while disconnected: QoS 0 is never kept.</summary>
        NotConnected = 2,

        /// <summary>The transport refused the topic; it would never be accepted.</summary>
        InvalidTopic = 3,

        // 4 is not used: a stopped session keeps its outbox for the next Start.

        /// <summary>The transport threw something its contract does not name (a full in-flight queue, say).</summary>
        TransportRefused = 5,
    }

    /// <summary>Why an inbound message was refused.</summary>
    public enum RejectReason
    {
        Oversized = 1,
        NotOurs = 2,
        MalformedTopic = 3,
        UnsupportedTopic = 4,
        BadPayload = 5,
        UnmatchedReply = 6,
        HandlerFailed = 7,

        /// <summary>Well formed, but nothing in the app handles that identifier.</summary>
        NoHandler = 8,

        /// <summary>Arrived before the announcement while the messages held for it already filled the hold.</summary>
        BeforeAnnouncement = 9,

        /// <summary>A request that cannot be answered: its reply topic would be longer than topics may be.</summary>
        Unanswerable = 10,
    }

    /// <summary>What became of a send.</summary>
    public enum SendResult
    {
        /// <summary>Handed to the transport (QoS 0) or accepted into the outbox (QoS 1).</summary>
        Accepted = 0,

        /// <summary>QoS 0 while disconnected: not sent, counted as dropped.</summary>
        NotConnected = 1,

        /// <summary>The pending table is full; the request was not sent.</summary>
        PendingTableFull = 2,

        /// <summary>A request with the same id (or, without ids, the same kind) is already waiting.</summary>
        DuplicateRequest = 3,

        /// <summary>Larger than the whole outbox.</summary>
        TooLarge = 4,

        /// <summary>The topic is not a valid MQTT topic name.</summary>
        InvalidTopic = 5,

        /// <summary>The transport threw something its contract does not name (a full in-flight queue, say); counted as dropped.</summary>
        TransportRefused = 6,
    }

    public delegate void SessionStateHandler(SessionState state, string detail);

    public delegate void MessageDeliveredHandler(OutboundMessage message);

    public delegate void MessageDroppedHandler(OutboundMessage message, DropReason reason);

    public delegate void InboundRejectedHandler(string topic, RejectReason reason, string detail);

    public delegate void RequestTimedOutHandler(PendingRequest request);

    public delegate void RequestCompletedHandler(PendingRequest request);

    /// <summary>A line for the app's log; never contains credentials.</summary>
    public delegate void SessionLogHandler(string message);
}
