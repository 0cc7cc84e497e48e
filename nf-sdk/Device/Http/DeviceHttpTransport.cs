using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Device.Http
{
    /// <summary>
    /// IHttpTransport on the device, over nanoFramework.System.Net.Http 1.5. The body is read from the
    /// socket in 2 KiB pieces and handed to the sink as it arrives, so a firmware image never has to fit
    /// in the ~80 KB heap; the response is always disposed (undisposed responses exhaust the device's
    /// memory after a few requests).
    /// <para>
    /// Built on <c>HttpWebRequest</c>, the class nanoFramework's <c>HttpClient</c> itself sends with,
    /// rather than on <c>HttpClient</c>: in the 1.x package <c>HttpResponseMessage.Headers</c> exposes
    /// no way to read a header, so a redirect's Location would be lost, and <c>HttpClient</c> cannot
    /// set the per-read timeout (<c>ReadWriteTimeout</c>, 5 minutes by default) that detects a stalled
    /// download. Redirects are not followed here (nanoFramework never follows them); the engine does,
    /// with a bound.
    /// </para>
    /// </summary>
    public sealed class DeviceHttpTransport : IHttpTransport
    {
        private const int ChunkSize = 2048;

        private readonly byte[] _chunk = new byte[ChunkSize];
        private readonly X509Certificate _ca;
        private string _lastError; // not an auto-property: its private setter would be one more method

        /// <param name="caCertificatePem">
        /// PEM text of the root CA that HTTPS download servers chain to (the content, not a file name);
        /// null to rely on the CA bundle stored on the device. HTTP URLs do not need it.
        /// </param>
        public DeviceHttpTransport(string caCertificatePem)
        {
            _ca = caCertificatePem == null ? null : new X509Certificate(caCertificatePem);
        }

        public string LastError
        {
            get { return _lastError; }
        }

        public HttpOutcome Get(string url, long rangeStart, IHttpBodySink sink, int stallTimeoutMs)
        {
            _lastError = null;
            if (!UrlText.IsHttp(url))
            {
                _lastError = "not an http(s) URL";
                return HttpOutcome.InvalidUrl;
            }

            if (rangeStart > int.MaxValue)
            {
                _lastError = "range start beyond what HttpWebRequest can ask for";
                return HttpOutcome.InvalidUrl;
            }

            string where = UrlText.ForLog(url);
            HttpWebRequest request = null;
            HttpWebResponse response = null;
            long lastByteAt = SystemClock.Instance.NowMs;
            try
            {
                request = (HttpWebRequest)WebRequest.Create(url);
                // GET is HttpWebRequest's default method.
                request.KeepAlive = false;
                request.Timeout = stallTimeoutMs;
                request.ReadWriteTimeout = stallTimeoutMs;
                request.SslProtocols = SslProtocols.Tls12;
                if (_ca != null)
                {
                    request.HttpsAuthentCert = _ca;
                }

                if (rangeStart > 0)
                {
                    request.AddRange((int)rangeStart);
                }

                response = (HttpWebResponse)request.GetResponse();
                lastByteAt = SystemClock.Instance.NowMs;
                string location = response.Headers[HttpKnownHeaderNames.Location];
                if (!sink.OnResponse((int)response.StatusCode, response.ContentLength, location))
                {
                    return HttpOutcome.Aborted;
                }

                Stream body = response.GetResponseStream();
                while (true)
                {
                    int read = body.Read(_chunk, 0, _chunk.Length);
                    if (read <= 0)
                    {
                        return HttpOutcome.Completed;
                    }

                    lastByteAt = SystemClock.Instance.NowMs;
                    if (!sink.OnData(_chunk, 0, read))
                    {
                        return HttpOutcome.Aborted;
                    }
                }
            }
            catch (Exception e)
            {
                // WebException, SocketException or IOException: a timeout shows as one of them, so the
                // silence before it tells a stall from a broken link. Messages never quote the URL.
                if (SystemClock.Instance.NowMs - lastByteAt >= stallTimeoutMs)
                {
                    _lastError = "no data from " + where + " for " + stallTimeoutMs.ToString() + " ms";
                    return HttpOutcome.Stalled;
                }

                _lastError = "request to " + where + " failed: " + e.Message;
                return HttpOutcome.NetworkError;
            }
            finally
            {
                if (response != null)
                {
                    response.Dispose();
                }

                if (request != null)
                {
                    request.Dispose();
                }
            }
        }
    }
}
