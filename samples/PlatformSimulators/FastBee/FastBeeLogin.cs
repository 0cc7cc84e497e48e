using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using IotDevice.Platforms.Login;
using IotDevice.Transport;

namespace IotDevice.Platforms.FastBee
{
    /// <summary>
    /// FastBee's device authentication (AuthService / ToolServiceImpl.clientAuth, docs/fastbee.md §2),
    /// written with .NET's own AES so it checks the SDK rather than repeating it: client id
    /// <c>S|E&amp;deviceNum&amp;productId&amp;userId</c>, the product's MQTT account, and either the plain
    /// password (+ <c>&amp;authCode</c>) or an AES-128-CBC encrypted <c>password&amp;expiry[&amp;authCode]</c>.
    /// </summary>
    public static class FastBeeLogin
    {
        /// <summary>"ok", or why the server refuses; <paramref name="expireTimeMs"/> is the encrypted password's expiry (0 otherwise).</summary>
        public static string Check(FastBeeCredentials device, string clientId, string username, string password, int keepAliveSeconds,
            long serverTimeMs, out long expireTimeMs)
        {
            expireTimeMs = 0;
            string[] parts = (clientId ?? "").Split('&');
            if (parts.Length != 4 || parts.Any(p => p.Length == 0))
            {
                return "client id is not authType&deviceNum&productId&userId";
            }
            if (parts[1] != device.DeviceNum || parts[2] != device.ProductId || parts[3] != device.UserId.ToString(CultureInfo.InvariantCulture))
            {
                return "unknown device";
            }
            if (username != device.Username)
            {
                return "wrong mqtt account";
            }
            // A keep-alive outside 1..120 s is not refused: the broker quietly uses 60 s instead.
            if (parts[0] == "S")
            {
                string expected = device.AuthCode == null ? device.MqttPassword : device.MqttPassword + "&" + device.AuthCode;
                return password == expected ? "ok" : "wrong simple password";
            }
            if (parts[0] != "E")
            {
                return "unknown auth type";
            }
            string plain;
            try
            {
                plain = Decrypt((password ?? "").Replace(' ', '+'), device.ProductSecret);
            }
            catch (Exception e) when (e is FormatException || e is CryptographicException || e is ArgumentException)
            {
                return "password does not decrypt with the product secret";
            }
            string[] fields = plain.Split('&');
            if (fields.Length != (device.AuthCode == null ? 2 : 3) || fields[0] != device.MqttPassword)
            {
                return "decrypted password has the wrong layout";
            }
            if (!long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long expiry))
            {
                return "expiry is not a number";
            }
            expireTimeMs = expiry;
            if (expiry < serverTimeMs)
            {
                return "password expired";
            }
            if (device.AuthCode != null && fields[2] != device.AuthCode)
            {
                return "wrong authorization code";
            }
            return "ok";
        }

        /// <summary>
        /// The broker's answer to a CONNECT: FastBee's Netty broker refuses every failed login with code 4
        /// "bad user name or password"; the reason is only in the server's log.
        /// </summary>
        public static LoginVerdict Verdict(FastBeeCredentials device, MqttConnectOptions connect, long serverTimeMs)
        {
            string verdict = Check(device, connect.ClientId, connect.Username, connect.Password, connect.KeepAliveSeconds, serverTimeMs, out long expiry);
            if (verdict != "ok")
            {
                return LoginVerdict.Refuse(MqttConnectResult.BadUsernameOrPassword, verdict);
            }
            string note = expiry == 0 ? "simple password" : "encrypted password, valid for " + (expiry - serverTimeMs) / 1000 + " s more";
            if (device.AuthCode != null)
            {
                note += ", authorization code";
            }
            if (connect.KeepAliveSeconds < 1 || connect.KeepAliveSeconds > 120)
            {
                note += "; keep-alive " + connect.KeepAliveSeconds + " s is outside 1–120 s, the broker uses 60 s";
            }
            return LoginVerdict.Accept(note);
        }

        /// <summary>AESUtils.decrypt: AES-128-CBC, PKCS#5, IV "wumei-smart-open", Base64 in.</summary>
        public static string Decrypt(string base64, string secret)
        {
            using Aes aes = Aes.Create();
            aes.Key = Encoding.ASCII.GetBytes(secret ?? "");
            byte[] plain = aes.DecryptCbc(Convert.FromBase64String(base64), Encoding.ASCII.GetBytes("wumei-smart-open"), PaddingMode.PKCS7);
            return Encoding.UTF8.GetString(plain);
        }
    }
}
