using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Session
{
    /// <summary>
    /// A broker that restarts every 5–13 s (a rolling upgrade, a crash loop) is not a flapping link: the
    /// device, with the default session options, is back within 2 s of nearly every restart and every
    /// report it made is delivered. The figures are written to the test's output.
    /// </summary>
    [TestClass]
    public class BrokerRestartLoopTests
    {
        private const int Restarts = 5;
        private const int ReportEveryMs = 100;

        public TestContext TestContext { get; set; }

        [TestMethod]
        public void A_broker_restarting_every_5_to_13_s_has_the_device_back_within_2_s_and_loses_no_report()
        {
            using var broker = MosquittoBroker.Start();
            var dialect = new ReportingDialect(broker, TestClients.Unique("device"));
            var session = new DeviceSession(new HostMqttTransport(), dialect, new SessionOptions { RandomSeed = 16 });
            var clock = Stopwatch.StartNew();
            var connectedAt = new List<long>();
            session.StateChanged += (state, detail) =>
            {
                if (state == SessionState.Connected)
                {
                    lock (connectedAt)
                    {
                        connectedAt.Add(clock.ElapsedMilliseconds);
                    }
                }
            };
            int made = 0;
            int refused = 0;
            bool reporting = true;
            var reporter = new Thread(() =>
            {
                while (Volatile.Read(ref reporting))
                {
                    byte[] payload = Encoding.UTF8.GetBytes("r" + made);
                    if (session.Publish(dialect.ReportTopic, payload, payload.Length, MqttQos.AtLeastOnce, false, made) == SendResult.Accepted)
                    {
                        made++;
                    }
                    else
                    {
                        refused++;
                    }

                    Thread.Sleep(ReportEveryMs);
                }
            }) { IsBackground = true };

            var upPeriods = new List<(long Start, long End)>();
            var random = new Random(513);
            session.Start();
            try
            {
                Eventually.True(() => session.IsConnected, "the device connects");
                reporter.Start();
                Thread.Sleep(2000);
                for (int i = 0; i < Restarts; i++)
                {
                    broker.Stop();
                    broker.Start();
                    long start = clock.ElapsedMilliseconds;
                    Thread.Sleep(random.Next(5000, 13001));
                    upPeriods.Add((start, clock.ElapsedMilliseconds));
                }

                Volatile.Write(ref reporting, false);
                Assert.IsTrue(reporter.Join(2000));
                Eventually.True(() => session.OutboxCount == 0, "every report acknowledged", 10000);
            }
            finally
            {
                Volatile.Write(ref reporting, false);
                session.Stop();
            }

            var delays = new List<long>();
            foreach ((long start, long end) in upPeriods.Where(p => p.End - p.Start > 3000))
            {
                long first;
                lock (connectedAt)
                {
                    first = connectedAt.Where(t => t >= start && t < end).DefaultIfEmpty(-1).First();
                }

                delays.Add(first < 0 ? -1 : first - start);
            }

            int within = delays.Count(d => d >= 0 && d <= 2000);
            SessionCounters counters = session.Counters;
            string figures = "broker restarts: " + Restarts + "; up-periods over 3 s: " + delays.Count
                + "; connected after (ms): " + string.Join(", ", delays.Select(d => d < 0 ? "never" : d.ToString()))
                + "; within 2 s: " + within + "/" + delays.Count + " (" + (100 * within / Math.Max(1, delays.Count)) + " %)"
                + "; reports made " + made + ", refused " + refused + ", delivered " + counters.Delivered + ", sent again " + counters.Retries
                + ", dropped " + counters.Dropped + "; connects " + counters.Connects + ", flaps " + counters.Flaps;
            TestContext.WriteLine(figures);
            WriteFigures(figures);

            Assert.IsTrue(within * 10 >= delays.Count * 9, "connected within 2 s in at least 90 % of the up-periods: " + figures);
            Assert.AreEqual(0, refused, figures);
            Assert.AreEqual(0L, counters.Dropped, "nothing dropped: " + figures);
            Assert.AreEqual((long)made, counters.Delivered, "every report acknowledged by the broker: " + figures);
            Assert.AreEqual(0L, counters.Flaps, "a restart is not a flap: " + figures);
        }

        // run-tests.sh prints artifacts/figures/ after the run: the runner shows passing tests' output only when asked.
        private static void WriteFigures(string figures)
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "IotDevice.Host.slnx")))
            {
                dir = Path.GetDirectoryName(dir);
            }
            if (dir != null)
            {
                Directory.CreateDirectory(Path.Combine(dir, "artifacts", "figures"));
                File.WriteAllText(Path.Combine(dir, "artifacts", "figures", "broker-restart-loop.txt"), figures + Environment.NewLine);
            }
        }
    }
}
