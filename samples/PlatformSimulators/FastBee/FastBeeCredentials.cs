namespace IotDevice.Platforms.FastBee
{
    /// <summary>What the FastBee server knows about one device: its product's credentials and its identity.</summary>
    public sealed class FastBeeCredentials
    {
        public string ProductId { get; set; }

        public string DeviceNum { get; set; }

        public long UserId { get; set; } = 1;

        /// <summary>The product's "MQTT account".</summary>
        public string Username { get; set; }

        public string MqttPassword { get; set; }

        /// <summary>The product's 16-character secret, the AES key of encrypted passwords.</summary>
        public string ProductSecret { get; set; }

        /// <summary>The device's authorization code, when the product uses them; null otherwise.</summary>
        public string AuthCode { get; set; }
    }
}
