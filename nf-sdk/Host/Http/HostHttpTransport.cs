using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Host.Http
{
    /// <summary>
    /// IHttpTransport for .NET: streams the body in chunks as it arrives (headers first, never the whole
    /// body in memory), asks for a byte range to resume, gives up when no byte arrives for the stall
    /// timeout, and leaves redirects to the caller. Optionally trusts only a given CA for HTTPS.
    /// </summary>
    public sealed class HostHttpTransport : IHttpTransport, IDisposable
    {
        private const int ChunkSize = 4096;

        private readonly HttpClient _client;
        private readonly byte[] _chunk = new byte[ChunkSize];

        public HostHttpTransport()
            : this(null)
        {
        }

        /// <param name="trustedCaPem">When set, HTTPS servers must chain to this CA (as on the device).</param>
        public HostHttpTransport(string trustedCaPem)
        {
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
            if (trustedCaPem != null)
            {
                X509Certificate2 ca = X509Certificate2.CreateFromPem(trustedCaPem);
                handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    ChainsTo(ca, certificate, errors);
            }
            _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }

        public string LastError { get; private set; }

        public HttpOutcome Get(string url, long rangeStart, IHttpBodySink sink, int stallTimeoutMs)
        {
            LastError = null;
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                LastError = "not an http(s) URL";
                return HttpOutcome.InvalidUrl;
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (rangeStart > 0)
            {
                request.Headers.Range = new RangeHeaderValue(rangeStart, null);
            }
            using var stall = new CancellationTokenSource(stallTimeoutMs);
            try
            {
                using HttpResponseMessage response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead, stall.Token);
                long length = response.Content.Headers.ContentLength ?? -1;
                string location = response.Headers.Location?.ToString();
                if (location != null && !response.Headers.Location.IsAbsoluteUri)
                {
                    location = new Uri(uri, response.Headers.Location).ToString();
                }
                if (!sink.OnResponse((int)response.StatusCode, length, location))
                {
                    return HttpOutcome.Aborted;
                }
                using Stream body = response.Content.ReadAsStream(stall.Token);
                while (true)
                {
                    // A synchronous Read ignores the token; the async read honours it, so a server
                    // that goes silent mid-body is caught by the stall timeout.
                    stall.CancelAfter(stallTimeoutMs);
                    int read = body.ReadAsync(_chunk, 0, _chunk.Length, stall.Token).GetAwaiter().GetResult();
                    if (read == 0)
                    {
                        return HttpOutcome.Completed;
                    }
                    if (!sink.OnData(_chunk, 0, read))
                    {
                        return HttpOutcome.Aborted;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                LastError = "no data from " + uri.Host + " for " + stallTimeoutMs + " ms";
                return HttpOutcome.Stalled;
            }
            catch (Exception e) when (e is HttpRequestException || e is IOException)
            {
                // The message may quote the URL; keep only the host so query secrets stay out of logs.
                LastError = "request to " + uri.Host + " failed: " + e.GetType().Name;
                return HttpOutcome.NetworkError;
            }
        }

        public void Dispose() => _client.Dispose();

        private static bool ChainsTo(X509Certificate2 ca, X509Certificate certificate, SslPolicyErrors errors)
        {
            if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        }
    }
}
