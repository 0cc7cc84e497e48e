using System;

namespace IotDevice.Session
{
    /// <summary>Milliseconds since boot, 64-bit, never going back (wall-clock time can jump at NTP sync).</summary>
    public static class MonotonicClock
    {
        public static long NowMs
        {
            get { return Environment.TickCount64; }
        }
    }
}
