namespace IotDevice.Transport
{
    /// <summary>
    /// One connect attempt as a device transport observes it, turned into a result and a reason that say
    /// what happened. A client library may report different causes with one exception (M2Mqtt throws the
    /// same exception for "no CONNACK in time", "the broker closed the connection" and "CONNECT could not
    /// be sent"), so the transport records what it saw — where the attempt stopped, the socket error,
    /// whether its own deadline had passed, how long it took — and this class names the cause.
    /// <see cref="Error"/> never contains credentials.
    /// </summary>
    public sealed class ConnectAttempt
    {
        // Windows Sockets codes, which nanoFramework's SocketException.ErrorCode uses: failures of the
        // TCP connection itself, as opposed to the TLS handshake on top of it.
        private const int NetworkDown = 10050;
        private const int NetworkUnreachable = 10051;
        private const int ConnectionAborted = 10053;
        private const int ConnectionReset = 10054;
        private const int TimedOut = 10060;
        private const int ConnectionRefused = 10061;
        private const int HostDown = 10064;
        private const int HostUnreachable = 10065;

        private readonly long _startedAtMs;
        private bool _deadlinePassed;
        private bool _ended;

        public ConnectAttempt(MqttConnectOptions options, long startedAtMs)
        {
            Host = options.Host;
            Port = options.Port;
            UseTls = options.UseTls;
            TimeoutMs = options.ConnectTimeoutMs;
            _startedAtMs = startedAtMs;
        }

        public readonly string Host;

        public readonly int Port;

        public readonly bool UseTls;

        /// <summary>The attempt's deadline (<see cref="MqttConnectOptions.ConnectTimeoutMs"/>).</summary>
        public readonly int TimeoutMs;

        /// <summary>Why the attempt failed; null while it has not.</summary>
        public string Error { get; private set; }

        /// <summary>True once the deadline has cut the attempt short: whatever failed next failed because of it.</summary>
        public bool IsPastDeadline
        {
            get
            {
                lock (this)
                {
                    return _deadlinePassed;
                }
            }
        }

        /// <summary>
        /// Called (from a timer) when <see cref="TimeoutMs"/> has passed: true when the attempt was still
        /// running, so the caller must abort it; false when it had already ended.
        /// </summary>
        public bool DeadlinePassed()
        {
            lock (this)
            {
                if (_ended)
                {
                    return false;
                }
                _deadlinePassed = true;
                return true;
            }
        }

        /// <summary>
        /// Ends the attempt when the client returned; false when the deadline got there first (the
        /// connection was aborted, even if the broker accepted it).
        /// </summary>
        public bool End()
        {
            lock (this)
            {
                _ended = true;
                return !_deadlinePassed;
            }
        }

        /// <summary>The broker's name could not be resolved, or the client could not be built for it.</summary>
        public MqttConnectResult SetupFailed(string detail)
        {
            return Fail(MqttConnectResult.NetworkError, "cannot resolve or reach " + Host + ": " + detail);
        }

        /// <summary>The CA certificate given in the options could not be read.</summary>
        public MqttConnectResult BadCertificate(string detail)
        {
            return Fail(MqttConnectResult.InvalidOptions, "the CA certificate is not a PEM certificate the device can read: " + detail);
        }

        /// <summary>The client library refused the options before anything was sent.</summary>
        public MqttConnectResult ClientRefused(string detail)
        {
            return Fail(MqttConnectResult.InvalidOptions, "the MQTT client refused the connect options: " + detail);
        }

        /// <summary>
        /// The TCP connection or the TLS handshake failed; <paramref name="socketError"/> is the socket
        /// error code, 0 when the failure carried none.
        /// </summary>
        public MqttConnectResult ChannelFailed(int socketError, string detail)
        {
            string code = socketError != 0 ? " (socket error " + socketError.ToString() + ")" : "";
            if (IsPastDeadline)
            {
                return Fail(MqttConnectResult.Timeout, (UseTls ? "no TCP connection and TLS session with " : "no TCP connection to ")
                    + Where() + " within the " + TimeoutMs.ToString() + " ms connect timeout");
            }
            if (IsTcpFailure(socketError))
            {
                return Fail(MqttConnectResult.NetworkError, "TCP connection to " + Where() + " failed: " + TcpFailureName(socketError) + code);
            }
            if (UseTls)
            {
                return Fail(MqttConnectResult.TlsError, "TLS handshake with " + Where() + " failed" + code
                    + " (check the CA certificate, the server's name and the device's clock): " + detail);
            }
            return Fail(MqttConnectResult.NetworkError, "connection to " + Where() + " failed" + code + ": " + detail);
        }

