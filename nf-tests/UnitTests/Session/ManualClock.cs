using System.Threading;
using IotDevice.Session;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// A clock a test steps: time stands still until <see cref="Advance"/>, so a 30 s timeout or a
    /// one-minute backoff passes in one call instead of a sleep. Waits end when their signal is set or
    /// when an advance carries the clock past their deadline.
    /// </summary>
    internal sealed class ManualClock : IClock
    {
        private readonly object _sync = new object();
        private readonly AutoResetEvent _advanced = new AutoResetEvent(false);
        private long _nowMs;

        public ManualClock(long startMs)
        {
            _nowMs = startMs;
        }

        public ManualClock() : this(1000000)
        {
        }

        public long NowMs
        {
            get { lock (_sync) { return _nowMs; } }
        }

        public void Advance(long ms)
        {
            lock (_sync)
            {
                _nowMs += ms;
            }
            _advanced.Set();
        }

        public bool Wait(AutoResetEvent signal, int timeoutMs)
        {
            long deadline = NowMs + timeoutMs;
            WaitHandle[] handles = new WaitHandle[] { signal, _advanced };
            while (true)
            {
                // A short real wait only hands the processor to other threads; the time is ours.
                int which = WaitHandle.WaitAny(handles, 20, false);
                if (which == 0)
                {
                    return true;
                }
                if (NowMs >= deadline)
                {
                    // Another waiter may need this advance too.
                    if (which == 1)
                    {
                        _advanced.Set();
                    }
                    return false;
                }
            }
        }
    }
}
