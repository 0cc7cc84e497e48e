using System;
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using IotDevice.Platforms.Login;
using IotDevice.Transport;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IotDevice.Platforms.Endpoint
{
    /// <summary>One CONNECT as the broker saw it, with the platform's verdict.</summary>
    public sealed class ConnectAttempt
    {
        public string ClientId { get; init; }

        public string Remote { get; init; }

        public bool Tls { get; init; }

        public LoginVerdict Verdict { get; init; }
    }

    /// <summary>
    /// A real MQTT broker (MQTTnet) embedded in the process and listening on a TCP port, plain or TLS, that
    /// plays the platform's side: every CONNECT is judged by <see cref="Authenticate"/> and refused with the
    /// platform's CONNACK code; what devices publish goes to the platform (<see cref="Platform"/>) and is not
    /// routed to other clients, as on the IoT platforms; what the platform publishes reaches the devices
    /// subscribed to it. Boards on the network, mosquitto's clients and the SDK's own transport all connect
    /// to it as to the real platform.
    /// </summary>
    public sealed class EmbeddedBroker : IDisposable
    {
        private const string PlatformClientId = "platform";

        private readonly MqttServer _server;
        private int _connected;

        /// <param name="address">The address to listen on (IPAddress.Any for every interface).</param>
        /// <param name="certificate">The server certificate with its private key for TLS; null for plain TCP.</param>
        public EmbeddedBroker(IPAddress address, int port, X509Certificate2 certificate)
        {
            Port = port;
            UseTls = certificate != null;
            var factory = new MqttServerFactory();
            MqttServerOptionsBuilder builder = factory.CreateServerOptionsBuilder();
            bool v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
            if (certificate == null)
            {
                builder.WithDefaultEndpoint().WithDefaultEndpointPort(port);
                builder.WithDefaultEndpointBoundIPAddress(v6 ? IPAddress.None : address).WithDefaultEndpointBoundIPV6Address(v6 ? address : IPAddress.None);
            }
            else
            {
                builder.WithoutDefaultEndpoint().WithEncryptedEndpoint().WithEncryptedEndpointPort(port).WithEncryptionCertificate(certificate);
                builder.WithEncryptedEndpointBoundIPAddress(v6 ? IPAddress.None : address).WithEncryptedEndpointBoundIPV6Address(v6 ? address : IPAddress.None);
            }
            _server = factory.CreateMqttServer(builder.Build());
            _server.ValidatingConnectionAsync += OnValidating;
            _server.ClientConnectedAsync += e =>
            {
                Interlocked.Increment(ref _connected);
                if (OneConnectionPerDevice)
                {
                    // Not inside the broker's own event: closing a client waits for the broker.
                    Task.Run(() => CloseAllBut(e.ClientId));
                }
                return Task.CompletedTask;
            };
            _server.ClientDisconnectedAsync += e =>
            {
                Interlocked.Decrement(ref _connected);
                Disconnected?.Invoke(e.ClientId, string.IsNullOrEmpty(e.ReasonString) ? e.ReasonCode.ToString() : e.ReasonString);
                return Task.CompletedTask;
            };
            _server.ClientSubscribedTopicAsync += e =>
            {
                Subscribed?.Invoke(e.ClientId, e.TopicFilter.Topic);
                return Task.CompletedTask;
            };
            _server.InterceptingPublishAsync += OnPublish;
            Platform = new BrokerLink(Inject);
        }

        /// <summary>Judges each CONNECT (the platform's login check); null accepts everyone.</summary>
        public Func<MqttConnectOptions, LoginVerdict> Authenticate { get; set; }

        /// <summary>
        /// A new login closes every earlier connection, whatever its client id (Alibaba and FastBee keep one
        /// connection per device, and the broker serves one device).
        /// </summary>
        public bool OneConnectionPerDevice { get; set; }

        /// <summary>The platform's transport: give it to a platform simulator.</summary>
        public BrokerLink Platform { get; }

        public int Port { get; }

        public bool UseTls { get; }

        /// <summary>Devices connected now.</summary>
        public int ConnectedClients => Volatile.Read(ref _connected);

        /// <summary>Every CONNECT and its verdict.</summary>
        public event Action<ConnectAttempt> Connecting;

        /// <summary>A device's connection ended (client id, reason).</summary>
        public event Action<string, string> Disconnected;

        /// <summary>An earlier connection was closed for a new login of the device (old client id, new client id).</summary>
        public event Action<string, string> Replaced;

        /// <summary>A device subscribed (client id, filter).</summary>
        public event Action<string, string> Subscribed;

        /// <summary>Every message a device published (client id, topic, payload), whether the platform listens to its topic or not.</summary>
        public event Action<string, string, byte[]> Published;

        /// <summary>Opens the port; throws InvalidOperationException saying why it cannot (e.g. the port is taken).</summary>
        public void Start()
        {
            try
            {
                _server.StartAsync().GetAwaiter().GetResult();
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException("cannot listen on port " + Port + ": " + e.Message, e);
            }
            Platform.Connect(new MqttConnectOptions { ClientId = PlatformClientId });
        }

        public void Dispose()
        {
            Platform.Lose("the broker stopped");
            try
            {
                _server.StopAsync(new MqttServerStopOptions()).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is InvalidOperationException || e is ObjectDisposedException || e is SocketException)
            {
                // Stopping a server that never started.
            }
            _server.Dispose();
            Platform.Dispose();
        }

        private async Task CloseAllBut(string clientId)
        {
            try
            {
                foreach (MqttClientStatus client in await _server.GetClientsAsync())
                {
                    if (client.Id != clientId)
                    {
                        Replaced?.Invoke(client.Id, clientId);
                        await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.SessionTakenOver });
                    }
                }
            }
            catch (Exception e) when (e is InvalidOperationException || e is ObjectDisposedException || e is OperationCanceledException || e is SocketException)
            {
                // The client went away by itself, or the broker is stopping.
            }
        }

        private Task OnValidating(ValidatingConnectionEventArgs e)
        {
            var options = new MqttConnectOptions
            {
                ClientId = e.ClientId,
                Username = e.UserName,
                Password = e.Password,
                KeepAliveSeconds = e.KeepAlivePeriod ?? 0,
                CleanSession = e.CleanSession ?? true,
                UseTls = e.IsSecureConnection,
            };
            LoginVerdict verdict;
            if (e.ClientId == PlatformClientId)
            {
                verdict = LoginVerdict.Refuse(MqttConnectResult.IdentifierRejected, "the client id '" + PlatformClientId + "' is the platform's own");
            }
            else
            {
                try
                {
                    verdict = Authenticate?.Invoke(options) ?? LoginVerdict.Accept();
                }
                catch (Exception failure)
                {
                    verdict = LoginVerdict.Refuse(MqttConnectResult.ServerUnavailable, "the login check failed: " + failure.Message);
                }
            }
            if (!verdict.Accepted)
            {
                e.ReasonCode = ReasonCode(verdict.Code);
            }
            Connecting?.Invoke(new ConnectAttempt { ClientId = e.ClientId, Remote = e.RemoteEndPoint?.ToString(), Tls = e.IsSecureConnection, Verdict = verdict });
            return Task.CompletedTask;
        }

        // MQTTnet speaks in MQTT 5 reason codes and turns them into the 3.1.1 return codes for 3.1.1 clients.
        private static MqttConnectReasonCode ReasonCode(MqttConnectResult code) => code switch
        {
            MqttConnectResult.UnacceptableProtocolVersion => MqttConnectReasonCode.UnsupportedProtocolVersion,
            MqttConnectResult.IdentifierRejected => MqttConnectReasonCode.ClientIdentifierNotValid,
            MqttConnectResult.BadUsernameOrPassword => MqttConnectReasonCode.BadUserNameOrPassword,
            MqttConnectResult.NotAuthorized => MqttConnectReasonCode.NotAuthorized,
            _ => MqttConnectReasonCode.ServerUnavailable,
        };

        private Task OnPublish(InterceptingPublishEventArgs e)
        {
            if (e.ClientId == PlatformClientId)
            {
                return Task.CompletedTask; // the platform's own downlink, on its way to the devices
            }
            // The platform consumes what devices publish; the broker still acknowledges QoS 1.
            e.ProcessPublish = false;
            MqttApplicationMessage message = e.ApplicationMessage;
            byte[] payload = message.Payload.ToArray();
            Published?.Invoke(e.ClientId, message.Topic, payload);
            Platform.Deliver(message.Topic, payload, message.Retain);
            return Task.CompletedTask;
        }

        private void Inject(string topic, byte[] payload, MqttQos qos, bool retain)
        {
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)(int)qos)
                .WithRetainFlag(retain)
                .Build();
            _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = PlatformClientId }, CancellationToken.None)
                .GetAwaiter().GetResult();
        }
    }
}
