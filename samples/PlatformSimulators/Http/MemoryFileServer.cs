using System;
using System.Collections.Concurrent;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Platforms.Http
{
    /// <summary>
    /// The platform's download server, in the process: files published under a URL are served through
    /// the SDK's <see cref="IHttpTransport"/> seam in chunks (200, or 206 from a Range start), unknown
    /// URLs get 404. A delay per chunk makes a download take visible time, as a real one does.
    /// </summary>
    public sealed class MemoryFileServer : IHttpTransport
    {
        private readonly ConcurrentDictionary<string, byte[]> _files = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Func<string, string>> _routes = new ConcurrentDictionary<string, Func<string, string>>(StringComparer.Ordinal);
        private int _requests;

        public string LastError { get; private set; }

        /// <summary>Bytes per OnData call.</summary>
        public int ChunkSize { get; set; } = 4096;

        /// <summary>Pause before each chunk (0: as fast as possible).</summary>
        public int ChunkDelayMs { get; set; }

        public int Requests => Volatile.Read(ref _requests);

        /// <summary>Serves <paramref name="content"/> at <paramref name="url"/> (replacing what was there).</summary>
        public void Publish(string url, byte[] content)
        {
            _files[url ?? throw new ArgumentNullException(nameof(url))] = content ?? throw new ArgumentNullException(nameof(content));
        }

        /// <summary>Answers <paramref name="url"/> (without its query) with the JSON <paramref name="answer"/> makes from the query; null answers 400.</summary>
        public void Route(string url, Func<string, string> answer)
        {
            _routes[url ?? throw new ArgumentNullException(nameof(url))] = answer ?? throw new ArgumentNullException(nameof(answer));
        }

        public HttpOutcome Get(string url, long rangeStart, IHttpBodySink sink, int stallTimeoutMs)
        {
            Interlocked.Increment(ref _requests);
            if (url == null || !(url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal)))
            {
                LastError = "not an http(s) URL";
                return HttpOutcome.InvalidUrl;
            }
            int query = url.IndexOf('?');
            if (_routes.TryGetValue(query < 0 ? url : url.Substring(0, query), out Func<string, string> route))
            {
                string json = route(query < 0 ? "" : url.Substring(query + 1));
                byte[] body = json == null ? Array.Empty<byte>() : System.Text.Encoding.UTF8.GetBytes(json);
                LastError = null;
                if (sink.OnResponse(json == null ? 400 : 200, body.Length, null) && body.Length > 0)
                {
                    sink.OnData(body, 0, body.Length);
                }
                return HttpOutcome.Completed;
            }
            if (!_files.TryGetValue(url, out byte[] content))
            {
                LastError = null;
                sink.OnResponse(404, 0, null);
                return HttpOutcome.Completed;
            }
            long start = rangeStart > 0 ? Math.Min(rangeStart, content.Length) : 0;
            if (!sink.OnResponse(start > 0 ? 206 : 200, content.Length - start, null))
            {
                return HttpOutcome.Aborted;
            }
            for (long at = start; at < content.Length; at += ChunkSize)
            {
                if (ChunkDelayMs > 0)
                {
                    Thread.Sleep(ChunkDelayMs);
                }
                int count = (int)Math.Min(ChunkSize, content.Length - at);
                byte[] chunk = new byte[count];
                Array.Copy(content, at, chunk, 0, count);
                if (!sink.OnData(chunk, 0, count))
                {
                    return HttpOutcome.Aborted;
                }
            }
            LastError = null;
            return HttpOutcome.Completed;
        }
    }
}
