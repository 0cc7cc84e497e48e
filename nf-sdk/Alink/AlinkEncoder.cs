using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Topics;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Writes the Alink messages a device sends into a reused <see cref="JsonWriter"/> (docs/alink.md
    /// §4): the request envelope, replies to downlinks, property and event params, OTA inform and
    /// progress, the NTP request. Each Write… method starts a new document and refuses (ArgumentException) what the platform would.
    /// </summary>
    public static class AlinkEncoder
    {
        public const string PropertyPostMethod = "thing.event.property.post";
        public const string BatchPostMethod = "thing.event.property.batch.post";
        public const string HistoryPostMethod = "thing.event.property.history.post";
        public const string DeviceInfoUpdateMethod = "thing.deviceinfo.update";
        public const string DeviceInfoDeleteMethod = "thing.deviceinfo.delete";
        public const string DesiredGetMethod = "thing.property.desired.get";
        public const string DesiredDeleteMethod = "thing.property.desired.delete";
        public const string ConfigGetMethod = "thing.config.get";
        public const string FirmwareGetMethod = "thing.ota.firmware.get";

        // The envelope's constant members, encoded once (every call and check costs on the device).
        private static readonly byte[] IdName = JsonWriter.Fragment("\"id\":");
        private static readonly byte[] VersionAckAndParams = JsonWriter.Fragment(",\"version\":\"1.0\",\"sys\":{\"ack\":1},\"params\":");

        // The common report, a property post, as one run of raw text: the envelope's start, the id, the
        // constant members, then the params object and the method closing the envelope.
        private static readonly byte[] EnvelopeStart = JsonWriter.Fragment("{\"id\":");
        private static readonly ReportLayout PropertyPostParams = new ReportLayout("{", ":", ",",
            "},\"method\":\"" + PropertyPostMethod + "\"}", false);

        /// <summary><c>thing.event.{eventId}.post</c>.</summary>
        public static string EventMethod(string eventId)
        {
            return "thing.event." + eventId + ".post";
        }

        /// <summary>The method of the request a reply of <paramref name="kind"/> answers (<paramref name="eventId"/> for event replies).</summary>
        public static string MethodOfReply(TopicKind kind, string eventId)
        {
            switch (kind)
            {
                case TopicKind.PropertyPostReply: return PropertyPostMethod;
                case TopicKind.PropertyBatchPostReply: return BatchPostMethod;
                case TopicKind.PropertyHistoryPostReply: return HistoryPostMethod;
                case TopicKind.DeviceInfoPostReply: return DeviceInfoUpdateMethod;
                case TopicKind.DeviceInfoDeleteReply: return DeviceInfoDeleteMethod;
                case TopicKind.PropertyGetReply: return DesiredGetMethod;
                case TopicKind.DesiredDeleteReply: return DesiredDeleteMethod;
                case TopicKind.ConfigGetReply: return ConfigGetMethod;
                case TopicKind.OtaFirmwareGetReply: return FirmwareGetMethod;
                case TopicKind.EventPostReply: return eventId == null ? null : EventMethod(eventId);
                default: return null;
            }
        }

        /// <summary>Starts <c>{"id":"N","version":"1.0","sys":{"ack":1},"params":</c>; the caller writes params, then <see cref="EndRequest"/>.</summary>
        public static void BeginRequest(JsonWriter writer, long id)
        {
            writer.Reset();
            writer.BeginObject();
            writer.BeginRaw();
            writer.Append(IdName);
            writer.WriteNumberAsString(id);
            writer.Append(VersionAckAndParams);
            writer.EndRaw();
        }

        /// <summary>Ends a request with its <c>"method"</c>.</summary>
        public static void EndRequest(JsonWriter writer, string method)
        {
            writer.WriteString("method", method);
            writer.EndObject();
        }

        /// <summary>A property post: <c>{"Power":{"value":"on","time":T}}</c> with a timestamp, <c>{"Power":"on"}</c> without.</summary>
        public static void WritePropertyPost(JsonWriter writer, long id, PropertyReport report)
        {
            if (report == null || report.Count == 0 || report.Count > AlinkBulkEncoder.MaxEntries)
            {
                throw new ArgumentException("A property post carries 1 to 200 values.");
            }
            if (report.TimestampMs <= 0)
            {
                writer.Reset();
                writer.BeginRaw();
                writer.Append(EnvelopeStart);
                writer.WriteNumberAsString(id);
                writer.Append(VersionAckAndParams);
                report.WriteItems(writer, PropertyPostParams);
                writer.EndRaw();
                return;
            }
            BeginRequest(writer, id);
            WritePropertyParams(writer, report);
            EndRequest(writer, PropertyPostMethod);
        }

        public static void WritePropertyParams(JsonWriter writer, PropertyReport report)
        {
            long time = report.TimestampMs;
            if (time <= 0)
            {
                report.WriteObject(writer);
                return;
            }

            writer.BeginObject();
            for (int i = 0; i < report.Count; i++)
            {
                writer.WriteName(report.IdAt(i));
                WriteSample(writer, report, i, time);
            }
            writer.EndObject();
        }

        /// <summary><c>{"value":v,"time":T}</c>.</summary>
        internal static void WriteSample(JsonWriter writer, PropertyReport report, int index, long time)
        {
            writer.BeginObject();
            writer.WriteName("value");
            report.WriteValue(index, writer);
            if (time > 0)
            {
                writer.WriteNumber("time", time);
            }
            writer.EndObject();
        }

        /// <summary>An event post: params <c>{"value":{…},"time":T}</c> (time only when the report has one).</summary>
        public static void WriteEventPost(JsonWriter writer, long id, string eventId, PropertyReport parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentException("An event post needs its values (an empty report for none).");
            }
            BeginRequest(writer, id);
            WriteEventValue(writer, parameters);
            EndRequest(writer, EventMethod(eventId));
        }

        internal static void WriteEventValue(JsonWriter writer, PropertyReport parameters)
        {
            writer.BeginObject();
            writer.WriteName("value");
            parameters.WriteObject(writer);
            if (parameters.TimestampMs > 0)
            {
                writer.WriteNumber("time", parameters.TimestampMs);
            }
            writer.EndObject();
        }

        /// <summary>
        /// A reply to a downlink: <c>{"id":&lt;the request's id, same JSON type&gt;,"code":C,"data":{…}}</c>,
        /// plus <c>"message"</c> when the code is not 200. <paramref name="rawId"/> is the id's JSON text.
        /// </summary>
        public static void WriteReply(JsonWriter writer, byte[] rawId, int offset, int count, long code, string message, PropertyReport data)
        {
            writer.Reset();
            writer.BeginObject();
            writer.WriteName("id");
            writer.WriteRawValue(rawId, offset, count);
            writer.WriteNumber("code", code);
            writer.WriteName("data");
            if (data == null)
            {
                writer.BeginObject();
                writer.EndObject();
            }
            else
            {
                data.WriteObject(writer);
            }
            if (code != AlinkCodes.Ok && message != null)
            {
                writer.WriteString("message", message);
            }
            writer.EndObject();
        }

        /// <summary>OTA version report: <c>{"id":"N","params":{"version":"…","module":"…"}}</c> (module only when given).</summary>
        public static void WriteOtaInform(JsonWriter writer, long id, string version, string module)
        {
            BeginOta(writer, id);
            writer.WriteString("version", version);
            if (module != null)
            {
                writer.WriteString("module", module);
            }
            writer.EndObject();
            writer.EndObject();
        }

        /// <summary>OTA progress: <c>{"id":"N","params":{"step":"50","desc":"…","module":"…"}}</c>.</summary>
        public static void WriteOtaProgress(JsonWriter writer, long id, int step, string desc, string module)
        {
            BeginOta(writer, id);
            writer.WriteName("step");
            writer.WriteNumberAsString(step);
            writer.WriteString("desc", desc == null ? string.Empty : desc);
            if (module != null)
            {
                writer.WriteString("module", module);
            }
            writer.EndObject();
            writer.EndObject();
        }

        /// <summary>
        /// The OTA progress step for a status: 1–100 while downloading (and 100 once verified),
        /// −1 failed, −2 download failed, −3 verification failed, −4 flashing failed; 0 for Succeeded,
        /// which is reported by a version inform instead.
        /// </summary>
        public static int ProgressStep(UpdateStatus status, int percent)
        {
            switch (status)
            {
                case UpdateStatus.Downloading:
                    return percent < 1 ? 1 : percent > 100 ? 100 : percent;
                case UpdateStatus.Verified:
                    return 100;
                case UpdateStatus.Failed:
                    return -1;
                case UpdateStatus.DownloadFailed:
                    return -2;
                case UpdateStatus.VerifyFailed:
                    return -3;
                case UpdateStatus.ApplyFailed:
                    return -4;
                default:
                    return 0;
            }
        }

        /// <summary>NTP request <c>{"deviceSendTime":"N"}</c>, N from the monotonic counter.</summary>
        public static void WriteNtpRequest(JsonWriter writer, long deviceSendTime)
        {
            writer.Reset();
            writer.BeginObject();
            writer.WriteName("deviceSendTime");
            writer.WriteNumberAsString(deviceSendTime);
            writer.EndObject();
        }

        /// <summary>Firmware query; params <c>{"module":"…"}</c>, or <c>{}</c> for the default module.</summary>
        public static void WriteFirmwareGet(JsonWriter writer, long id, string module)
        {
            BeginRequest(writer, id);
            writer.BeginObject();
            if (module != null)
            {
                writer.WriteString("module", module);
            }
            writer.EndObject();
            EndRequest(writer, FirmwareGetMethod);
        }

        /// <summary>Remote configuration query: params <c>{"configScope":"product","getType":"file"}</c> (docs/alink.md §4.12).</summary>
        public static void WriteConfigGet(JsonWriter writer, long id)
        {
            BeginRequest(writer, id);
            writer.BeginObject();
            writer.WriteString("configScope", "product");
            writer.WriteString("getType", "file");
            writer.EndObject();
            EndRequest(writer, ConfigGetMethod);
        }

        private static void BeginOta(JsonWriter writer, long id)
        {
            writer.Reset();
            writer.BeginObject();
            writer.WriteName("id");
            writer.WriteNumberAsString(id);
            writer.WriteName("params");
            writer.BeginObject();
        }
    }
}
