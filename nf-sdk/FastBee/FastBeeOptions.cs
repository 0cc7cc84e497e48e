using IotDevice.Client;
using IotDevice.Transport;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>Gives the signal strength (dBm) for the next info/post.</summary>
    public delegate int RssiSource();

    /// <summary>Fills one real-time monitoring sample (monitor/post); the report arrives empty.</summary>
    public delegate void MonitorSource(PropertyReport sample);

    /// <summary>
    /// Everything a FastBee device needs to know, checked once by <see cref="FastBeeDialect"/>'s
    /// constructor (FastBeeOptions.Check.cs: a bad value is an ArgumentException naming the field, never
    /// quoting a secret).
    /// The console's product page gives ProductId, MqttUsername, MqttPassword and ProductSecret.
    /// </summary>
    public sealed partial class FastBeeOptions
    {
        /// <summary>One hour, as the official firmware uses.</summary>
        public const int DefaultPasswordLifetimeMs = 3600000;

        public FastBeeOptions()
        {
            Port = 1883;
            KeepAliveSeconds = 60;
            PasswordLifetimeMs = DefaultPasswordLifetimeMs;
            FirmwareVersion = 1.0;
            PublishQos = MqttQos.AtMostOnce;
            SubscribeQos = MqttQos.AtLeastOnce;
            HttpTimeoutMs = 5000;
            MaxItems = 64;
            MaxMessageBytes = 8192;
            RequestTimeAfterConnect = true;
        }

        // --- Broker ---

        public string Host;

        /// <summary>1883, or 8883 for TLS.</summary>
        public int Port;

        public bool UseTls;

        /// <summary>The CA that signs the broker's certificate, as PEM text (with <see cref="UseTls"/>).</summary>
        public string CaCertificatePem;

        /// <summary>Keep-alive in seconds; FastBee's broker honours 1–120 and the firmware uses 60.</summary>
        public int KeepAliveSeconds;

        // --- Identity ---

        /// <summary>The product id from the console (a number, e.g. "41").</summary>
        public string ProductId;

        /// <summary>The device number (IMEI, MAC, serial); upper case recommended. No '/', '+', '#', '&amp;'.</summary>
        public string DeviceNum;

        /// <summary>The owning user's id (1 = admin is the documented default); required.</summary>
        public long UserId;

        // --- Authentication ---

        /// <summary>The product's "MQTT account" (e.g. "FastBee").</summary>
        public string MqttUsername;

        /// <summary>The product's MQTT password (secret).</summary>
        public string MqttPassword;

        /// <summary>The device authorization code, when the product uses them (secret); null otherwise.</summary>
        public string AuthCode;

        /// <summary>Encrypted authentication (client id "E&amp;…"): needs ProductSecret, NtpUrl and an HTTP transport.</summary>
        public bool Encrypted;

        /// <summary>The product's 16-character MQTT secret, the AES key of the encrypted password (secret).</summary>
        public string ProductSecret;

        /// <summary>The platform's HTTP time endpoint, e.g. "http://host:8080/iot/tool/ntp".</summary>
        public string NtpUrl;

        /// <summary>How long an encrypted password stays valid, from the synchronised time of each connect.</summary>
        public int PasswordLifetimeMs;

        /// <summary>Stall timeout of the HTTP time request.</summary>
        public int HttpTimeoutMs;

        // --- Device information (info/post) ---

        /// <summary>The running firmware version as a decimal (1.2); later changes go through <see cref="FastBeeDialect.FirmwareVersion"/>.</summary>
        public double FirmwareVersion;

        public double Longitude;

        public double Latitude;

        /// <summary>The free-form summary object; the app may refill it, each info/post reads it again.</summary>
        public PropertyReport Summary;

        /// <summary>The summary as JSON object text, instead of <see cref="Summary"/>.</summary>
        public string SummaryJson;

        /// <summary>Signal strength for info/post; 0 is sent without it.</summary>
        public RssiSource Rssi;

        /// <summary>Fills the samples that monitor/get asks for; without it monitoring requests are refused.</summary>
        public MonitorSource Monitor;

        // --- Behaviour ---

        /// <summary>QoS of everything the device publishes (spec default 0; QoS 1 goes through the outbox).</summary>
        public MqttQos PublishQos;

        /// <summary>QoS of the subscriptions (spec default 1).</summary>
        public MqttQos SubscribeQos;

        /// <summary>Send ntp/post after info/post on every connect, as the official firmware does.</summary>
        public bool RequestTimeAfterConnect;

        /// <summary>Items accepted in one inbound array and values in one monitor sample; more is refused.</summary>
        public int MaxItems;

        /// <summary>Largest message the device builds; a report that does not fit is refused (TooLarge).</summary>
        public int MaxMessageBytes;
    }
}
