using System;
using System.Threading;

namespace IotDevice.Session
{
    /// <summary>The runtime's tick counter: the clock every app uses unless a test supplies its own.</summary>
    public sealed class SystemClock : IClock
    {
        /// <summary>The one instance; the clock holds no state.</summary>
        public static readonly SystemClock Instance = new SystemClock();

        private SystemClock()
        {
        }

        public long NowMs
        {
            get { return Environment.TickCount64; }
        }

        public bool Wait(AutoResetEvent signal, int timeoutMs)
        {
            return signal.WaitOne(timeoutMs, false);
        }
    }
}
