using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IotDevice.Platforms.Http
{
    /// <summary>One request the file server answered, for the transcript.</summary>
    public sealed class HttpExchange
    {
        public string Method { get; init; }

        public string PathAndQuery { get; init; }

        /// <summary>The Range header, or null.</summary>
        public string Range { get; init; }

        public int Status { get; init; }

        /// <summary>Body bytes sent.</summary>
        public long Bytes { get; init; }

        /// <summary>Why the body stopped short, or null.</summary>
        public string Problem { get; init; }
    }

    /// <summary>
    /// The platform's download and tool server on a real TCP port: files from a local folder and files
    /// offered by name (<see cref="Offer"/>), with byte ranges (206, and 416 for a start past the end) so an
    /// interrupted download resumes, plus small JSON endpoints (<see cref="Route"/>, e.g. FastBee's
    /// <c>/iot/tool/ntp</c>). Nothing outside the folder is reachable. Requests are answered in parallel.
    /// </summary>
    public sealed class FileHttpServer : IDisposable
    {
        private const int ChunkSize = 16 * 1024;

        private readonly HttpListener _listener = new HttpListener();
        private readonly string _folder;
        private readonly ConcurrentDictionary<string, string> _offered = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Func<string, string>> _routes = new ConcurrentDictionary<string, Func<string, string>>(StringComparer.Ordinal);
        private Thread _thread;

        /// <param name="address">The address to listen on (IPAddress.Any: every interface).</param>
        /// <param name="folder">The folder served at the root; null serves offered files and routes only.</param>
        /// <param name="publicHost">The host name or address devices reach this machine by, used in <see cref="UrlOf"/>.</param>
        public FileHttpServer(IPAddress address, int port, string folder, string publicHost)
        {
            Port = port;
            PublicHost = publicHost;
            _folder = folder == null ? null : Path.GetFullPath(folder);
            string host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "+"
                : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
            _listener.Prefixes.Add("http://" + host + ":" + port + "/");
        }

        public int Port { get; }

        public string PublicHost { get; }

        /// <summary>Every request, once answered.</summary>
        public event Action<HttpExchange> Served;

        /// <summary>The URL a device downloads <paramref name="path"/> from (path starting with '/').</summary>
        public string UrlOf(string path) => "http://" + (PublicHost.Contains(':') ? "[" + PublicHost + "]" : PublicHost) + ":" + Port + path;

        /// <summary>Serves the file at <paramref name="file"/> under <paramref name="path"/> (replacing what was there).</summary>
        public void Offer(string path, string file) => _offered[path] = Path.GetFullPath(file);

        /// <summary>Answers GET <paramref name="path"/> with the JSON <paramref name="answer"/> makes from the query string; null answers 400.</summary>
        public void Route(string path, Func<string, string> answer) => _routes[path] = answer;

        /// <summary>Opens the port; throws InvalidOperationException saying why it cannot.</summary>
        public void Start()
        {
            try
            {
                _listener.Start();
            }
            catch (HttpListenerException e)
            {
                throw new InvalidOperationException("cannot serve HTTP on port " + Port + ": " + e.Message, e);
            }
            _thread = new Thread(Accept) { IsBackground = true, Name = "file-http " + Port };
            _thread.Start();
        }

        public void Dispose()
        {
            if (_listener.IsListening)
            {
                _listener.Stop();
            }
            _listener.Close();
            _thread?.Join(2000);
        }

        private void Accept()
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
                Task.Run(() => Answer(context));
            }
        }

        private void Answer(HttpListenerContext context)
        {
            HttpListenerRequest request = context.Request;
            HttpListenerResponse response = context.Response;
            string range = request.Headers["Range"];
            long sent = 0;
            string problem = null;
            try
            {
                string path = Uri.UnescapeDataString(request.Url.AbsolutePath);
                if (request.HttpMethod != "GET" && request.HttpMethod != "HEAD")
                {
                    Text(response, 405, "only GET and HEAD");
                }
                else if (_routes.TryGetValue(path, out Func<string, string> route))
                {
                    string json = route(request.Url.Query.TrimStart('?'));
                    if (json == null)
                    {
                        Text(response, 400, "bad query");
                    }
                    else
                    {
                        response.ContentType = "application/json";
                        sent = Body(response, Encoding.UTF8.GetBytes(json), request.HttpMethod == "HEAD");
                    }
                }
                else
                {
                    string file = Resolve(path);
                    if (file == null)
                    {
                        Text(response, 404, "not found");
                    }
                    else
                    {
                        sent = SendFile(response, file, range, request.HttpMethod == "HEAD");
                    }
                }
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException || e is IOException || e is ObjectDisposedException || e is InvalidOperationException)
            {
                problem = "the client went away: " + e.Message;
                response.Abort();
            }
            Served?.Invoke(new HttpExchange
            {
                Method = request.HttpMethod,
                PathAndQuery = request.Url.PathAndQuery,
                Range = range,
                Status = response.StatusCode,
                Bytes = sent,
                Problem = problem,
            });
        }

        // An offered file, or a file inside the folder; null for anything else (including ../ escapes).
        private string Resolve(string path)
        {
            if (_offered.TryGetValue(path, out string offered))
            {
                return File.Exists(offered) ? offered : null;
            }
            if (_folder == null || path.IndexOf('\0') >= 0)
            {
                return null;
            }
            string full = Path.GetFullPath(Path.Combine(_folder, path.TrimStart('/')));
            bool inside = full.StartsWith(_folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            return inside && File.Exists(full) ? full : null;
        }

        private static long SendFile(HttpListenerResponse response, string file, string range, bool headOnly)
        {
            using FileStream stream = File.OpenRead(file);
            long length = stream.Length;
            long start = 0;
            long end = length - 1;
            response.AddHeader("Accept-Ranges", "bytes");
            response.ContentType = "application/octet-stream";
            if (TryRange(range, length, out long from, out long to))
            {
                if (from >= length)
                {
                    response.AddHeader("Content-Range", "bytes */" + length);
                    Text(response, 416, "range not satisfiable");
                    return 0;
                }
                start = from;
                end = Math.Min(to, length - 1);
                response.StatusCode = 206;
                response.AddHeader("Content-Range", "bytes " + start + "-" + end + "/" + length);
            }
            long count = end - start + 1;
            response.ContentLength64 = count;
            if (headOnly)
            {
                return 0;
            }
            stream.Position = start;
            byte[] chunk = new byte[ChunkSize];
            long sent = 0;
            while (sent < count)
            {
                int read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, count - sent));
                if (read <= 0)
                {
                    break;
                }
                response.OutputStream.Write(chunk, 0, read);
                sent += read;
            }
            return sent;
        }

        // "bytes=START-" or "bytes=START-END"; several ranges or a suffix range are answered with the whole file.
        private static bool TryRange(string header, long length, out long from, out long to)
        {
            from = 0;
            to = length - 1;
            if (header == null || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(','))
            {
                return false;
            }
            string[] bounds = header.Substring(6).Split('-');
            if (bounds.Length != 2 || !long.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out from))
            {
                return false;
            }
            if (bounds[1].Length > 0 && (!long.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out to) || to < from))
            {
                return false;
            }
            return true;
        }

        private static long Body(HttpListenerResponse response, byte[] body, bool headOnly)
        {
            response.ContentLength64 = body.Length;
            if (!headOnly)
            {
                response.OutputStream.Write(body, 0, body.Length);
            }
            return headOnly ? 0 : body.Length;
        }

        private static void Text(HttpListenerResponse response, int status, string text)
        {
            response.StatusCode = status;
            response.ContentType = "text/plain; charset=utf-8";
            Body(response, Encoding.UTF8.GetBytes(text + "\n"), false);
        }
    }
}
