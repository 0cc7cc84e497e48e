using System;
using IotDevice.Client;
using IotDevice.Json;

#pragma warning disable NF1015 // tag keys are checked against ASCII letters, digits and _

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Writes the Alink requests that carry lists (docs/alink.md §4.6–4.9): batch and history posts,
    /// device tags (deviceinfo update/delete), desired-property get/delete.
    /// </summary>
    public static class AlinkBulkEncoder
    {
        /// <summary>The platform's limit on entries per message (6106, and the deviceinfo limit).</summary>
        public const int MaxEntries = 200;

        /// <summary>
        /// Batch post: <c>{"properties":{"Power":[{"value":…,"time":…},…]},"events":{"alarm":[{"value":{…},"time":…}]}}</c>,
        /// every identifier mapped to the array of its samples in the order they were added.
        /// </summary>
        public static void WriteBatchPost(JsonWriter writer, long id, AlinkBatch batch)
        {
            RequireSamples(batch);
            AlinkEncoder.BeginRequest(writer, id);
            writer.BeginObject();
            if (batch.PropertyCount > 0)
            {
                writer.WriteName("properties");
                WriteGroupedProperties(writer, batch);
            }
            if (batch.EventCount > 0)
            {
                writer.WriteName("events");
                WriteGroupedEvents(writer, batch);
            }
            writer.EndObject();
            AlinkEncoder.EndRequest(writer, AlinkEncoder.BatchPostMethod);
        }

        /// <summary>
        /// History post: params <c>[{"identity":{…},"properties":[{"Power":{"value":…,"time":…}},…],"events":[{"alarm":{"value":{…},"time":…}}]}]</c>,
        /// one properties entry per sample. Every sample needs its time.
        /// </summary>
        public static void WriteHistoryPost(JsonWriter writer, long id, string productKey, string deviceName, AlinkBatch batch)
        {
            RequireSamples(batch);
            batch.RequireTimes();
            AlinkEncoder.BeginRequest(writer, id);
            writer.BeginArray();
            writer.BeginObject();
            writer.WriteName("identity");
            writer.BeginObject();
            writer.WriteString("productKey", productKey);
            writer.WriteString("deviceName", deviceName);
            writer.EndObject();
            writer.WriteName("properties");
            writer.BeginArray();
            for (int r = 0; r < batch.PropertyCount; r++)
            {
                AlinkEncoder.WritePropertyParams(writer, batch.Properties[r]);
            }
            writer.EndArray();
            writer.WriteName("events");
            writer.BeginArray();
            for (int e = 0; e < batch.EventCount; e++)
            {
                writer.BeginObject();
                writer.WriteName(batch.EventIds[e]);
                AlinkEncoder.WriteEventValue(writer, batch.Events[e]);
                writer.EndObject();
            }
            writer.EndArray();
            writer.EndObject();
            writer.EndArray();
            AlinkEncoder.EndRequest(writer, AlinkEncoder.HistoryPostMethod);
        }

        /// <summary>Device tags: params <c>[{"attrKey":"Temperature","attrValue":"36.8"}]</c>; values always as text.</summary>
        public static void WriteDeviceInfoUpdate(JsonWriter writer, long id, PropertyReport tags)
        {
            if (tags == null || tags.Count == 0 || tags.Count > MaxEntries)
            {
                throw new ArgumentException("A tag update carries 1 to 200 tags.");
            }
            for (int i = 0; i < tags.Count; i++)
            {
                CheckTagKey(tags.IdAt(i));
            }
            AlinkEncoder.BeginRequest(writer, id);
            writer.BeginArray();
            for (int i = 0; i < tags.Count; i++)
            {
                writer.BeginObject();
                writer.WriteString("attrKey", tags.IdAt(i));
                writer.WriteName("attrValue");
                tags.WriteValueAsText(i, writer);
                writer.EndObject();
            }
            writer.EndArray();
            AlinkEncoder.EndRequest(writer, AlinkEncoder.DeviceInfoUpdateMethod);
        }

        /// <summary>Tag removal: params <c>[{"attrKey":"Temperature"}]</c>.</summary>
        public static void WriteDeviceInfoDelete(JsonWriter writer, long id, string[] keys)
        {
            CheckList(keys, "A tag removal");
            for (int i = 0; i < keys.Length; i++)
            {
                CheckTagKey(keys[i]);
            }
            AlinkEncoder.BeginRequest(writer, id);
            writer.BeginArray();
            for (int i = 0; i < keys.Length; i++)
            {
                writer.BeginObject();
                writer.WriteString("attrKey", keys[i]);
                writer.EndObject();
            }
            writer.EndArray();
            AlinkEncoder.EndRequest(writer, AlinkEncoder.DeviceInfoDeleteMethod);
        }

        /// <summary>Desired values: params <c>["power","temperature"]</c>.</summary>
        public static void WriteDesiredGet(JsonWriter writer, long id, string[] identifiers)
        {
            CheckList(identifiers, "A desired-value query");
            AlinkEncoder.BeginRequest(writer, id);
            writer.BeginArray();
            for (int i = 0; i < identifiers.Length; i++)
            {
                writer.WriteString(identifiers[i]);
            }
            writer.EndArray();
            AlinkEncoder.EndRequest(writer, AlinkEncoder.DesiredGetMethod);
        }

        /// <summary>Desired value removal: params <c>[{"power":{},"temperature":{}}]</c> (any version).</summary>
        public static void WriteDesiredDelete(JsonWriter writer, long id, string[] identifiers)
        {
            CheckList(identifiers, "A desired-value removal");
            AlinkEncoder.BeginRequest(writer, id);
            writer.BeginArray();
            writer.BeginObject();
            for (int i = 0; i < identifiers.Length; i++)
            {
                writer.WriteName(identifiers[i]);
                writer.BeginObject();
                writer.EndObject();
            }
            writer.EndObject();
            writer.EndArray();
            AlinkEncoder.EndRequest(writer, AlinkEncoder.DesiredDeleteMethod);
        }

        // Each property identifier once, with all its samples (in the order added) as an array.
        private static void WriteGroupedProperties(JsonWriter writer, AlinkBatch batch)
        {
            writer.BeginObject();
            for (int r = 0; r < batch.PropertyCount; r++)
            {
                PropertyReport report = batch.Properties[r];
                for (int i = 0; i < report.Count; i++)
                {
                    string name = report.IdAt(i);
                    if (SeenBefore(batch, r, i, name))
                    {
                        continue;
                    }
                    writer.WriteName(name);
                    writer.BeginArray();
                    AlinkEncoder.WriteSample(writer, report, i, report.TimestampMs);
                    for (int r2 = r; r2 < batch.PropertyCount; r2++)
                    {
                        PropertyReport later = batch.Properties[r2];
                        for (int j = r2 == r ? i + 1 : 0; j < later.Count; j++)
                        {
                            if (later.IdAt(j) == name)
                            {
                                AlinkEncoder.WriteSample(writer, later, j, later.TimestampMs);
                            }
                        }
                    }
                    writer.EndArray();
                }
            }
            writer.EndObject();
        }

        private static bool SeenBefore(AlinkBatch batch, int report, int index, string name)
        {
            for (int r = 0; r <= report; r++)
            {
                PropertyReport earlier = batch.Properties[r];
                int end = r == report ? index : earlier.Count;
                for (int j = 0; j < end; j++)
                {
                    if (earlier.IdAt(j) == name)
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        private static void WriteGroupedEvents(JsonWriter writer, AlinkBatch batch)
        {
            writer.BeginObject();
            for (int e = 0; e < batch.EventCount; e++)
            {
                string name = batch.EventIds[e];
                bool seen = false;
                for (int k = 0; k < e && !seen; k++)
                {
                    seen = batch.EventIds[k] == name;
                }
                if (seen)
                {
                    continue;
                }
                writer.WriteName(name);
                writer.BeginArray();
                for (int k = e; k < batch.EventCount; k++)
                {
                    if (batch.EventIds[k] == name)
                    {
                        AlinkEncoder.WriteEventValue(writer, batch.Events[k]);
                    }
                }
                writer.EndArray();
            }
            writer.EndObject();
        }

        private static void RequireSamples(AlinkBatch batch)
        {
            if (batch == null || batch.PropertyCount + batch.EventCount == 0)
            {
                throw new ArgumentException("A batch or history post needs at least one sample.");
            }
        }

        private static void CheckList(string[] items, string what)
        {
            if (items == null || items.Length == 0 || items.Length > MaxEntries)
            {
                throw new ArgumentException(what + " carries 1 to 200 identifiers.");
            }
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] == null || items[i].Length == 0)
                {
                    throw new ArgumentException(what + " cannot carry an empty identifier.");
                }
            }
        }

        // attrKey: up to 100 characters, letters, digits and '_', not starting with a digit (docs/alink.md §4.9).
        private static void CheckTagKey(string key)
        {
            bool valid = key != null && key.Length > 0 && key.Length <= 100 && !(key[0] >= '0' && key[0] <= '9');
            for (int i = 0; valid && i < key.Length; i++)
            {
                char c = key[i];
                valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            }
            if (!valid)
            {
                throw new ArgumentException("Tag key '" + key + "' must be 1 to 100 letters, digits or '_', not starting with a digit.");
            }
        }
    }
}
