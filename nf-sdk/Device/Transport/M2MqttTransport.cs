using System;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using IotDevice.Topics;
using IotDevice.Transport;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace IotDevice.Device.Transport
{
    /// <summary>
    /// The device transport over nanoFramework.M2Mqtt 5.1 (device-only: compiled by IotDevice.nfproj).
    /// It smooths over the client's quirks so the session sees the IMqttTransport contract:
    /// <list type="bullet">
    /// <item>the client resolves DNS in its constructor and caches the address, so every connect builds a
    /// new client (a reconnect after a DNS change or a dropped Wi-Fi then finds the broker again);</item>
    /// <item>Connect can throw as well as return a refusal code: both become a result;</item>
    /// <item>an invalid topic given to Publish/Subscribe is only noticed on the client's background thread,
    /// which then drops the connection, so topics are checked here first and refused with ArgumentException;</item>
    /// <item>the in-flight queue is unbounded by default, so it is bounded (the session bounds its own
    /// window below this);</item>
    /// <item>ConnectionClosed also follows our own Disconnect; only an unexpected close becomes ConnectionLost.</item>
    /// </list>
    /// </summary>
    public sealed class M2MqttTransport : IMqttTransport
    {
        private readonly object _sync = new object();
        private readonly int _inflightQueueSize;
        private MqttClient _client;
        private bool _closingOnPurpose;

        /// <param name="inflightQueueSize">Bound for M2Mqtt's in-flight queue (it is int.MaxValue by default).</param>
        public M2MqttTransport(int inflightQueueSize)
        {
            _inflightQueueSize = inflightQueueSize < 1 ? 16 : inflightQueueSize;
        }

        public event MqttMessageHandler MessageReceived;

        public event MqttDeliveryHandler DeliveryCompleted;

        public event MqttSubscribedHandler Subscribed;

        public event MqttConnectionLostHandler ConnectionLost;

        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        public string LastError { get; private set; }

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            string problem = CheckOptions(options);
            if (problem != null)
            {
                LastError = problem;
                return MqttConnectResult.InvalidOptions;
            }
            lock (_sync)
            {
                TearDown();
                _closingOnPurpose = false;
                MqttClient client;
                try
                {
                    X509Certificate ca = options.UseTls && options.CaCertificatePem != null
                        ? new X509Certificate(options.CaCertificatePem)
                        : null;
                    client = new MqttClient(options.Host, options.Port, options.UseTls, ca, null,
                        options.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                }
                catch (Exception e)
                {
                    LastError = "cannot resolve or set up " + options.Host + ": " + e.Message;
                    return MqttConnectResult.NetworkError;
                }
                client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                client.Settings.InflightQueueSize = _inflightQueueSize;
                client.MqttMsgPublishReceived += OnPublishReceived;
                client.MqttMsgPublished += OnPublished;
                client.MqttMsgSubscribed += OnSubscribed;
                client.ConnectionClosed += OnConnectionClosed;
                _client = client;

                bool will = options.WillTopic != null;
                string willMessage = will && options.WillPayload != null
                    ? Encoding.UTF8.GetString(options.WillPayload, 0, options.WillPayload.Length)
                    : null;
                MqttReasonCode code;
                try
                {
                    code = client.Connect(options.ClientId, options.Username, options.Password,
                        will && options.WillRetain, will ? ToLevel(options.WillQos) : MqttQoSLevel.AtMostOnce,
                        will, options.WillTopic, willMessage, options.CleanSession, (ushort)options.KeepAliveSeconds);
                }
                catch (MqttCommunicationException)
                {
                    LastError = "no CONNACK from " + options.Host;
                    TearDown();
                    return MqttConnectResult.Timeout;
                }
                catch (MqttConnectionException e)
                {
                    // The socket or the TLS handshake failed; the message carries the socket error code.
                    LastError = (options.UseTls ? "TLS connection to " : "connection to ") + options.Host + " failed: " + e.Message;
                    TearDown();
                    return options.UseTls ? MqttConnectResult.TlsError : MqttConnectResult.NetworkError;
                }
                catch (Exception e)
                {
                    LastError = "connect to " + options.Host + " failed: " + e.Message;
                    TearDown();
                    return MqttConnectResult.ProtocolError;
                }
                MqttConnectResult result = FromReasonCode(code);
                if (result != MqttConnectResult.Accepted)
                {
                    LastError = "the broker refused the connection (CONNACK " + ((int)code).ToString() + ")";
                    TearDown();
                }
                return result;
            }
        }

        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            if (filters == null || qos == null || filters.Length == 0 || filters.Length != qos.Length)
            {
                throw new ArgumentException("Subscribe needs one QoS per filter.");
            }
            MqttQoSLevel[] levels = new MqttQoSLevel[qos.Length];
            for (int i = 0; i < filters.Length; i++)
            {
                if (!IsValidFilter(filters[i]))
                {
                    throw new ArgumentException("'" + filters[i] + "' is not a valid MQTT filter.");
                }
                levels[i] = ToLevel(qos[i]);
            }
            return ConnectedClient().Subscribe(filters, levels);
        }

        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            if (TopicText.CheckTopicName(topic, 65535) != TopicError.None)
            {
                throw new ArgumentException("'" + topic + "' is not a valid MQTT topic name.");
            }
            byte[] message = payload;
            if (payload == null || length != payload.Length)
            {
                // M2Mqtt sends whole arrays only.
                message = new byte[length];
                if (length > 0)
                {
                    Array.Copy(payload, message, length);
                }
            }
            return ConnectedClient().Publish(topic, message, null, null, ToLevel(qos), retain);
        }

        public void Disconnect()
        {
            lock (_sync)
            {
                _closingOnPurpose = true;
                MqttClient client = _client;
                if (client != null && client.IsConnected)
                {
                    try
                    {
                        client.Disconnect();
                    }
                    catch (Exception)
                    {
                        // Already gone; TearDown below releases it.
                    }
                }
                TearDown();
            }
        }

        private MqttClient ConnectedClient()
        {
            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                throw new InvalidOperationException("not connected");
            }
            return client;
        }

        private void TearDown()
        {
            MqttClient client = _client;
            _client = null;
            if (client == null)
            {
                return;
            }
            client.MqttMsgPublishReceived -= OnPublishReceived;
            client.MqttMsgPublished -= OnPublished;
            client.MqttMsgSubscribed -= OnSubscribed;
            client.ConnectionClosed -= OnConnectionClosed;
            try
            {
                client.Dispose();
            }
            catch (Exception)
            {
                // Dispose closes sockets and threads; a failure leaves nothing we can act on.
            }
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(e.Topic, e.Message, e.Retain);
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            MqttDeliveryHandler handler = DeliveryCompleted;
            if (handler != null)
            {
                handler(e.MessageId, e.IsPublished);
            }
        }

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            MqttQoSLevel[] granted = e.GrantedQoSLevels;
            byte[] levels = new byte[granted == null ? 0 : granted.Length];
            for (int i = 0; i < levels.Length; i++)
            {
                levels[i] = (byte)granted[i];
            }
            MqttSubscribedHandler handler = Subscribed;
            if (handler != null)
            {
                handler(e.MessageId, levels);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            if (_closingOnPurpose || sender != _client)
            {
                return;
            }
            LastError = "connection closed by the network or the broker";
            MqttConnectionLostHandler handler = ConnectionLost;
            if (handler != null)
            {
                handler(LastError);
            }
        }

        private static string CheckOptions(MqttConnectOptions options)
        {
            if (options == null || options.Host == null || options.Host.Length == 0)
            {
                return "no broker host";
            }
            if (options.ClientId == null || (options.ClientId.Length == 0 && !options.CleanSession))
            {
                return "an empty client id needs a clean session";
            }
            if (options.KeepAliveSeconds < 0 || options.KeepAliveSeconds > 65535)
            {
                return "keep-alive must be 0..65535 seconds";
            }
            if (options.WillTopic != null && TopicText.CheckTopicName(options.WillTopic, 65535) != TopicError.None)
            {
                return "the will topic is not a valid topic name";
            }
            return null;
        }

        private static bool IsValidFilter(string filter)
        {
            if (filter == null || filter.Length == 0)
            {
                return false;
            }
            for (int i = 0; i < filter.Length; i++)
            {
                char c = filter[i];
                bool levelStart = i == 0 || filter[i - 1] == '/';
                bool levelEnd = i == filter.Length - 1 || filter[i + 1] == '/';
                if (c == '+' && !(levelStart && levelEnd))
                {
                    return false;
                }
                if (c == '#' && !(levelStart && i == filter.Length - 1))
                {
                    return false;
                }
                if (c == '\u0000')
                {
                    return false;
                }
            }
            return true;
        }

        private static MqttQoSLevel ToLevel(MqttQos qos)
        {
            return qos == MqttQos.AtLeastOnce ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
        }

        private static MqttConnectResult FromReasonCode(MqttReasonCode code)
        {
            // Compare values, not names: the enum repeats some numbers and ToString gives digits on the device.
            if (code == MqttReasonCode.Success)
            {
                return MqttConnectResult.Accepted;
            }
            if (code == MqttReasonCode.ConnectionRefusedUnacceptableProtocolVersion)
            {
                return MqttConnectResult.UnacceptableProtocolVersion;
            }
            if (code == MqttReasonCode.ConnectionRefusedIdentifierRejected)
            {
                return MqttConnectResult.IdentifierRejected;
            }
            if (code == MqttReasonCode.ConnectionRefusedServerUnavailable)
            {
                return MqttConnectResult.ServerUnavailable;
            }
            if (code == MqttReasonCode.ConnectionRefusedBadUserNameOrPassword)
            {
                return MqttConnectResult.BadUsernameOrPassword;
            }
            if (code == MqttReasonCode.ConnectionRefusedNotAuthorized)
            {
                return MqttConnectResult.NotAuthorized;
            }
            return MqttConnectResult.ProtocolError;
        }
    }
}
