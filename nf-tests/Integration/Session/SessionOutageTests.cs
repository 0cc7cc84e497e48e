using System;
using System.Collections.Generic;
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
    /// The session engine over the host transport, against a real mosquitto that is killed and started
    /// again while the device keeps reporting. The observing "platform" client has a persistent session
    /// on a persistent broker, so after the restart it receives everything the broker accepted for it,
    /// and the test can account for every report.
    /// </summary>
    [TestClass]
    public class SessionOutageTests
    {
        private sealed class Observer : IDisposable
        {
            private readonly MqttConnectOptions _options;

            public Observer(MosquittoBroker broker, string filter)
            {
                Transport = new HostMqttTransport();
                Events = new TransportEvents(Transport);
                _options = TestClients.Options(broker, "platform");
                _options.CleanSession = false;
                DateTime before = DateTime.UtcNow.AddSeconds(-1);
                TestClients.ConnectOrFail(Transport, _options);
                TestClients.SubscribeAndWait(Transport, Events, filter, MqttQos.AtLeastOnce);
                // The subscription must be on disk before a test kills the broker.
                broker.WaitUntilSaved(before);
            }

            public HostMqttTransport Transport { get; }

            public TransportEvents Events { get; }

            /// <summary>Back after the broker restart: its persistent session still holds the subscription.</summary>
            public void Reconnect() => Eventually.True(() => Transport.Connect(_options) == MqttConnectResult.Accepted, "the observer reconnects");

            public List<int> Reports(string topic) =>
                Events.Messages.Where(m => m.Topic == topic).Select(m => int.Parse(m.Text.Substring(1))).ToList();

            /// <summary>
            /// The messages the device sent on <paramref name="topic"/>, each once: the observer's session
            /// outlives the broker's restart, so a QoS 1 message it had not acknowledged when the broker died
            /// (a slow observer on a loaded machine) comes again after the restart, marked DUP under the same
            /// packet id. That is the broker's redelivery, not another message from the device.
            /// </summary>
            public int Count(string topic)
            {
                var seen = new HashSet<ushort>();
                int count = 0;
                foreach (ReceivedMessage message in Events.Messages.Where(m => m.Topic == topic))
                {
                    if (!(message.Duplicate && seen.Contains(message.PacketId)))
                    {
                        count++;
                    }
                    seen.Add(message.PacketId);
                }
                return count;
            }

            public void Dispose() => Transport.Dispose();
        }

        private static DeviceSession NewSession(ReportingDialect dialect, int outboxMessages) =>
            new DeviceSession(new HostMqttTransport(), dialect, new SessionOptions
            {
                InitialReconnectDelayMs = 200,
                MaxReconnectDelayMs = 800,
                FlapWindowMs = 1000,
                OutboxMessages = outboxMessages,
                OutboxBytes = 64 * 1024,
                RandomSeed = 11,
            });

        private static void Report(DeviceSession session, ReportingDialect dialect, int number)
        {
            byte[] payload = Encoding.UTF8.GetBytes("r" + number);
            Assert.AreEqual(SendResult.Accepted, session.Publish(dialect.ReportTopic, payload, payload.Length, MqttQos.AtLeastOnce, false, number));
        }

        /// <summary>Every number in [0, count) arrived, and first arrivals are in order (repeats are at-least-once retries).</summary>
        private static void AssertAllInOrder(List<int> received, int from, int count)
        {
            var firstArrivals = new List<int>();
            foreach (int number in received)
            {
                if (!firstArrivals.Contains(number))
                {
                    firstArrivals.Add(number);
                }
            }
            CollectionAssert.AreEqual(Enumerable.Range(from, count).ToList(), firstArrivals, "reports in order: " + string.Join(",", received));
        }

        [TestMethod]
        public void Reports_made_during_an_outage_arrive_in_order_after_reconnect()
        {
            using var broker = MosquittoBroker.Start(new MosquittoSettings { Persistent = true });
            var dialect = new ReportingDialect(broker, TestClients.Unique("device"));
            using var observer = new Observer(broker, "devices/" + dialect.DeviceId + "/#");
            DeviceSession session = NewSession(dialect, 100);
            session.Start();
            try
            {
                Eventually.True(() => session.IsConnected, "the device connects");
                for (int i = 0; i < 20; i++)
                {
                    Report(session, dialect, i);
                }
                Eventually.True(() => session.OutboxCount == 0, "the first reports are acknowledged");

                broker.Stop();
                Eventually.True(() => !session.IsConnected, "the device notices the outage");
                for (int i = 20; i < 50; i++)
                {
                    Report(session, dialect, i);
                }
                Eventually.True(() => session.Counters.ConnectFailures >= 1, "reconnect attempts fail while the broker is down");
                Assert.AreEqual(30, session.OutboxCount, "every report made offline is kept");

                broker.Start();
                Eventually.True(() => session.IsConnected, "the device reconnects", 10000);
                observer.Reconnect();
                for (int i = 50; i < 60; i++)
                {
                    Report(session, dialect, i);
                }
                Eventually.True(() => session.OutboxCount == 0, "everything is acknowledged", 10000);
                Eventually.True(() => observer.Reports(dialect.ReportTopic).Distinct().Count() == 60, "the observer has all 60 reports", 10000);
                AssertAllInOrder(observer.Reports(dialect.ReportTopic), 0, 60);

                Assert.AreEqual(2, observer.Count(dialect.AnnounceTopic), "announced after the first connect and after the reconnect");
                TestClients.Publish(observer.Transport, dialect.CommandTopic, "restart", MqttQos.AtLeastOnce);
                Eventually.True(() => dialect.Commands.Contains("restart"), "the command topic was subscribed again after the reconnect");

                Assert.AreEqual(2, session.Counters.Connects);
                Assert.AreEqual(1, session.Counters.Disconnects);
                Assert.AreEqual(0, session.Counters.Dropped);
                Assert.IsTrue(session.Counters.Delivered >= 60, "every report acknowledged");
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void A_message_the_observer_had_not_acknowledged_when_the_broker_died_comes_again_and_is_counted_once()
        {
            using var broker = MosquittoBroker.Start(new MosquittoSettings { Persistent = true });
            var dialect = new ReportingDialect(broker, TestClients.Unique("device"));
            using var observer = new Observer(broker, "devices/" + dialect.DeviceId + "/#");
            // A loaded machine, made certain: the observer is handed the first announcement, but its
            // PUBACK (sent when the handler returns) is held back until the broker has died.
            var release = new ManualResetEventSlim();
            int holding = 0;
            observer.Events.Callbacks.OnMessage += (topic, payload, retained) =>
            {
                if (topic == dialect.AnnounceTopic && Interlocked.Exchange(ref holding, 1) == 0)
                {
                    release.Wait(10000);
                }
            };
            DeviceSession session = NewSession(dialect, 100);
            session.Start();
            try
            {
                Eventually.True(() => Volatile.Read(ref holding) == 1, "the observer holds the first announcement");
                DateTime held = DateTime.UtcNow;
                // More than the broker keeps in flight to one client (20): the rest wait in its queue, and
                // a queued message makes the persistent broker save what it holds, the announcement too.
                for (int i = 0; i < 25; i++)
                {
                    Report(session, dialect, i);
                }
                Eventually.True(() => session.OutboxCount == 0, "the reports are acknowledged");
                broker.WaitUntilSaved(held);

                broker.Stop();
                release.Set();
                Eventually.True(() => !session.IsConnected, "the device notices the outage");
                broker.Start();
                Eventually.True(() => session.IsConnected, "the device reconnects", 10000);
                observer.Reconnect();
                Eventually.True(() => observer.Events.Messages.Count(m => m.Topic == dialect.AnnounceTopic) == 3,
                    "the first announcement, the broker's redelivery of it, the announcement after the reconnect", 10000);

                ReceivedMessage[] announcements = observer.Events.Messages.Where(m => m.Topic == dialect.AnnounceTopic).ToArray();
                Assert.AreEqual(1, announcements.Count(m => m.Duplicate && m.PacketId == announcements[0].PacketId), "the redelivery is marked DUP");
                Assert.AreEqual(2, observer.Count(dialect.AnnounceTopic), "the device announced twice");
                Eventually.True(() => observer.Reports(dialect.ReportTopic).Distinct().Count() == 25, "the observer has all 25 reports", 10000);
                Assert.AreEqual(2, session.Counters.Connects, "the device connected twice");
                Assert.AreEqual(1, session.Counters.Disconnects);
            }
            finally
            {
                release.Set();
                session.Stop();
            }
        }

        [TestMethod]
        public void Overflow_beyond_the_outbox_is_counted_exactly_and_the_newest_are_delivered()
        {
            using var broker = MosquittoBroker.Start(new MosquittoSettings { Persistent = true });
            var dialect = new ReportingDialect(broker, TestClients.Unique("device"));
            using var observer = new Observer(broker, dialect.ReportTopic);
            DeviceSession session = NewSession(dialect, 10);
            var dropped = new List<int>();
            session.MessageDropped += (message, reason) =>
            {
                Assert.AreEqual(DropReason.OutboxOverflow, reason);
                lock (dropped)
                {
                    dropped.Add((int)message.State);
                }
            };
            session.Start();
            try
            {
                Eventually.True(() => session.IsConnected, "the device connects");
                broker.Stop();
                Eventually.True(() => !session.IsConnected, "the device notices the outage");
                for (int i = 0; i < 25; i++)
                {
                    Report(session, dialect, i);
                }
                Assert.AreEqual(15, session.Counters.Dropped, "25 reports into an outbox of 10");
                CollectionAssert.AreEqual(Enumerable.Range(0, 15).ToList(), dropped, "the oldest were dropped, each reported");

                broker.Start();
                observer.Reconnect();
                Eventually.True(() => session.OutboxCount == 0, "the kept reports are delivered", 10000);
                Eventually.True(() => observer.Reports(dialect.ReportTopic).Distinct().Count() == 10, "the observer has the 10 kept reports", 10000);
                AssertAllInOrder(observer.Reports(dialect.ReportTopic), 15, 10);
                Assert.AreEqual(15, session.Counters.Dropped, "the announcement after the reconnect took no room from the reports");
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void A_silent_broker_is_detected_by_keep_alive_and_the_session_recovers()
        {
            using var broker = MosquittoBroker.Start();
            var dialect = new ReportingDialect(broker, TestClients.Unique("device")) { KeepAliveSeconds = 2 };
            DeviceSession session = NewSession(dialect, 10);
            session.Start();
            try
            {
                Eventually.True(() => session.IsConnected, "the device connects");
                broker.Pause();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                Eventually.True(() => !session.IsConnected, "the session sees the link die", 6000);
                Assert.IsTrue(clock.ElapsedMilliseconds <= 3500, "detected within 1.5 x keep-alive (+ margin): " + clock.ElapsedMilliseconds + " ms");
                broker.Resume();
                Eventually.True(() => session.IsConnected && session.Counters.Connects >= 2, "the session reconnects", 10000);
            }
            finally
            {
                session.Stop();
            }
        }
    }
}
