using IotDevice.Session;

namespace IotDevice.Client
{
    /// <summary>
    /// Wall-clock time for a device that has none: an offset onto the monotonic millisecond counter,
    /// set from a platform's time-sync answer. All arithmetic is 64-bit milliseconds (docs/mqtt-session.md §7).
    /// </summary>
    public sealed class DeviceClock
    {
        // Shared by every clock: reading or setting the offset takes a few instructions under it.
        private static readonly object Sync = new object();

        // The offset of a clock that was never set.
        private const long NotSynced = long.MinValue;

        private readonly IClock _monotonic;
        private long _offsetMs = NotSynced;

        /// <summary>A wall clock on <paramref name="monotonic"/> (the session's clock).</summary>
        public DeviceClock(IClock monotonic)
        {
            _monotonic = monotonic == null ? SystemClock.Instance : monotonic;
        }

        /// <summary>
        /// The NTP estimate both FastBee and Alibaba use: the server's clock when the answer arrived is
        /// (serverRecv + serverSend + deviceRecv − deviceSend) / 2, where the device times come from one
        /// monotonic counter. Alibaba's example (100, 1010, 1015, 125) gives 1025.
        /// </summary>
        public static long EstimateNow(long deviceSendTime, long serverRecvTime, long serverSendTime, long deviceRecvTime)
        {
            return (serverRecvTime + serverSendTime + deviceRecvTime - deviceSendTime) / 2;
        }

        public bool IsSynced
        {
            get { lock (Sync) { return _offsetMs != NotSynced; } }
        }

        /// <summary>Unix milliseconds now, or 0 before the first sync.</summary>
        public long NowMs
        {
            get
            {
                lock (Sync)
                {
                    return _offsetMs != NotSynced ? _monotonic.NowMs + _offsetMs : 0;
                }
            }
        }

        /// <summary>Sets the clock from an NTP exchange timed on the monotonic counter; returns the time now.</summary>
        public long SetFromExchange(long deviceSendTime, long serverRecvTime, long serverSendTime, long deviceRecvTime)
        {
            long now = EstimateNow(deviceSendTime, serverRecvTime, serverSendTime, deviceRecvTime);
            lock (Sync)
            {
                _offsetMs = now - deviceRecvTime;
            }
            return now;
        }

        /// <summary>Sets the clock from a time known some other way (SNTP, the app).</summary>
        public void Set(long unixMs)
        {
            lock (Sync)
            {
                _offsetMs = unixMs - _monotonic.NowMs;
            }
        }
    }

    public delegate void TimeSyncedHandler(long unixMs);
}
