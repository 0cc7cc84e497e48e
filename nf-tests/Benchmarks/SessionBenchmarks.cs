using System;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Benchmarks
{
    /// <summary>
    /// The session over the host transport through a real mosquitto on loopback: how fast reports go
    /// out, and how long a command takes from the platform to the device's reply and back.
    /// </summary>
    [MemoryDiagnoser]
    public class SessionBenchmarks
    {
        private const int Batch = 1000;
        private const string Device = "bench-device";
        private const string CommandTopic = "devices/" + Device + "/command";
        private const string ReplyTopic = "devices/" + Device + "/reply";
        private const string ReportTopic = "devices/" + Device + "/report";

        private static readonly byte[] Report = Encoding.UTF8.GetBytes("[{\"id\":\"temperature\",\"value\":\"27.43\",\"remark\":\"\"}]");
        private static readonly byte[] Command = Encoding.UTF8.GetBytes("{\"method\":\"restart\",\"params\":{\"delay\":30},\"id\":98310}");

        private MosquittoBroker _broker;
        private DeviceSession _session;
        private HostMqttTransport _platform;
        private readonly AutoResetEvent _replied = new AutoResetEvent(false);

        /// <summary>Replies to every command at once, as a handler that does no work would.</summary>
        private sealed class EchoDialect : ISessionDialect
        {
            private readonly MosquittoBroker _broker;

            public EchoDialect(MosquittoBroker broker) => _broker = broker;

            public MqttConnectOptions CreateConnectOptions() => new MqttConnectOptions { Host = _broker.Host, Port = _broker.Port, ClientId = Device };

            public string[] GetSubscribeFilters() => new[] { CommandTopic };

            public MqttQos GetSubscribeQos() => MqttQos.AtMostOnce;

            public void OnConnected(DeviceSession session)
            {
            }

            public void OnMessage(DeviceSession session, string topic, byte[] payload, bool retained) =>
                session.Publish(ReplyTopic, payload, payload.Length, MqttQos.AtMostOnce, false, null);
        }

        /// <summary>The platform's side: a reply arrived, a subscription was granted.</summary>
        private sealed class PlatformListener : IMqttTransportListener
        {
            private readonly AutoResetEvent _replied;
            private readonly ManualResetEventSlim _subscribed;

            public PlatformListener(AutoResetEvent replied, ManualResetEventSlim subscribed)
            {
                _replied = replied;
                _subscribed = subscribed;
            }

            public void MessageReceived(string topic, byte[] payload, bool retained) => _replied.Set();

            public void PublishReceived(string topic, byte[] payload, int length, bool retained, ushort packetId, bool duplicate) => _replied.Set();

            public void DeliveryCompleted(ushort messageId, bool delivered)
            {
            }

            public void Subscribed(ushort messageId, byte[] grantedQos) => _subscribed.Set();

            public void ConnectionLost(string reason)
            {
            }
        }

        [GlobalSetup]
        public void Setup()
        {
            _broker = MosquittoBroker.Start();
            _session = new DeviceSession(new HostMqttTransport(), new EchoDialect(_broker), new SessionOptions
            {
                OutboxMessages = Batch,
                OutboxBytes = Batch * 128,
                MaxInFlight = 64,
            });
            _session.Start();
            WaitUntil(() => _session.IsConnected, "the device connects");

            _platform = new HostMqttTransport();
            var connected = new ManualResetEventSlim();
            _platform.Listen(new PlatformListener(_replied, connected));
            if (_platform.Connect(new MqttConnectOptions { Host = _broker.Host, Port = _broker.Port, ClientId = "bench-platform" }) != MqttConnectResult.Accepted)
            {
                throw new InvalidOperationException("platform client: " + _platform.LastError);
            }
            _platform.Subscribe(new[] { ReplyTopic }, new[] { MqttQos.AtMostOnce });
            connected.Wait(5000);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _session.Stop();
            _platform.Dispose();
            _broker.Dispose();
        }

        /// <summary>1,000 QoS 1 reports through the outbox until every PUBACK is back.</summary>
        [Benchmark(OperationsPerInvoke = Batch)]
        public void ReportQos1()
        {
            for (int i = 0; i < Batch; i++)
            {
                _session.Publish(ReportTopic, Report, Report.Length, MqttQos.AtLeastOnce, false, null);
            }
            WaitUntil(() => _session.OutboxCount == 0, "the batch is acknowledged");
        }

        /// <summary>1,000 QoS 0 reports handed to the transport.</summary>
        [Benchmark(OperationsPerInvoke = Batch)]
        public void ReportQos0()
        {
            for (int i = 0; i < Batch; i++)
            {
                _session.Publish(ReportTopic, Report, Report.Length, MqttQos.AtMostOnce, false, null);
            }
        }

        /// <summary>Platform publishes a command; the device's reply arrives back at the platform.</summary>
        [Benchmark]
        public void CommandRoundTrip()
        {
            _platform.Publish(CommandTopic, Command, Command.Length, MqttQos.AtMostOnce, false);
            if (!_replied.WaitOne(5000))
            {
                throw new TimeoutException("no reply within 5 s");
            }
        }

        private static void WaitUntil(Func<bool> condition, string what)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("timed out waiting until " + what);
                }
                Thread.Sleep(1);
            }
        }
    }
}
