using IotDevice.Client;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>The session's side: credentials before every connect, subscriptions, the announcement.</summary>
    public sealed partial class FastBeeDialect
    {
        /// <summary>
        /// Credentials for the next connect. Encrypted: the server's time over HTTP first, then
        /// password&amp;(now + lifetime)[&amp;authCode] encrypted. Without any time (HTTP failed and the clock was
        /// never set) there is no valid password: null is returned, "not ready", and the session asks again
        /// after its backoff.
        /// </summary>
        MqttConnectOptions IDeviceDialect.CreateConnectOptions()
        {
            IDialectHost session = RequireSession();
            MqttConnectOptions connect = new MqttConnectOptions();
            connect.Host = _options.Host;
            connect.Port = _options.Port;
            connect.UseTls = _options.UseTls;
            connect.CaCertificatePem = _options.CaCertificatePem;
            connect.ClientId = _clientId;
            connect.Username = _options.MqttUsername;
            connect.KeepAliveSeconds = _options.KeepAliveSeconds;
            connect.CleanSession = true;
            if (!_options.Encrypted)
            {
                connect.Password = FastBeeAuth.SimplePassword(_options.MqttPassword, _options.AuthCode);
                return connect;
            }
            long now = SynchronisedNow(session);
            if (now <= 0)
            {
                return null;
            }
            long expiry = now + _options.PasswordLifetimeMs;
            connect.Password = FastBeeAuth.EncryptedPassword(_options.MqttPassword, expiry, _options.AuthCode, _options.ProductSecret);
            lock (_infoSync)
            {
                _passwordExpiresAt = expiry;
            }
            return connect;
        }

        /// <summary>function/get, info/get, ntp/get, monitor/get, upgrade/get, ota/get.</summary>
        string[] IDeviceDialect.GetSubscribeFilters()
        {
            return _topics.GetSubscribeFilters();
        }

        MqttQos IDeviceDialect.GetSubscribeQos()
        {
            return _options.SubscribeQos;
        }

        /// <summary>
        /// info/post is the first message of every connection; then, if configured, ntp/post. The session
        /// hands over the messages that arrived since the SUBACK (retained commands) right after.
        /// </summary>
        void IDeviceDialect.Announce()
        {
            SendInfo(true);
            if (_options.RequestTimeAfterConnect)
            {
                ((IDeviceDialect)this).RequestTime();
            }
        }

        /// <summary>A monitor series ends with the client.</summary>
        void IDeviceDialect.Stop()
        {
            _monitor.Stop();
        }

        private long SynchronisedNow(IDialectHost session)
        {
            string problem = _httpTime.Fetch(_http, _options.NtpUrl, _options.HttpTimeoutMs, session.Clock);
            if (problem == null)
            {
                _host.SyncClock(_httpTime.DeviceSendTime, _httpTime.ServerRecvTime, _httpTime.ServerSendTime, _httpTime.DeviceRecvTime);
                return _host.WallClock.NowMs;
            }
            if (_host.WallClock.IsSynced)
            {
                session.Write("FastBee: " + problem + "; the password expiry uses the clock set earlier");
                return _host.WallClock.NowMs;
            }
            session.Write("FastBee: " + problem + "; without the time no encrypted password can be built, retrying after the backoff");
            return 0;
        }
    }
}
