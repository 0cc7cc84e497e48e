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
        // Everything in two fields (every field of an object is a heap block on the device): kind,
        // direction, status, error, dialect and whether there is an argument; then where it starts and
        // how many characters follow it.
        private readonly int _what;
        private readonly int _where;

        internal TopicMatch(TopicStatus status, TopicError error, Dialect dialect, TopicKind kind, TopicDirection direction,
            bool hasArg, int argStart, int charactersAfterArg)
        {
            _what = (int)kind | ((int)direction << 8) | ((int)status << 12) | ((int)error << 16) | ((int)dialect << 20)
                | (hasArg ? 1 << 28 : 0);
            _where = argStart | (charactersAfterArg << 16);
        }

        public TopicStatus Status
        {
            get { return (TopicStatus)((_what >> 12) & 0xF); }
        }

        public TopicError Error
        {
            get { return (TopicError)((_what >> 16) & 0xF); }
        }

        public Dialect Dialect
        {
            get { return (Dialect)((_what >> 20) & 0xFF); }
        }

        public TopicKind Kind
        {
            get { return (TopicKind)(_what & 0xFF); }
        }

        /// <summary>The direction the dialect's table gives this topic (a broker may echo our own publishes).</summary>
        public TopicDirection Direction
        {
            get { return (TopicDirection)((_what >> 8) & 0xF); }
        }

        /// <summary>True when the topic has a variable segment (event/service/stream identifier, RRPC id).</summary>
        public bool HasArg
        {
            get { return (_what & (1 << 28)) != 0; }
        }

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
            int start = _where & 0xFFFF;
            return HasArg ? topic.Substring(start, topic.Length - start - (_where >> 16)) : null;
        }

        /// <summary>Compares the variable segment of <paramref name="topic"/> with <paramref name="value"/> without allocating.</summary>
        public bool ArgEquals(string topic, string value)
        {
            int start = _where & 0xFFFF;
            return HasArg && value != null && value.Length == topic.Length - start - (_where >> 16)
                && (value.Length == 0 || topic.IndexOf(value, start, value.Length) == start);
        }
    }
}
