using System;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace IotDevice.Device.Transport
{
    /// <summary>
    /// The device transport over nanoFramework.M2Mqtt 5.1 (device-only: compiled by IotDevice.Device.nfproj).
    /// It smooths over the client's quirks so the session sees the IMqttTransport contract:
    /// <list type="bullet">
    /// <item>the client resolves DNS in its constructor and caches the address, so every connect builds a
    /// new client (a reconnect after a DNS change or a dropped Wi-Fi then finds the broker again);</item>
    /// <item>Connect can throw as well as return a refusal code, and one exception type covers several
    /// causes: each becomes a result with its own reason (see <see cref="ConnectAttempt"/>);</item>
    /// <item>M2Mqtt waits a fixed 30 s for CONNACK and has no connect timeout of its own: a timer aborts
    /// the attempt (closes the client's socket) when <see cref="MqttConnectOptions.ConnectTimeoutMs"/>
    /// passes, so a stalled TCP connect, TLS handshake or CONNACK wait ends then;</item>
    /// <item>an invalid topic given to Publish/Subscribe is only noticed on the client's background thread,
    /// which then drops the connection, so topics are checked here first and refused with ArgumentException;</item>
    /// <item>a full in-flight queue makes Publish throw MqttClientException(InflightQueueFull): it becomes a
    /// <see cref="MqttSendRefusedException"/>, nothing was sent and the connection stays;</item>
    /// <item>when M2Mqtt gives up on a QoS 1 message (no PUBACK after its retries) it keeps the connection
    /// open and the message is lost to it: the transport closes that connection and reports it lost, so
    /// the session reconnects and sends the message again. This is also how a client whose receive
    /// thread has failed (see the README, "Message size on the device") is noticed;</item>
    /// <item>ConnectionClosed also follows our own Disconnect; only an unexpected close becomes ConnectionLost.</item>
    /// </list>
    /// </summary>
    public sealed class M2MqttTransport : IMqttTransport
    {
        /// <summary>The in-flight queue bound set when the app sets none (M2Mqtt's own default is unbounded).</summary>
        public const int DefaultInflightQueueSize = 32;

        private static readonly object s_settingsLock = new object();
        private static bool s_inflightQueueSet;

        private readonly object _sync = new object();
        private MqttClient _client;
        private bool _closingOnPurpose;
        private IMqttTransportListener _listener;
        private string _lastError; // not an auto-property: its private setter would be one more method

        public M2MqttTransport()
        {
            lock (s_settingsLock)
            {
                if (!s_inflightQueueSet)
                {
                    SetInflightQueueSize(DefaultInflightQueueSize);
                }
            }
        }

        /// <summary>
        /// Bounds M2Mqtt's in-flight queue. The limit is process-wide: it lives in M2Mqtt's one
        /// MqttSettings instance, shared by every MqttClient (and so every transport) in the app. Set it once,
        /// before the first transport is created; otherwise the first transport sets
        /// <see cref="DefaultInflightQueueSize"/>. The queue holds outgoing QoS 1 messages until their
        /// PUBACK, QoS 0 messages until written, SUBSCRIBEs until their SUBACK and incoming messages until
        /// they are handed on — and M2Mqtt drops an incoming message without notice, and a SUBSCRIBE
        /// without notice, when the queue is full, so keep it well above the session's MaxInFlight.
        /// </summary>
        public static void SetInflightQueueSize(int size)
        {
            lock (s_settingsLock)
            {
                MqttSettings.Instance.InflightQueueSize = size < 1 ? DefaultInflightQueueSize : size;
                s_inflightQueueSet = true;
            }
        }

        public void Listen(IMqttTransportListener listener)
        {
            _listener = listener;
        }

        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            string problem = CheckOptions(options);
            if (problem != null)
            {
                _lastError = problem;
                return MqttConnectResult.InvalidOptions;
            }
            lock (_sync)
            {
                TearDown();
                _closingOnPurpose = false;
                ConnectAttempt attempt = new ConnectAttempt(options, SystemClock.Instance.NowMs);
                MqttConnectResult result = Attempt(options, attempt);
                _lastError = attempt.Error;
                if (result != MqttConnectResult.Accepted)
                {
                    TearDown();
                }
                return result;
            }
        }

        private MqttConnectResult Attempt(MqttConnectOptions options, ConnectAttempt attempt)
        {
            X509Certificate ca = null;
            if (options.UseTls && options.CaCertificatePem != null)
            {
                try
                {
                    ca = new X509Certificate(options.CaCertificatePem);
                }
                catch (Exception e)
                {
                    return attempt.BadCertificate(Describe(e));
                }
            }
            MqttClient client;
            try
            {
                client = new MqttClient(options.Host, options.Port, options.UseTls, ca, null,
                    options.UseTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception e)
            {
                return attempt.SetupFailed(Describe(e));
            }
            // MQTT 3.1.1 is the client's own default (its constructor sets ProtocolVersion); nothing here changes it.
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.MqttMsgPublished += OnPublished;
            client.MqttMsgSubscribed += OnSubscribed;
            client.ConnectionClosed += OnConnectionClosed;
            _client = client;

            bool will = options.WillTopic != null;
            string willMessage = will && options.WillPayload != null
                ? Encoding.UTF8.GetString(options.WillPayload, 0, options.WillPayload.Length)
                : null;
            Timer deadline = new Timer(OnDeadline, new Deadline(attempt, client), options.ConnectTimeoutMs, Timeout.Infinite);
            MqttReasonCode code = 0;
            Exception failure = null;
            try
            {
                code = client.Connect(options.ClientId, options.Username, options.Password,
                    will && options.WillRetain, will ? ToLevel(options.WillQos) : MqttQoSLevel.AtMostOnce,
                    will, options.WillTopic, willMessage, options.CleanSession, (ushort)options.KeepAliveSeconds);
            }
            catch (Exception e)
            {
                // One handler, then the type tells the cause: the attempt ends the same way whatever happened.
                failure = e;
            }
            deadline.Dispose();
            bool inTime = attempt.End();
            if (failure is MqttConnectionException)
            {
                // The socket connect or the TLS handshake failed (M2Mqtt wraps the SocketException).
                Exception inner = failure.InnerException;
                return attempt.ChannelFailed(SocketErrorOf(failure), Describe(inner != null ? inner : failure));
            }
            if (failure is MqttCommunicationException)
            {
                // One type for three causes: CONNECT not sent or the receive failed (an inner exception),
                // the broker closed the connection, or 30 s without CONNACK (no inner exception).
                Exception cause = failure.InnerException;
                return attempt.NoConnack(cause != null, cause is MqttClientException, Describe(cause), SystemClock.Instance.NowMs, MqttSettings.DefaultTimeout);
            }
            if (failure is MqttClientException)
            {
                return attempt.ClientRefused("M2Mqtt error " + ((int)((MqttClientException)failure).ErrorCode).ToString());
            }
            if (failure != null)
            {
                return failure is ArgumentException ? attempt.ClientRefused(Describe(failure)) : attempt.Unexpected(Describe(failure));
            }
            // Compare values, not names: the enum repeats some numbers and ToString gives digits on the device.
            return inTime ? attempt.Answered((int)code) : attempt.AnsweredTooLate();
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
            MqttClient client = ConnectedClient();
            try
            {
                return client.Publish(topic, message, null, null, ToLevel(qos), retain);
            }
            catch (MqttClientException e)
            {
                if (e.ErrorCode == MqttClientErrorCode.InflightQueueFull)
                {
                    throw new MqttSendRefusedException("M2Mqtt's in-flight queue is full ("
                        + MqttSettings.Instance.InflightQueueSize.ToString() + " entries); nothing was sent");
                }
                throw new ArgumentException("M2Mqtt refused the message (error " + ((int)e.ErrorCode).ToString() + ")");
            }
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
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.MessageReceived(e.Topic, e.Message, e.Retain);
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.DeliveryCompleted(e.MessageId, e.IsPublished);
            }
            if (!e.IsPublished)
            {
                // M2Mqtt retried and gave up but keeps the connection: on it the message would never go out.
                GiveUp(sender, "no PUBACK for message " + e.MessageId.ToString() + " after M2Mqtt's retries");
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
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.Subscribed(e.MessageId, levels);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            if (_closingOnPurpose || sender != _client)
            {
                return;
            }
            Lost("connection closed by the network or the broker");
        }

        /// <summary>Closes a connection that no longer works and reports it lost (once; never after our own Disconnect).</summary>
        private void GiveUp(object sender, string reason)
        {
            lock (_sync)
            {
                if (_closingOnPurpose || sender != _client)
                {
                    return;
                }
                TearDown();
            }
            Lost(reason);
        }

        private void Lost(string reason)
        {
            _lastError = reason;
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.ConnectionLost(reason);
            }
        }

        private static void OnDeadline(object state)
        {
            Deadline deadline = (Deadline)state;
            if (!deadline.Attempt.DeadlinePassed())
            {
                return;
            }
            try
            {
                // Closing the socket ends a blocked TCP connect, TLS handshake or CONNACK wait; Connect
                // then throws on the caller's thread and the attempt reports the timeout.
                deadline.Client.Close();
            }
            catch (Exception)
            {
                // Close swallows its own errors; nothing more to do here.
            }
        }

        private static int SocketErrorOf(Exception e)
        {
            for (Exception x = e; x != null; x = x.InnerException)
            {
                SocketException socket = x as SocketException;
                if (socket != null)
                {
                    return socket.ErrorCode;
                }
            }
            return 0;
        }

        // nanoFramework's exceptions often carry no message: the type name is then all there is to say.
        private static string Describe(Exception e)
        {
            if (e == null)
            {
                return "";
            }
            string message = e.Message;
            return message != null && message.Length > 0 ? message : e.GetType().Name;
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
            if (options.ConnectTimeoutMs < 1)
            {
                return "the connect timeout must be at least 1 ms";
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

        /// <summary>What the connect timer needs: the attempt to mark and the client to close.</summary>
        private sealed class Deadline
        {
            public Deadline(ConnectAttempt attempt, MqttClient client)
            {
                Attempt = attempt;
                Client = client;
            }

            public readonly ConnectAttempt Attempt;

            public readonly MqttClient Client;
        }
    }
}
