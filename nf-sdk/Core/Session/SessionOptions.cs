namespace IotDevice.Session
{
    /// <summary>The session's limits and timings. The defaults suit an ESP32 without PSRAM.</summary>
    public sealed class SessionOptions
    {
        // One array of numbers rather than a field each: on the device every field is a heap block.
        private const int InitialReconnectDelay = 0;
        private const int MaxReconnectDelay = 1;
        private const int FlapWindow = 2;
        private const int Pending = 3;
        private const int RequestTimeout = 4;
        private const int InFlight = 5;
        private const int OutboxCount = 6;
        private const int OutboxSize = 7;
        private const int InboundSize = 8;
        private const int SubscribeBatch = 9;
        private const int SubscribeTimeout = 10;
        private const int Seed = 11;

        private readonly int[] _values = new int[Seed + 1];

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
        public int InitialReconnectDelayMs
        {
            get { return _values[InitialReconnectDelay]; }
            set { _values[InitialReconnectDelay] = value; }
        }

        /// <summary>Highest reconnect delay ceiling.</summary>
        public int MaxReconnectDelayMs
        {
            get { return _values[MaxReconnectDelay]; }
            set { _values[MaxReconnectDelay] = value; }
        }

        /// <summary>A connection lost sooner than this after connecting is a flap and backs off harder.</summary>
        public int FlapWindowMs
        {
            get { return _values[FlapWindow]; }
            set { _values[FlapWindow] = value; }
        }

        /// <summary>Requests that may wait for a reply at once; more are refused, not queued.</summary>
        public int PendingCapacity
        {
            get { return _values[Pending]; }
            set { _values[Pending] = value; }
        }

        /// <summary>Default time a request waits for its reply before the app is told it timed out.</summary>
        public int RequestTimeoutMs
        {
            get { return _values[RequestTimeout]; }
            set { _values[RequestTimeout] = value; }
        }

        /// <summary>QoS 1 messages sent and not yet acknowledged at once (Alibaba allows 100).</summary>
        public int MaxInFlight
        {
            get { return _values[InFlight]; }
            set { _values[InFlight] = value; }
        }

        /// <summary>QoS 1 messages kept while they wait for acknowledgement, connected or not.</summary>
        public int OutboxMessages
        {
            get { return _values[OutboxCount]; }
            set { _values[OutboxCount] = value; }
        }

        /// <summary>Payload bytes kept in the outbox.</summary>
        public int OutboxBytes
        {
            get { return _values[OutboxSize]; }
            set { _values[OutboxSize] = value; }
        }

        /// <summary>Larger inbound payloads are rejected, counted and reported.</summary>
        public int MaxInboundBytes
        {
            get { return _values[InboundSize]; }
            set { _values[InboundSize] = value; }
        }

        /// <summary>Filters per SUBSCRIBE packet (Alibaba accepts at most 8).</summary>
        public int SubscribeBatchSize
        {
            get { return _values[SubscribeBatch]; }
            set { _values[SubscribeBatch] = value; }
        }

        /// <summary>How long to wait for a SUBACK before treating the link as broken.</summary>
        public int SubscribeTimeoutMs
        {
            get { return _values[SubscribeTimeout]; }
            set { _values[SubscribeTimeout] = value; }
        }

        /// <summary>Seed for the backoff jitter (the same seed repeats the same delays on every runtime); 0 takes one from the runtime's generator and the clock.</summary>
        public int RandomSeed
        {
            get { return _values[Seed]; }
            set { _values[Seed] = value; }
        }

        /// <summary>The time every timeout, backoff and deadline is measured on; tests give their own to step it.</summary>
        public IClock Clock;
    }
}
