using IotDevice.Transport;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// The time behind each encrypted connect attempt (docs/fastbee.md §2): the password's expiry is
    /// counted from the server's time fetched over HTTP just before (or the clock set earlier, when that
    /// fails); the options themselves are built from the settings (FastBeeUplinks.Settings.cs).
    /// </summary>
    internal sealed class FastBeeConnection
    {
        // What is kept of the options is the uplinks' (FastBeeUplinks.Settings.cs).
        private readonly FastBeeUplinks _uplinks;
        private readonly IHttpTransport _http;
        // Made with the first encrypted connect: simple logins never ask for the time.
        private FastBeeHttpTime _httpTime;
        private long _passwordExpiresAt;

        public FastBeeConnection(FastBeeUplinks uplinks, IHttpTransport http)
        {
            _uplinks = uplinks;
            _http = http;
        }

        public long PasswordExpiresAtMs
        {
            get { lock (this) { return _passwordExpiresAt; } }
        }

        /// <summary>
        /// Options for the next connect; null when encrypted and no time can be had (HTTP failed and the
        /// clock was never set): without it no valid password exists, and the session asks again after its backoff.
        /// </summary>
        public MqttConnectOptions CreateConnectOptions(IDialectHost host)
        {
            if (!_uplinks.Encrypted)
            {
                return _uplinks.CreateConnectOptions(0);
            }
            long now = SynchronisedNow(host);
            if (now <= 0)
            {
                return null;
            }
            long expiry = now + _uplinks.PasswordLifetimeMs;
            MqttConnectOptions connect = _uplinks.CreateConnectOptions(expiry);
            lock (this)
            {
                _passwordExpiresAt = expiry;
            }
            return connect;
        }

        // The server's time over HTTP (which also sets the client's clock), else the clock set earlier, else 0.
        private long SynchronisedNow(IDialectHost host)
        {
            if (_httpTime == null)
            {
                _httpTime = new FastBeeHttpTime();
            }
            string problem = _httpTime.Fetch(_http, _uplinks.NtpUrl, _uplinks.HttpTimeoutMs, host.Clock);
            if (problem == null)
            {
                host.SyncClock(_httpTime.DeviceSendTime, _httpTime.ServerRecvTime, _httpTime.ServerSendTime, _httpTime.DeviceRecvTime);
                return host.WallClock.NowMs;
            }
            if (host.WallClock.IsSynced)
            {
                host.Write(problem + "; the password expiry uses the clock set earlier");
                return host.WallClock.NowMs;
            }
            host.Write(problem + "; no time for the encrypted password, retrying after the backoff");
            return 0;
        }
    }
}
