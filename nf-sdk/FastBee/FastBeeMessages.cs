using IotDevice.Client;
using IotDevice.Json;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// The FastBee object payloads (docs/fastbee.md §4): info/post, ntp/post, upgrade/reply written;
    /// monitor/get and the ntp/get (or HTTP time) answer read. Reading is liberal about numbers sent as
    /// strings; a field of the wrong type or out of range is a problem, never an exception.
    /// </summary>
    public static class FastBeeMessages
    {
        /// <summary>The status a device reports about itself: online.</summary>
        public const int StatusOnline = 3;

        /// <summary>monitor/get's interval when it gives none, and the smallest one accepted.</summary>
        public const int DefaultMonitorIntervalMs = 1000;
        public const int MinMonitorIntervalMs = 100;

        /// <summary>
        /// info/post: <c>{"rssi":-43,"firmwareVersion":1.2,"status":3,"userId":1,"longitude":0,"latitude":0,"summary":{…}}</c>.
        /// The summary comes from <paramref name="summary"/> or, if null, <paramref name="summaryJson"/>
        /// (an object's UTF-8 text); with neither it is left out.
        /// </summary>
        public static void WriteInfo(JsonWriter writer, int rssi, double firmwareVersion, long userId,
            double longitude, double latitude, PropertyReport summary, byte[] summaryJson)
        {
            writer.BeginObject();
            writer.WriteNumber("rssi", (long)rssi);
            writer.WriteName("firmwareVersion");
            WriteDecimal(writer, firmwareVersion);
            writer.WriteNumber("status", (long)StatusOnline);
            writer.WriteNumber("userId", userId);
            writer.WriteName("longitude");
            WriteDecimal(writer, longitude);
            writer.WriteName("latitude");
            WriteDecimal(writer, latitude);
            if (summary != null)
            {
                writer.WriteName("summary");
                summary.WriteObject(writer);
            }
            else if (summaryJson != null)
            {
                writer.WriteName("summary");
                writer.WriteRawValue(summaryJson, 0, summaryJson.Length);
            }
            writer.EndObject();
        }

        /// <summary>ntp/post: <c>{"deviceSendTime":5000}</c>, the device's monotonic milliseconds.</summary>
        public static void WriteNtpRequest(JsonWriter writer, long deviceSendTime)
        {
            writer.BeginObject();
            writer.WriteNumber("deviceSendTime", deviceSendTime);
            writer.EndObject();
        }

        /// <summary>
        /// upgrade/reply: <c>{"messageId":…,"code":200,"msg":"success"}</c>. <paramref name="messageIdJson"/>
        /// is the messageId as it arrived (JSON text of a string or number), so it goes back with the same type.
        /// </summary>
        public static void WriteUpgradeReply(JsonWriter writer, string messageIdJson, int code, string msg)
        {
            writer.BeginObject();
            writer.WriteName("messageId");
            WriteIdJson(writer, messageIdJson);
            writer.WriteNumber("code", (long)code);
            writer.WriteString("msg", msg == null ? "" : msg);
            writer.EndObject();
        }

        /// <summary>
        /// monitor/get <c>{"count":60,"interval":1000}</c>: count ≥ 0 (0 stops), interval ≥ 100 ms
        /// (default 1000). False with <paramref name="problem"/> when unusable.
        /// </summary>
        public static bool ReadMonitorRequest(JsonElement root, out int count, out int intervalMs, out string problem)
        {
            count = 0;
            intervalMs = DefaultMonitorIntervalMs;
            problem = null;
            if (root.Kind != JsonKind.Object)
            {
                problem = "expected {\"count\":…,\"interval\":…}";
                return false;
            }
            JsonElement countElement = root.Get("count");
            if (!countElement.TryGetInt32(out count) || count < 0)
            {
                problem = countElement.Exists ? "\"count\" is not a non-negative integer" : "\"count\" is missing";
                return false;
            }
            JsonElement intervalElement = root.Get("interval");
            if (intervalElement.Exists && intervalElement.Kind != JsonKind.Null)
            {
                if (!intervalElement.TryGetInt32(out intervalMs))
                {
                    problem = "\"interval\" is not an integer";
                    return false;
                }
                if (intervalMs < MinMonitorIntervalMs)
                {
                    problem = "\"interval\" " + intervalMs.ToString() + " ms is below " + MinMonitorIntervalMs.ToString() + " ms";
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// The server's times from an NTP answer, in any of the shapes seen: <c>{"serverRecvTime":…,"serverSendTime":…}</c>
        /// (ntp/get and HTTP /iot/tool/ntp), the same inside <c>"data"</c>, or <c>{"data":{"serverTime":…}}</c>
        /// (both times then equal). Numbers or numeric strings; each must be a positive epoch millisecond value.
        /// </summary>
        public static bool ReadServerTimes(JsonElement root, out long serverRecvTime, out long serverSendTime, out string problem)
        {
            serverRecvTime = 0;
            serverSendTime = 0;
            problem = null;
            if (root.Kind != JsonKind.Object)
            {
                problem = "expected a JSON object with the server's times";
                return false;
            }
            JsonElement holder = root;
            if (!root.Get("serverRecvTime").Exists && root.Get("data").Kind == JsonKind.Object)
            {
                holder = root.Get("data");
            }
            JsonElement recv = holder.Get("serverRecvTime");
            JsonElement send = holder.Get("serverSendTime");
            if (!recv.Exists && !send.Exists)
            {
                JsonElement single = holder.Get("serverTime");
                if (!single.Exists)
                {
                    problem = "no serverRecvTime/serverSendTime or data.serverTime";
                    return false;
                }
                recv = single;
                send = single;
            }
            if (!recv.TryGetInt64(out serverRecvTime) || !send.TryGetInt64(out serverSendTime))
            {
                problem = "a server time is not an integer";
                return false;
            }
            if (serverRecvTime <= 0 || serverSendTime <= 0 || serverSendTime < serverRecvTime)
            {
                problem = "the server times are not positive and in order";
                return false;
            }
            return true;
        }

        /// <summary>
        /// Writes a decimal the way the FastBee examples show it: whole values as integers (<c>0</c>, <c>2</c>),
        /// others with their digits (<c>1.2</c>). NaN/infinity become 0 rather than invalid JSON.
        /// </summary>
        public static void WriteDecimal(JsonWriter writer, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                writer.WriteNumber(0L);
                return;
            }
            if (value > -1e15 && value < 1e15)
            {
                long whole = (long)value;
                if (whole == value)
                {
                    writer.WriteNumber(whole);
                    return;
                }
            }
            writer.WriteNumber(value);
        }

        // A correlation id given back in its own JSON type; anything else is sent as a string.
        private static void WriteIdJson(JsonWriter writer, string idJson)
        {
            if (idJson != null)
            {
                byte[] bytes = System.Text.Encoding.UTF8.GetBytes(idJson);
                JsonElement parsed = JsonReader.Parse(bytes, 0, bytes.Length, 1, bytes.Length);
                if (parsed.Kind == JsonKind.String || parsed.Kind == JsonKind.Number)
                {
                    writer.WriteRawValue(bytes, 0, bytes.Length);
                    return;
                }
            }
            writer.WriteString(idJson == null ? "" : idJson);
        }
    }
}
