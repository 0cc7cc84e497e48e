using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Dialects.EztCloud;
using IotDevice.Json;
using IotDevice.Topics;

namespace IotDevice.DeviceBenchmarks.Dialects
{
    internal sealed class EztCloudBench : DialectBench
    {
        private const string Username = "DU_JEwVTAmL3m";

        public override string Name
        {
            get { return "EZtCloud"; }
        }

        public override TopicTable CreateTopics()
        {
            return EztCloudTopics.Create(Username);
        }

        public override string InboundTopic
        {
            get { return "data_set/" + Username + "/modbus"; }
        }

        public override int ClassifyBySplit(string topic)
        {
            string[] parts = topic.Split('/');
            if (parts.Length < 3 || parts[1] != Username)
            {
                return 0;
            }
            if (parts[0] == "data_set")
            {
                // The identifier may itself hold '/': everything after the username.
                string identifier = topic.Substring(parts[0].Length + parts[1].Length + 2);
                return (int)TopicKind.DataSet + identifier.Length;
            }
            return -1;
        }

        public override void Encode(JsonWriter writer, PropertyReport report)
        {
            writer.Reset();
            report.WriteObject(writer);
        }

        public override string Concatenate(Sample sample)
        {
            return "{\"temperature\":" + Number(sample.Temperature) + ",\"humidity\":" + Number(sample.Humidity)
                + ",\"co2\":" + sample.Co2.ToString() + ",\"lux\":" + sample.Lux.ToString()
                + ",\"switch\":" + Text(sample.Switch) + ",\"mode\":\"" + sample.Mode + "\"}";
        }

        public override IDeviceDialect CreateDialect()
        {
            EztCloudOptions options = new EztCloudOptions();
            options.Username = Username;
            options.Password = "1234567890";
            options.OtaCheckOnConnect = false;
            return new EztCloudDialect(options);
        }

        public override void Listen(DeviceClient client)
        {
            client.OnCommand("valve", Apply);
        }

        public override string DownlinkTopic
        {
            get { return "command_send/" + Username; }
        }

        public override string Downlink(int n)
        {
            return "{\"method\":\"valve\",\"params\":{\"open\":" + Text(n % 2 == 1) + "},\"id\":" + (n + 1).ToString() + "}";
        }
    }
}
