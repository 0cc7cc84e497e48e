namespace IotDevice.Client
{
    /// <summary>How a report or request ended, the same on every platform.</summary>
    public enum OutcomeStatus
    {
        /// <summary>The platform (or, where it sends no reply, the broker) acknowledged it.</summary>
        Acknowledged = 1,

        /// <summary>The platform answered with an error: see <see cref="Outcome.Code"/> and <see cref="Outcome.Message"/>.</summary>
        Refused = 2,

        /// <summary>No answer within the session's RequestTimeoutMs.</summary>
        TimedOut = 3,

        /// <summary>
        /// Sent at QoS 0 to a platform that does not answer it: out of the device, and nothing more can be
        /// known. Raised as soon as it is sent, possibly before the report call returns.
        /// </summary>
        Sent = 4,
    }

    /// <summary>The end of one report or request: its id (the one the app got when it sent it) and how it went.</summary>
    public sealed class Outcome
    {
        public Outcome(long id, OutcomeStatus status, int code, string message)
        {
            Id = id;
            Status = status;
            Code = code;
            Message = message;
        }

        public readonly long Id;

        public readonly OutcomeStatus Status;

        /// <summary>The platform's result code (Alink 200, EZtCloud 0, …); 0 for PUBACKs and timeouts.</summary>
        public readonly int Code;

        /// <summary>The platform's message for a refusal, or null.</summary>
        public readonly string Message;
    }

    public delegate void OutcomeHandler(Outcome outcome);
}
