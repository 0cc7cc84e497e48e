using System;
using System.Text;
using IotDevice.Crypto;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// FastBee's CONNECT credentials (docs/fastbee.md §2): the client id
    /// <c>{S|E}&amp;deviceNum&amp;productId&amp;userId</c>, the simple password
    /// <c>password[&amp;authCode]</c>, and the encrypted one,
    /// Base64(AES-128-CBC-PKCS7(key = product secret, IV = "wumei-smart-open", <c>password&amp;expireTime[&amp;authCode]</c>)).
    /// </summary>
    public static class FastBeeAuth
    {
        /// <summary>The fixed IV of FastBee's AESUtils.</summary>
        public const string Iv = "wumei-smart-open";

        public static string ClientId(bool encrypted, string deviceNum, string productId, long userId)
        {
            return (encrypted ? "E&" : "S&") + deviceNum + "&" + productId + "&" + userId.ToString();
        }

        /// <summary><c>password[&amp;authCode]</c>: an empty auth code is none.</summary>
        public static string SimplePassword(string mqttPassword, string authCode)
        {
            return authCode != null && authCode.Length > 0 ? mqttPassword + "&" + authCode : mqttPassword;
        }

        /// <summary>
        /// The encrypted password of the text <c>password&amp;expireTime[&amp;authCode]</c> (the v2.x layout: the
        /// simple one around <c>password&amp;expireTime</c>); <paramref name="expireTimeMs"/> is Unix milliseconds.
        /// </summary>
        /// <exception cref="ArgumentException">The product secret is not 16 bytes (the secret itself is not quoted).</exception>
        public static string EncryptedPassword(string mqttPassword, long expireTimeMs, string authCode, string productSecret)
        {
            return Encrypt(SimplePassword(mqttPassword + "&" + expireTimeMs.ToString(), authCode), productSecret);
        }

        /// <summary>Base64 of the AES-128-CBC/PKCS7 encryption of any text, FastBee's way.</summary>
        public static string Encrypt(string plaintext, string productSecret)
        {
            byte[] key = productSecret == null ? null : Encoding.UTF8.GetBytes(productSecret);
            if (key == null || key.Length != 16)
            {
                throw new ArgumentException("The FastBee product secret must be 16 bytes.");
            }
            byte[] text = Encoding.UTF8.GetBytes(plaintext);
            byte[] cipher = AesCbc.EncryptCbcPkcs7(key, Encoding.UTF8.GetBytes(Iv), text, 0, text.Length);
            Array.Clear(key, 0, key.Length);
            Array.Clear(text, 0, text.Length);
            return Convert.ToBase64String(cipher);
        }
    }
}
