using System.Collections;
using System.Text;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// One device for every dialect's tests: a client on the in-memory transport and a manual clock,
    /// with every outcome, rejection, update offer and log line recorded. A dialect's tests add only
    /// its identity and helpers for its topics.
    /// </summary>
    internal sealed class DeviceRig
    {
        public readonly FakeTransport Transport = new FakeTransport();
        public readonly ManualClock Clock = new ManualClock();
        public readonly ArrayList Outcomes = new ArrayList();
        public readonly ArrayList Rejections = new ArrayList();
        public readonly ArrayList Offers = new ArrayList();
        public readonly ArrayList Log = new ArrayList();
        public readonly DeviceClient Client;
        private int _baseline;

        public DeviceRig(IDeviceDialect dialect) : this(dialect, Quick())
        {
        }

        public DeviceRig(IDeviceDialect dialect, SessionOptions options)
        {
            options.Clock = Clock;
            Client = new DeviceClient(Transport, dialect, options);
            Client.Outcome += outcome => { lock (Outcomes) { Outcomes.Add(outcome); } };
            Client.Session.InboundRejected += (topic, reason, detail) => Rejections.Add((int)reason);
            Client.UpdateOffered += offer => Offers.Add(offer);
            Client.Session.Log += line => Log.Add(line);
        }

        /// <summary>Session options with short reconnect delays and a fixed jitter seed.</summary>
        public static SessionOptions Quick()
        {
            SessionOptions options = new SessionOptions();
            options.InitialReconnectDelayMs = 100;
            options.MaxReconnectDelayMs = 400;
            options.RandomSeed = 1;
            return options;
        }

        public DeviceSession Session
        {
            get { return Client.Session; }
        }

        /// <summary>Starts and waits until connected and <paramref name="announcements"/> messages went out.</summary>
        public DeviceRig Start(int announcements)
        {
            Client.Start();
            Waits.Until(() => Session.IsAnnounced && Transport.Published().Length >= announcements, "connected and announced");
            _baseline = Transport.Published().Length;
            return this;
        }

        public void Stop()
        {
            Client.Stop();
        }

        /// <summary>Lets <paramref name="ms"/> of the session's time pass.</summary>
        public void Advance(long ms)
        {
            Clock.Advance(ms);
        }

        /// <summary>
        /// Waits until <paramref name="condition"/> holds, letting the session's time run through backoffs
        /// and timeouts whenever its worker is parked on the clock (<see cref="Waits.Stepping"/>).
        /// </summary>
        public void Until(WaitCondition condition, string what)
        {
            Waits.Stepping(Clock, 1, condition, what);
        }

        public void Deliver(string topic, string json)
        {
            Transport.Deliver(topic, Encoding.UTF8.GetBytes(json));
        }

        /// <summary>Messages published since Start or <see cref="Mark"/>, as "topic|payload".</summary>
        public string[] Sent()
        {
            string[] all = Transport.Published();
            string[] since = new string[all.Length - _baseline];
            for (int i = 0; i < since.Length; i++)
            {
                since[i] = all[_baseline + i];
            }
            return since;
        }

        /// <summary>The last message published since Start or <see cref="Mark"/>.</summary>
        public string Last()
        {
            string[] sent = Sent();
            Assert.IsTrue(sent.Length > 0, "nothing was published");
            return sent[sent.Length - 1];
        }

        /// <summary>Forgets what was published so far.</summary>
        public void Mark()
        {
            _baseline = Transport.Published().Length;
        }

        public bool Rejected(RejectReason reason)
        {
            return Rejections.Contains((int)reason);
        }

        public bool Logged(string text)
        {
            for (int i = 0; i < Log.Count; i++)
            {
                if (((string)Log[i]).IndexOf(text) >= 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>The outcome of <paramref name="id"/>, waiting for it (the session may still be on it).</summary>
        public Outcome OutcomeOf(long id)
        {
            Outcome found = null;
            Waits.Until(() => (found = Find(id)) != null, "the outcome of " + id.ToString());
            return found;
        }

        /// <summary>The outcome of <paramref name="id"/> if it has come, else null.</summary>
        public Outcome Find(long id)
        {
            lock (Outcomes)
            {
                for (int i = 0; i < Outcomes.Count; i++)
                {
                    Outcome outcome = (Outcome)Outcomes[i];
                    if (outcome.Id == id)
                    {
                        return outcome;
                    }
                }
            }
            return null;
        }
    }
}
