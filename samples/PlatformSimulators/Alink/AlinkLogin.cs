using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IotDevice.Platforms.Login;
using IotDevice.Transport;

namespace IotDevice.Platforms.Alink
{
    /// <summary>
    /// Alibaba Cloud IoT's check of a device-secret CONNECT (docs/alink.md §2), with .NET's own HMACs so it
    /// checks the SDK rather than repeating it. The client id is <c>{id}|securemode=…,signmethod=…[,timestamp=…]|</c>
    /// (other pairs are allowed and not signed), the user name <c>{deviceName}&amp;{productKey}</c>, the
    /// password the hex HMAC (either case) of the signed parameters sorted by name. The platform's codes:
    /// 2 for a client id it cannot read, 4 for a wrong user name or password.
    /// </summary>
    public static class AlinkLogin
    {
        public static LoginVerdict Check(MqttConnectOptions connect, string productKey, string deviceName, string deviceSecret)
        {
            string mqttClientId = connect.ClientId ?? "";
            int open = mqttClientId.IndexOf('|');
            if (open <= 0 || mqttClientId.Length < open + 2 || mqttClientId[mqttClientId.Length - 1] != '|')
            {
                return Refuse(MqttConnectResult.IdentifierRejected, "the client id is not id|securemode=…,signmethod=…|");
            }
            string clientId = mqttClientId.Substring(0, open);
            if (clientId.Length > 64)
            {
                return Refuse(MqttConnectResult.IdentifierRejected, "the client id is longer than 64 characters");
            }
            string secureMode = null;
            string signMethod = null;
            string timestamp = null;
            foreach (string pair in mqttClientId.Substring(open + 1, mqttClientId.Length - open - 2).Split(','))
            {
                int equals = pair.IndexOf('=');
                if (equals <= 0)
                {
                    return Refuse(MqttConnectResult.IdentifierRejected, "'" + pair + "' in the client id is not key=value");
                }
                string value = pair.Substring(equals + 1);
                switch (pair.Substring(0, equals))
                {
                    case "securemode":
                        secureMode = value;
                        break;
                    case "signmethod":
                        signMethod = value;
                        break;
                    case "timestamp":
                        timestamp = value;
                        break;
                }
            }
            if (secureMode != "2" && secureMode != "3")
            {
                return Refuse(MqttConnectResult.IdentifierRejected, secureMode == null
                    ? "the client id has no securemode"
                    : "securemode=" + secureMode + " is not device-secret login over TLS (2) or TCP (3)");
            }
            if (signMethod != "hmacsha256" && signMethod != "hmacsha1" && signMethod != "hmacmd5")
            {
                return Refuse(MqttConnectResult.IdentifierRejected, signMethod == null
                    ? "the client id has no signmethod"
                    : "signmethod=" + signMethod + " is not hmacsha256, hmacsha1 or hmacmd5");
            }
            if (timestamp != null && !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return Refuse(MqttConnectResult.IdentifierRejected, "timestamp=" + timestamp + " is not milliseconds");
            }
            // The documents say the platform refuses these keep-alives; they name no code, the client id's is used.
            if (connect.KeepAliveSeconds < 30 || connect.KeepAliveSeconds > 1200)
            {
                return Refuse(MqttConnectResult.IdentifierRejected, "keep-alive " + connect.KeepAliveSeconds + " s is outside 30–1200 s");
            }
            if (connect.Username != deviceName + "&" + productKey)
            {
                return Refuse(MqttConnectResult.BadUsernameOrPassword, "the user name is not " + deviceName + "&" + productKey);
            }
            string content = "clientId" + clientId + "deviceName" + deviceName + "productKey" + productKey
                + (timestamp == null ? "" : "timestamp" + timestamp);
            byte[] expected = Sign(signMethod, deviceSecret, content);
            if (!TryHex(connect.Password, out byte[] given) || !CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return Refuse(MqttConnectResult.BadUsernameOrPassword, "the password is not the " + signMethod + " signature of the device secret");
            }
            bool secure = secureMode == "2";
            string note = signMethod + (timestamp == null ? ", no timestamp" : ", timestamp " + timestamp);
            if (secure != connect.UseTls)
            {
                note += "; securemode=" + secureMode + " says " + (secure ? "TLS" : "plain TCP") + " but the connection is "
                    + (connect.UseTls ? "TLS" : "plain TCP");
            }
            return LoginVerdict.Accept(note);
        }

        /// <summary>The raw HMAC of <paramref name="content"/> keyed with the device secret.</summary>
        public static byte[] Sign(string signMethod, string deviceSecret, string content)
        {
            byte[] key = Encoding.UTF8.GetBytes(deviceSecret ?? "");
            byte[] data = Encoding.UTF8.GetBytes(content);
            return signMethod switch
            {
                "hmacsha1" => HMACSHA1.HashData(key, data),
                "hmacmd5" => HMACMD5.HashData(key, data),
                _ => HMACSHA256.HashData(key, data),
            };
        }

        private static LoginVerdict Refuse(MqttConnectResult code, string reason) => LoginVerdict.Refuse(code, reason);

        private static bool TryHex(string text, out byte[] bytes)
        {
            bytes = null;
            try
            {
                bytes = Convert.FromHexString(text ?? "");
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
