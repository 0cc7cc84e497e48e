using System.Collections;
using System.Text;
using System.Threading;
using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Session;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>
    /// An Alink device on the in-memory transport: started, connected, with every rejection, reply,
    /// timeout and offer recorded. The identity is the spec's invented triple; the first id is 123 so
    /// uplinks match the golden messages.
    /// </summary>
    internal sealed class AlinkHarness
    {
        public const string ProductKey = "a1X2bEnTest";
        public const string DeviceName = "example1";
        public const string Secret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest";
        public const string Sys = "/sys/a1X2bEnTest/example1/";

        public delegate bool Condition();

        public readonly FakeTransport Transport = new FakeTransport();
        public readonly ArrayList Rejections = new ArrayList();
        public readonly ArrayList Replies = new ArrayList();
        public readonly ArrayList Timeouts = new ArrayList();
        public readonly ArrayList Offers = new ArrayList();
        public readonly AlinkDialect Dialect;
        public readonly DeviceClient Client;
        private int _baseline;

        public AlinkHarness() : this(Options())
        {
        }

        public AlinkHarness(AlinkOptions options)
        {
            Dialect = new AlinkDialect(options);
            SessionOptions session = new SessionOptions();
            session.InitialReconnectDelayMs = 100;
            session.MaxReconnectDelayMs = 400;
            session.RandomSeed = 1;
            Client = new DeviceClient(Transport, Dialect, session);
            Client.Session.InboundRejected += (topic, reason, detail) => Rejections.Add((int)reason);
            Dialect.ReplyReceived += reply => Replies.Add(reply);
            Client.Outcome += outcome =>
            {
                if (outcome.Status == OutcomeStatus.TimedOut)
                {
                    Timeouts.Add(outcome.Id);
                }
            };
            Client.UpdateOffered += offer => Offers.Add(offer);
        }

        /// <summary>Plain TCP, no announcements on connect, first id 123.</summary>
        public static AlinkOptions Options()
        {
            AlinkOptions options = new AlinkOptions();
            options.Host = "iot.test";
            options.UseTls = false;
            options.ProductKey = ProductKey;
            options.DeviceName = DeviceName;
            options.DeviceSecret = Secret;
            options.ConfigOnConnect = false;
            options.FirstMessageId = 123;
            return options;
        }

        /// <summary>Starts and waits until connected and <paramref name="announcements"/> messages went out.</summary>
        public AlinkHarness Start(int announcements)
        {
            Client.Start();
            WaitFor(() => Client.Session.IsAnnounced && Transport.Published().Length >= announcements, "connected and announced");
            _baseline = Transport.Published().Length;
            return this;
        }

        public void Stop()
        {
            Client.Stop();
        }

        public void Deliver(string topic, string json)
        {
            Transport.Deliver(topic, Encoding.UTF8.GetBytes(json));
        }

        /// <summary>Messages published since Start (after the announcements), as "topic|payload".</summary>
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

        /// <summary>The last message published since Start.</summary>
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

        public AlinkReply LastReply()
        {
            Assert.IsTrue(Replies.Count > 0, "no reply was reported");
            return (AlinkReply)Replies[Replies.Count - 1];
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

        /// <summary>The golden message with our envelope's extension removed, for field-by-field comparison.</summary>
        public static string WithoutAck(string json)
        {
            const string Ack = "\"sys\":{\"ack\":1},";
            int at = json.IndexOf(Ack);
            return at < 0 ? json : json.Substring(0, at) + json.Substring(at + Ack.Length);
        }
    }
}
