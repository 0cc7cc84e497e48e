namespace IotDevice.Topics
{
    /// <summary>
    /// One row of a dialect's topic table: what the topic means, which way it flows and its template.
    /// Templates name identity placeholders (<c>{productKey}</c>, filled once per device) and at most one
    /// argument placeholder: <c>{eventId}</c> is one whole segment, <c>{serviceId}_reply</c> a segment
    /// with a fixed suffix, <c>{identifier#}</c> one or more trailing segments.
    /// </summary>
    public sealed class TopicDefinition
    {
        // Kind, direction and the subscribe flag in one field: on the device every field of an object
        // takes a heap block of its own, and a table holds dozens of rows.
        private readonly int _packed;

        public TopicDefinition(TopicKind kind, TopicDirection direction, string template, bool subscribeByDefault)
        {
            _packed = (int)kind | ((int)direction << 16) | (subscribeByDefault ? 1 << 24 : 0);
            Template = template;
        }

        /// <summary>Kind, direction and the subscribe flag as one number (what a table keeps of the row).</summary>
        internal int Packed
        {
            get { return _packed; }
        }

        public TopicKind Kind
        {
            get { return KindOf(_packed); }
        }

        public TopicDirection Direction
        {
            get { return DirectionOf(_packed); }
        }

        /// <summary>The kind in a <see cref="Packed"/> number.</summary>
        internal static TopicKind KindOf(int packed)
        {
            return (TopicKind)(packed & 0xFFFF);
        }

        /// <summary>The direction in a <see cref="Packed"/> number.</summary>
        internal static TopicDirection DirectionOf(int packed)
        {
            return (TopicDirection)((packed >> 16) & 0xFF);
        }

        public readonly string Template;

        /// <summary>True when the session subscribes it after every connect.</summary>
        public bool SubscribeByDefault
        {
            get { return (_packed & (1 << 24)) != 0; }
        }

        /// <summary>A topic the device publishes on.</summary>
        public static TopicDefinition Publish(TopicKind kind, string template)
        {
            return new TopicDefinition(kind, TopicDirection.Publish, template, false);
        }

        /// <summary>A topic the device subscribes after every connect.</summary>
        public static TopicDefinition Subscribe(TopicKind kind, string template)
        {
            return new TopicDefinition(kind, TopicDirection.Subscribe, template, true);
        }

        /// <summary>An inbound topic that is recognised but only subscribed when the app asks for it.</summary>
        public static TopicDefinition Recognize(TopicKind kind, string template)
        {
            return new TopicDefinition(kind, TopicDirection.Subscribe, template, false);
        }
    }
}
