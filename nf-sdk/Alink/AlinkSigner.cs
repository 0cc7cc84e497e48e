using System;
using System.Text;
using IotDevice.Crypto;
using IotDevice.Transport;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// The CONNECT credentials of device-secret authentication (docs/alink.md §2):
    /// client id <c>{clientId}|securemode=…,signmethod=…,timestamp=…|</c>, user name
    /// <c>{deviceName}&amp;{productKey}</c>, password = upper-case hex HMAC(deviceSecret, content) where
    /// content is the signed parameters sorted by name, concatenated as name+value.
    /// </summary>
    public static class AlinkSigner
    {
        /// <summary><c>hmacsha256</c>, <c>hmacsha1</c> or <c>hmacmd5</c>.</summary>
        public static string MethodName(AlinkSignMethod method)
        {
            switch (method)
            {
                case AlinkSignMethod.HmacSha1:
                    return "hmacsha1";
                case AlinkSignMethod.HmacMd5:
                    return "hmacmd5";
                case AlinkSignMethod.HmacSha256:
                    return "hmacsha256";
                default:
                    throw new ArgumentException("Unknown sign method.");
            }
        }

        /// <summary>The signed text: clientId, deviceName, productKey, timestamp (when not 0), in that (alphabetical) order.</summary>
        public static string Content(string clientId, string deviceName, string productKey, long timestamp)
        {
            string content = "clientId" + clientId + "deviceName" + deviceName + "productKey" + productKey;
            return timestamp > 0 ? content + "timestamp" + timestamp.ToString() : content;
        }

        /// <summary>Upper-case hex HMAC of <paramref name="content"/> keyed with the device secret.</summary>
        public static string Sign(AlinkSignMethod method, string deviceSecret, string content)
        {
            if (deviceSecret == null || deviceSecret.Length == 0)
            {
                throw new ArgumentException("DeviceSecret is required.");
            }
            IHashAlgorithm hash;
            switch (method)
            {
                case AlinkSignMethod.HmacSha1:
                    hash = new Sha1();
                    break;
                case AlinkSignMethod.HmacMd5:
                    hash = new Md5();
                    break;
                case AlinkSignMethod.HmacSha256:
                    hash = new Sha256();
                    break;
                default:
                    throw new ArgumentException("Unknown sign method.");
            }
            byte[] mac = Hmac.Compute(hash, Encoding.UTF8.GetBytes(deviceSecret), Encoding.UTF8.GetBytes(content));
            return Hex.ToHex(mac, true);
        }

        /// <summary>The MQTT client id: the client id followed by the signing parameters between pipes.</summary>
        public static string MqttClientId(string clientId, bool useTls, AlinkSignMethod method, long timestamp)
        {
            string parameters = "securemode=" + (useTls ? "2" : "3") + ",signmethod=" + MethodName(method);
            if (timestamp > 0)
            {
                parameters += ",timestamp=" + timestamp.ToString();
            }
            return clientId + "|" + parameters + "|";
        }

        /// <summary><c>{deviceName}&amp;{productKey}</c>.</summary>
        public static string Username(string deviceName, string productKey)
        {
            return deviceName + "&" + productKey;
        }

        /// <summary>Complete connect options for <paramref name="options"/> (validated first). No will, no clean-session surprises.</summary>
        public static MqttConnectOptions CreateConnectOptions(AlinkOptions options)
        {
            options.Validate();
            return CreateConnectOptions(options.Host, options.Port, options.UseTls, options.CaCertificatePem, options.EffectiveClientId,
                options.ProductKey, options.DeviceName, options.DeviceSecret, options.SignMethod, options.Timestamp,
                options.KeepAliveSeconds, options.CleanSession);
        }

        /// <summary>The same from settings already validated (what the dialect keeps of its options).</summary>
        internal static MqttConnectOptions CreateConnectOptions(string host, int port, bool useTls, string caCertificatePem,
            string clientId, string productKey, string deviceName, string deviceSecret, AlinkSignMethod method, long timestamp,
            int keepAliveSeconds, bool cleanSession)
        {
            MqttConnectOptions connect = new MqttConnectOptions();
            connect.Host = host;
            connect.Port = port;
            connect.UseTls = useTls;
            connect.CaCertificatePem = caCertificatePem;
            connect.ClientId = MqttClientId(clientId, useTls, method, timestamp);
            connect.Username = Username(deviceName, productKey);
            connect.Password = Sign(method, deviceSecret, Content(clientId, deviceName, productKey, timestamp));
            connect.KeepAliveSeconds = keepAliveSeconds;
            connect.CleanSession = cleanSession;
            // The platform refuses wills (docs/mqtt-session.md §5): none is ever set.
            connect.WillTopic = null;
            return connect;
        }
    }
}
