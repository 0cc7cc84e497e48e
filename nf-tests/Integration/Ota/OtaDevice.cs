using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.Host.Http;
using IotDevice.Host.Mqtt;
using IotDevice.Host.Ota;
using IotDevice.IntegrationTests.Support;
using IotDevice.Ota;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Ota
{
    /// <summary>One progress message as the platform received it.</summary>
    internal sealed record ProgressMessage(string Id, int Status, int Step, string Desc);

    /// <summary>
    /// A device (DeviceClient over the host MQTT client, the push dialect, the engine with the host
    /// HTTP transport and a file store in a temp folder) and the platform's side of the broker
    /// (pushes offers, records progress). Restart() stops the engine and starts a new one on the same
    /// folder, as a rebooted device would.
    /// </summary>
    internal sealed class OtaDevice : IDisposable
    {
        private readonly HostHttpTransport _http = new HostHttpTransport();
        private readonly HostMqttTransport _platform;
        private readonly TransportEvents _platformEvents;

        public OtaDevice(MosquittoBroker broker, UpdateEngineOptions options)
        {
            Folder = Path.Combine(Path.GetTempPath(), TestClients.Unique("ota-store"));
            Dialect = new PushDialect(broker, TestClients.Unique("ota-device"));
            Client = new DeviceClient(new HostMqttTransport(), Dialect, new IotDevice.Session.SessionOptions { InitialReconnectDelayMs = 200 });
            _platform = TestClients.Connected(broker);
            _platformEvents = new TransportEvents(_platform);
            TestClients.SubscribeAndWait(_platform, _platformEvents, Dialect.ProgressTopic, MqttQos.AtLeastOnce);
            Client.Start();
            Eventually.True(() => Client.Session.IsConnected && Client.Session.State == IotDevice.Session.SessionState.Connected, "the device connects");
            Options = options;
            StartEngine();
        }

        public string Folder { get; }

        public PushDialect Dialect { get; }

        public DeviceClient Client { get; }

        public UpdateEngineOptions Options { get; }

        public FileUpdateStore Store { get; private set; }

        public UpdateEngine Engine { get; private set; }

        public ConcurrentQueue<byte[]> Installed { get; } = new ConcurrentQueue<byte[]>();

        public ConcurrentQueue<byte[]> Configs { get; } = new ConcurrentQueue<byte[]>();

        public string FileOf(string name) => Path.Combine(Folder, name);

        /// <summary>The platform publishes an offer on the device's push topic.</summary>
        public void Push(string json) => TestClients.Publish(_platform, Dialect.PushTopic, json, MqttQos.AtLeastOnce);

        public ProgressMessage[] Progress() => _platformEvents.Messages
            .Where(m => m.Topic == Dialect.ProgressTopic)
            .Select(m =>
            {
                using JsonDocument doc = JsonDocument.Parse(m.Payload);
                JsonElement root = doc.RootElement;
                return new ProgressMessage(root.GetProperty("id").GetRawText(), root.GetProperty("status").GetInt32(), root.GetProperty("step").GetInt32(),
                    root.TryGetProperty("desc", out JsonElement desc) ? desc.GetString() : null);
            })
            .ToArray();

        /// <summary>Waits until the platform has a progress message with <paramref name="status"/>, and returns it.</summary>
        public ProgressMessage WaitFor(UpdateStatus status, int timeoutMs = 10000)
        {
            Eventually.True(() => Progress().Any(p => p.Status == (int)status), "the platform receives status " + (int)status, timeoutMs);
            return Progress().First(p => p.Status == (int)status);
        }

        /// <summary>A rebooted device: a new engine over a new store object on the same folder.</summary>
        public void Restart()
        {
            StopEngine();
            StartEngine();
        }

        /// <summary>The device goes down (the engine's thread ends; files stay as they are).</summary>
        public void StopEngine()
        {
            Engine.Stop();
            Store.Dispose();
        }

        public void Dispose()
        {
            Engine.Stop();
            Store.Dispose();
            Client.Stop();
            _platform.Dispose();
            _http.Dispose();
            try
            {
                Directory.Delete(Folder, true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>The device comes up again: a new engine on the same folder.</summary>
        public void StartEngine()
        {
            Store = new FileUpdateStore(Folder);
            Engine = new UpdateEngine(Client, _http, Store, Options)
            {
                InstallFirmware = (offer, image) =>
                {
                    var copy = new MemoryStream();
                    var piece = new byte[3000];
                    for (long position = 0; position < image.Length;)
                    {
                        int read = image.Read(position, piece, 0, piece.Length);
                        Assert.IsTrue(read > 0, "the stored image reads back to its end");
                        copy.Write(piece, 0, read);
                        position += read;
                    }

                    Installed.Enqueue(copy.ToArray());
                    return true;
                },
                ReceiveConfig = (offer, config) =>
                {
                    Configs.Enqueue(config);
                    return true;
                },
            };
            Engine.Start();
        }
    }
}
