using System;
using System.Collections.Concurrent;
using System.Linq;
using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;

namespace IotDevice.IntegrationTests.Dialects.Alink
{
    /// <summary>An Alink device on the SDK's host transport, with what it logged, rejected, got back and missed.</summary>
    internal sealed class AlinkTestDevice : IDisposable
    {
        public const string ProductKey = "a1X2bEnTest";
        public const string Secret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest";

        private readonly HostMqttTransport _transport = new HostMqttTransport();

        public AlinkTestDevice(MosquittoBroker broker, string deviceName, Action<AlinkOptions> configure = null, SessionOptions session = null)
        {
            Options = new AlinkOptions
            {
                Host = broker.Host,
                Port = broker.Port,
                UseTls = false,
                ProductKey = ProductKey,
                DeviceName = deviceName,
                DeviceSecret = Secret,
                KeepAliveSeconds = 30,
                ConfigOnConnect = false,
            };
            configure?.Invoke(Options);
            Dialect = new AlinkDialect(Options);
            session ??= new SessionOptions { RequestTimeoutMs = 5000 };
            session.InitialReconnectDelayMs = 200;
            session.MaxReconnectDelayMs = 1000;
            Client = new DeviceClient(_transport, Dialect, session);
            Client.Session.Log += line => Log.Enqueue(line);
            Client.Session.InboundRejected += (topic, reason, detail) => Rejections.Enqueue(reason + " " + topic + ": " + detail);
            Dialect.ReplyReceived += reply => Replies.Enqueue(reply);
            Client.Outcome += outcome => Outcomes.Enqueue(outcome);
            Client.UpdateOffered += offer => Offers.Enqueue(offer);
        }

        public AlinkOptions Options { get; }

        public AlinkDialect Dialect { get; }

        public DeviceClient Client { get; }

        public ConcurrentQueue<string> Log { get; } = new ConcurrentQueue<string>();

        public ConcurrentQueue<string> Rejections { get; } = new ConcurrentQueue<string>();

        public ConcurrentQueue<AlinkReply> Replies { get; } = new ConcurrentQueue<AlinkReply>();

        /// <summary>Every outcome the client raised: one per report or request, under the Alink message id.</summary>
        public ConcurrentQueue<Outcome> Outcomes { get; } = new ConcurrentQueue<Outcome>();

        /// <summary>The outcome of <paramref name="id"/>, once it has come.</summary>
        public Outcome OutcomeOf(long id)
        {
            Outcome found = null;
            Eventually.True(() => (found = Outcomes.FirstOrDefault(o => o.Id == id)) != null, "the outcome of " + id);
            return found;
        }

        public ConcurrentQueue<UpdateOffer> Offers { get; } = new ConcurrentQueue<UpdateOffer>();

        /// <summary>The password the broker's password file must hold for this device.</summary>
        public static string ExpectedPassword(string deviceName, AlinkSignMethod method = AlinkSignMethod.HmacSha256)
        {
            return AlinkPlatformSimulator.ExpectedPassword(method, Secret, ProductKey + "." + deviceName, deviceName, ProductKey, AlinkOptions.FixedTimestamp);
        }

        public static string Username(string deviceName)
        {
            return deviceName + "&" + ProductKey;
        }

        /// <summary>Starts and waits until the session is connected (subscribed, announced).</summary>
        public AlinkTestDevice Start()
        {
            Client.Start();
            Eventually.True(() => Client.Session.State == SessionState.Connected, "the device connected: " + string.Join(" | ", Log), 10000);
            return this;
        }

        /// <summary>Rejections other than the broker echoing the device's own service replies (thing/service/+ covers them).</summary>
        public string[] UnexpectedRejections()
        {
            return Rejections.Where(r => !(r.StartsWith("UnsupportedTopic", StringComparison.Ordinal) && r.Contains("_reply"))).ToArray();
        }

        public void Dispose()
        {
            Client.Stop();
            _transport.Dispose();
        }
    }
}
