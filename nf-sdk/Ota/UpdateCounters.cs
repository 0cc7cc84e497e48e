namespace IotDevice.Ota
{
    /// <summary>
    /// What the update engine has done since it was made; read at any time from any thread (the engine
    /// counts with <see cref="System.Threading.Interlocked"/>). Plain fields, as the SDK's other data:
    /// on the device a property costs a method and its name in flash.
    /// </summary>
    public sealed class UpdateCounters
    {
        /// <summary>Jobs started (recovered ones included).</summary>
        public int Started;

        public int Succeeded;

        /// <summary>Jobs that ended with a failure report (download, verification, apply).</summary>
        public int Failed;

        /// <summary>Offers refused because another job was running, or because they were unusable.</summary>
        public int Refused;

        /// <summary>Offers recognised as one already running or already applied, and not run again.</summary>
        public int Duplicates;

        /// <summary>Requests that continued a download with an HTTP Range.</summary>
        public int Resumes;

        /// <summary>Resumes the server answered with the whole file (200): the download restarted from zero.</summary>
        public int RangeIgnored;
    }
}
