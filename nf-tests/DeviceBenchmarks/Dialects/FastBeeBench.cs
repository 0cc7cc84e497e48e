using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Dialects.FastBee;
using IotDevice.Json;
using IotDevice.Topics;

namespace IotDevice.DeviceBenchmarks.Dialects
{
    internal sealed class FastBeeBench : DialectBench
    {
        private const string ProductId = "41";
        private const string DeviceNum = "D6329VL548866";

        public override string Name
        {
            get { return "FastBee"; }
        }

        public override TopicTable CreateTopics()
        {
            return FastBeeTopics.Create(ProductId, DeviceNum);
        }

        public override string InboundTopic
        {
            get { return "/" + ProductId + "/" + DeviceNum + "/function/get"; }
        }

        public override int ClassifyBySplit(string topic)
        {
            string[] parts = topic.Split('/');
            if (parts.Length != 5 || parts[1] != ProductId || parts[2] != DeviceNum)
            {
                return 0;
            }
            string name = parts[3] + "/" + parts[4];
            return name == "function/get" ? (int)TopicKind.Command : -1;
        }

        public override void Encode(JsonWriter writer, PropertyReport report)
        {
            writer.Reset();
            FastBeeItems.Write(writer, report);
        }

        public override string Concatenate(Sample sample)
        {
            return "[{\"id\":\"temperature\",\"value\":\"" + Number(sample.Temperature)
                + "\",\"remark\":\"\"},{\"id\":\"humidity\",\"value\":\"" + Number(sample.Humidity)
                + "\",\"remark\":\"\"},{\"id\":\"co2\",\"value\":\"" + sample.Co2.ToString()
                + "\",\"remark\":\"\"},{\"id\":\"lux\",\"value\":\"" + sample.Lux.ToString()
                + "\",\"remark\":\"\"},{\"id\":\"switch\",\"value\":\"" + (sample.Switch ? "1" : "0")
                + "\",\"remark\":\"\"},{\"id\":\"mode\",\"value\":\"" + sample.Mode + "\",\"remark\":\"\"}]";
        }

        public override IDeviceDialect CreateDialect()
        {
            FastBeeOptions options = new FastBeeOptions();
            options.Host = "broker.test";
            options.ProductId = ProductId;
            options.DeviceNum = DeviceNum;
            options.UserId = 1;
            options.MqttUsername = "FastBee";
            options.MqttPassword = "P5FJKZJHIR82GNB2";
            options.FirmwareVersion = 1.2;
            options.RequestTimeAfterConnect = false;
            return new FastBeeDialect(options, null);
        }

        public override void Listen(DeviceClient client)
        {
            client.OnPropertySet("switch", Apply);
        }

        public override string DownlinkTopic
        {
            get { return InboundTopic; }
        }

        public override string Downlink(int n)
        {
            return "[{\"id\":\"switch\",\"value\":\"" + (n % 2).ToString() + "\",\"remark\":\"\"}]";
        }
    }
}
