using System;
using System.Text;
using IotDevice.Json;
using nanoFramework.Json;

namespace IotDevice.DeviceBenchmarks.Json
{
    /// <summary>
    /// Reading the three fields an update starts from (size, version, url) out of a 414-byte Alink OTA
    /// push as it arrives (bytes): the SDK's in-place reader, IndexOf/Substring on the decoded text, and
    /// nanoFramework.Json's DeserializeObject into a small class.
    /// </summary>
    internal sealed class ReadOtaPush
    {
        public const int PayloadBytes = 414;

        private const long Size = 432945;
        private const string Version = "2.0.0";
        private const string Url = "https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/a1X2bEnTest/firmware-2.0.0.bin"
            + "?Expires=1750234507&OSSAccessKeyId=LTAI4G&Signature=x0aQ%2B8bS9dKmZr3fL0cYw";

        private static readonly char[] NumberEnds = new char[] { ',', '}' };

        private readonly byte[] _payload = Encoding.UTF8.GetBytes(
            "{\"code\":\"1000\",\"data\":{\"size\":" + Size.ToString() + ",\"sign\":\"93230c3bde425a9d7984a594ac55ea1e\","
            + "\"version\":\"" + Version + "\",\"isDiff\":1,\"url\":\"" + Url + "\",\"signMethod\":\"Md5\","
            + "\"md5\":\"93230c3bde425a9d7984a594ac55ea1e\",\"module\":\"MCU\",\"extData\":{\"key1\":\"value1\"}},"
            + "\"id\":\"1507707025\",\"message\":\"success\"}");

        private long _size;
        private string _version;
        private string _url;
        private bool _validated;

        public ReadOtaPush()
        {
            if (_payload.Length != PayloadBytes)
            {
                throw new InvalidOperationException("the OTA push is " + _payload.Length.ToString() + " bytes, not " + PayloadBytes.ToString());
            }
            WithReader();
            Check("the SDK reader");
            ValidateOnly();
            if (!_validated)
            {
                throw new InvalidOperationException("the SDK reader rejected the OTA push");
            }

            WithIndexOf();
            Check("IndexOf/Substring");
            WithDeserializeObject();
            Check("nanoFramework.Json");
        }

        public void WithReader()
        {
            // The member reads that make no element: on the device each element returned is garbage.
            JsonElement data = JsonReader.Parse(_payload, 0, _payload.Length).Get("data");
            data.TryGetInt64("size", out _size);
            _version = data.GetString("version");
            _url = data.GetString("url");
        }

        /// <summary>
        /// Only the validation the reader does before any lookup: every byte of the push checked, which
        /// the IndexOf lookup never does. The part of <see cref="WithReader"/> that no lookup can save.
        /// </summary>
        public void ValidateOnly()
        {
            _validated = JsonReader.Parse(_payload, 0, _payload.Length).Exists;
        }

        public void WithIndexOf()
        {
            string text = Encoding.UTF8.GetString(_payload, 0, _payload.Length);
            int data = text.IndexOf("\"data\":");
            _size = long.Parse(NumberAfter(text, "\"size\":", data));
            _version = StringAfter(text, "\"version\":\"", data);
            _url = StringAfter(text, "\"url\":\"", data);
        }

        public void WithDeserializeObject()
        {
            OtaPush push = (OtaPush)JsonConvert.DeserializeObject(Encoding.UTF8.GetString(_payload, 0, _payload.Length), typeof(OtaPush));
            _size = push.data.size;
            _version = push.data.version;
            _url = push.data.url;
        }

        private static string NumberAfter(string text, string key, int from)
        {
            int start = text.IndexOf(key, from) + key.Length;
            return text.Substring(start, text.IndexOfAny(NumberEnds, start) - start);
        }

        private static string StringAfter(string text, string key, int from)
        {
            int start = text.IndexOf(key, from) + key.Length;
            return text.Substring(start, text.IndexOf('"', start) - start);
        }

        private void Check(string reader)
        {
            if (_size != Size || _version != Version || _url != Url)
            {
                throw new InvalidOperationException(reader + " read size " + _size.ToString() + ", version " + _version + ", url " + _url);
            }
            _size = 0;
            _version = null;
            _url = null;
        }
    }
}
