using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using IotDevice.BrokerHarness;

namespace IotDevice.IntegrationTests.Ota
{
    /// <summary>What the server does to the next request instead of (or while) serving it.</summary>
    public sealed class HttpFault
    {
        public enum Kind
        {
            CutAfter,
            HoldAfter,
            IgnoreRange,
            WrongBytes,
            Status,
            Redirect,
            SilentHeaders,
        }

        public Kind Type { get; private init; }

        public int Bytes { get; private init; }

        public int Code { get; private init; }

        public string Location { get; private init; }

        /// <summary>Sends this many body bytes, then closes the connection (the client sees the body end early).</summary>
        public static HttpFault CutAfter(int bytes) => new HttpFault { Type = Kind.CutAfter, Bytes = bytes };

        /// <summary>Sends this many body bytes, then sends nothing until released (or 10 s), then closes.</summary>
        public static HttpFault HoldAfter(int bytes) => new HttpFault { Type = Kind.HoldAfter, Bytes = bytes };

        /// <summary>Answers 200 with the whole file whatever Range was asked for.</summary>
        public static HttpFault IgnoreRange() => new HttpFault { Type = Kind.IgnoreRange };

        /// <summary>Serves the file with one byte flipped (a tampered or corrupted image).</summary>
        public static HttpFault WrongBytes() => new HttpFault { Type = Kind.WrongBytes };

        public static HttpFault Status(int code) => new HttpFault { Type = Kind.Status, Code = code };

        public static HttpFault Redirect(int code, string location) => new HttpFault { Type = Kind.Redirect, Code = code, Location = location };

        /// <summary>Accepts the request and never answers until released (a stall before the headers).</summary>
        public static HttpFault SilentHeaders() => new HttpFault { Type = Kind.SilentHeaders };
    }

    /// <summary>One request as the server saw it.</summary>
    public sealed class ServedRequest
    {
        public string Path { get; init; }

        public string Target { get; init; }

        public string Range { get; init; }

        public int Status { get; set; }

        /// <summary>Body bytes written for this request.</summary>
        public long BodyBytes { get; set; }
    }

    /// <summary>
    /// A small HTTP/1.1 file server on a free loopback port (TcpListener; TLS when given a certificate)
    /// for the download tests: it honours "Range: bytes=N-" with 206, records every request and the
    /// body bytes it sent, and applies scripted faults to the next requests, in order.
    /// </summary>
    public sealed class TestHttpServer : IDisposable
    {
        private const int ChunkSize = 4096;

        private readonly TcpListener _listener;
        private readonly X509Certificate2 _certificate;
        private readonly ConcurrentDictionary<string, byte[]> _files = new ConcurrentDictionary<string, byte[]>();
        private readonly ConcurrentQueue<HttpFault> _faults = new ConcurrentQueue<HttpFault>();
        private readonly List<ServedRequest> _requests = new List<ServedRequest>();
        private readonly ManualResetEventSlim _release = new ManualResetEventSlim(false);
        private readonly Thread _acceptor;
        private volatile bool _stopping;

        public TestHttpServer(X509Certificate2 certificate = null)
        {
            _certificate = certificate;
            Port = FreePort.Next();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Start();
            _acceptor = new Thread(Accept) { IsBackground = true, Name = "test-http" };
            _acceptor.Start();
        }

        public int Port { get; }

        /// <summary>http://127.0.0.1:port, or https://localhost:port with TLS (the test certificate names localhost).</summary>
        public string BaseUrl => _certificate == null ? "http://127.0.0.1:" + Port : "https://localhost:" + Port;

        public void AddFile(string path, byte[] content) => _files[path] = content;

        public TestHttpServer Then(HttpFault fault)
        {
            _faults.Enqueue(fault);
            return this;
        }

        /// <summary>Ends every HoldAfter / SilentHeaders in progress (and any to come).</summary>
        public void Release() => _release.Set();

