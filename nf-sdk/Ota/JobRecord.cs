using IotDevice.Client;
using IotDevice.Json;

namespace IotDevice.Ota
{
    /// <summary>
    /// The job record the store keeps across restarts: the offer's fields, how many bytes are staged and
    /// the last percentage reported, as a small JSON object. "pending" marks a download a restart may
    /// have interrupted; "applying" a verified file handed to the app (whose apply may well restart the
    /// device); "applied" remembers the last update applied, so a re-push of it is not run again.
    /// </summary>
    internal static class JobRecord
    {
        public const string Pending = "pending";
        public const string Applying = "applying";
        public const string Applied = "applied";

        private const int FormatVersion = 1;

        /// <summary>Writes the record into <paramref name="writer"/> (reset first); false if it did not fit.</summary>
        public static bool Write(JsonWriter writer, UpdateJob job, string state)
        {
            UpdateOffer offer = job.Offer;
            writer.Reset();
            writer.BeginObject();
            writer.WriteNumber("format", FormatVersion);
            writer.WriteString("state", state);
            writer.WriteNumber("kind", (int)offer.Kind);
            WriteOptional(writer, "url", job.Url);
            writer.WriteNumber("size", offer.Size);
            WriteOptional(writer, "version", offer.Version);
            WriteOptional(writer, "module", offer.Module);
            writer.WriteNumber("digestMethod", (int)offer.DigestMethod);
            WriteOptional(writer, "digest", offer.Digest);
            writer.WriteBoolean("isDiff", offer.IsDiff);
            WriteOptional(writer, "configId", offer.ConfigId);
            WriteOptional(writer, "correlationId", offer.CorrelationId);
            writer.WriteNumber("bytes", job.Bytes);
            writer.WriteNumber("percent", job.ReportedPercent);
            writer.EndObject();
            return !writer.Overflowed;
        }

        /// <summary>The job a record describes, or null when it is not a record of ours.</summary>
        public static UpdateJob Read(byte[] record, out string state)
        {
            state = null;
            if (record == null || record.Length == 0)
            {
                return null;
            }

            JsonElement root = JsonReader.Parse(record, 0, record.Length);
            long format;
            long kind;
            if (root.Kind != JsonKind.Object || !root.TryGetInt64("format", out format) || format != FormatVersion
                || !root.TryGetInt64("kind", out kind) || (kind != (int)UpdateKind.Firmware && kind != (int)UpdateKind.Config))
            {
                return null;
            }

            state = root.GetString("state");
            if (state != Pending && state != Applying && state != Applied)
            {
                return null;
            }

            UpdateOffer offer = new UpdateOffer();
            offer.Kind = (UpdateKind)(int)kind;
            offer.Url = root.GetString("url");
            offer.Size = Number(root, "size");
            offer.Version = root.GetString("version");
            offer.Module = root.GetString("module");
            long method = Number(root, "digestMethod");
            offer.DigestMethod = method >= 0 && method <= (int)DigestMethod.Md5Middle16 ? (DigestMethod)(int)method : DigestMethod.None;
            offer.Digest = root.GetString("digest");
            bool isDiff;
            offer.IsDiff = root.Get("isDiff").TryGetBoolean(out isDiff) && isDiff;
            offer.ConfigId = root.GetString("configId");
            offer.CorrelationId = root.GetString("correlationId");

            UpdateJob job = new UpdateJob(offer);
            job.Bytes = Number(root, "bytes");
            long percent = Number(root, "percent");
            job.ReportedPercent = percent > 0 && percent <= 100 ? (int)percent : 0;
            job.Recovered = true;
            return job;
        }

        private static void WriteOptional(JsonWriter writer, string name, string value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }

        private static long Number(JsonElement root, string name)
        {
            long value;
            return root.Get(name).TryGetInt64(out value) && value > 0 ? value : 0;
        }
    }
}
