using IotDevice.Session;
using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// Whatever a transport throws — on connect, subscribe, publish or disconnect — the session survives
    /// it: a refused or failed send, counted and reported, never an exception out of the session.
    /// </summary>
    [TestClass]
    public class TransportFaultTests
    {
        // One thread waits on a session's clock: its worker.
        private const int Worker = 1;

        private static DeviceSession NewSession(ThrowingTransport transport, ManualClock clock)
        {
            SessionOptions options = new SessionOptions();
            options.Clock = clock;
            options.InitialReconnectDelayMs = 100;
            options.MaxReconnectDelayMs = 200;
            options.RandomSeed = 3;
            return new DeviceSession(transport, new TestDialect(), options);
        }

        private static byte[] Payload()
        {
            return System.Text.Encoding.UTF8.GetBytes("23.5");
        }

        [TestMethod]
        public void A_qos_0_publish_the_transport_throws_on_is_refused_counted_and_reported()
        {
            ThrowingTransport transport = new ThrowingTransport();
            DeviceSession session = NewSession(transport, new ManualClock());
            int reported = 0;
            session.MessageDropped += (message, reason) =>
            {
                if (reason == DropReason.TransportRefused)
                {
                    reported++;
                }
            };
            Waits.Announced(session);
            try
            {
                transport.PublishThrows = 1;
                byte[] payload = Payload();
                Assert.AreEqual((int)SendResult.TransportRefused, (int)session.Publish("up/t", payload, payload.Length, MqttQos.AtMostOnce, false, null));
                Assert.AreEqual(1, reported);
                Assert.AreEqual(1L, session.Counters.Dropped);
                Assert.AreEqual(1L, session.Counters.TransportErrors);
                Assert.IsTrue(session.IsConnected, "the link is not given up for one refusal");
                Assert.AreEqual((int)SendResult.Accepted, (int)session.Publish("up/t", payload, payload.Length, MqttQos.AtMostOnce, false, null));
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void A_qos_1_report_the_transport_refuses_stays_in_the_outbox_until_it_is_taken()
        {
            ThrowingTransport transport = new ThrowingTransport();
            ManualClock clock = new ManualClock();
            DeviceSession session = NewSession(transport, clock);
            Waits.Announced(session);
            try
            {
                transport.PublishThrows = 2;
                byte[] payload = Payload();
                Assert.AreEqual((int)SendResult.Accepted, (int)session.Publish("up/t", payload, payload.Length, MqttQos.AtLeastOnce, false, null));
                // Parked after one refusal: the worker pauses sending instead of trying again at once.
                Waits.Until(() => session.Counters.TransportErrors == 1 && clock.Waiting == 1, "refused once, and sending paused");
                Waits.Stepping(clock, Worker, () => session.Counters.Delivered == 1, "sent once the transport takes it");
                Assert.AreEqual(2L, session.Counters.TransportErrors);
                Assert.AreEqual(0L, session.Counters.Dropped);
                Assert.AreEqual(1L, session.Counters.Connects, "two refusals in a row keep the connection");

                transport.PublishThrows = 3;
                Assert.AreEqual((int)SendResult.Accepted, (int)session.Publish("up/t", payload, payload.Length, MqttQos.AtLeastOnce, false, null));
                Waits.Stepping(clock, Worker, () => session.Counters.Delivered == 2, "delivered after a reconnect");
                Assert.AreEqual(2L, session.Counters.Connects, "a transport that keeps refusing costs the connection");
                Assert.AreEqual(0, session.OutboxCount);
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void Connect_subscribe_and_disconnect_that_throw_are_failures_the_session_retries()
        {
            ThrowingTransport transport = new ThrowingTransport();
            transport.ConnectThrows = 2;
            transport.SubscribeThrows = 1;
            transport.DisconnectThrows = 100;
            ManualClock clock = new ManualClock();
            DeviceSession session = NewSession(transport, clock);
            Waits.Announced(session, clock);
            try
            {
                Assert.AreEqual(2L, session.Counters.ConnectFailures, "each throwing connect is a failed attempt");
                Assert.AreEqual(2L, session.Counters.Connects, "the subscribe that threw cost one connection");
                Assert.IsTrue(session.Counters.TransportErrors >= 3, "connect twice, subscribe once (and disconnect)");
            }
            finally
            {
                session.Stop();
            }
            Assert.AreEqual((int)SessionState.Stopped, (int)session.State, "a disconnect that throws does not stop the stop");
        }
    }
}
