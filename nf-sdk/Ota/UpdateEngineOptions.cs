namespace IotDevice.Ota
{
    /// <summary>Tuning of the update engine; the defaults suit an ESP32 on Wi-Fi.</summary>
    public sealed class UpdateEngineOptions
    {
        public UpdateEngineOptions()
        {
            StallTimeoutMs = 30000;
            MaxRedirects = 5;
            MaxRetries = 5;
            RetryDelayMs = 2000;
            ProgressStepPercent = 10;
            MaxConfigBytes = 64 * 1024;
            ResumeAfterRestart = true;
            ConnectWaitMs = 30000;
        }

        /// <summary>A request that receives no byte for this long is dropped and retried (resumed).</summary>
        public int StallTimeoutMs;

        /// <summary>Redirects (301/302/303/307/308) followed per request before giving up.</summary>
        public int MaxRedirects;

        /// <summary>
        /// Failed attempts in a row that brought no new byte before the download is given up. An attempt
        /// that made progress resets the count, so a flaky link still finishes a large image.
        /// </summary>
        public int MaxRetries;

        /// <summary>Pause before the next attempt.</summary>
        public int RetryDelayMs;

        /// <summary>Downloading is reported at each multiple of this percentage (and at 1 % when it starts).</summary>
        public int ProgressStepPercent;

        /// <summary>A config larger than this is refused: the app gets it as one byte array (Alibaba allows 64 KB).</summary>
        public int MaxConfigBytes;

        /// <summary>
        /// What happens to a job a restart interrupted: true (default) resumes it with the saved URL from
        /// the bytes already stored; false deletes the partial file and reports the job failed.
        /// </summary>
        public bool ResumeAfterRestart;

        /// <summary>How long a job recovered at start waits for the MQTT session, so its reports reach the platform.</summary>
        public int ConnectWaitMs;

        /// <summary>Offers without a digest are refused (VerifyFailed) instead of accepted on size alone.</summary>
        public bool RequireDigest;
    }
}
