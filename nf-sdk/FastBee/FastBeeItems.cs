using IotDevice.Client;
using IotDevice.Json;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// FastBee's common payload, the thing-model item array (docs/fastbee.md §4.1):
    /// <c>[{"id":"gear","value":"1","remark":""}]</c>. The value always travels as a string, whatever
    /// the model type; reading is liberal (a number or boolean value is taken too).
    /// </summary>
    public static class FastBeeItems
    {
        /// <summary>Longest identifier accepted; thing-model identifiers are short, longer ones are hostile.</summary>
        public const int MaxIdLength = 128;

        // The items around their ids and values, values always as text: as a whole array, and (Items) as
        // items of an array already begun, e.g. several reports in one.
        private static readonly ReportLayout ItemArray = new ReportLayout("[{\"id\":", ",\"value\":", ",\"remark\":\"\"},{\"id\":",
            ",\"remark\":\"\"}]", true);
        internal static readonly ReportLayout Items = new ReportLayout("{\"id\":", ",\"value\":", ",\"remark\":\"\"},{\"id\":",
            ",\"remark\":\"\"}", true);

        /// <summary>Writes every value of <paramref name="report"/> as an item with an empty remark.</summary>
        public static void Write(JsonWriter writer, PropertyReport report)
        {
            if (report.Count == 0)
            {
                writer.BeginArray();
                writer.EndArray();
                return;
            }
            report.WriteItems(writer, ItemArray);
        }

        /// <summary>Writes one item whose value is already text, with a remark (null: empty).</summary>
        public static void WriteItem(JsonWriter writer, string id, string value, string remark)
        {
            writer.BeginObject();
            writer.WriteString("id", id);
            writer.WriteString("value", value == null ? "" : value);
            writer.WriteString("remark", remark == null ? "" : remark);
            writer.EndObject();
        }

        /// <summary>
        /// Checks the outer shape: an array of at most <paramref name="maxItems"/> items. Returns the item
        /// count, or -1 with <paramref name="problem"/> set. Counting stops past the limit, so a hostile
        /// array costs no more than the limit to refuse.
        /// </summary>
        public static int CheckArray(JsonElement root, int maxItems, out string problem)
        {
            problem = null;
            if (root.Kind != JsonKind.Array)
            {
                problem = "expected an item array [{\"id\":…,\"value\":…}]";
                return -1;
            }
            int count = 0;
            JsonArrayEnumerator items = root.EnumerateArray();
            while (items.MoveNext())
            {
                count++;
                if (count > maxItems)
                {
                    problem = "more than " + maxItems.ToString() + " items";
                    return -1;
                }
            }
            return count;
        }

        /// <summary>
        /// Reads one item: a non-empty string <c>id</c> and a <c>value</c> that is a string (or, liberally,
        /// a number or boolean). False with <paramref name="problem"/> when the item is unusable.
        /// </summary>
        public static bool ReadItem(JsonElement item, out string id, out JsonElement value, out string problem)
        {
            id = null;
            value = default(JsonElement);
            problem = null;
            if (item.Kind != JsonKind.Object)
            {
                problem = "an item is not an object";
                return false;
            }
            JsonElement idElement = item.Get("id");
            if (idElement.Kind != JsonKind.String || idElement.Length <= 2)
            {
                problem = "an item has no string \"id\"";
                return false;
            }
            if (idElement.Length > MaxIdLength + 2)
            {
                problem = "an item id is longer than " + MaxIdLength.ToString() + " characters";
                return false;
            }
            value = item.Get("value");
            switch (value.Kind)
            {
                case JsonKind.String:
                case JsonKind.Number:
                case JsonKind.True:
                case JsonKind.False:
                    id = idElement.GetString();
                    if (!Inbound.IsUsableIdentifier(id))
                    {
                        id = null;
                        problem = "an item id is empty or holds control characters";
                        return false;
                    }
                    return true;
                case JsonKind.None:
                    problem = "item '" + idElement.GetString() + "' has no \"value\"";
                    return false;
                default:
                    problem = "item '" + idElement.GetString() + "' has a value that is not text";
                    return false;
            }
        }
    }
}
