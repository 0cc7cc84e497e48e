using System.Collections;
using System.Text;
using System.Threading;
using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.UnitTests.Session;

namespace IotDevice.UnitTests.Dialects.FastBee
{
    internal delegate bool FastBeeCondition();

    /// <summary>An IHttpTransport that answers every GET with one scripted response and records the URLs.</summary>
    internal sealed class FakeHttp : IHttpTransport
    {
        public int Status = 200;
        public string Body = "{\"deviceSendTime\":1,\"serverRecvTime\":1718000000100,\"serverSendTime\":1718000000104}";
        public HttpOutcome Outcome = HttpOutcome.Completed;
        public int Requests;
        public string LastUrl;

        public string LastError { get; private set; }

        public HttpOutcome Get(string url, long rangeStart, IHttpBodySink sink, int stallTimeoutMs)
        {
            Requests++;
            LastUrl = url;
            if (Outcome != HttpOutcome.Completed)
            {
                LastError = "the fake network is down";
                return Outcome;
            }
            byte[] body = Encoding.UTF8.GetBytes(Body);
            if (!sink.OnResponse(Status, body.Length, null))
            {
                return HttpOutcome.Aborted;
            }
            if (body.Length > 0 && !sink.OnData(body, 0, body.Length))
            {
                return HttpOutcome.Aborted;
            }
            return HttpOutcome.Completed;
        }
    }

    /// <summary>A FastBee device on the in-memory transport, and what it published, for the dialect tests.</summary>
    internal sealed class FastBeeRig
    {
        public const string Prefix = "/41/D6329VL548866/";

        public readonly FakeTransport Transport = new FakeTransport();
        public readonly FakeHttp Http = new FakeHttp();
        public readonly ArrayList Rejections = new ArrayList();
        public readonly FastBeeDialect Dialect;
        public readonly DeviceClient Client;

        public FastBeeRig(FastBeeOptions options)
            : this(options, null)
        {
        }

        public FastBeeRig(FastBeeOptions options, SessionOptions session)
        {
            Dialect = new FastBeeDialect(options, Http);
            Client = new DeviceClient(Transport, Dialect, session == null ? FastSession() : session);
            Client.Session.InboundRejected += (topic, reason, detail) =>
            {
                lock (Rejections)
                {
                    Rejections.Add(detail);
                }
            };
        }

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

        public static SessionOptions FastSession()
        {
            SessionOptions options = new SessionOptions();
            options.InitialReconnectDelayMs = 100;
            options.MaxReconnectDelayMs = 400;
            options.RandomSeed = 7;
            return options;
        }

        /// <summary>Starts the client and waits for the first info/post.</summary>
        public FastBeeRig Start()
        {
            Client.Start();
            WaitFor(() => Count("info/post") >= 1 && Client.Session.IsAnnounced, "the first info/post");
            return this;
        }

        public void Stop()
        {
            Client.Stop();
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
            get { return Client.Session.Counters.Rejected; }
        }

        public string LastRejection
        {
            get
            {
                lock (Rejections)
                {
                    return Rejections.Count == 0 ? null : (string)Rejections[Rejections.Count - 1];
                }
            }
        }

        public static void WaitFor(FastBeeCondition condition, string what)
        {
            for (int i = 0; i < 500; i++)
            {
                if (condition())
                {
                    return;
                }
                Thread.Sleep(10);
            }
            throw new TestFrameworkShared.AssertFailedException("timed out waiting for " + what);
        }

        public static byte[] Bytes(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }
    }
}
