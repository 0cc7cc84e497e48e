using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using IotDevice.Client;
using IotDevice.IntegrationTests.Support;
using IotDevice.Session;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.Alink
{
    /// <summary>Many requests in a row: every reply correlated, none unmatched, none timed out.</summary>
    public partial class AlinkPlatformTests
    {
        private const int Posts = 1000;

        [TestMethod]
        public void A_thousand_property_posts_are_all_correlated()
        {
            using (var platform = new AlinkPlatformSimulator(_broker, AlinkTestDevice.ProductKey, "load"))
            using (var device = new AlinkTestDevice(_broker, "load").Start())
            {
                // Paced, not raised: at most PendingCapacity (the default 16) posts wait for replies at once,
                // so the table is never full and every post is sent.
                int capacity = device.Client.Session.Options.PendingCapacity;
                Assert.AreEqual(16, capacity);
                var ids = new long[Posts];
                var report = new PropertyReport(2);
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < Posts; i++)
                {
                    Assert.IsTrue(SpinWait.SpinUntil(() => device.Client.Session.PendingCount < capacity, 10000),
                        "replies stopped after " + device.Replies.Count + " posts");
                    report.Clear();
                    report.Add("Count", (long)i).Add("Temperature", 20.5 + i % 10);
                    Assert.AreEqual(SendResult.Accepted, device.Client.ReportProperties(report, out ids[i]), "post " + i);
                }

                Eventually.True(() => device.Replies.Count == Posts, "all " + Posts + " replies (have " + device.Replies.Count + ")", 10000);
                CollectionAssert.AreEquivalent(ids, device.Replies.Select(r => r.Id).ToArray());
                Assert.AreEqual(Posts, ids.Distinct().Count(), "ids are unique");
                Assert.IsTrue(device.Replies.All(r => r.Code == 200 && r.Method == "thing.event.property.post"));
                Assert.AreEqual(0, device.Client.Session.Counters.Timeouts);
                Assert.AreEqual(0, device.Client.Session.PendingCount);
                // One outcome per post, under its id, raised before the reply is told.
                CollectionAssert.AreEquivalent(ids, device.Outcomes.Select(o => o.Id).ToArray());
                Assert.IsTrue(device.Outcomes.All(o => o.Status == OutcomeStatus.Acknowledged && o.Code == 200), "every post acknowledged by its reply");
                CollectionAssert.AreEqual(Array.Empty<string>(), device.UnexpectedRejections(), "no unmatched or malformed replies");
                Assert.AreEqual(Posts, platform.Answers);
                Console.WriteLine(Posts + " posts with replies in " + clock.ElapsedMilliseconds + " ms");
            }
        }
    }
}
