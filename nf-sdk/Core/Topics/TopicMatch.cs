using IotDevice.Dialects;

namespace IotDevice.Topics
{
    /// <summary>
    /// The classification of an inbound topic: a value, made without allocating. The variable segment,
    /// if any, stays in the topic string as an offset and length until the caller asks for it.
    /// </summary>
    public struct TopicMatch
    {
        public TopicMatch(TopicStatus status, TopicError error, Dialect dialect, TopicKind kind,
            TopicDirection direction, int argStart, int argLength)
        {
            Status = status;
            Error = error;
            Dialect = dialect;
            Kind = kind;
            Direction = direction;
            ArgStart = argStart;
            ArgLength = argLength;
        }

        public TopicStatus Status { get; }

        public TopicError Error { get; }

        public Dialect Dialect { get; }

        public TopicKind Kind { get; }

        /// <summary>The direction the dialect's table gives this topic (a broker may echo our own publishes).</summary>
        public TopicDirection Direction { get; }

        /// <summary>Offset of the variable segment (event/service/stream identifier, RRPC id, custom name).</summary>
        public int ArgStart { get; }

        /// <summary>Length of the variable segment; 0 when the topic has none.</summary>
        public int ArgLength { get; }

        public bool IsMatch
        {
            get { return Status == TopicStatus.Matched; }
        }

        public bool HasArg
        {
            get { return ArgLength > 0; }
        }

        /// <summary>True when the device is meant to receive this topic.</summary>
        public bool IsInbound
        {
            get { return (Direction & TopicDirection.Subscribe) != 0; }
        }

        /// <summary>The variable segment as a new string, or null when there is none.</summary>
        public string GetArg(string topic)
        {
            return ArgLength > 0 ? topic.Substring(ArgStart, ArgLength) : null;
        }

        /// <summary>Compares the variable segment with <paramref name="value"/> without allocating.</summary>
        public bool ArgEquals(string topic, string value)
        {
            return ArgLength > 0 && TopicText.RegionEquals(topic, ArgStart, ArgLength, value);
        }

        internal static TopicMatch Failure(TopicStatus status, TopicError error, Dialect dialect)
        {
            return new TopicMatch(status, error, dialect, TopicKind.None, TopicDirection.None, 0, 0);
        }
    }
}
