using IotDevice.Dialects;

namespace IotDevice.Topics
{
    /// <summary>
    /// The classification of an inbound topic. Each table makes one per row and one per failure when it
    /// is built, and classifying hands back one of those: nothing is allocated per message, and nothing
    /// is copied (a struct would live in a heap block of its own on the device). The variable segment,
    /// if any, stays in the topic string until the caller asks for it.
    /// </summary>
    public sealed class TopicMatch
    {
        private readonly int _argStart;
        private readonly int _argEnd;

        internal TopicMatch(TopicStatus status, TopicError error, Dialect dialect, TopicKind kind, TopicDirection direction,
            bool hasArg, int argStart, int charactersAfterArg)
        {
            Status = status;
            Error = error;
            Dialect = dialect;
            Kind = kind;
            Direction = direction;
            HasArg = hasArg;
            _argStart = argStart;
            _argEnd = charactersAfterArg;
        }

        public TopicStatus Status { get; }

        public TopicError Error { get; }

        public Dialect Dialect { get; }

        public TopicKind Kind { get; }

        /// <summary>The direction the dialect's table gives this topic (a broker may echo our own publishes).</summary>
        public TopicDirection Direction { get; }

        /// <summary>True when the topic has a variable segment (event/service/stream identifier, RRPC id).</summary>
        public bool HasArg { get; }

        public bool IsMatch
        {
            get { return Status == TopicStatus.Matched; }
        }

        /// <summary>True when the device is meant to receive this topic.</summary>
        public bool IsInbound
        {
            get { return (Direction & TopicDirection.Subscribe) != 0; }
        }

        /// <summary>The variable segment of <paramref name="topic"/> (the one classified) as a new string, or null.</summary>
        public string GetArg(string topic)
        {
            return HasArg ? topic.Substring(_argStart, topic.Length - _argStart - _argEnd) : null;
        }

        /// <summary>Compares the variable segment of <paramref name="topic"/> with <paramref name="value"/> without allocating.</summary>
        public bool ArgEquals(string topic, string value)
        {
            return HasArg && value != null && value.Length == topic.Length - _argStart - _argEnd
                && (value.Length == 0 || topic.IndexOf(value, _argStart, value.Length) == _argStart);
        }
    }
}
