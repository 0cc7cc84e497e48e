using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects
{
    /// <summary>
    /// The first two steps of every dialect's inbound handling, done one way: classify the topic and
    /// read the JSON payload, rejecting (counted, logged, reported) whatever fails, with the reason.
    /// </summary>
    public static class Inbound
    {
        /// <summary>Largest nesting a platform message needs; deeper input is refused as hostile.</summary>
        public const int MaxDepth = 16;

        /// <summary>Longest request id a dialect echoes in its reply, in characters.</summary>
        public const int MaxIdLength = 64;

        /// <summary>
        /// Classifies <paramref name="topic"/>. False when it is not this device's, is malformed or
        /// unknown (each rejected with the reason), or is one the device publishes on: brought back by
        /// one of its own subscriptions, that is the broker echoing the device (counted as an echo, not
        /// rejected); otherwise rejected.
        /// </summary>
        public static bool Classify(IDialectHost host, TopicTable table, string topic, out TopicMatch match)
        {
            match = table.Parse(topic);
            switch (match.Status)
            {
                case TopicStatus.Matched:
                    if (match.IsInbound)
                    {
                        return true;
                    }
                    if (IsSubscribed(table, topic))
                    {
                        host.IgnoreEcho();
                        return false;
                    }
                    host.Reject(topic, RejectReason.UnsupportedTopic, "a topic the device publishes on, not one it receives");
                    return false;
                case TopicStatus.NotOurs:
                    host.Reject(topic, RejectReason.NotOurs, "not this device's topic");
                    return false;
                case TopicStatus.Malformed:
                    host.Reject(topic, RejectReason.MalformedTopic, "malformed topic (error " + ((int)match.Error).ToString() + ")");
                    return false;
                default:
                    host.Reject(topic, RejectReason.UnsupportedTopic, "unknown topic");
                    return false;
            }
        }

        /// <summary>
        /// Reads <paramref name="payload"/> as JSON. An empty payload is "no data" (Kind None, not
        /// rejected: FastBee clears retained messages that way); malformed JSON is rejected with where and why.
        /// </summary>
        public static JsonElement ReadJson(IDialectHost host, string topic, byte[] payload)
        {
            JsonElement root = JsonReader.Parse(payload, 0, payload.Length, MaxDepth, payload.Length);
            if (root.Kind == JsonKind.Invalid)
            {
                host.Reject(topic, RejectReason.BadPayload,
                    "invalid JSON (error " + ((int)root.Error).ToString() + " at byte " + root.ErrorOffset.ToString() + ")");
            }
            return root;
        }

        // Control characters, U+0000 included: a device string ends at its first NUL, so "\u0000" in a
        // platform's JSON reads as "" there and as "\0" on .NET. Neither is an identifier.
        private static readonly char[] Controls = ControlCharacters.After(string.Empty, true);

        /// <summary>
        /// Whether a property, command or attribute identifier read from a platform message can be handled
        /// and reported back: not empty, no control characters. The same answer on every runtime.
        /// </summary>
        public static bool IsUsableIdentifier(string identifier)
        {
            return identifier != null && identifier.Length > 0 && identifier.IndexOfAny(Controls) < 0;
        }

        /// <summary>
        /// Why <paramref name="id"/> cannot be a request's id, to be echoed in its reply; null when it can:
        /// a JSON string or number of at most <see cref="MaxIdLength"/> characters.
        /// </summary>
        public static string IdProblem(JsonElement id)
        {
            switch (id.Kind)
            {
                case JsonKind.None:
                    return "request without an id";
                case JsonKind.String:
                case JsonKind.Number:
                    // Raw text: a string's quotes do not count.
                    int length = id.Kind == JsonKind.String ? id.Length - 2 : id.Length;
                    return length <= MaxIdLength ? null
                        : "id is " + length.ToString() + " characters long, more than the " + MaxIdLength.ToString() + " an id may have";
                case JsonKind.Object:
                    return "id is an object, neither a string nor a number";
                case JsonKind.Array:
                    return "id is an array, neither a string nor a number";
                case JsonKind.Null:
                    return "id is null, neither a string nor a number";
                default:
                    return "id is a boolean, neither a string nor a number";
            }
        }

        /// <summary>Rejects a payload whose JSON is well formed but not what the topic carries.</summary>
        public static void RejectShape(IDialectHost host, string topic, string what)
        {
            host.Reject(topic, RejectReason.BadPayload, what);
        }

        // A subscription of the device's covers this topic (Alink's thing/service/+ covers {service}_reply).
        private static bool IsSubscribed(TopicTable table, string topic)
        {
            string[] filters = table.GetSubscribeFilters();
            for (int i = 0; i < filters.Length; i++)
            {
                if (TopicText.FilterMatches(filters[i], topic))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
