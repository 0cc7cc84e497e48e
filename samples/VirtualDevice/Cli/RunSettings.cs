using IotDevice.Boards;
using IotDevice.Dialects.Alink;

namespace IotDevice.VirtualDevice.Cli
{
    /// <summary>What the command line asked for, checked.</summary>
    internal sealed class RunSettings
    {
        public const string FastBee = "fastbee";
        public const string Alink = "alink";
        public const string EztCloud = "eztcloud";

        /// <summary>Dialects to run, in order.</summary>
        public string[] Dialects { get; set; }

        /// <summary>A real broker; null runs against the built-in platform simulator.</summary>
        public BrokerAddress Broker { get; set; }

        public string Username { get; set; }

        public string Password { get; set; }

        public string ClientId { get; set; }

        /// <summary>PEM text of the CA for mqtts (read from --ca-file).</summary>
        public string CaPem { get; set; }

        public string ProductId { get; set; }

        public string DeviceNum { get; set; }

        public long UserId { get; set; }

        public string ProductKey { get; set; }

        public string DeviceName { get; set; }

        public string DeviceSecret { get; set; }

        /// <summary>Alink: the HMAC of the password; null for the SDK's default (hmacsha256).</summary>
        public AlinkSignMethod? SignMethod { get; set; }

        /// <summary>Alink: the signed timestamp (0 leaves it out); null for the SDK's fixed default.</summary>
        public long? Timestamp { get; set; }

        /// <summary>FastBee: encrypted login (AES password with an expiry) instead of the simple one.</summary>
        public bool Encrypted { get; set; }

        /// <summary>FastBee: the product's 16-character secret, the AES key of encrypted passwords.</summary>
        public string ProductSecret { get; set; }

        /// <summary>FastBee: the platform's HTTP time endpoint, read before an encrypted login.</summary>
        public string NtpUrl { get; set; }

        /// <summary>FastBee: the device's authorization code, when the product uses them.</summary>
        public string AuthCode { get; set; }

        public BoardDefinition Board { get; set; }

        /// <summary>Property reports to send; 0 with a broker: until Ctrl+C.</summary>
        public int Reports { get; set; }

        public int IntervalMs { get; set; }

        /// <summary>How long one step of the conversation (or the connect to a real broker) may take.</summary>
        public int StepTimeoutMs { get; set; }
    }
}
