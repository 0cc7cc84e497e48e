using System.Threading;

namespace IotDevice.Ota
{
    /// <summary>What the update engine has done since it was made; read at any time from any thread.</summary>
    public sealed class UpdateCounters
    {
        private int _started;
        private int _succeeded;
        private int _failed;
        private int _refused;
        private int _duplicates;
        private int _resumes;
        private int _rangeIgnored;

        /// <summary>Jobs started (recovered ones included).</summary>
        public int Started
        {
            get { return _started; }
        }

        public int Succeeded
        {
            get { return _succeeded; }
        }

        /// <summary>Jobs that ended with a failure report (download, verification, apply).</summary>
        public int Failed
        {
            get { return _failed; }
        }

        /// <summary>Offers refused because another job was running, or because they were unusable.</summary>
        public int Refused
        {
            get { return _refused; }
        }

        /// <summary>Offers recognised as one already running or already applied, and not run again.</summary>
        public int Duplicates
        {
            get { return _duplicates; }
        }

        /// <summary>Requests that continued a download with an HTTP Range.</summary>
        public int Resumes
        {
            get { return _resumes; }
        }

        /// <summary>Resumes the server answered with the whole file (200): the download restarted from zero.</summary>
        public int RangeIgnored
        {
            get { return _rangeIgnored; }
        }

        internal void AddStarted()
        {
            Interlocked.Increment(ref _started);
        }

        internal void AddSucceeded()
        {
            Interlocked.Increment(ref _succeeded);
        }

        internal void AddFailed()
        {
            Interlocked.Increment(ref _failed);
        }

        internal void AddRefused()
        {
            Interlocked.Increment(ref _refused);
        }

        internal void AddDuplicate()
        {
            Interlocked.Increment(ref _duplicates);
        }

        internal void AddResume()
        {
            Interlocked.Increment(ref _resumes);
        }

        internal void AddRangeIgnored()
        {
            Interlocked.Increment(ref _rangeIgnored);
        }
    }
}
