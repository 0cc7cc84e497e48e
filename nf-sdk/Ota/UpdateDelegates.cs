using IotDevice.Client;

namespace IotDevice.Ota
{
    /// <summary>
    /// Installs a verified firmware image; return true once installed (the engine then reports
    /// Succeeded), false or throw to report ApplyFailed. The engine cannot flash the device itself:
    /// in-field update is not in the stable ESP32 firmware, so this is the app's to do (for example
    /// hand the image to a co-processor, or load a downloaded assembly).
    /// </summary>
    public delegate bool FirmwareInstaller(UpdateOffer offer, StoredUpdate image);

    /// <summary>
    /// Takes a verified config (already stored, so it survives a restart); return true once in use,
    /// false or throw to report ApplyFailed.
    /// </summary>
    public delegate bool ConfigReceiver(UpdateOffer offer, byte[] config);

    /// <summary>A job's state, exactly as it is reported to the platform.</summary>
    public delegate void UpdateStatusHandler(UpdateOffer offer, UpdateStatus status, int percent, string detail);
}
