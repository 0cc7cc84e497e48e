using System.Text;
using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.UnitTests.Session;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>
    /// The EZtCloud identity on the shared <see cref="DeviceRig"/>: the docs' sample device
    /// (DU_JEwVTAmL3m / 1234567890), topics by prefix, and the last rejection with its detail.
    /// </summary>
    internal sealed class EztDevice
    {
        public const string Username = "DU_JEwVTAmL3m";
        public const string Password = "1234567890";

        /// <summary>The session's request timeout in these tests (the clock is stepped, so any value is quick).</summary>
        public const int RequestTimeoutMs = 800;

        public readonly DeviceRig Rig;
        public readonly EztCloudDialect Dialect;
        private string _lastRejection;

        public EztDevice(EztCloudOptions options)
        {
            Dialect = new EztCloudDialect(options);
            SessionOptions session = DeviceRig.Quick();
            session.FlapWindowMs = 60000;
            session.RequestTimeoutMs = RequestTimeoutMs;
            Rig = new DeviceRig(Dialect, session);
            Rig.Session.InboundRejected += (topic, reason, detail) => _lastRejection = ((int)reason).ToString() + "|" + detail;
        }

        public FakeTransport Transport
        {
            get { return Rig.Transport; }
        }

        public DeviceClient Client
        {
            get { return Rig.Client; }
        }

        public DeviceSession Session
        {
            get { return Rig.Session; }
        }

        /// <summary>Options without announcements, so a test sees only what it causes.</summary>
        public static EztCloudOptions QuietOptions()
        {
            EztCloudOptions options = new EztCloudOptions();
            options.Username = Username;
            options.Password = Password;
            options.OtaCheckOnConnect = false;
            return options;
        }

        /// <summary>Starts and waits until connected and <paramref name="announcements"/> messages went out.</summary>
        public static EztDevice Started(EztCloudOptions options, int announcements)
        {
            EztDevice device = new EztDevice(options);
            device.Rig.Start(announcements);
            return device;
        }

        public static EztDevice Started()
        {
            return Started(QuietOptions(), 0);
        }

        public static string Topic(string prefix)
        {
            return prefix + "/" + Username;
        }

        public void Deliver(string prefix, string json)
        {
            Transport.Deliver(Topic(prefix), json);
        }

        public string Last(string prefix)
        {
            return Transport.LastTextOn(Topic(prefix));
        }

        public int CountOn(string prefix)
        {
            return Transport.CountOn(Topic(prefix));
        }

        /// <summary>The last rejection as "reason|detail", or null.</summary>
        public string LastRejection()
        {
            return _lastRejection;
        }

        public bool Logged(string text)
        {
            return Rig.Logged(text);
        }

        /// <summary>
        /// Lets <paramref name="ms"/> of the session's time pass, then waits for <paramref name="condition"/>,
        /// nudging the clock by 1 ms while waiting: a thread that read the clock just before the step and
        /// waits from after it needs one more step to see its deadline pass.
        /// </summary>
        public void AdvanceUntil(long ms, WaitCondition condition, string what)
        {
            Rig.Advance(ms);
            Waits.Until(() =>
            {
                if (condition())
                {
                    return true;
                }
                Rig.Advance(1);
                return false;
            }, what);
        }

        /// <summary>Steps the clock 50 ms at a time until <paramref name="condition"/> (reconnects, backoffs).</summary>
        public void RunUntil(WaitCondition condition, string what)
        {
            Waits.Until(() =>
            {
                if (condition())
                {
                    return true;
                }
                Rig.Advance(50);
                return false;
            }, what);
        }

        /// <summary>The outcome of <paramref name="id"/> once it has come.</summary>
        public Outcome OutcomeOf(long id)
        {
            return Rig.OutcomeOf(id);
        }

        public void Stop()
        {
            Client.Stop();
        }

        public static byte[] Bytes(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        public static JsonElement Parse(string json)
        {
            byte[] bytes = Bytes(json);
            return JsonReader.Parse(bytes, 0, bytes.Length);
        }
    }
}
