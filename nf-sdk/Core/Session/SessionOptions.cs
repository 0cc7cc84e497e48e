namespace IotDevice.Session
{
    /// <summary>The session's limits and timings. The defaults suit an ESP32 without PSRAM.</summary>
    public sealed class SessionOptions
    {
        public SessionOptions()
        {
            InitialReconnectDelayMs = 1000;
            MaxReconnectDelayMs = 60000;
            FlapWindowMs = 10000;
            PendingCapacity = 16;
            RequestTimeoutMs = 10000;
            MaxInFlight = 8;
            OutboxMessages = 32;
            OutboxBytes = 16 * 1024;
            MaxInboundBytes = 16 * 1024;
            SubscribeBatchSize = 8;
            SubscribeTimeoutMs = 10000;
            RandomSeed = 0;
            Clock = SystemClock.Instance;
        }

        /// <summary>First reconnect delay ceiling; doubles per failed attempt.</summary>
        public int InitialReconnectDelayMs { get; set; }

        /// <summary>Highest reconnect delay ceiling.</summary>
        public int MaxReconnectDelayMs { get; set; }

        /// <summary>A connection lost sooner than this after connecting is a flap and backs off harder.</summary>
        public int FlapWindowMs { get; set; }

        /// <summary>Requests that may wait for a reply at once; more are refused, not queued.</summary>
        public int PendingCapacity { get; set; }

        /// <summary>Default time a request waits for its reply before the app is told it timed out.</summary>
        public int RequestTimeoutMs { get; set; }

        /// <summary>QoS 1 messages sent and not yet acknowledged at once (Alibaba allows 100).</summary>
        public int MaxInFlight { get; set; }

        /// <summary>QoS 1 messages kept while they wait for acknowledgement, connected or not.</summary>
        public int OutboxMessages { get; set; }

        /// <summary>Payload bytes kept in the outbox.</summary>
        public int OutboxBytes { get; set; }

        /// <summary>Larger inbound payloads are rejected, counted and reported.</summary>
        public int MaxInboundBytes { get; set; }

        /// <summary>Filters per SUBSCRIBE packet (Alibaba accepts at most 8).</summary>
        public int SubscribeBatchSize { get; set; }

        /// <summary>How long to wait for a SUBACK before treating the link as broken.</summary>
        public int SubscribeTimeoutMs { get; set; }

        /// <summary>Seed for the backoff jitter (the same seed repeats the same delays on every runtime); 0 takes one from the runtime's generator and the clock.</summary>
        public int RandomSeed { get; set; }

        /// <summary>The time every timeout, backoff and deadline is measured on; tests give their own to step it.</summary>
        public IClock Clock { get; set; }
    }
}
