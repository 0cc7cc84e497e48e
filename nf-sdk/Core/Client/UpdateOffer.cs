namespace IotDevice.Client
{
    /// <summary>What an update offer carries.</summary>
    public enum UpdateKind
    {
        Firmware = 1,
        Config = 2,
    }

    /// <summary>How the offered file's digest is computed.</summary>
    public enum DigestMethod
    {
        None = 0,
        Md5 = 1,
        Sha256 = 2,

        /// <summary>FastBee's "16md5": hex digits 8–23 of the MD5, upper case.</summary>
        Md5Middle16 = 3,
    }

    /// <summary>
    /// A firmware or config file the platform offers, in one shape for every dialect (FastBee
    /// upgrade/get and ota/get, Alink OTA push and config get/push, EZtCloud otaUpgrade). It goes to the
    /// OTA engine, or to the app while there is none.
    /// </summary>
    public sealed class UpdateOffer
    {
        public UpdateKind Kind;

        public string Url;

        /// <summary>Announced size in bytes; 0 when the platform gave none.</summary>
        public long Size;

        public string Version;

        /// <summary>Firmware module (Alink, EZtCloud); null for the default one.</summary>
        public string Module;

        public DigestMethod DigestMethod;

        /// <summary>The digest as sent, in hex.</summary>
        public string Digest;

        /// <summary>A differential package (Alink isDiff).</summary>
        public bool IsDiff;

        /// <summary>Config id (Alink remote config).</summary>
        public string ConfigId;

        /// <summary>The dialect's own correlation: FastBee messageId, EZtCloud command id (raw JSON), Alink request id.</summary>
        public string CorrelationId;
    }

    /// <summary>Where an update stands, as reported to the platform.</summary>
    public enum UpdateStatus
    {
        Downloading = 1,

        /// <summary>Downloaded and verified (and, for config, stored): the platform may be told it succeeded.</summary>
        Verified = 2,

        /// <summary>Installed and running the new version.</summary>
        Succeeded = 3,

        /// <summary>The upgrade failed for another reason (Alink step -1).</summary>
        Failed = 4,

        /// <summary>The download failed (Alink step -2).</summary>
        DownloadFailed = 5,

        /// <summary>Size or digest did not match (Alink step -3); nothing was applied.</summary>
        VerifyFailed = 6,

        /// <summary>Writing or applying the image failed (Alink step -4).</summary>
        ApplyFailed = 7,
    }

    /// <summary>Words for an update status in logs and platform messages (enum names are numbers on the device).</summary>
    public static class UpdateStatusText
    {
        public static string Describe(UpdateStatus status)
        {
            switch (status)
            {
                case UpdateStatus.Downloading:
                    return "downloading";
                case UpdateStatus.Verified:
                    return "verified";
                case UpdateStatus.Succeeded:
                    return "succeeded";
                case UpdateStatus.DownloadFailed:
                    return "download failed";
                case UpdateStatus.VerifyFailed:
                    return "verification failed";
                case UpdateStatus.ApplyFailed:
                    return "apply failed";
                default:
                    return "update failed";
            }
        }
    }

    public delegate void UpdateOfferedHandler(UpdateOffer offer);
}
