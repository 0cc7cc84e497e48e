using System;
using System.Text;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// MQTT 3.1.1 rules for topic names (what is published) and topic filters (what is subscribed),
    /// spec 4.7, plus the strict UTF-8 used for every string on the wire (spec 1.5.3).
    /// </summary>
    internal static class MqttTopicRules
    {
        /// <summary>Longest UTF-8 string an MQTT length prefix can describe.</summary>
        public const int MaxStringBytes = 65535;

        /// <summary>Throws on unpaired surrogates (encode) and invalid sequences (decode) instead of
        /// substituting U+FFFD, so a bad string is refused rather than silently changed.</summary>
        public static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Why <paramref name="topic"/> cannot be published to, or null when it can.</summary>
        public static string CheckTopicName(string topic)
        {
            string problem = CheckString(topic, "topic");
            if (problem != null)
            {
                return problem;
            }

            if (topic.IndexOf('+') >= 0 || topic.IndexOf('#') >= 0)
            {
                return "a topic name must not contain the wildcards '+' or '#'";
            }

            return null;
        }

        /// <summary>Why <paramref name="filter"/> cannot be subscribed, or null when it can.</summary>
        public static string CheckTopicFilter(string filter)
        {
            string problem = CheckString(filter, "topic filter");
            if (problem != null)
            {
                return problem;
            }

            int levelStart = 0;
            for (int i = 0; i <= filter.Length; i++)
            {
                if (i < filter.Length && filter[i] != '/')
                {
                    continue;
                }

                // One level is filter[levelStart, i); wildcards must fill a whole level.
                int levelLength = i - levelStart;
                for (int j = levelStart; j < i; j++)
                {
                    char c = filter[j];
                    if ((c == '+' || c == '#') && levelLength != 1)
                    {
                        return "'" + c + "' must occupy a whole topic level";
                    }

                    if (c == '#' && i != filter.Length)
                    {
                        return "'#' must be the last topic level";
                    }
                }

                levelStart = i + 1;
            }

            return null;
        }

        /// <summary>Throws ArgumentException when <paramref name="topic"/> is not a valid topic name.</summary>
        public static void ValidateTopicName(string topic, string paramName)
        {
            string problem = CheckTopicName(topic);
            if (problem != null)
            {
                throw new ArgumentException("Invalid MQTT topic name: " + problem + ".", paramName);
            }
        }

        /// <summary>Throws ArgumentException when <paramref name="filter"/> is not a valid topic filter.</summary>
        public static void ValidateTopicFilter(string filter, string paramName)
        {
            string problem = CheckTopicFilter(filter);
            if (problem != null)
            {
                throw new ArgumentException("Invalid MQTT topic filter '" + filter + "': " + problem + ".", paramName);
            }
        }

        /// <summary>Rules shared by names and filters: present, no NUL, encodable and short enough.</summary>
        private static string CheckString(string value, string what)
        {
            if (value == null)
            {
                return "the " + what + " is null";
            }

            if (value.Length == 0)
            {
                return "the " + what + " is empty";
            }

            if (value.IndexOf('\0') >= 0)
            {
                return "the " + what + " contains U+0000";
            }

            int byteCount;
            try
            {
                byteCount = StrictUtf8.GetByteCount(value);
            }
            catch (EncoderFallbackException)
            {
                return "the " + what + " is not valid Unicode (unpaired surrogate)";
            }

            if (byteCount > MaxStringBytes)
            {
                return "the " + what + " is " + byteCount + " UTF-8 bytes, more than " + MaxStringBytes;
            }

            return null;
        }
    }
}
