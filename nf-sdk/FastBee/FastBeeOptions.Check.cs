using System;
using System.Text;
using IotDevice.Json;
using IotDevice.Transport;

#pragma warning disable NF1015 // identities are checked against ASCII separators and control characters only

namespace IotDevice.Dialects.FastBee
{
    // The check of the options: a configuration FastBee would refuse later (or worse, accept wrongly) is
    // refused before anything is sent. Messages name the field and the rule; secrets are never quoted,
    // not even in part.
    public sealed partial class FastBeeOptions
    {
        /// <remarks>
        /// ProductId and DeviceNum are checked where they become topic levels (<see cref="FastBeeTopics.Create"/>),
        /// FirmwareVersion where it is kept (FastBeeUplinks).
        /// </remarks>
        internal static void Validate(FastBeeOptions options, IHttpTransport http)
        {
            if (options == null)
            {
                throw new ArgumentException("FastBee needs its options.");
            }
            Require("Host", options.Host == null ? null : options.Host.Trim());
            CheckRange("Port", options.Port, 1, 65535);
            CheckRange("KeepAliveSeconds", options.KeepAliveSeconds, 1, 120);
            if (options.UserId <= 0)
            {
                throw new ArgumentException("FastBee UserId is missing (1 = admin).");
            }
            Require("MqttUsername", options.MqttUsername);
            Require("MqttPassword", options.MqttPassword);
            CheckSecret("MqttPassword", options.MqttPassword);
            CheckSecret("AuthCode", options.AuthCode);
            if (options.Encrypted)
            {
                CheckEncryption(options, http);
            }
            if (options.UseTls && (options.CaCertificatePem == null || options.CaCertificatePem.Length == 0))
            {
                throw new ArgumentException("FastBee UseTls needs CaCertificatePem.");
            }
            if (options.SummaryJson != null && options.Summary != null)
            {
                throw new ArgumentException("FastBee takes Summary or SummaryJson, not both.");
            }
            if (options.SummaryJson != null)
            {
                byte[] json = Encoding.UTF8.GetBytes(options.SummaryJson);
                if (JsonReader.Parse(json, 0, json.Length).Kind != JsonKind.Object)
                {
                    throw new ArgumentException("FastBee SummaryJson must be a JSON object.");
                }
            }
            CheckRange("MaxItems", options.MaxItems, 1, int.MaxValue);
            CheckRange("MaxMessageBytes", options.MaxMessageBytes, 256, int.MaxValue);
        }

        // Identity parts are topic levels and client-id parts: no MQTT separators, no '&', no blanks.
        internal static void CheckIdentity(string name, string value)
        {
            Require(name, value);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '/' || c == '+' || c == '#' || c == '&' || c <= ' ' || c == (char)0x7F)
                {
                    throw new ArgumentException("FastBee " + name + " '" + value + "' must not contain '/', '+', '#', '&', spaces or control characters.");
                }
            }
        }

        private static void CheckEncryption(FastBeeOptions options, IHttpTransport http)
        {
            if (options.ProductSecret == null || options.ProductSecret.Length != 16 || !IsAscii(options.ProductSecret))
            {
                throw new ArgumentException("FastBee Encrypted needs ProductSecret, 16 ASCII characters.");
            }
            if (options.NtpUrl == null || !(options.NtpUrl.StartsWith("http://") || options.NtpUrl.StartsWith("https://")))
            {
                throw new ArgumentException("FastBee Encrypted needs NtpUrl, the http(s) time endpoint (…/iot/tool/ntp).");
            }
            if (http == null)
            {
                throw new ArgumentException("FastBee Encrypted needs an IHttpTransport for the time request.");
            }
            CheckRange("PasswordLifetimeMs", options.PasswordLifetimeMs, 1000, int.MaxValue);
            CheckRange("HttpTimeoutMs", options.HttpTimeoutMs, 1, int.MaxValue);
        }

        private static void CheckRange(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                throw new ArgumentException("FastBee " + name + " must be " + min.ToString()
                    + (max == int.MaxValue ? " or more." : ".." + max.ToString() + "."));
            }
        }

        private static void Require(string name, string value)
        {
            if (value == null || value.Length == 0)
            {
                throw new ArgumentException("FastBee " + name + " is missing.");
            }
        }

        // The server splits the password on '&', so a secret holding one would be misread.
        private static void CheckSecret(string name, string value)
        {
            if (value != null && value.IndexOf('&') >= 0)
            {
                throw new ArgumentException("FastBee " + name + " must not contain '&'.");
            }
        }

        private static bool IsAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < ' ' || text[i] > '~')
                {
                    return false;
                }
            }
            return true;
        }
    }
}
