using System;
using System.Net;
using System.Text;
using System.Threading;
using IotDevice.BrokerHarness;

namespace IotDevice.IntegrationTests.Dialects.FastBee
{
    /// <summary>
    /// FastBee's HTTP time endpoint, <c>GET /iot/tool/ntp?deviceSendTime=…</c> → <c>{"deviceSendTime":…,
    /// "serverRecvTime":…,"serverSendTime":…}</c> (ToolController.ntp), on a loopback HttpListener, telling
    /// the time of the simulated server's clock.
    /// </summary>
    public sealed class FastBeeNtpServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly Func<long> _serverNow;
        private readonly Thread _thread;
        private int _requests;

        public FastBeeNtpServer(Func<long> serverNow)
        {
            _serverNow = serverNow;
            int port = FreePort.Next();
            _listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            _listener.Start();
            Url = "http://127.0.0.1:" + port + "/iot/tool/ntp";
            _thread = new Thread(Serve) { IsBackground = true, Name = "fastbee ntp " + port };
            _thread.Start();
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        /// <summary>The deviceSendTime query value of the last request.</summary>
        public string LastDeviceSendTime { get; private set; }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _thread.Join(2000);
        }

        private void Serve()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = _listener.GetContext();
                }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    return;
                }
                long received = _serverNow();
                string deviceSendTime = context.Request.QueryString["deviceSendTime"];
                int status = 200;
                string body;
                if (context.Request.Url.AbsolutePath != "/iot/tool/ntp" || !long.TryParse(deviceSendTime, out long sent))
                {
                    status = 404;
                    body = "{\"code\":404}";
                }
                else
                {
                    Interlocked.Increment(ref _requests);
                    LastDeviceSendTime = deviceSendTime;
                    body = "{\"deviceSendTime\":" + sent + ",\"serverRecvTime\":" + received + ",\"serverSendTime\":" + _serverNow() + "}";
                }
                byte[] bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                context.Response.OutputStream.Write(bytes, 0, bytes.Length);
                context.Response.Close();
            }
        }
    }
}
