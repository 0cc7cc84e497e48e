using IotDevice.Boards;

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

        public BoardDefinition Board { get; set; }

        /// <summary>Property reports to send; 0 with a broker: until Ctrl+C.</summary>
        public int Reports { get; set; }

        public int IntervalMs { get; set; }

        /// <summary>How long one step of the conversation (or the connect to a real broker) may take.</summary>
        public int StepTimeoutMs { get; set; }
    }
}
