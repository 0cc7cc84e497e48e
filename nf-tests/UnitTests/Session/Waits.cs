using System.Threading;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    internal delegate bool WaitCondition();

    /// <summary>Bounded waits (5 s) for what the session does on its worker thread.</summary>
    internal static class Waits
    {
        public static void Until(WaitCondition condition, string what)
        {
            for (int i = 0; i < 500; i++)
            {
                if (condition())
                {
                    return;
                }
                Thread.Sleep(10);
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
    }
}
