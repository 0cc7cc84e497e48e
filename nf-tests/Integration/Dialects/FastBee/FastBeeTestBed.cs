using System;
using System.Linq;
using IotDevice.BrokerHarness;
using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Host.Http;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;

namespace IotDevice.IntegrationTests.Dialects.FastBee
{
    /// <summary>
    /// One FastBee installation for a test: mosquitto, the platform simulator on it, the HTTP time
    /// endpoint, the authentication gate in front of the broker, and the device under test connecting
    /// through the gate with the SDK's host transports.
    /// </summary>
    public sealed class FastBeeTestBed : IDisposable
    {
        private readonly HostHttpTransport _http = new HostHttpTransport();

        public FastBeeTestBed(FastBeeDeviceRecord record = null)
        {
            Record = record ?? new FastBeeDeviceRecord();
            Broker = MosquittoBroker.Start();
            Platform = new FastBeePlatformSimulator(Broker, Record);
            Ntp = new FastBeeNtpServer(() => Platform.Now);
            Gate = new FastBeeAuthGate(Broker.Host, Broker.Port, Platform.Verify);
        }

        public FastBeeDeviceRecord Record { get; }

        public MosquittoBroker Broker { get; }

        public FastBeePlatformSimulator Platform { get; }

        public FastBeeNtpServer Ntp { get; }

        public FastBeeAuthGate Gate { get; }

        public DeviceClient Client { get; private set; }

        public FastBeeDialect Dialect { get; private set; }

        /// <summary>The device's options for this bed: simple authentication through the gate.</summary>
        public FastBeeOptions Options(bool encrypted = false) => new FastBeeOptions
        {
            Host = Gate.Host,
            Port = Gate.Port,
            ProductId = Record.ProductId,
            DeviceNum = Record.DeviceNum,
            UserId = Record.UserId,
            MqttUsername = Record.Username,
            MqttPassword = Record.MqttPassword,
            AuthCode = Record.AuthCode,
            Encrypted = encrypted,
            ProductSecret = encrypted ? Record.ProductSecret : null,
            NtpUrl = encrypted ? Ntp.Url : null,
            FirmwareVersion = 1.2,
            Rssi = () => -43,
            SummaryJson = "{\"name\":\"FastBee\",\"chip\":\"ESP32\"}",
        };

        /// <summary>Builds the device (handlers go in <paramref name="setUp"/>), starts it and waits for its info/post.</summary>
        public DeviceClient StartDevice(FastBeeOptions options, Action<DeviceClient> setUp = null, bool waitForInfo = true)
        {
            Dialect = new FastBeeDialect(options, _http);
            Client = new DeviceClient(new HostMqttTransport(), Dialect, new SessionOptions
            {
                InitialReconnectDelayMs = 200,
                MaxReconnectDelayMs = 800,
                FlapWindowMs = 1000,
                RandomSeed = 5,
            });
            setUp?.Invoke(Client);
            Client.Start();
            if (waitForInfo)
            {
                Platform.WaitFor("info/post", 1);
                Eventually.True(() => Client.Session.IsAnnounced, "the device handles messages as they come");
            }
            return Client;
        }

        /// <summary>Connect attempts the gate let through.</summary>
        public ConnectAttempt[] Accepted => Gate.Attempts.Where(a => a.Accepted).ToArray();

        public void Dispose()
        {
            Client?.Stop();
            Gate.Dispose();
            Ntp.Dispose();
            Platform.Dispose();
            Broker.Dispose();
            _http.Dispose();
        }
    }
}
