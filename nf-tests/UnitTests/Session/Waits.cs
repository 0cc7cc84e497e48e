using System.Threading;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    internal delegate bool WaitCondition();

    /// <summary>
    /// Bounded waits (5 s of real time) for what another thread does: the session's worker, the update
    /// engine's. They poll for the other thread to act; they never let time pass — time is the
    /// <see cref="ManualClock"/>'s, stepped by the test or by <see cref="Stepping"/>.
    /// </summary>
    internal static class Waits
    {
        private const int Polls = 500;
        private const int PollMs = 10;

        // Stepping polls more often: each clock step waits for the woken thread to park again.
        private const int StepPolls = 2500;
        private const int StepPollMs = 2;
        private const int MaxSteps = 10000;

        public static void Until(WaitCondition condition, string what)
        {
            for (int i = 0; i < Polls; i++)
            {
                if (condition())
                {
                    return;
                }
                Thread.Sleep(PollMs);
            }
            throw new TestFrameworkShared.AssertFailedException("timed out waiting until " + what);
        }

        /// <summary>Starts <paramref name="session"/> and waits until its first announcement is out.</summary>
        public static DeviceSession Announced(DeviceSession session)
        {
            session.Start();
            Until(() => session.IsAnnounced, "connected and announced");
            return session;
        }

        /// <summary>
        /// Starts <paramref name="session"/> and lets its clock run (see <see cref="Stepping"/>) until its
        /// first announcement is out: for a session that gets there only after backoffs or timeouts.
        /// </summary>
        public static DeviceSession Announced(DeviceSession session, ManualClock clock)
        {
            session.Start();
            Stepping(clock, 1, () => session.IsAnnounced, "connected and announced");
            return session;
        }

        /// <summary>Waits until <paramref name="threads"/> threads are parked on <paramref name="clock"/> (waiting for time to pass).</summary>
        public static void Parked(ManualClock clock, int threads, string what)
        {
            Until(() => clock.Waiting >= threads, what + " (" + threads.ToString() + " thread(s) waiting on the clock)");
        }

        /// <summary>
        /// Waits until <paramref name="condition"/> holds, letting the clock run as a simulation does:
        /// whenever all <paramref name="threads"/> threads that wait on <paramref name="clock"/> are parked
        /// on it, the clock jumps to the earliest of their deadlines; while any of them is busy, time
        /// stands still. A backoff, a timeout or a retry pause thus passes in one step, in the order the
        /// code would meet them, whatever their length.
        /// </summary>
        public static void Stepping(ManualClock clock, int threads, WaitCondition condition, string what)
        {
            int steps = 0;
            int polls = 0;
            while (!condition())
            {
                if (steps < MaxSteps && clock.AdvanceToNextDeadline(threads))
                {
                    steps++;
                    continue;
                }
                if (++polls > StepPolls)
                {
                    throw new TestFrameworkShared.AssertFailedException("timed out waiting until " + what + " (after "
                        + steps.ToString() + " clock steps)");
                }
                Thread.Sleep(StepPollMs);
            }
        }
    }
}
