using System.Threading;

namespace IotDevice.Session
{
    /// <summary>
    /// Where the session, the dialects and the OTA engine read the time and wait for it to pass:
    /// milliseconds since boot, 64-bit, never going back (wall-clock time can jump at NTP sync).
    /// <see cref="SystemClock"/> is the device's; a test gives its own and steps time instead of sleeping.
    /// </summary>
    public interface IClock
    {
        long NowMs { get; }

        /// <summary>
        /// Waits until <paramref name="signal"/> is set (true) or <paramref name="timeoutMs"/> of this
        /// clock's time have passed (false). Every wait of the session's worker goes through here.
        /// </summary>
        bool Wait(AutoResetEvent signal, int timeoutMs);
    }
}