        public ServedRequest[] Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToArray();
                }
            }
        }

        public long TotalBodyBytes
        {
            get
            {
                long total = 0;
                foreach (ServedRequest request in Requests)
                {
                    total += request.BodyBytes;
                }

                return total;
            }
        }

        public void Dispose()
        {
            _stopping = true;
            _release.Set();
            _listener.Stop();
            _acceptor.Join(2000);
        }

        private void Accept()
        {
            while (!_stopping)
            {
                TcpClient client;
                try
                {
                    client = _listener.AcceptTcpClient();
                }
                catch (Exception) when (_stopping)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }

                new Thread(() => Serve(client)) { IsBackground = true, Name = "test-http-conn" }.Start();
            }
        }

        private void Serve(TcpClient client)
        {
            using (client)
            {
                try
                {
                    Stream stream = client.GetStream();
                    if (_certificate != null)
                    {
                        var tls = new SslStream(stream, false);
                        tls.AuthenticateAsServer(_certificate, false, System.Security.Authentication.SslProtocols.None, false);
                        stream = tls;
                    }

                    using (stream)
                    {
                        Handle(stream, client);
                    }
                }
                catch (Exception) when (_stopping)
                {
                }
                catch (IOException)
                {
                    // The client went away (e.g. it gave up on a stalled response).
                }
                catch (System.Security.Authentication.AuthenticationException)
                {
                    // A client that does not trust our certificate.
                }
            }
        }

        private void Handle(Stream stream, TcpClient client)
        {
            string requestLine = ReadLine(stream);
            if (string.IsNullOrEmpty(requestLine))
            {
                return;
            }

            string range = null;
            string line;
            while (!string.IsNullOrEmpty(line = ReadLine(stream)))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && line.Substring(0, colon).Trim().Equals("Range", StringComparison.OrdinalIgnoreCase))
                {
                    range = line.Substring(colon + 1).Trim();
                }
            }

            string target = requestLine.Split(' ')[1];
            int query = target.IndexOf('?');
            var request = new ServedRequest { Target = target, Path = query < 0 ? target : target.Substring(0, query), Range = range };
            lock (_requests)
            {
                _requests.Add(request);
            }

            _faults.TryDequeue(out HttpFault fault);
            if (fault?.Type == HttpFault.Kind.SilentHeaders)
            {
                _release.Wait(10000);
                return;
            }

            if (fault?.Type == HttpFault.Kind.Status)
            {
                Respond(stream, request, fault.Code, null, Array.Empty<byte>(), 0, null);
                return;
            }

            if (fault?.Type == HttpFault.Kind.Redirect)
            {
                Respond(stream, request, fault.Code, "Location: " + fault.Location + "\r\n", Array.Empty<byte>(), 0, null);
                return;
            }

            if (!_files.TryGetValue(request.Path, out byte[] file))
            {
                Respond(stream, request, 404, null, Array.Empty<byte>(), 0, null);
                return;
            }

            if (fault?.Type == HttpFault.Kind.WrongBytes)
            {
                file = (byte[])file.Clone();
                file[file.Length / 3] ^= 0x5A;
            }

            long start = 0;
            if (range != null && fault?.Type != HttpFault.Kind.IgnoreRange && range.StartsWith("bytes=") && range.EndsWith("-"))
            {
                start = long.Parse(range.Substring(6, range.Length - 7));
            }

            if (start > file.Length)
            {
                Respond(stream, request, 416, "Content-Range: bytes */" + file.Length + "\r\n", Array.Empty<byte>(), 0, null);
                return;
            }

            string extra = "Accept-Ranges: bytes\r\n";
            int status = 200;
            if (start > 0)
            {
                status = 206;
                extra += "Content-Range: bytes " + start + "-" + (file.Length - 1) + "/" + file.Length + "\r\n";
            }

            Respond(stream, request, status, extra, file, (int)start, fault);
        }

        private void Respond(Stream stream, ServedRequest request, int status, string extraHeaders, byte[] body, int start, HttpFault fault)
        {
            request.Status = status;
            int length = body.Length - start;
            string head = "HTTP/1.1 " + status + " " + Reason(status) + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n" + (extraHeaders ?? "") + "\r\n";
            byte[] headBytes = Encoding.ASCII.GetBytes(head);
            stream.Write(headBytes, 0, headBytes.Length);
            stream.Flush();

            int limit = length;
            if (fault != null && (fault.Type == HttpFault.Kind.CutAfter || fault.Type == HttpFault.Kind.HoldAfter))
            {
                limit = Math.Min(length, fault.Bytes);
            }

            for (int offset = 0; offset < limit; offset += ChunkSize)
            {
                int count = Math.Min(ChunkSize, limit - offset);
                stream.Write(body, start + offset, count);
                stream.Flush();
                lock (_requests)
                {
                    request.BodyBytes += count;
                }
            }

            if (fault?.Type == HttpFault.Kind.HoldAfter)
            {
                _release.Wait(10000);
            }
        }

        private static string ReadLine(Stream stream)
        {
            var line = new StringBuilder();
            while (true)
            {
                int b = stream.ReadByte();
                if (b < 0)
                {
                    return line.Length == 0 ? null : line.ToString();
                }

                if (b == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                line.Append((char)b);
            }
        }

        private static string Reason(int status) => status switch
        {
            200 => "OK",
            206 => "Partial Content",
            301 => "Moved Permanently",
            302 => "Found",
            303 => "See Other",
            307 => "Temporary Redirect",
            308 => "Permanent Redirect",
            404 => "Not Found",
            416 => "Range Not Satisfiable",
            500 => "Internal Server Error",
            _ => "Status",
        };
    }
}
