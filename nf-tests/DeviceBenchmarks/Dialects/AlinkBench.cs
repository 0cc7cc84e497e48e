using System.Text;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Dialects.Alink;
using IotDevice.Json;
using IotDevice.Topics;

namespace IotDevice.DeviceBenchmarks.Dialects
{
    internal sealed class AlinkBench : DialectBench
    {
        private const string ProductKey = "a1X2bEnTest";
        private const string DeviceName = "example1";
        private const long MessageId = 123;

        public override string Name
        {
            get { return "Alink"; }
        }

        public override TopicTable CreateTopics()
        {
            return AlinkTopics.Create(ProductKey, DeviceName);
        }

        public override string InboundTopic
        {
            get { return "/sys/" + ProductKey + "/" + DeviceName + "/thing/service/SetWeight"; }
        }

        public override int ClassifyBySplit(string topic)
        {
            string[] parts = topic.Split('/');
            if (parts.Length < 6 || parts[1] != "sys" || parts[2] != ProductKey || parts[3] != DeviceName)
            {
                return 0;
            }
            if (parts.Length == 7 && parts[4] == "thing" && parts[5] == "service")
            {
                string service = parts[6];
                return (int)TopicKind.Command + service.Length;
            }
            return -1;
        }

        public override void Encode(JsonWriter writer, PropertyReport report)
        {
            AlinkEncoder.WritePropertyPost(writer, MessageId, report);
        }

        public override string Concatenate(Sample sample)
        {
            return "{\"id\":\"" + MessageId.ToString() + "\",\"version\":\"1.0\",\"sys\":{\"ack\":1},\"params\":{\"temperature\":"
                + Number(sample.Temperature) + ",\"humidity\":" + Number(sample.Humidity)
                + ",\"co2\":" + sample.Co2.ToString() + ",\"lux\":" + sample.Lux.ToString()
                + ",\"switch\":" + Text(sample.Switch) + ",\"mode\":\"" + sample.Mode
                + "\"},\"method\":\"thing.event.property.post\"}";
        }

        /// <summary>The platform's <c>post_reply</c> to a property post: code 200 with the post's id.</summary>
        public override byte[] Answer(string topic, string payload, out string answerTopic)
        {
            answerTopic = null;
            const string IdStart = "{\"id\":\"";
            if (!topic.EndsWith("/thing/event/property/post") || !payload.StartsWith(IdStart))
            {
                return null;
            }
            string id = payload.Substring(IdStart.Length, payload.IndexOf('"', IdStart.Length) - IdStart.Length);
            answerTopic = topic + "_reply";
            return Encoding.UTF8.GetBytes("{\"code\":200,\"data\":{},\"id\":\"" + id
                + "\",\"message\":\"success\",\"method\":\"thing.event.property.post\",\"version\":\"1.0\"}");
        }

        public override IDeviceDialect CreateDialect()
        {
            AlinkOptions options = new AlinkOptions();
            options.Host = "iot.test";
            options.UseTls = false;
            options.ProductKey = ProductKey;
            options.DeviceName = DeviceName;
            options.DeviceSecret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest";
            options.ConfigOnConnect = false;
            return new AlinkDialect(options);
        }

        public override void Listen(DeviceClient client)
        {
            client.OnPropertySet("switch", Apply);
        }

        public override string DownlinkTopic
        {
            get { return "/sys/" + ProductKey + "/" + DeviceName + "/thing/service/property/set"; }
        }

        public override string Downlink(int n)
        {
            return "{\"id\":\"" + (1000 + n).ToString() + "\",\"version\":\"1.0\",\"params\":{\"switch\":" + (n % 2).ToString()
                + "},\"method\":\"thing.service.property.set\"}";
        }
    }
}
