using IotDevice.Dialects;

namespace IotDevice.Topics
{
    /// <summary>
    /// The classification of an inbound topic. A table makes one per row and one per failure the first
    /// time it gives that answer, and hands back the same one after: nothing is allocated per message
    /// once a row has been seen, and nothing is copied (a struct would live in a heap block of its own on
    /// the device). The variable segment, if any, stays in the topic string until the caller asks for it.
    /// </summary>
    public sealed class TopicMatch
    {
        /// <summary>
        /// What the topic means. A field rather than a property: every message reads it, and on the
        /// device's interpreter a property read is a method call.
        /// </summary>
        public readonly TopicKind Kind;

        // Everything else in one field (every field of an object is a heap block on the device):
        // direction, status, error, dialect and whether there is an argument; then where it starts and how
        // many characters follow it.
        private readonly int _rest;

        /// <summary>The longest text before an argument that a match can say where it ends.</summary>
        internal const int MaxArgStart = 0x7FF;

        /// <summary>The longest text after an argument that a match can say where it starts.</summary>
        internal const int MaxCharactersAfterArg = 0x1FF;

        /// <summary>
        /// The text the table confirms this answer by and builds topics from: a row's whole topic when it
        /// has no argument; when it has one, the text after it, or the text before it if nothing follows.
        /// Kept here so that a table holds the text only of the rows the device has used.
        /// </summary>
        internal readonly string Text;

        internal TopicMatch(TopicStatus status, TopicError error, Dialect dialect, TopicKind kind, TopicDirection direction,
            bool hasArg, int argStart, int charactersAfterArg, string text)
        {
            Kind = kind;
            Text = text;
            _rest = (int)direction | ((int)status << 2) | ((int)error << 4) | ((int)dialect << 8) | (hasArg ? 1 << 11 : 0)
                | (argStart << 12) | (charactersAfterArg << 23);
        }

        public TopicStatus Status
        {
            get { return (TopicStatus)((_rest >> 2) & 0x3); }
        }

        public TopicError Error
        {
            get { return (TopicError)((_rest >> 4) & 0xF); }
        }

        public Dialect Dialect
        {
            get { return (Dialect)((_rest >> 8) & 0x7); }
        }

        /// <summary>The direction the dialect's table gives this topic (a broker may echo our own publishes).</summary>
        public TopicDirection Direction
        {
            get { return (TopicDirection)(_rest & 0x3); }
        }

        /// <summary>True when the topic has a variable segment (event/service/stream identifier, RRPC id).</summary>
        public bool HasArg
        {
            get { return (_rest & (1 << 11)) != 0; }
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
            int start = (_rest >> 12) & MaxArgStart;
            return HasArg ? topic.Substring(start, topic.Length - start - ((_rest >> 23) & MaxCharactersAfterArg)) : null;
        }

        /// <summary>Compares the variable segment of <paramref name="topic"/> with <paramref name="value"/> without allocating.</summary>
        public bool ArgEquals(string topic, string value)
        {
            int start = (_rest >> 12) & MaxArgStart;
            return HasArg && value != null && value.Length == topic.Length - start - ((_rest >> 23) & MaxCharactersAfterArg)
                && (value.Length == 0 || topic.IndexOf(value, start, value.Length) == start);
        }
    }
}
