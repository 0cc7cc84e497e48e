using System;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// How an EZtCloud device connects and behaves. Username and password are the device's own
    /// (<c>DU_…</c> and its password, from the device's "connect" tab or the connection-info API).
    /// </summary>
    public sealed class EztCloudOptions
    {
        /// <summary>The public broker.</summary>
        public const string DefaultHost = "mqtt.eztcloud.com";

        /// <summary>Plain MQTT port of the public service.</summary>
        public const int PlainPort = 7883;

        /// <summary>MQTT over TLS port of the public service.</summary>
        public const int TlsPort = 7885;

        public EztCloudOptions()
        {
            Host = DefaultHost;
            KeepAliveSeconds = 60;
            VersionAttribute = "version";
            OtaCheckOnConnect = true;
            OtaCheckMethod = "otaCheck";
            PublishQos = MqttQos.AtMostOnce;
        }

        public string Host;

        /// <summary>0 picks the service's port: 7885 with TLS, 7883 without.</summary>
        public int Port;

        public bool UseTls;

        /// <summary>The root the broker's certificate must chain to (PEM text).</summary>
        public string CaCertificatePem;

        /// <summary>The device username, <c>DU_…</c>; it is also the last level of every topic.</summary>
        public string Username;

        /// <summary>The device password. Never logged, never put into an exception message.</summary>
        public string Password;

        /// <summary>MQTT client id; null uses <see cref="Username"/>.</summary>
        public string ClientId;

        public int KeepAliveSeconds;

        /// <summary>The running firmware version, reported as an attribute after every connect; null reports none.</summary>
        public string FirmwareVersion;

        /// <summary>Attribute the platform's OTA rule reads the version from.</summary>
        public string VersionAttribute;

        /// <summary>
        /// Shortest time between two attribute reports (the platform ignores reports that come too fast;
        /// its docs suggest 1 s or more). Reports made sooner are merged and sent together. 0 = off.
        /// </summary>
        public int MinReportIntervalMs;

        /// <summary>Send the <see cref="OtaCheckMethod"/> event after every connect (the platform's poll mode).</summary>
        public bool OtaCheckOnConnect;

        /// <summary>The event the platform's OTA rule listens to; "otaCheck" unless the rule says otherwise.</summary>
        public string OtaCheckMethod;

        /// <summary>QoS of everything the device publishes; the platform documents QoS 0.</summary>
        public MqttQos PublishQos;

        /// <summary>
        /// The product answers reports (attributes_response and event_response switched on in the
        /// console, off by default): each report's response is then its outcome, and no response in the
        /// session's RequestTimeoutMs is TimedOut. Off: the outcome is the PUBACK (QoS 1) or Sent (QoS 0).
        /// </summary>
        public bool ResponsesEnabled;

        /// <summary>Throws ArgumentException naming the first unusable setting (never showing the password).</summary>
        public void Validate()
        {
            Require(Username, "the device username (DU_…)");
            if (!TopicText.IsValidSegmentValue(Username, false))
            {
                throw new ArgumentException("The username '" + Username
                    + "' cannot be a topic level (no '/', '+', '#' or control characters).");
            }
            Require(Password, "the device password");
            Require(Host, "a broker host");
            InRange(Port, "port");
            if (ClientId != null && ClientId.Length == 0)
            {
                throw new ArgumentException("The client id may be null but not empty.");
            }
            InRange(KeepAliveSeconds, "keep-alive (seconds)");
            Require(VersionAttribute, "a version attribute name");
            Require(OtaCheckMethod, "an OTA check event name");
            if (MinReportIntervalMs < 0)
            {
                throw new ArgumentException("The minimum report interval cannot be negative.");
            }
            if (PublishQos != MqttQos.AtMostOnce && PublishQos != MqttQos.AtLeastOnce)
            {
                throw new ArgumentException("EZtCloud publishes at QoS 0 or 1.");
            }
        }

        private static void Require(string value, string what)
        {
            if (value == null || value.Length == 0)
            {
                throw new ArgumentException("EZtCloud needs " + what + ".");
            }
        }

        private static void InRange(int value, string what)
        {
            if (value < 0 || value > 65535)
            {
                throw new ArgumentException("The " + what + " must be 0..65535, not " + value.ToString() + ".");
            }
        }
    }
}
