using System.Text;
using IotDevice.Transport;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// Refuses connect options that could only produce an invalid CONNECT or an unusable connection,
    /// before any socket is opened. Messages name the field, never its secret value.
    /// </summary>
    internal static class MqttConnectOptionsCheck
    {
        /// <summary>Why the options cannot be used, or null when they can.</summary>
        public static string Problem(MqttConnectOptions options)
        {
            if (options == null)
            {
                return "no connect options were given";
            }

            if (string.IsNullOrWhiteSpace(options.Host))
            {
                return "Host is missing";
            }

            if (options.Port < 1 || options.Port > 65535)
            {
                return "Port " + options.Port + " is outside 1..65535";
            }

            if (options.KeepAliveSeconds < 0 || options.KeepAliveSeconds > 65535)
            {
                return "KeepAliveSeconds " + options.KeepAliveSeconds + " is outside 0..65535";
            }

            if (options.ConnectTimeoutMs <= 0)
            {
                return "ConnectTimeoutMs must be positive";
            }

            // Spec 3.1.3.1: a broker may assign an id only to a clean session.
            if (string.IsNullOrEmpty(options.ClientId) && !options.CleanSession)
            {
                return "an empty ClientId needs CleanSession = true";
            }

            // The password is binary data in 3.1.1 (spec 3.1.3.5), so only it may hold U+0000.
            string problem = StringProblem(options.ClientId, "ClientId", false)
                ?? StringProblem(options.Username, "Username", false)
                ?? StringProblem(options.Password, "Password", true);
            if (problem != null)
            {
                return problem;
            }

            // Spec 3.1.2.9: the password flag requires the user name flag.
            if (options.Password != null && options.Username == null)
            {
                return "a Password needs a Username";
            }

            problem = WillProblem(options);
            if (problem != null)
            {
                return problem;
            }

            if (options.UseTls && string.IsNullOrWhiteSpace(options.CaCertificatePem))
            {
                return "UseTls needs CaCertificatePem (the CA that signs the broker's certificate)";
            }

            return null;
        }

        private static string WillProblem(MqttConnectOptions options)
        {
            if (options.WillTopic == null)
            {
                return null;
            }

            string problem = MqttTopicRules.CheckTopicName(options.WillTopic);
            if (problem != null)
            {
                return "WillTopic is invalid: " + problem;
            }

            if (options.WillQos != MqttQos.AtMostOnce && options.WillQos != MqttQos.AtLeastOnce)
            {
                return "WillQos " + (int)options.WillQos + " is not supported (0 or 1)";
            }

            if (options.WillPayload != null && options.WillPayload.Length > MqttTopicRules.MaxStringBytes)
            {
                return "WillPayload is " + options.WillPayload.Length + " bytes, more than " + MqttTopicRules.MaxStringBytes;
            }

            return null;
        }

        /// <summary>Length-prefixed CONNECT fields: encodable and at most 65535 bytes.</summary>
        private static string StringProblem(string value, string name, bool nulAllowed)
        {
            if (value == null)
            {
                return null;
            }

            if (!nulAllowed && value.IndexOf('\0') >= 0)
            {
                return name + " contains U+0000";
            }

            int bytes;
            try
            {
                bytes = MqttTopicRules.StrictUtf8.GetByteCount(value);
            }
            catch (EncoderFallbackException)
            {
                return name + " is not valid Unicode";
            }

            return bytes > MqttTopicRules.MaxStringBytes ? name + " is longer than " + MqttTopicRules.MaxStringBytes + " UTF-8 bytes" : null;
        }
    }
}
