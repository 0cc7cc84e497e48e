#pragma warning disable NF1015 // topic syntax and templates are ASCII; other characters only ever fail to match

using IotDevice.Json;

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

        /// <summary>Characters no topic name the SDK accepts contains: the wildcards and the control characters.</summary>
        internal static readonly char[] NotInTopicNames = ControlCharacters.After("+#", true);

        /// <summary>What no single level contains: the same characters and the level separator '/'.</summary>
        internal static readonly char[] NotInLevels = ControlCharacters.After("+#/", true);

        /// <summary>
        /// Checks an inbound topic name: not empty, not longer than <paramref name="maxLength"/>, no
        /// wildcard, no control character, no empty segment (a single leading '/' is allowed: FastBee and
        /// Alink topics start with one). With several problems, the first in the text is reported. The
        /// runtime's own searches do the looking (native on the device); no character is walked here.
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
            // One search finds the first wildcard or control character; which it is names the error.
            int first = topic.IndexOfAny(NotInTopicNames);
            TopicError error = TopicError.None;
            if (first >= 0)
            {
                char bad = topic[first];
                error = bad == '+' || bad == '#' ? TopicError.Wildcard : TopicError.InvalidCharacter;
            }
            // An empty level shows at the '/' that closes it: the second of "//", or a trailing '/'.
            int empty = topic.IndexOf("//");
            empty = empty >= 0 ? empty + 1 : topic[length - 1] == '/' ? length - 1 : -1;
            if (empty >= 0 && (first < 0 || empty < first))
            {
                first = empty;
                error = TopicError.EmptySegment;
            }
            return first < 0 ? TopicError.None : error;
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
