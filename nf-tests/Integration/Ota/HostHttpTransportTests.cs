using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using IotDevice.BrokerHarness;
using IotDevice.Host.Http;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Ota
{
    /// <summary>HostHttpTransport against a real HTTP(S) server on loopback.</summary>
    [TestClass]
    public class HostHttpTransportTests
    {
        private const int StallMs = 400;

        private static readonly byte[] Image = OtaImages.Make(100 * 1024 + 17, 3);

        public TestContext TestContext { get; set; }

        /// <summary>Records what the transport hands over; accepts everything unless told to stop.</summary>
        private sealed class RecordingSink : IHttpBodySink
        {
            private readonly MemoryStream _body = new MemoryStream();

            public int Status = -1;
            public long ContentLength = -2;
            public string Location;
            public int Chunks;
            public int LargestChunk;

            public byte[] Body => _body.ToArray();

            public bool OnResponse(int statusCode, long contentLength, string location)
            {
                Status = statusCode;
                ContentLength = contentLength;
                Location = location;
                return true;
            }

            public bool OnData(byte[] buffer, int offset, int count)
            {
                _body.Write(buffer, offset, count);
                Chunks++;
                LargestChunk = Math.Max(LargestChunk, count);
                return true;
            }
        }

        private static TestHttpServer Server()
        {
            var server = new TestHttpServer();
            server.AddFile("/fw/app.bin", Image);
            return server;
        }

        [TestMethod]
        public void Streams_the_whole_body_in_chunks()
        {
            using var server = Server();
            using var http = new HostHttpTransport();
            var sink = new RecordingSink();
            Assert.AreEqual(HttpOutcome.Completed, http.Get(server.BaseUrl + "/fw/app.bin?token=abc", -1, sink, 5000), http.LastError);
            Assert.AreEqual(200, sink.Status);
            Assert.AreEqual(Image.Length, sink.ContentLength);
            CollectionAssert.AreEqual(Image, sink.Body);
            Assert.IsTrue(sink.Chunks > 1 && sink.LargestChunk <= 4096, "the body arrives in pieces of at most 4 KiB, never whole");
            Assert.IsNull(server.Requests[0].Range);
        }

        [TestMethod]
        public void A_range_start_asks_for_the_rest_and_gets_206()
        {
            using var server = Server();
            using var http = new HostHttpTransport();
            var sink = new RecordingSink();
            Assert.AreEqual(HttpOutcome.Completed, http.Get(server.BaseUrl + "/fw/app.bin", 40000, sink, 5000), http.LastError);
            Assert.AreEqual(206, sink.Status);
            Assert.AreEqual(Image.Length - 40000, sink.ContentLength);
            CollectionAssert.AreEqual(Image[40000..], sink.Body);
            Assert.AreEqual("bytes=40000-", server.Requests[0].Range);
            Assert.AreEqual(Image.Length - 40000, server.Requests[0].BodyBytes);
        }

        [TestMethod]
        public void Redirects_are_passed_to_the_caller_with_an_absolute_location()
        {
            using var server = Server();
            using var http = new HostHttpTransport();
            server.Then(HttpFault.Redirect(302, "http://mirror.example/fw.bin")).Then(HttpFault.Redirect(307, "/other/app.bin"));

            var absolute = new RecordingSink();
            http.Get(server.BaseUrl + "/fw/app.bin", -1, absolute, 5000);
            Assert.AreEqual(302, absolute.Status);
            Assert.AreEqual("http://mirror.example/fw.bin", absolute.Location);

            var relative = new RecordingSink();
            http.Get(server.BaseUrl + "/fw/app.bin", -1, relative, 5000);
            Assert.AreEqual(307, relative.Status);
            Assert.AreEqual(server.BaseUrl + "/other/app.bin", relative.Location, "a relative Location is resolved against the request URL");
            Assert.AreEqual(2, server.Requests.Length, "the transport follows nothing itself");
        }

        [TestMethod]
        public void An_error_status_is_a_completed_response_with_that_status()
        {
            using var server = Server();
            using var http = new HostHttpTransport();
            var sink = new RecordingSink();
            Assert.AreEqual(HttpOutcome.Completed, http.Get(server.BaseUrl + "/missing.bin", -1, sink, 5000));
            Assert.AreEqual(404, sink.Status);
        }

        [TestMethod]
        public void A_sink_that_says_stop_ends_the_request()
        {
            using var server = Server();
            using var http = new HostHttpTransport();
            Assert.AreEqual(HttpOutcome.Aborted, http.Get(server.BaseUrl + "/fw/app.bin", -1, new StopAtHeaders(), 5000));
        }

        private sealed class StopAtHeaders : IHttpBodySink
        {
            public bool OnResponse(int statusCode, long contentLength, string location) => false;

            public bool OnData(byte[] buffer, int offset, int count) => true;
        }

        [TestMethod]
        public void Silence_in_the_body_is_a_stall()
        {
            using var server = Server();
            using var http = new HostHttpTransport();
            server.Then(HttpFault.HoldAfter(10000));
            var sink = new RecordingSink();
            var clock = Stopwatch.StartNew();
            HttpOutcome outcome = http.Get(server.BaseUrl + "/fw/app.bin?Signature=s3cr3t", -1, sink, StallMs);
            TestContext.WriteLine(outcome + " after " + clock.ElapsedMilliseconds + " ms: " + http.LastError);
            Assert.AreEqual(HttpOutcome.Stalled, outcome);
            Assert.IsTrue(clock.ElapsedMilliseconds < 5000, "gave up after the stall timeout, not the server's hold");
            Assert.AreEqual(10000, sink.Body.Length);
            StringAssert.Contains(http.LastError, "no data from 127.0.0.1");
            Assert.IsFalse(http.LastError.Contains("s3cr3t"), http.LastError);
            server.Release();
        }

        [TestMethod]
        public void Silence_before_the_headers_is_a_stall()
        {
            using var server = Server();
            using var http = new HostHttpTransport();
            server.Then(HttpFault.SilentHeaders());
            Assert.AreEqual(HttpOutcome.Stalled, http.Get(server.BaseUrl + "/fw/app.bin", -1, new RecordingSink(), StallMs));
            server.Release();
        }

        [TestMethod]
        public void A_body_cut_short_is_a_network_error_after_the_bytes_that_came()
        {
            using var server = Server();
            using var http = new HostHttpTransport();
            server.Then(HttpFault.CutAfter(30000));
            var sink = new RecordingSink();
            Assert.AreEqual(HttpOutcome.NetworkError, http.Get(server.BaseUrl + "/fw/app.bin", -1, sink, 5000));
            Assert.AreEqual(30000, sink.Body.Length);
            CollectionAssert.AreEqual(Image[..30000], sink.Body);
            TestContext.WriteLine(http.LastError);
        }

        [TestMethod]
        public void A_refused_connection_is_a_network_error()
        {
            using var http = new HostHttpTransport();
            int port = FreePort.Next();
            Assert.AreEqual(HttpOutcome.NetworkError, http.Get("http://127.0.0.1:" + port + "/fw.bin?Signature=s3cr3t", -1, new RecordingSink(), 5000));
            StringAssert.Contains(http.LastError, "request to 127.0.0.1 failed");
            Assert.IsFalse(http.LastError.Contains("s3cr3t"), http.LastError);
        }

        [TestMethod]
        public void Only_http_and_https_urls_are_fetched()
        {
            using var http = new HostHttpTransport();
            Assert.AreEqual(HttpOutcome.InvalidUrl, http.Get("ftp://127.0.0.1/fw.bin", -1, new RecordingSink(), 1000));
            Assert.AreEqual(HttpOutcome.InvalidUrl, http.Get("not a url", -1, new RecordingSink(), 1000));
        }

        [TestMethod]
        public void Https_with_the_servers_ca_downloads_and_another_ca_is_refused()
        {
            TestCertificates pki = TestCertificates.Shared;
            using X509Certificate2 ephemeral = X509Certificate2.CreateFromPem(pki.ServerCertificatePem, pki.ServerKeyPem);
            using X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
            using var server = new TestHttpServer(certificate);
            server.AddFile("/fw/app.bin", Image);

            using (var trusting = new HostHttpTransport(pki.CaPem))
            {
                var sink = new RecordingSink();
                Assert.AreEqual(HttpOutcome.Completed, trusting.Get(server.BaseUrl + "/fw/app.bin", 1000, sink, 5000), trusting.LastError);
                Assert.AreEqual(206, sink.Status);
                CollectionAssert.AreEqual(Image[1000..], sink.Body);
            }

            using (var wrongCa = new HostHttpTransport(pki.OtherCaPem))
            {
                Assert.AreEqual(HttpOutcome.NetworkError, wrongCa.Get(server.BaseUrl + "/fw/app.bin", -1, new RecordingSink(), 5000));
                TestContext.WriteLine(wrongCa.LastError);
            }
        }
    }
}
