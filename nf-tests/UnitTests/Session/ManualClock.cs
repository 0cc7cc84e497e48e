using System.Collections;
using System.Threading;
using IotDevice.Session;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// A clock a test steps: time stands still until <see cref="Advance"/>, so a 30 s timeout or a
    /// one-minute backoff passes in one call instead of a sleep. Waits end when their signal is set or
    /// when an advance carries the clock to their deadline. No real time is measured anywhere: a wait
    /// blocks on its signal and on its own wake-up, which only an advance that reaches its deadline sets.
    /// <see cref="Waiting"/> and <see cref="NextDeadline"/> tell a test when a thread is parked on the
    /// clock and until when, so it can advance exactly then (see <see cref="Waits.Stepping"/>).
    /// </summary>
    internal sealed class ManualClock : IClock
    {
        private readonly object _sync = new object();

        // The waits parked on the clock (Sleeper); an advance takes the ones it ends off at once.
        private readonly ArrayList _sleepers = new ArrayList();
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

        /// <summary>Threads parked in <see cref="Wait"/> whose deadline has not come (a set signal is not seen here).</summary>
        public int Waiting
        {
            get { lock (_sync) { return _sleepers.Count; } }
        }

        /// <summary>The earliest deadline of the parked waits; long.MaxValue when none is parked.</summary>
        public long NextDeadline
        {
            get { lock (_sync) { return Earliest(); } }
        }

        public void Advance(long ms)
        {
            lock (_sync)
            {
                MoveTo(_nowMs + ms);
            }
        }

        /// <summary>
        /// When at least <paramref name="parked"/> waits are parked (every thread that waits on this clock
        /// has nothing left to do until time passes), moves the clock to the earliest of their deadlines
        /// and returns true; otherwise changes nothing and returns false.
        /// </summary>
        public bool AdvanceToNextDeadline(int parked)
        {
            long next;
            lock (_sync)
            {
                if (_sleepers.Count < parked || _sleepers.Count == 0)
                {
                    return false;
                }
                next = Earliest();
                if (next == long.MaxValue)
                {
                    return false;
                }
                MoveTo(next);
            }
            return true;
        }

        public bool Wait(AutoResetEvent signal, int timeoutMs)
        {
            Sleeper sleeper;
            lock (_sync)
            {
                if (timeoutMs == 0)
                {
                    return signal.WaitOne(0, false);
                }
                sleeper = new Sleeper(timeoutMs < 0 ? long.MaxValue : _nowMs + timeoutMs);
                _sleepers.Add(sleeper);
            }
            // Both handles may be set at once (the signal and an advance): the signal wins, as on the device.
            int which = WaitHandle.WaitAny(new WaitHandle[] { signal, sleeper.Due }, Timeout.Infinite, false);
            if (which == 0)
            {
                lock (_sync)
                {
                    _sleepers.Remove(sleeper);
                }
                return true;
            }
            return false;
        }

        // Under _sync.
        private long Earliest()
        {
            long next = long.MaxValue;
            for (int i = 0; i < _sleepers.Count; i++)
            {
                long deadline = ((Sleeper)_sleepers[i]).Deadline;
                if (deadline < next)
                {
                    next = deadline;
                }
            }
            return next;
        }

        // Under _sync: sets the time and ends the waits it reaches.
        private void MoveTo(long nowMs)
        {
            _nowMs = nowMs;
            for (int i = _sleepers.Count - 1; i >= 0; i--)
            {
                Sleeper sleeper = (Sleeper)_sleepers[i];
                if (sleeper.Deadline <= _nowMs)
                {
                    // Off the list before its thread runs, so Waiting never counts a wait already ended.
                    _sleepers.RemoveAt(i);
                    sleeper.Due.Set();
                }
            }
        }

        /// <summary>One parked wait: when it ends by itself, and the event an advance sets to end it.</summary>
        private sealed class Sleeper
        {
            public readonly long Deadline;
            public readonly AutoResetEvent Due = new AutoResetEvent(false);

            public Sleeper(long deadline)
            {
                Deadline = deadline;
            }
        }
    }
}