        /// <summary>
        /// CONNECT was not answered with a CONNACK. <paramref name="hadCause"/>: the failure carried an
        /// error (a send or receive failed); <paramref name="causeIsProtocol"/>: that error was the broker
        /// sending something other than a CONNACK. Without a cause, the client either gave up waiting
        /// (after <paramref name="clientWaitMs"/>) or saw the broker close the connection.
        /// </summary>
        public MqttConnectResult NoConnack(bool hadCause, bool causeIsProtocol, string detail, long nowMs, int clientWaitMs)
        {
            if (IsPastDeadline)
            {
                return Fail(MqttConnectResult.Timeout, "no CONNACK from " + Where() + " within the " + TimeoutMs.ToString() + " ms connect timeout");
            }
            if (causeIsProtocol)
            {
                return Fail(MqttConnectResult.ProtocolError, Where() + " answered CONNECT with something that is not a CONNACK: " + detail);
            }
            if (hadCause)
            {
                return Fail(MqttConnectResult.NetworkError, "the connection to " + Where() + " failed while sending CONNECT or waiting for CONNACK: " + detail);
            }
            if (nowMs - _startedAtMs >= clientWaitMs)
            {
                return Fail(MqttConnectResult.Timeout, "no CONNACK from " + Where() + " within the client's fixed " + clientWaitMs.ToString() + " ms wait");
            }
            return Fail(MqttConnectResult.NetworkError, Where() + " closed the connection without answering CONNECT"
                + " (a TLS or port mismatch, or a broker that drops refused clients instead of answering)");
        }

        /// <summary>Connect failed in a way none of the cases above describes (out of memory, an I/O error).</summary>
        public MqttConnectResult Unexpected(string detail)
        {
            return Fail(MqttConnectResult.NetworkError, "connect to " + Where() + " failed: " + detail);
        }

        /// <summary>The broker answered with CONNACK <paramref name="code"/>.</summary>
        public MqttConnectResult Answered(int code)
        {
            MqttConnectResult result = FromConnackCode(code);
            if (result == MqttConnectResult.Accepted)
            {
                return result;
            }
            return Fail(result, Where() + " refused the connection (CONNACK " + code.ToString() + ")");
        }

        /// <summary>The CONNACK arrived, but after the deadline had aborted the attempt.</summary>
        public MqttConnectResult AnsweredTooLate()
        {
            return Fail(MqttConnectResult.Timeout, "CONNACK from " + Where() + " came after the " + TimeoutMs.ToString() + " ms connect timeout");
        }

        /// <summary>MQTT 3.1.1 CONNACK return codes 0–5; anything else is not a valid answer.</summary>
        public static MqttConnectResult FromConnackCode(int code)
        {
            return code >= 0 && code <= 5 ? (MqttConnectResult)code : MqttConnectResult.ProtocolError;
        }

        private MqttConnectResult Fail(MqttConnectResult result, string error)
        {
            lock (this)
            {
                Error = error;
                _ended = true;
            }
            return result;
        }

        private string Where()
        {
            return Host + ":" + Port.ToString();
        }

        private static bool IsTcpFailure(int socketError)
        {
            return socketError == NetworkDown || socketError == NetworkUnreachable || socketError == ConnectionAborted
                || socketError == ConnectionReset || socketError == TimedOut || socketError == ConnectionRefused
                || socketError == HostDown || socketError == HostUnreachable;
        }

        private static string TcpFailureName(int socketError)
        {
            switch (socketError)
            {
                case ConnectionRefused:
                    return "refused (nothing listens on that port)";
                case TimedOut:
                    return "no answer from the host (timed out)";
                case HostUnreachable:
                case HostDown:
                    return "host unreachable";
                case NetworkUnreachable:
                case NetworkDown:
                    return "network unreachable (is Wi-Fi up?)";
                default:
                    return "reset or aborted by the other side";
            }
        }
    }
}
