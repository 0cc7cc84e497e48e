#pragma warning disable NF1015 // topic syntax and templates are ASCII; other characters only ever fail to match

namespace IotDevice.Topics
{
    /// <summary>Allocation-free checks on topic strings, shared by the parser, the builder and filters.</summary>
    public static class TopicText
    {
        /// <summary>True when <paramref name="text"/>[start, start+length) equals <paramref name="literal"/> (ordinal).</summary>
        public static bool RegionEquals(string text, int start, int length, string literal)
        {
            if (literal == null || length != literal.Length || start < 0 || start + length > text.Length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (text[start + i] != literal[i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// Checks an inbound topic name: not empty, not longer than <paramref name="maxLength"/>, no
        /// wildcard, no control character, no empty segment (a single leading '/' is allowed: FastBee and
        /// Alink topics start with one).
        /// </summary>
        public static TopicError CheckTopicName(string topic, int maxLength)
        {
            if (topic == null || topic.Length == 0)
            {
                return TopicError.Empty;
            }
            int length = topic.Length;
            if (length > maxLength)
            {
                return TopicError.TooLong;
            }
            for (int i = 0; i < length; i++)
            {
                char c = topic[i];
                if (c == '+' || c == '#')
                {
                    return TopicError.Wildcard;
                }
                if (c < ' ' || c == '\u007f')
                {
                    return TopicError.InvalidCharacter;
                }
                if (c == '/')
                {
                    bool segmentBeforeIsEmpty = i > 0 && topic[i - 1] == '/';
                    bool endsHere = i == length - 1;
                    if (segmentBeforeIsEmpty || endsHere)
                    {
                        return TopicError.EmptySegment;
                    }
                }
            }
            return TopicError.None;
        }

        /// <summary>
        /// Checks one identity value or argument that goes into a topic: not empty, no '/', no wildcard,
        /// no control character. Multi-level arguments may contain '/' between non-empty segments.
        /// </summary>
        public static bool IsValidSegmentValue(string value, bool allowLevels)
        {
            if (value == null || value.Length == 0)
            {
                return false;
            }
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '+' || c == '#' || c < ' ' || c == '\u007f')
                {
                    return false;
                }
                if (c == '/')
                {
                    bool emptyLevel = i == 0 || i == value.Length - 1 || value[i - 1] == '/';
                    if (!allowLevels || emptyLevel)
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        /// <summary>MQTT filter matching: '+' is one level, a trailing '#' any number of levels (including none).</summary>
        public static bool FilterMatches(string filter, string topic)
        {
            int f = 0;
            int t = 0;
            while (f < filter.Length)
            {
                char fc = filter[f];
                if (fc == '#')
                {
                    return true;
                }
                if (fc == '+')
                {
                    while (t < topic.Length && topic[t] != '/')
                    {
                        t++;
                    }
                    f++;
                    continue;
                }
                if (t >= topic.Length)
                {
                    // "a/#" also matches "a": the '#' stands for the parent level too.
                    return fc == '/' && f + 1 < filter.Length && filter[f + 1] == '#';
                }
                if (fc != topic[t])
                {
                    return false;
                }
                f++;
                t++;
            }
            return t == topic.Length;
        }
    }
}
