using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// The platform's HTTP time (docs/fastbee.md §5.2): <c>GET {ntpUrl}?deviceSendTime={monotonic ms}</c> →
    /// <c>{"deviceSendTime":…,"serverRecvTime":…,"serverSendTime":…}</c> (or <c>{"data":{"serverTime":…}}</c>).
    /// The device times are its own monotonic counter read around the request, so the answer feeds the NTP
    /// formula directly. One instance, used by one thread (the session's, before each connect).
    /// </summary>
    internal sealed class FastBeeHttpTime : IHttpBodySink
    {
        private const int MaxBody = 1024;

        // Made with the first request: only encrypted logins ask for the time over HTTP.
        private byte[] _body;
        private int _length;
        private int _status;
        private bool _tooLarge;

        /// <summary>The monotonic time the request went out.</summary>
        public long DeviceSendTime;

        /// <summary>The monotonic time the answer was in.</summary>
        public long DeviceRecvTime;

        public long ServerRecvTime;

        public long ServerSendTime;

        /// <summary>Asks for the time; null on success, otherwise why it failed (no secrets: the URL carries none).</summary>
        public string Fetch(IHttpTransport http, string ntpUrl, int stallTimeoutMs, IClock clock)
        {
            if (_body == null)
            {
                _body = new byte[MaxBody];
            }
            _length = 0;
            _status = 0;
            _tooLarge = false;
            DeviceSendTime = clock.NowMs;
            string url = ntpUrl + (ntpUrl.IndexOf('?') >= 0 ? "&" : "?") + "deviceSendTime=" + DeviceSendTime.ToString();
            HttpOutcome outcome = http.Get(url, -1, this, stallTimeoutMs);
            DeviceRecvTime = clock.NowMs;
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
            long recv;
            long send;
            string problem;
            if (!FastBeeMessages.ReadServerTimes(root, out recv, out send, out problem))
            {
                return "the time answer is unusable: " + problem;
            }
            ServerRecvTime = recv;
            ServerSendTime = send;
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
