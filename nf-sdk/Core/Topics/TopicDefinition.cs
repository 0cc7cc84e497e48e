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
        public TopicDefinition(TopicKind kind, TopicDirection direction, string template, bool subscribeByDefault)
        {
            Kind = kind;
            Direction = direction;
            Template = template;
            SubscribeByDefault = subscribeByDefault;
        }

        public TopicKind Kind { get; }

        public TopicDirection Direction { get; }

        public string Template { get; }

        /// <summary>True when the session subscribes it after every connect.</summary>
        public bool SubscribeByDefault { get; }

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
