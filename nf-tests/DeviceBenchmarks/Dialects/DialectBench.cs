using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Json;
using IotDevice.Topics;

namespace IotDevice.DeviceBenchmarks.Dialects
{
    /// <summary>
    /// What the benchmarks need to know of one dialect: an identity, an inbound topic to classify and the
    /// naive way to do it, the report encoding and its string-concatenation twin, and a configured dialect
    /// with a downlink it answers.
    /// </summary>
    internal abstract class DialectBench
    {
        public abstract string Name { get; }

        public abstract TopicTable CreateTopics();

        /// <summary>A command topic as the platform sends it.</summary>
        public abstract string InboundTopic { get; }

        /// <summary>
        /// What peer SDKs do: split on '/', compare the parts with the identity, recognise the verb, cut the
        /// identifier out. Returns a positive number for the command topic, 0 or less otherwise.
        /// </summary>
        public abstract int ClassifyBySplit(string topic);

        /// <summary>The SDK's encoding of a property report, as the dialect sends it.</summary>
        public abstract void Encode(JsonWriter writer, PropertyReport report);

        /// <summary>The same payload text by string concatenation.</summary>
        public abstract string Concatenate(Sample sample);

        /// <summary>A dialect configured not to wait for platform answers after connecting.</summary>
        public abstract IDeviceDialect CreateDialect();

        /// <summary>Registers the handler the downlinks call.</summary>
        public abstract void Listen(DeviceClient client);

        public abstract string DownlinkTopic { get; }

        /// <summary>The <paramref name="n"/>th downlink (each with its own id where the dialect has one).</summary>
        public abstract string Downlink(int n);

        /// <summary>
        /// The platform's answer to a message the device published, as its topic and payload; null when the
        /// platform answers nothing. A real platform answers what the dialect waits for, so the client's
        /// heap is read with nothing left waiting.
        /// </summary>
        public virtual byte[] Answer(string topic, string payload, out string answerTopic)
        {
            answerTopic = null;
            return null;
        }

        /// <summary>A handler that takes the value as it comes; the dialect then confirms it its own way.</summary>
        protected static void Apply(CommandContext command)
        {
        }

        /// <summary>
        /// A decimal as the SDK writes it: on the device, double.ToString() gives 27.429999999999999 for
        /// 27.43, so a careful concatenation asks for 15 significant digits.
        /// </summary>
        protected static string Number(double value)
        {
            return value.ToString("G15");
        }

        protected static string Text(bool value)
        {
            return value ? "true" : "false";
        }
    }
}
