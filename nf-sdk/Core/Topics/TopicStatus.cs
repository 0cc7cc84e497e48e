namespace IotDevice.Topics
{
    /// <summary>The outcome of classifying an inbound topic.</summary>
    public enum TopicStatus
    {
        /// <summary>A topic of this device; <see cref="TopicMatch.Kind"/> says which.</summary>
        Matched = 0,

        /// <summary>Well formed, but for another device, product or platform.</summary>
        NotOurs = 1,

        /// <summary>Structurally wrong: see <see cref="TopicMatch.Error"/>.</summary>
        Malformed = 2,

        /// <summary>Under this device's identity, but not a topic the SDK knows.</summary>
        Unsupported = 3,
    }

    /// <summary>Why a topic was not matched; <see cref="None"/> when it was.</summary>
    public enum TopicError
    {
        None = 0,
        Empty = 1,
        TooLong = 2,
        Wildcard = 3,
        EmptySegment = 4,
        InvalidCharacter = 5,
        MissingSegment = 6,
        ExtraSegment = 7,
        OtherDevice = 8,
        UnknownTopic = 9,
    }
}
