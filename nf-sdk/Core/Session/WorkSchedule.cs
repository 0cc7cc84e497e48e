using System.Threading;

namespace IotDevice.Session
{
    /// <summary>
    /// Work a dialect asked the session's worker to run at a time on the session's clock: a few slots,
    /// one per piece of work (a delegate the dialect keeps), so a dialect's timed work needs no thread of
    /// its own. The session makes it with the first booking: a dialect without timed work never needs it.
    /// Not thread-safe on its own; the session guards it with its lock.
    /// </summary>
    internal sealed class WorkSchedule
    {
        private const int Slots = 4;

        private readonly ThreadStart[] _work = new ThreadStart[Slots];
        private readonly long[] _dueMs = new long[Slots];

        /// <summary>Sets when <paramref name="work"/> runs, replacing its earlier time; false when every slot is taken.</summary>
        public bool Set(ThreadStart work, long dueMs)
        {
            int free = -1;
            for (int i = 0; i < Slots; i++)
            {
                if ((object)_work[i] == (object)work)
                {
                    _dueMs[i] = dueMs;
                    return true;
                }
                if (free < 0 && _work[i] == null)
                {
                    free = i;
                }
            }
            if (free < 0)
            {
                return false;
            }
            _work[free] = work;
            _dueMs[free] = dueMs;
            return true;
        }

        public void Cancel(ThreadStart work)
        {
            for (int i = 0; i < Slots; i++)
            {
                if ((object)_work[i] == (object)work)
                {
                    _work[i] = null;
                }
            }
        }

        /// <summary>The earliest time something is due, or long.MaxValue.</summary>
        public long NextDue()
        {
            long next = long.MaxValue;
            for (int i = 0; i < Slots; i++)
            {
                if (_work[i] != null && _dueMs[i] < next)
                {
                    next = _dueMs[i];
                }
            }
            return next;
        }

        /// <summary>Removes and returns one piece of work due at <paramref name="nowMs"/>, or null.</summary>
        public ThreadStart TakeDue(long nowMs)
        {
            for (int i = 0; i < Slots; i++)
            {
                ThreadStart work = _work[i];
                if (work != null && _dueMs[i] <= nowMs)
                {
                    _work[i] = null;
                    return work;
                }
            }
            return null;
        }
    }
}
