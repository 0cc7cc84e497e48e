using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Client
{
    /// <summary>
    /// The first two steps of every dialect's inbound handling, done one way: classify the topic and
    /// read the JSON payload, rejecting (counted, logged, reported) whatever fails, with the reason.
    /// </summary>
    public static class Inbound
    {
        /// <summary>Largest nesting a platform message needs; deeper input is refused as hostile.</summary>
        public const int MaxDepth = 16;

        /// <summary>
        /// Classifies <paramref name="topic"/>. False (and rejected) when it is not this device's, is
        /// malformed, unknown, or a topic the device only publishes on (a broker echo).
        /// </summary>
        public static bool Classify(DeviceSession session, TopicTable table, string topic, out TopicMatch match)
        {
            match = table.Parse(topic);
            switch (match.Status)
            {
                case TopicStatus.Matched:
                    if (match.IsInbound)
                    {
                        return true;
                    }
                    session.Reject(topic, RejectReason.UnsupportedTopic, "a topic the device publishes on, not one it receives");
                    return false;
                case TopicStatus.NotOurs:
                    session.Reject(topic, RejectReason.NotOurs, "not this device's topic");
                    return false;
                case TopicStatus.Malformed:
                    session.Reject(topic, RejectReason.MalformedTopic, "malformed topic (error " + ((int)match.Error).ToString() + ")");
                    return false;
                default:
                    session.Reject(topic, RejectReason.UnsupportedTopic, "unknown topic");
                    return false;
            }
        }

        /// <summary>
        /// Reads <paramref name="payload"/> as JSON. An empty payload is "no data" (Kind None, not
        /// rejected: FastBee clears retained messages that way); malformed JSON is rejected with where and why.
        /// </summary>
        public static JsonElement ReadJson(DeviceSession session, string topic, byte[] payload)
        {
            JsonElement root = JsonReader.Parse(payload, 0, payload.Length, MaxDepth, payload.Length);
            if (root.Kind == JsonKind.Invalid)
            {
                session.Reject(topic, RejectReason.BadPayload,
                    "invalid JSON (error " + ((int)root.Error).ToString() + " at byte " + root.ErrorOffset.ToString() + ")");
            }
            return root;
        }

        /// <summary>Rejects a payload whose JSON is well formed but not what the topic carries.</summary>
        public static void RejectShape(DeviceSession session, string topic, string what)
        {
            session.Reject(topic, RejectReason.BadPayload, what);
        }
    }
}
