using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using IotDevice.BrokerHarness;
using IotDevice.Dialects.Alink;
using IotDevice.Host.Mqtt;
using IotDevice.Transport;
using IotDevice.Platforms.Http;
using IotDevice.Platforms.Mqtt;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests.Simulate
{
    /// <summary>The local platform's download server (ranges, its folder and nothing outside it), a config push answered, and the in-process run's FastBee encrypted login.</summary>
    [TestClass]
    public class LocalPlatformServicesTests
    {
        [TestMethod]
        public void The_file_server_serves_ranges_its_folder_only_and_json_routes()
        {
            string folder = Path.Combine(Path.GetTempPath(), "iotdevice-http-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(folder);
            byte[] content = Enumerable.Range(0, 10000).Select(i => (byte)(i * 7)).ToArray();
            File.WriteAllBytes(Path.Combine(folder, "image.bin"), content);
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "iotdevice-outside.txt"), "secret");
            int port = FreePort.Next();
            using var server = new FileHttpServer(IPAddress.Loopback, port, folder, "127.0.0.1");
            server.Offer("/firmware/alias.bin", Path.Combine(folder, "image.bin"));
            server.Route("/iot/tool/ntp", query => query.StartsWith("deviceSendTime=", StringComparison.Ordinal) ? "{\"ok\":1}" : null);
            server.Start();
            using var http = new HttpClient();
            try
            {
                using var whole = http.GetAsync(server.UrlOf("/image.bin")).Result;
                Assert.AreEqual(HttpStatusCode.OK, whole.StatusCode);
                CollectionAssert.AreEqual(content, whole.Content.ReadAsByteArrayAsync().Result);

                var request = new HttpRequestMessage(HttpMethod.Get, server.UrlOf("/firmware/alias.bin"));
                request.Headers.Range = new RangeHeaderValue(9000, null);
                using var tail = http.Send(request);
                Assert.AreEqual(HttpStatusCode.PartialContent, tail.StatusCode);
                Assert.AreEqual("bytes 9000-9999/10000", tail.Content.Headers.ContentRange.ToString());
                CollectionAssert.AreEqual(content.Skip(9000).ToArray(), tail.Content.ReadAsByteArrayAsync().Result);

                var past = new HttpRequestMessage(HttpMethod.Get, server.UrlOf("/image.bin"));
                past.Headers.Range = new RangeHeaderValue(10000, null);
                Assert.AreEqual(HttpStatusCode.RequestedRangeNotSatisfiable, http.Send(past).StatusCode);

                // Raw requests (an HTTP client tidies dots away before sending); an encoded slash even survives the listener's own tidying.
                StringAssert.StartsWith(RawGet(port, "/../iotdevice-outside.txt"), "HTTP/1.1 404");
                StringAssert.StartsWith(RawGet(port, "/..%2Fiotdevice-outside.txt"), "HTTP/1.1 404");
                Assert.AreEqual(HttpStatusCode.NotFound, http.GetAsync(server.UrlOf("/missing.bin")).Result.StatusCode);
                Assert.AreEqual("{\"ok\":1}", http.GetStringAsync(server.UrlOf("/iot/tool/ntp?deviceSendTime=5")).Result);
                Assert.AreEqual(HttpStatusCode.BadRequest, http.GetAsync(server.UrlOf("/iot/tool/ntp")).Result.StatusCode);
            }
            finally
            {
                Directory.Delete(folder, true);
                File.Delete(Path.Combine(Path.GetTempPath(), "iotdevice-outside.txt"));
            }
        }

        private static string RawGet(int port, string path)
        {
            using var client = new TcpClient("127.0.0.1", port);
            using NetworkStream stream = client.GetStream();
            byte[] request = Encoding.ASCII.GetBytes("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
            stream.Write(request, 0, request.Length);
            stream.ReadTimeout = 5000;
            using var reader = new StreamReader(stream, Encoding.ASCII);
            return reader.ReadToEnd();
        }

        [TestMethod]
        public void An_alink_config_push_is_downloaded_verified_and_answered()
        {
            using var platform = LocalPlatformRig.Start("alink", new[] { "wait connected 20", "config cfg.json", "wait answered 10" });
            File.WriteAllText(Path.Combine(platform.Folder, "cfg.json"), "{\"interval\":30}");
            using BackgroundRun device = BackgroundRun.Start("--broker", platform.MqttUrl(), "--dialect", "alink", "--reports", "0", "--interval", "0.5");
            bool done = platform.Run.WaitFor("script done", 20000);
            Assert.AreEqual(0, device.Stop(), device.ToString());
            string both = platform + "\n--- device ---\n" + device;
            Assert.IsTrue(done, both);
            StringAssert.Contains(platform.Output, "→ /sys/a1X2bEnTest/example1/thing/config/push  {\"id\":\"1001\",\"version\":\"1.0\",\"params\":{\"configId\":\"", both);
            StringAssert.Contains(platform.Output, "HTTP GET /config/cfg.json → 200, 15 bytes", both);
            StringAssert.Contains(platform.Output, "← /sys/a1X2bEnTest/example1/thing/config/push_reply  {\"id\":\"1001\",\"code\":200", both);
            StringAssert.Contains(platform.Output, "the config push answered", both);
            StringAssert.Contains(device.Output, "config ", both);
            StringAssert.Contains(device.Output, " received (15 bytes, verified)", both);
        }

        [TestMethod]
        public void A_second_login_of_the_device_closes_the_first_whatever_its_client_id()
        {
            using var platform = LocalPlatformRig.Start("alink", null);
            using var first = new HostMqttTransport();
            using var second = new HostMqttTransport();
            var lost = new ManualResetEventSlim();
            first.Listen(new TransportCallbacks { OnLost = reason => lost.Set() });
            Assert.AreEqual(MqttConnectResult.Accepted, first.Connect(Login(platform, "first")), first.LastError + "\n" + platform);
            Assert.AreEqual(MqttConnectResult.Accepted, second.Connect(Login(platform, "second")), second.LastError + "\n" + platform);
            Assert.IsTrue(lost.Wait(5000), "the first connection stayed open:\n" + platform);
            Assert.IsTrue(second.IsConnected);
            Assert.IsTrue(platform.Run.WaitFor("◆ device first|securemode=3,signmethod=hmacsha256,timestamp=2524608000000| is closed: the device logged in again as second|", 5000),
                platform.ToString());
        }

        // The device's CONNECT as the SDK signs it, with the examples' identity and its own client id.
        private static MqttConnectOptions Login(LocalPlatformRig platform, string clientId)
        {
            MqttConnectOptions connect = AlinkSigner.CreateConnectOptions(new AlinkOptions
            {
                Host = "127.0.0.1", Port = platform.Port, UseTls = false, ProductKey = "a1X2bEnTest", DeviceName = "example1",
                DeviceSecret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest", ClientId = clientId,
            });
            connect.ConnectTimeoutMs = 5000;
            return connect;
        }

        [TestMethod]
        public void The_built_in_conversation_runs_a_fastbee_encrypted_login_with_an_authorization_code()
        {
            AppRunner run = AppRunner.Run(30000, "--dialect", "fastbee", "--encrypted", "--auth-code", "BUILTIN7");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "encrypted login with an authorization code", run.ToString());
            StringAssert.Contains(run.Output, "✓ FastBee: conversation complete", run.ToString());
            Assert.IsFalse(run.Output.Contains("BUILTIN7", StringComparison.Ordinal), "the code was printed");
        }
    }
}
