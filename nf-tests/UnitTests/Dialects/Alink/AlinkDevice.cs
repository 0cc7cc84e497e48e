using System.Collections;
using IotDevice.Dialects.Alink;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>
    /// An Alink device on the shared <see cref="DeviceRig"/>: the spec's invented triple (first id 123, so
    /// uplinks match the golden messages), and the Alink extras a test looks at — the dialect and the
    /// replies it told.
    /// </summary>
    internal sealed class AlinkDevice
    {
        public const string ProductKey = "a1X2bEnTest";
        public const string DeviceName = "example1";
        public const string Secret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest";
        public const string Sys = "/sys/a1X2bEnTest/example1/";

        public readonly AlinkDialect Dialect;
        public readonly DeviceRig Rig;
        public readonly ArrayList Replies = new ArrayList();

        public AlinkDevice() : this(Options())
        {
        }

        public AlinkDevice(AlinkOptions options)
        {
            Dialect = new AlinkDialect(options);
            Dialect.ReplyReceived += reply => Replies.Add(reply);
            Rig = new DeviceRig(Dialect);
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
        public AlinkDevice Start(int announcements)
        {
            Rig.Start(announcements);
            return this;
        }

        /// <summary>
        /// Steps the session's time in small steps until <paramref name="condition"/> holds: for waits that
        /// start on the session's thread at a moment the test cannot see (the backoff before a reconnect).
        /// </summary>
        public void AdvanceUntil(WaitCondition condition, string what)
        {
            Waits.Until(() =>
            {
                Rig.Advance(50);
                return condition();
            }, what);
        }

        public AlinkReply LastReply()
        {
            Assert.IsTrue(Replies.Count > 0, "no reply was reported");
            return (AlinkReply)Replies[Replies.Count - 1];
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
