using System;
using System.Collections.Concurrent;
using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;

namespace IotDevice.IntegrationTests.Dialects.EztCloud
{
    /// <summary>A device running the EZtCloud dialect over the SDK's host MQTT client, its log kept.</summary>
    internal sealed class EztCloudTestDevice : IDisposable
    {
        public EztCloudTestDevice(MosquittoBroker broker, Action<EztCloudOptions> configure = null)
        {
            Options = new EztCloudOptions
            {
                Host = broker.Host,
                Port = broker.Port,
                Username = EztCloudBroker.Username,
                Password = EztCloudBroker.Password,
                OtaCheckOnConnect = false,
            };
            configure?.Invoke(Options);
            Dialect = new EztCloudDialect(Options);
            Client = new DeviceClient(new HostMqttTransport(), Dialect, new SessionOptions
            {
                InitialReconnectDelayMs = 200,
                MaxReconnectDelayMs = 400,
                RequestTimeoutMs = 3000,
                RandomSeed = 5,
            });
            Client.Session.Log += line => Log.Enqueue(line);
            Client.Outcome += outcome => Outcomes[outcome.Id] = outcome;
        }

        public EztCloudOptions Options { get; }

        public EztCloudDialect Dialect { get; }

        public DeviceClient Client { get; }

        public ConcurrentQueue<string> Log { get; } = new ConcurrentQueue<string>();

        /// <summary>Every outcome so far, by the id the report was given.</summary>
        public ConcurrentDictionary<long, Outcome> Outcomes { get; } = new ConcurrentDictionary<long, Outcome>();

        /// <summary>Waits for the outcome of <paramref name="id"/>.</summary>
        public Outcome OutcomeOf(long id)
        {
            Outcome outcome = null;
            Eventually.True(() => Outcomes.TryGetValue(id, out outcome), "the outcome of " + id);
            return outcome;
        }

        /// <summary>Starts and waits until the session is subscribed and connected.</summary>
        public EztCloudTestDevice Start()
        {
            Client.Start();
            Eventually.True(() => Client.Session.State == SessionState.Connected, "the device connects; log: " + string.Join(" | ", Log));
            return this;
        }

        public void Dispose() => Client.Stop();
    }

    /// <summary>A mosquitto that knows the device (the docs' DU_ sample) and the platform, and nobody else.</summary>
    internal static class EztCloudBroker
    {
        public const string Username = "DU_JEwVTAmL3m";
        public const string Password = "1234567890";
        public const string PlatformUser = "PR_platform";
        public const string PlatformPassword = "platform-S3cret";

        public static MosquittoSettings Settings(TestCertificates tls = null) => new MosquittoSettings
        {
            Users = new System.Collections.Generic.Dictionary<string, string>
            {
                { Username, Password },
                { PlatformUser, PlatformPassword },
            },
            Tls = tls,
        };
    }
}
