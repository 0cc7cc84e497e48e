using System.Text;
using IotDevice.Transport;

namespace IotDevice.UnitTests.Dialects.FastBee
{
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

}
