using System.Collections;
using System.Text;
using System.Threading;
using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Json;
using IotDevice.Session;

using IotDevice.UnitTests.Session;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    internal delegate bool Condition();

    /// <summary>
    /// One EZtCloud device on an in-memory link, for the tests: the docs' sample identity
    /// (DU_JEwVTAmL3m / 1234567890), its log lines and rejections recorded.
    /// </summary>
    internal sealed class EztDevice
    {
        public const string Username = "DU_JEwVTAmL3m";
        public const string Password = "1234567890";

        public readonly FakeTransport Transport = new FakeTransport();
        public readonly EztCloudDialect Dialect;
        public readonly DeviceClient Client;
        public readonly ArrayList Log = new ArrayList();
        public readonly ArrayList Rejections = new ArrayList();

        public EztDevice(EztCloudOptions options)
        {
            Dialect = new EztCloudDialect(options);
            SessionOptions session = new SessionOptions();
            session.InitialReconnectDelayMs = 100;
            session.MaxReconnectDelayMs = 200;
            session.FlapWindowMs = 60000;
            session.RequestTimeoutMs = 800;
            session.RandomSeed = 7;
            Client = new DeviceClient(Transport, Dialect, session);
            Client.Session.Log += line => { lock (Log) { Log.Add(line); } };
            Client.Session.InboundRejected += (topic, reason, detail) =>
            {
                lock (Rejections) { Rejections.Add(((int)reason).ToString() + "|" + detail); }
            };
        }

        public DeviceSession Session
        {
            get { return Client.Session; }
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
            device.Client.Start();
            WaitFor(() => device.Session.IsAnnounced && device.Transport.Count >= announcements, "connected and announced");
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
            lock (Rejections)
            {
                return Rejections.Count == 0 ? null : (string)Rejections[Rejections.Count - 1];
            }
        }

        public bool Logged(string text)
        {
            lock (Log)
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
        }

        public void Stop()
        {
            Client.Stop();
        }

        public static void WaitFor(Condition condition, string what)
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
