using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// What an encrypted connect needs besides the settings (docs/fastbee.md §2, §5.2): the server's time,
    /// asked for over HTTP just before each attempt (or the clock set earlier, when that fails), and the
    /// expiry of the password built from it. <c>GET {ntpUrl}?deviceSendTime={monotonic ms}</c> →
    /// <c>{"deviceSendTime":…,"serverRecvTime":…,"serverSendTime":…}</c> (or <c>{"data":{"serverTime":…}}</c>);
    /// the device times are its own monotonic counter read around the request, so the answer feeds the NTP
    /// formula directly. Made with the first encrypted connect (simple logins ask for no time) and used by
    /// the session's thread; the expiry is read by the app's.
    /// </summary>
    internal sealed class FastBeeEncryptedLogin : IHttpBodySink
    {
        private const int MaxBody = 1024;

        private readonly byte[] _body = new byte[MaxBody];
        private int _length;
        private int _status;
        private bool _tooLarge;
        private long _passwordExpiresAt;

        public long PasswordExpiresAtMs
        {
            get { lock (this) { return _passwordExpiresAt; } }
        }

        /// <summary>
        /// Options for the next connect; null when no time can be had (HTTP failed and the clock was never
        /// set): without it no valid password exists, and the session asks again after its backoff.
        /// </summary>
        public MqttConnectOptions CreateConnectOptions(FastBeeUplinks uplinks, IHttpTransport http)
        {
            IDialectHost host = uplinks.Host;
            string problem = SyncClock(host, http, uplinks.NtpUrl, uplinks.HttpTimeoutMs);
            if (problem != null)
            {
                if (!host.WallClock.IsSynced)
                {
                    host.Write(problem + "; no time for the encrypted password, retrying after the backoff");
                    return null;
                }
                host.Write(problem + "; the password expiry uses the clock set earlier");
            }
            long expiry = host.WallClock.NowMs + uplinks.PasswordLifetimeMs;
            MqttConnectOptions connect = uplinks.CreateConnectOptions(expiry);
            lock (this)
            {
                _passwordExpiresAt = expiry;
            }
            return connect;
        }

        // Sets the client's clock from the server's time over HTTP; null on success, otherwise why it
        // failed (no secrets: the URL carries none).
        private string SyncClock(IDialectHost host, IHttpTransport http, string ntpUrl, int stallTimeoutMs)
        {
            _length = 0;
            _status = 0;
            _tooLarge = false;
            IClock clock = host.Clock;
            long deviceSend = clock.NowMs;
            string url = ntpUrl + (ntpUrl.IndexOf('?') >= 0 ? "&" : "?") + "deviceSendTime=" + deviceSend.ToString();
            HttpOutcome outcome = http.Get(url, -1, this, stallTimeoutMs);
            long deviceRecv = clock.NowMs;
            if (_status != 0 && _status != 200)
            {
                return "the time request got HTTP " + _status.ToString();
            }
            if (_tooLarge)
            {
                return "the time answer is larger than " + MaxBody.ToString() + " bytes";
            }
            if (outcome != HttpOutcome.Completed)
            {
                return "the time request failed (outcome " + ((int)outcome).ToString() + "): " + http.LastError;
            }
            JsonElement root = JsonReader.Parse(_body, 0, _length, 8, MaxBody);
            if (root.Kind == JsonKind.Invalid)
            {
                return "the time answer is not JSON (" + root.ToString() + ")";
            }
            long serverRecv;
            long serverSend;
            string problem;
            if (!FastBeeMessages.ReadServerTimes(root, out serverRecv, out serverSend, out problem))
            {
                return "the time answer is unusable: " + problem;
            }
            host.SyncClock(deviceSend, serverRecv, serverSend, deviceRecv);
            return null;
        }

        public bool OnResponse(int statusCode, long contentLength, string location)
        {
            _status = statusCode;
            if (statusCode != 200)
            {
                return false;
            }
            if (contentLength > MaxBody)
            {
                _tooLarge = true;
                return false;
            }
            return true;
        }

        public bool OnData(byte[] buffer, int offset, int count)
        {
            if (count > MaxBody - _length)
            {
                _tooLarge = true;
                return false;
            }
            System.Array.Copy(buffer, offset, _body, _length, count);
            _length += count;
            return true;
        }
    }
}
