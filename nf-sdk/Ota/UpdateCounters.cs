using System.Threading;

namespace IotDevice.Ota
{
    /// <summary>What the update engine has done since it was made; read at any time from any thread.</summary>
    public sealed class UpdateCounters
    {
        // One array of counts and one increment rather than a field and a method per count: on the
        // device each of those costs flash, and each field a heap block.
        internal const int StartedCount = 0;
        internal const int SucceededCount = 1;
        internal const int FailedCount = 2;
        internal const int RefusedCount = 3;
        internal const int DuplicateCount = 4;
        internal const int ResumeCount = 5;
        internal const int RangeIgnoredCount = 6;

        private readonly int[] _counts = new int[7];

        /// <summary>Jobs started (recovered ones included).</summary>
        public int Started
        {
            get { return _counts[StartedCount]; }
        }

        public int Succeeded
        {
            get { return _counts[SucceededCount]; }
        }

        /// <summary>Jobs that ended with a failure report (download, verification, apply).</summary>
        public int Failed
        {
            get { return _counts[FailedCount]; }
        }

        /// <summary>Offers refused because another job was running, or because they were unusable.</summary>
        public int Refused
        {
            get { return _counts[RefusedCount]; }
        }

        /// <summary>Offers recognised as one already running or already applied, and not run again.</summary>
        public int Duplicates
        {
            get { return _counts[DuplicateCount]; }
        }

        /// <summary>Requests that continued a download with an HTTP Range.</summary>
        public int Resumes
        {
            get { return _counts[ResumeCount]; }
        }

        /// <summary>Resumes the server answered with the whole file (200): the download restarted from zero.</summary>
        public int RangeIgnored
        {
            get { return _counts[RangeIgnoredCount]; }
        }

        internal void Add(int count)
        {
            Interlocked.Increment(ref _counts[count]);
        }
    }
}
