using System.Collections;
using System.Text;
using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Session;
using IotDevice.UnitTests.Session;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    /// <summary>
    /// The docs' FastBee device (product 41, device D6329VL548866) on the shared <see cref="DeviceRig"/>,
    /// with a scripted HTTP time endpoint, and what it published read by topic suffix.
    /// </summary>
    internal sealed class FastBeeDevice
    {
        public const string Prefix = "/41/D6329VL548866/";

        public readonly FakeHttp Http = new FakeHttp();
        public readonly FastBeeDialect Dialect;
        public readonly DeviceRig Rig;

        public FastBeeDevice(FastBeeOptions options)
            : this(options, DeviceRig.Quick())
        {
        }

        public FastBeeDevice(FastBeeOptions options, SessionOptions session)
        {
            Dialect = new FastBeeDialect(options, Http);
            Rig = new DeviceRig(Dialect, session);
        }

        /// <summary>Simple authentication, no time request after connecting: a test sees only what it causes.</summary>
        public static FastBeeOptions Options()
        {
            FastBeeOptions options = new FastBeeOptions();
            options.Host = "broker.test";
            options.ProductId = "41";
            options.DeviceNum = "D6329VL548866";
            options.UserId = 1;
            options.MqttUsername = "FastBee";
            options.MqttPassword = "P5FJKZJHIR82GNB2";
            options.FirmwareVersion = 1.2;
            options.RequestTimeAfterConnect = false;
            return options;
        }

        public DeviceClient Client
        {
            get { return Rig.Client; }
        }

        public FakeTransport Transport
        {
            get { return Rig.Transport; }
        }

        /// <summary>Starts the client and waits for the first info/post.</summary>
        public FastBeeDevice Start()
        {
            Rig.Start(1);
            return this;
        }

        public void Stop()
        {
            Rig.Stop();
        }

        /// <summary>Cuts the link and steps the clock through the backoff until info/post number <paramref name="infoPosts"/> is out.</summary>
        public void Reconnect(int infoPosts)
        {
            Transport.Drop("link lost");
            Waits.Until(() =>
            {
                if (Count("info/post") >= infoPosts && Rig.Session.IsAnnounced)
                {
                    return true;
                }
                Rig.Advance(250);
                return false;
            }, "info/post number " + infoPosts.ToString());
        }

        public void Deliver(string suffix, string payload)
        {
            Transport.Deliver(Prefix + suffix, Encoding.UTF8.GetBytes(payload));
        }

        /// <summary>Payloads published on the topic ending with <paramref name="suffix"/>, in order.</summary>
        public string[] Payloads(string suffix)
        {
            string[] all = Transport.Published();
            ArrayList found = new ArrayList();
            string topic = Prefix + suffix + "|";
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].StartsWith(topic))
                {
                    found.Add(all[i].Substring(topic.Length));
                }
            }
            string[] result = new string[found.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string)found[i];
            }
            return result;
        }

        public int Count(string suffix)
        {
            return Payloads(suffix).Length;
        }

        public string Last(string suffix)
        {
            string[] payloads = Payloads(suffix);
            return payloads.Length == 0 ? null : payloads[payloads.Length - 1];
        }

        public long Rejected
        {
            get { return Rig.Session.Counters.Rejected; }
        }

        /// <summary>The last rejection's log line (the session logs each with its reason), or null.</summary>
        public string LastRejection
        {
            get
            {
                for (int i = Rig.Log.Count - 1; i >= 0; i--)
                {
                    string line = (string)Rig.Log[i];
                    if (line.StartsWith("rejected message on "))
                    {
                        return line;
                    }
                }
                return null;
            }
        }

        public static byte[] Bytes(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }
    }
}
