using System.Collections.Concurrent;
using System.Text;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.IntegrationTests.Session
{
    /// <summary>
    /// The plainest dialect for a session against a scripted broker: connects to it, subscribes one
    /// command topic at QoS 1, announces nothing, and records the messages it is handed.
    /// </summary>
    internal sealed class ScriptedBrokerDialect : ISessionDialect
    {
        public const string CommandTopic = "devices/scripted/command";

        private readonly FakeBroker _broker;

        public ScriptedBrokerDialect(FakeBroker broker) => _broker = broker;

        public ConcurrentQueue<string> Received { get; } = new ConcurrentQueue<string>();

        public MqttConnectOptions CreateConnectOptions() => new MqttConnectOptions
        {
            Host = _broker.Host,
            Port = _broker.Port,
            ClientId = "device-scripted",
            ConnectTimeoutMs = 2000,
        };

        public string[] GetSubscribeFilters() => new[] { CommandTopic };

        public MqttQos GetSubscribeQos() => MqttQos.AtLeastOnce;

        public void OnConnected(DeviceSession session)
        {
        }

        public void OnMessage(DeviceSession session, string topic, byte[] payload, bool retained) =>
            Received.Enqueue(Encoding.UTF8.GetString(payload));
    }
}
