using System.Collections;
using IotDevice.Session;
using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>The session engine against an in-memory transport: lifecycle, outbox, requests, rejections.</summary>
    [TestClass]
    public class DeviceSessionTests
    {
        // One thread waits on a session's clock: its worker.
        private const int Worker = 1;

        /// <summary>Options on <paramref name="clock"/>: every delay passes only when the test steps it.</summary>
        private static SessionOptions FastOptions(ManualClock clock)
        {
            SessionOptions options = new SessionOptions();
            options.Clock = clock;
            options.InitialReconnectDelayMs = 100;
            options.MaxReconnectDelayMs = 400;
            options.FlapWindowMs = 60000;
            options.RandomSeed = 1;
            return options;
        }

        private static byte[] Text(string text)
        {
            return System.Text.Encoding.UTF8.GetBytes(text);
        }

        private static void PublishQos1(DeviceSession session, string payload)
        {
            byte[] bytes = Text(payload);
            Assert.AreEqual((int)SendResult.Accepted, (int)session.Publish("up/device-1/data", bytes, bytes.Length, MqttQos.AtLeastOnce, false, payload));
        }

        private static int CountPayloads(FakeTransport transport, string prefix)
        {
            int count = 0;
            string[] sent = transport.Published();
            for (int i = 0; i < sent.Length; i++)
            {
                if (sent[i].IndexOf(prefix) >= 0)
                {
                    count++;
                }
            }
            return count;
        }

        [TestMethod]
        public void Connects_subscribes_then_announces()
        {
            FakeTransport transport = new FakeTransport();
            TestDialect dialect = new TestDialect();
            DeviceSession session = new DeviceSession(transport, dialect, FastOptions(new ManualClock()));
            session.Start();
            try
            {
                Waits.Until(() => session.IsAnnounced && dialect.Announcements == 1, "connected and announced");
                Assert.AreEqual(2, transport.Subscriptions);
                Assert.AreEqual("up/device-1/info|hello", transport.Published()[0]);
                Assert.AreEqual(1L, session.Counters.Connects);
                Assert.AreEqual("s3cret", transport.LastOptions.Password);
            }
            finally
            {
                session.Stop();
            }
            Assert.AreEqual((int)SessionState.Stopped, (int)session.State);
        }

        [TestMethod]
        public void Reports_made_offline_arrive_in_order_after_reconnect_with_resubscribe_and_reannounce()
        {
            FakeTransport transport = new FakeTransport();
            TestDialect dialect = new TestDialect();
            ManualClock clock = new ManualClock();
            DeviceSession session = new DeviceSession(transport, dialect, FastOptions(clock));
            session.Start();
            try
            {
                Waits.Until(() => session.IsConnected, "connected");
                transport.NextConnectResult = MqttConnectResult.ServerUnavailable;
                transport.Drop("broker went away");
                Waits.Until(() => session.State == SessionState.WaitingToReconnect, "waiting to reconnect");
                for (int i = 0; i < 5; i++)
                {
                    PublishQos1(session, "offline-" + i.ToString());
                }
                Waits.Stepping(clock, Worker, () => transport.ConnectAttempts >= 3, "retried while the broker refuses");
                Assert.AreEqual(5, session.OutboxCount, "nothing lost while offline");
                transport.NextConnectResult = MqttConnectResult.Accepted;
                Waits.Stepping(clock, Worker, () => session.OutboxCount == 0, "outbox drained");
                string[] sent = transport.Published();
                int next = 0;
                for (int i = 0; i < sent.Length; i++)
                {
                    if (sent[i].IndexOf("offline-") >= 0)
                    {
                        Assert.AreEqual("up/device-1/data|offline-" + next.ToString(), sent[i], "order after reconnect");
                        next++;
                    }
                }
                Assert.AreEqual(5, next);
                Assert.AreEqual(2, dialect.Announcements, "announced again after the reconnect");
                Assert.AreEqual(4, transport.Subscriptions, "subscribed again after the reconnect");
                Assert.IsTrue(session.Counters.ConnectFailures >= 2);
                Assert.AreEqual(1L, session.Counters.Disconnects);
                Assert.AreEqual(5L, session.Counters.Delivered);
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void Announcements_go_out_first_and_take_no_room_in_the_outbox()
        {
            FakeTransport transport = new FakeTransport();
            TestDialect dialect = new TestDialect();
            dialect.AnnounceQos = MqttQos.AtLeastOnce;
            SessionOptions options = FastOptions(new ManualClock());
            options.OutboxMessages = 3;
            DeviceSession session = new DeviceSession(transport, dialect, options);
            PublishQos1(session, "b0");
            PublishQos1(session, "b1");
            PublishQos1(session, "b2");
            session.Start();
            try
            {
                Waits.Until(() => session.OutboxCount == 0, "backlog delivered");
                string[] sent = transport.Published();
                Assert.AreEqual("up/device-1/info|hello", sent[0], "the announcement precedes the backlog");
                Assert.AreEqual("up/device-1/data|b0", sent[1]);
                Assert.AreEqual("up/device-1/data|b2", sent[3]);
                Assert.AreEqual(0L, session.Counters.Dropped);
                Assert.AreEqual(3L, session.Counters.Delivered, "the announcement's PUBACK completes nothing in the outbox");
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void Outbox_overflow_drops_exactly_the_oldest_and_reports_each()
        {
            FakeTransport transport = new FakeTransport();
            SessionOptions options = FastOptions(new ManualClock());
            options.OutboxMessages = 5;
            DeviceSession session = new DeviceSession(transport, new TestDialect(), options);
            ArrayList dropped = new ArrayList();
            session.MessageDropped += (message, reason) =>
            {
                Assert.AreEqual((int)DropReason.OutboxOverflow, (int)reason);
                dropped.Add(message.State);
            };
            for (int i = 0; i < 8; i++)
            {
                PublishQos1(session, "m" + i.ToString());
            }
            Assert.AreEqual(3L, session.Counters.Dropped);
            Assert.AreEqual(3, dropped.Count);
            Assert.AreEqual("m0", (string)dropped[0]);
            Assert.AreEqual("m2", (string)dropped[2]);
            session.Start();
            try
            {
                Waits.Until(() => session.OutboxCount == 0, "outbox drained");
                Assert.AreEqual(5, CountPayloads(transport, "|m"));
                Assert.AreEqual(0, CountPayloads(transport, "|m0"));
                Assert.AreEqual(1, CountPayloads(transport, "|m7"));
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void Messages_in_flight_when_the_link_drops_are_sent_again()
        {
            FakeTransport transport = new FakeTransport();
            transport.AutoAck = false;
            ManualClock clock = new ManualClock();
            DeviceSession session = new DeviceSession(transport, new TestDialect(), FastOptions(clock));
            session.Start();
            try
            {
                Waits.Until(() => session.IsConnected, "connected");
                PublishQos1(session, "x1");
                PublishQos1(session, "x2");
                Waits.Until(() => CountPayloads(transport, "|x") == 2, "both sent once");
                transport.AutoAck = true;
                transport.Drop("reset by peer");
                Waits.Until(() => session.State == SessionState.WaitingToReconnect, "waiting to reconnect");
                Waits.Stepping(clock, Worker, () => session.OutboxCount == 0, "delivered after the reconnect");
                Assert.AreEqual(2, CountPayloads(transport, "|x1"), "x1 went out twice");
                Assert.AreEqual(2L, session.Counters.Retries);
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void A_reply_that_never_comes_times_out_when_the_clock_passes_the_deadline()
        {
            FakeTransport transport = new FakeTransport();
            ManualClock clock = new ManualClock();
            SessionOptions options = FastOptions(clock);
            options.RequestTimeoutMs = 30000;
            DeviceSession session = new DeviceSession(transport, new TestDialect(), options);
            PendingRequest timedOut = null;
            session.RequestTimedOut += request => timedOut = request;
            session.Start();
            try
            {
                Waits.Until(() => session.IsConnected, "connected");
                byte[] body = Text("{\"id\":\"42\"}");
                PendingRequest request;
                SendResult result = session.SendRequest("up/device-1/get", body, body.Length, MqttQos.AtMostOnce, 7, 42, 42, out request);
                Assert.AreEqual((int)SendResult.Accepted, (int)result);
                Assert.IsNotNull(request);
                clock.Advance(29999);
                // Parked again: the worker has looked at the table at 29 999 ms and waits for the last one.
                Waits.Parked(clock, Worker, "the worker has seen the clock at 29 999 ms");
                Assert.AreEqual(clock.NowMs + 1, clock.NextDeadline, "it waits exactly for the deadline");
                Assert.IsNull(timedOut, "not before its deadline");
                Assert.AreEqual(1, session.PendingCount);
                clock.Advance(1);
                Waits.Until(() => timedOut != null, "timeout reported");
                Assert.AreSame(request, timedOut);
                Assert.AreEqual(42L, timedOut.Id);
                Assert.AreEqual(1L, session.Counters.Timeouts);
                Assert.AreEqual(0, session.PendingCount);
                Assert.IsNull(session.CompleteRequest(7, 42), "a late reply finds nothing");
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void Replies_complete_requests_by_kind_and_id_and_a_full_table_refuses_more()
        {
            FakeTransport transport = new FakeTransport();
            SessionOptions options = FastOptions(new ManualClock());
            options.PendingCapacity = 2;
            DeviceSession session = new DeviceSession(transport, new TestDialect(), options);
            session.Start();
            try
            {
                Waits.Until(() => session.IsConnected, "connected");
                byte[] body = Text("{}");
                PendingRequest first;
                PendingRequest other;
                Assert.AreEqual((int)SendResult.Accepted, (int)session.SendRequest("up/r", body, body.Length, MqttQos.AtMostOnce, 3, 1, 1, out first));
                Assert.AreEqual((int)SendResult.DuplicateRequest, (int)session.SendRequest("up/r", body, body.Length, MqttQos.AtMostOnce, 3, 1, 1, out other));
                Assert.IsNull(other);
                session.SendRequest("up/r", body, body.Length, MqttQos.AtMostOnce, 3, 2, 2, out other);
                Assert.AreEqual((int)SendResult.PendingTableFull, (int)session.SendRequest("up/r", body, body.Length, MqttQos.AtMostOnce, 3, 3, 3, out other));
                Assert.IsNull(session.CompleteRequest(4, 1), "a reply of another kind");
                Assert.AreSame(first, session.CompleteRequest(3, 1));
                Assert.AreEqual(1, session.PendingCount);
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void A_report_completes_on_its_puback_and_a_qos0_report_waits_for_nothing()
        {
            FakeTransport transport = new FakeTransport();
            DeviceSession session = new DeviceSession(transport, new TestDialect(), FastOptions(new ManualClock()));
            PendingRequest delivered = null;
            session.RequestDelivered += request => delivered = request;
            session.Start();
            try
            {
                Waits.Until(() => session.IsConnected, "connected");
                byte[] body = Text("[]");
                PendingRequest request;
                session.SendReport("up/p", body, body.Length, MqttQos.AtLeastOnce, session.NewId(), out request);
                Waits.Until(() => delivered != null, "delivered");
                Assert.AreSame(request, delivered);
                Assert.AreEqual(0, session.PendingCount);
                PendingRequest quick;
                long id = session.NewId();
                Assert.AreEqual((int)SendResult.Accepted, (int)session.SendReport("up/p", body, body.Length, MqttQos.AtMostOnce, id, out quick));
                Assert.AreEqual(id, quick.Id);
                Assert.AreEqual(0, session.PendingCount, "nothing acknowledges QoS 0");
                Assert.IsTrue(session.NewId() > id, "ids are not reused");
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void Oversized_and_failing_inbound_messages_are_counted_and_the_session_goes_on()
        {
            FakeTransport transport = new FakeTransport();
            TestDialect dialect = new TestDialect();
            SessionOptions options = FastOptions(new ManualClock());
            options.MaxInboundBytes = 64;
            DeviceSession session = new DeviceSession(transport, dialect, options);
            ArrayList reasons = new ArrayList();
            session.InboundRejected += (topic, reason, detail) => reasons.Add(reason);
            session.Start();
            try
            {
                Waits.Until(() => session.IsAnnounced, "connected and announced");
                transport.Deliver("down/device-1/big", new byte[65]);
                transport.Deliver("down/device-1/ok", new byte[64]);
                dialect.ThrowOnMessage = true;
                transport.Deliver("down/device-1/boom", new byte[1]);
                dialect.ThrowOnMessage = false;
                transport.Deliver("down/device-1/after", new byte[1]);
                Assert.AreEqual(2, dialect.Received.Count);
                Assert.AreEqual(2L, session.Counters.Rejected);
                Assert.AreEqual(4L, session.Counters.MessagesIn);
                Assert.AreEqual((int)RejectReason.Oversized, (int)reasons[0]);
                Assert.AreEqual((int)RejectReason.HandlerFailed, (int)reasons[1]);
                Assert.IsTrue(session.IsConnected);
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void Qos0_while_offline_is_dropped_and_counted()
        {
            DeviceSession session = new DeviceSession(new FakeTransport(), new TestDialect(), FastOptions(new ManualClock()));
            byte[] body = Text("x");
            Assert.AreEqual((int)SendResult.NotConnected, (int)session.Publish("up/t", body, 1, MqttQos.AtMostOnce, false, null));
            Assert.AreEqual(1L, session.Counters.Dropped);
        }

        [TestMethod]
        public void Bad_configuration_stops_the_session_instead_of_retrying()
        {
            FakeTransport transport = new FakeTransport();
            TestDialect dialect = new TestDialect();
            dialect.ConfigurationError = "device number must not contain '&'";
            DeviceSession session = new DeviceSession(transport, dialect, FastOptions(new ManualClock()));
            string log = "";
            session.Log += line => log += line + "\n";
            session.Start();
            Waits.Until(() => log.IndexOf("must not contain") >= 0 && session.State == SessionState.Stopped, "stopped with the reason logged");
            Assert.AreEqual(0, transport.ConnectAttempts);
            session.Stop();
        }

        [TestMethod]
        public void A_dialect_not_ready_to_connect_is_asked_again_after_the_backoff()
        {
            FakeTransport transport = new FakeTransport();
            TestDialect dialect = new TestDialect();
            dialect.NotReadyAttempts = 2;
            ManualClock clock = new ManualClock();
            DeviceSession session = new DeviceSession(transport, dialect, FastOptions(clock));
            session.Start();
            try
            {
                Waits.Stepping(clock, Worker, () => session.IsConnected, "connected once the dialect is ready");
                Assert.AreEqual(1, transport.ConnectAttempts, "the transport saw only the attempt with options");
                Assert.AreEqual(2L, session.Counters.ConnectFailures);
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void The_password_never_reaches_the_log()
        {
            FakeTransport transport = new FakeTransport();
            transport.NextConnectResult = MqttConnectResult.BadUsernameOrPassword;
            ManualClock clock = new ManualClock();
            DeviceSession session = new DeviceSession(transport, new TestDialect(), FastOptions(clock));
            string log = "";
            session.Log += line => log += line + "\n";
            session.Start();
            try
            {
                Waits.Stepping(clock, Worker, () => transport.ConnectAttempts >= 2, "two refused attempts");
            }
            finally
            {
                session.Stop();
            }
            Assert.IsTrue(log.IndexOf("connect failed") >= 0);
            Assert.AreEqual(-1, log.IndexOf("s3cret"));
        }
    }
}
