using System.Collections.Concurrent;
using System.Text;
using IotDevice.BrokerHarness;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.IntegrationTests.Session
{
    /// <summary>
    /// A plain dialect for exercising the session against a real broker: connects to the harness's
    /// broker, subscribes its command topic, announces itself on connect, records commands.
    /// </summary>
    internal sealed class ReportingDialect : ISessionDialect
    {
        private readonly MosquittoBroker _broker;

        public ReportingDialect(MosquittoBroker broker, string deviceId)
        {
            _broker = broker;
            DeviceId = deviceId;
        }

        public string DeviceId { get; }

        public string ReportTopic => "devices/" + DeviceId + "/report";

        public string AnnounceTopic => "devices/" + DeviceId + "/online";

        public string CommandTopic => "devices/" + DeviceId + "/command";

        public int KeepAliveSeconds { get; set; } = 30;

        public ConcurrentQueue<string> Commands { get; } = new ConcurrentQueue<string>();

        public MqttConnectOptions CreateConnectOptions() => new MqttConnectOptions
        {
            Host = _broker.Host,
            Port = _broker.Port,
            ClientId = DeviceId,
            KeepAliveSeconds = KeepAliveSeconds,
            ConnectTimeoutMs = 2000,
        };

        public string[] GetSubscribeFilters() => new[] { CommandTopic };

        public MqttQos GetSubscribeQos() => MqttQos.AtLeastOnce;

        public void OnConnected(DeviceSession session)
        {
            byte[] hello = Encoding.UTF8.GetBytes("online");
            session.Announce(AnnounceTopic, hello, hello.Length, MqttQos.AtLeastOnce);
        }

        public void OnMessage(DeviceSession session, string topic, byte[] payload, bool retained)
        {
            Commands.Enqueue(Encoding.UTF8.GetString(payload));
        }
    }
}
