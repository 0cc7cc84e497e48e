using System.Threading;
using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>Stop ends the coalescing timer; the values it held go out with the next connection's announcement.</summary>
    [TestClass]
    public class EztCloudStopTests
    {
        private const int Interval = 300;

        [TestMethod]
        public void The_coalescing_timer_cannot_fire_after_stop_and_its_values_wait_for_the_next_start()
        {
            EztCloudOptions options = EztDevice.QuietOptions();
            options.MinReportIntervalMs = Interval;
            options.FirmwareVersion = "1.0.0";
            EztDevice device = EztDevice.Started(options, 1);
            device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 1.0));
            device.Client.ReportProperties(new PropertyReport(1).Add("temperature", 2.5));
            Assert.AreEqual(2L, device.Dialect.Counters.Coalesced, "both within the interval after the announcement's report: they wait for the timer");
            long reportsBefore = device.Dialect.Counters.AttributeReports;

            device.Stop();
            Thread.Sleep(Interval * 2);
            Assert.AreEqual(reportsBefore, device.Dialect.Counters.AttributeReports, "no report made by the timer after Stop");
            Assert.AreEqual(0, device.Session.OutboxCount, "nothing queued behind the app's back");

            device.Transport.Clear();
            device.Client.Start();
            try
            {
                EztDevice.WaitFor(() => device.CountOn("attributes") == 1, "the announcement after the restart");
                Assert.AreEqual("{\"temperature\":2.5,\"version\":\"1.0.0\"}", device.Last("attributes"), "the held value went out with the version");
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
