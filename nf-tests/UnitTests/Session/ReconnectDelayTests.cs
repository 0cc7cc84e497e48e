using IotDevice.Session;
using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>The session waits out each reconnect delay on its clock: the next attempt comes at the delay, not a millisecond sooner.</summary>
    [TestClass]
    public class ReconnectDelayTests
    {
        private const int InitialMs = 1000;
        private const int MaxMs = 8000;

        private static SessionOptions Options(ManualClock clock, int seed)
        {
            SessionOptions options = new SessionOptions();
            options.Clock = clock;
            options.InitialReconnectDelayMs = InitialMs;
            options.MaxReconnectDelayMs = MaxMs;
            options.RandomSeed = seed;
            return options;
        }

        /// <summary>A backoff with the session's settings and seed: it draws the same delays (ReconnectBackoffTests).</summary>
        private static ReconnectBackoff Expected(SessionOptions options)
        {
            return new ReconnectBackoff(InitialMs, MaxMs, options.FlapWindowMs, options.RandomSeed);
        }

        [TestMethod]
        public void A_refused_connect_is_tried_again_exactly_when_its_backoff_delay_has_passed()
        {
            FakeTransport transport = new FakeTransport();
            transport.NextConnectResult = MqttConnectResult.ServerUnavailable;
            ManualClock clock = new ManualClock();
            SessionOptions options = Options(clock, 9);
            ReconnectBackoff expected = Expected(options);
            DeviceSession session = new DeviceSession(transport, new TestDialect(), options);
            session.Start();
            try
            {
                for (int attempt = 1; attempt <= 3; attempt++)
                {
                    int delay = expected.NextDelayAfterFailure();
                    int made = attempt;
                    Waits.Until(() => transport.ConnectAttempts == made && session.State == SessionState.WaitingToReconnect && clock.Waiting == 1,
                        "attempt " + made.ToString() + " refused and the worker waiting");
                    clock.Advance(delay - 1);
                    Waits.Parked(clock, 1, "the worker has seen the clock 1 ms before the delay ends");
                    Assert.AreEqual(made, transport.ConnectAttempts, "no attempt before the " + delay.ToString() + " ms delay has passed");
                    Assert.AreEqual(clock.NowMs + 1, clock.NextDeadline, "the worker waits for exactly the rest of the delay");
                    clock.Advance(1);
                    Waits.Until(() => transport.ConnectAttempts == made + 1, "the attempt once the delay has passed");
                }
                Assert.AreEqual(4L, session.Counters.ConnectFailures);
            }
            finally
            {
                session.Stop();
            }
        }

        [TestMethod]
        public void A_lost_connection_is_re_established_when_the_loss_delay_has_passed()
        {
            FakeTransport transport = new FakeTransport();
            ManualClock clock = new ManualClock();
            SessionOptions options = Options(clock, 12);
            ReconnectBackoff expected = Expected(options);
            DeviceSession session = new DeviceSession(transport, new TestDialect(), options);
            Waits.Announced(session);
            try
            {
                // Connected for 3 s, announced: a served connection, so the delay is drawn from the initial ceiling.
                clock.Advance(3000);
                int delay = expected.NextDelayAfterLoss(3000, true);
                transport.Drop("broker restarted");
                Waits.Until(() => session.State == SessionState.WaitingToReconnect && clock.Waiting == 1, "the worker waiting to reconnect");
                clock.Advance(delay - 1);
                Waits.Parked(clock, 1, "the worker has seen the clock 1 ms before the delay ends");
                Assert.AreEqual(1, transport.ConnectAttempts, "no attempt before the " + delay.ToString() + " ms delay has passed");
                clock.Advance(1);
                Waits.Until(() => session.IsAnnounced && transport.ConnectAttempts == 2, "reconnected and announced once the delay has passed");
                Assert.AreEqual(0L, session.Counters.Flaps, "a served connection is no flap");
            }
            finally
            {
                session.Stop();
            }
        }
    }
}
