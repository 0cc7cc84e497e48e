using IotDevice.Client;
using IotDevice.Json;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// The EZtCloud payloads (docs/eztcloud.md §4), written into a reused writer and read in
    /// place. Nothing here sends or decides; the dialect does.
    /// </summary>
    internal static class EztCloudMessages
    {
        /// <summary>
        /// Most JSON values (every nested one counted) a standard inbound message may hold: more are huge
        /// arrays or objects a device should not walk.
        /// </summary>
        public const int MaxInboundValues = 512;

        /// <summary>Why a message with more than <see cref="MaxInboundValues"/> values is rejected.</summary>
        public const string TooManyValues = "more than 512 JSON values";

        /// <summary><c>{"keys":[]}</c> (all attributes) or <c>{"keys":["a","b"]}</c>.</summary>
        public static void WriteAttributesGet(JsonWriter writer, string[] keys)
        {
            writer.Reset();
            writer.BeginObject();
            writer.WriteName("keys");
            writer.BeginArray();
            for (int i = 0; keys != null && i < keys.Length; i++)
            {
                writer.WriteString(keys[i]);
            }
            writer.EndArray();
            writer.EndObject();
        }

        /// <summary><c>{"method":…,"params":{…}}</c>; null parameters give <c>{}</c>.</summary>
        public static void WriteEvent(JsonWriter writer, string method, PropertyReport parameters)
        {
            writer.Reset();
            writer.BeginObject();
            writer.WriteString("method", method);
            writer.WriteName("params");
            if (parameters == null)
            {
                writer.BeginObject();
                writer.EndObject();
            }
            else
            {
                parameters.WriteObject(writer);
            }
            writer.EndObject();
        }

        /// <summary>
        /// <c>{"method":…,"params":{…},"id":…}</c> for <paramref name="command"/>. The method and id are
        /// copied byte for byte from the command, so the id keeps its JSON type. A failed command
        /// (<see cref="CommandContext.Code"/> not Ok) adds <c>"error"</c> and <c>"code"</c> to its params;
        /// a null command (no handler knows the method) has <c>{"error":"unknown method"}</c> as params.
        /// </summary>
        public static void WriteCommandReply(JsonWriter writer, JsonElement method, JsonElement id, CommandContext command)
        {
            BeginReply(writer, method);
            if (command == null)
            {
                writer.WriteString("error", "unknown method");
            }
            else
            {
                PropertyReport output = command.Output;
                for (int i = 0; output != null && i < output.Count; i++)
                {
                    writer.WriteName(output.IdAt(i));
                    output.WriteValue(i, writer);
                }
                if (!command.Succeeded)
                {
                    writer.WriteString("error", command.Message != null ? command.Message : "failed");
                    writer.WriteNumber("code", (long)command.Code);
                }
            }
            EndReply(writer, id);
        }

        /// <summary>The answer to otaUpgrade: <c>{"method":"otaUpgrade","params":{"accepted":…[,"error":…]},"id":…}</c>.</summary>
        public static void WriteOtaReply(JsonWriter writer, JsonElement method, JsonElement id, bool accepted, string error)
        {
            BeginReply(writer, method);
            writer.WriteBoolean("accepted", accepted);
            if (error != null)
            {
                writer.WriteString("error", error);
            }
            EndReply(writer, id);
        }

        /// <summary>A member read as text: a string's value or a number's digits; null otherwise.</summary>
        public static string Text(JsonElement element)
        {
            return element.Kind == JsonKind.String || element.Kind == JsonKind.Number ? element.GetString() : null;
        }

        // {"method":<as received>,"params":{ … the reply's members …
        private static void BeginReply(JsonWriter writer, JsonElement method)
        {
            writer.Reset();
            writer.BeginObject();
            writer.WriteName("method");
            writer.WriteRawValue(method.Buffer, method.Start, method.Length);
            writer.WriteName("params");
            writer.BeginObject();
        }

        // … },"id":<as received>}; no id when the command had none.
        private static void EndReply(JsonWriter writer, JsonElement id)
        {
            writer.EndObject();
            if (id.Kind == JsonKind.String || id.Kind == JsonKind.Number)
            {
                writer.WriteName("id");
                writer.WriteRawValue(id.Buffer, id.Start, id.Length);
            }
            writer.EndObject();
        }

        /// <summary>
        /// The values in <paramref name="element"/>, itself and every nested one, counted up to
        /// <paramref name="limit"/>; nesting is already bounded by the reader (Inbound.MaxDepth).
        /// </summary>
        public static int CountValues(JsonElement element, int limit)
        {
            int count = 1;
            if (element.Kind == JsonKind.Object)
            {
                JsonObjectEnumerator members = element.EnumerateObject();
                while (count < limit && members.MoveNext())
                {
                    count += CountValues(members.Value, limit - count);
                }
            }
            else if (element.Kind == JsonKind.Array)
            {
                JsonArrayEnumerator items = element.EnumerateArray();
                while (count < limit && items.MoveNext())
                {
                    count += CountValues(items.Current, limit - count);
                }
            }
            return count;
        }
    }
}
