using System;
using System.Threading.Tasks;
using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.Platforms;
using IotDevice.Platforms.Alink;
using IotDevice.Platforms.EztCloud;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests
{
    /// <summary>--broker: the virtual device against a real mosquitto, the test playing the platform with the shared simulators.</summary>
    [TestClass]
    public class BrokerModeTests
    {
        private static MosquittoBroker _broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            _broker = MosquittoBroker.Start();
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            _broker?.Dispose();
        }

        private static HostMqttTransport ConnectPlatform()
        {
            var transport = new HostMqttTransport();
            var options = new MqttConnectOptions
            {
                Host = _broker.Host,
                Port = _broker.Port,
                ClientId = "platform-" + Guid.NewGuid().ToString("N").Substring(0, 8),
                ConnectTimeoutMs = 5000,
            };
            Assert.AreEqual(MqttConnectResult.Accepted, transport.Connect(options), transport.LastError);
            return transport;
        }

        private string Url => "mqtt://" + _broker.Host + ":" + _broker.Port;

        [TestMethod]
        public void EztCloud_device_connects_announces_and_reports_then_exits_0()
        {
            string user = "DU_" + Guid.NewGuid().ToString("N").Substring(0, 8);
            using HostMqttTransport link = ConnectPlatform();
            using var platform = new EztCloudPlatform(link, user);
            platform.Start();

            AppRunner run = AppRunner.Run(20000, "--broker", Url, "--dialect", "eztcloud", "--username", user, "--password", "pw",
                "--reports", "2", "--interval", "0.2");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "◆ connected", run.ToString());
            StringAssert.Contains(run.Output, "← attributes_response/" + user, run.ToString());
            PlatformMessage[] attributes = platform.On("attributes/" + user);
            Assert.AreEqual(3, attributes.Length, "the version announcement and two reports: " + run);
            StringAssert.Contains(attributes[0].Text, "\"version\":\"1.0.0\"");
            StringAssert.Contains(attributes[1].Text, "\"temperature\":21.5");
            Assert.AreEqual(0, platform.Violations.Length);
        }

        [TestMethod]
        public void Alink_device_answers_the_platforms_led_service_over_the_broker()
        {
            string device = "vd" + Guid.NewGuid().ToString("N").Substring(0, 8);
            using HostMqttTransport link = ConnectPlatform();
            using var platform = new AlinkPlatform(link, "a1X2bEnTest", device);
            platform.Start();

            Task<AppRunner> run = Task.Run(() => AppRunner.Run(20000, "--broker", Url, "--dialect", "alink", "--device-name", device,
                "--reports", "5", "--interval", "0.4"));
            Assert.IsNotNull(platform.WaitFor(platform.Sys + "thing/event/property/post", null, 10000), "no property post arrived");
            string id = platform.CallService("led", "{\"on\":true}");
            PlatformMessage reply = platform.WaitFor(platform.Sys + "thing/service/led_reply", m => m.Text.Contains("\"" + id + "\""), 5000);

            Assert.IsTrue(run.Wait(20000));
            Assert.AreEqual(0, run.Result.ExitCode, run.Result.ToString());
            Assert.IsNotNull(reply, "no led_reply: " + run.Result);
            StringAssert.Contains(reply.Text, "\"led\":true");
            Assert.IsTrue(platform.On(platform.Sys + "thing/event/property/post_reply").Length >= 5, "the platform answered every post");
            StringAssert.Contains(run.Result.Output, "← /ext/ntp/a1X2bEnTest/" + device + "/response", run.Result.ToString());
        }

        [TestMethod]
        public void An_unreachable_broker_fails_the_run_with_exit_1()
        {
            AppRunner run = AppRunner.Run(15000, "--broker", "mqtt://127.0.0.1:" + FreePort.Next(), "--dialect", "fastbee", "--timeout", "1.5");
            Assert.AreEqual(1, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "could not connect to mqtt://127.0.0.1:", run.ToString());
            StringAssert.Contains(run.Error, "1 of 1 conversation(s) failed", run.ToString());
        }
    }
}
