using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IotDevice.BrokerHarness;
using IotDevice.Dialects.Alink;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Platforms;
using IotDevice.Platforms.Alink;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Dialects.Alink
{
    /// <summary>
    /// Alibaba Cloud IoT for one device through a real broker: the shared simulator
    /// (<see cref="AlinkPlatform"/> in samples/PlatformSimulators, which the virtual device uses too) on its own
    /// MQTT client, logged in as the platform user the broker's ACL knows. It answers every request on its
    /// <c>_reply</c> topic with the same id (unless told to stay silent for a method), answers NTP, serves
    /// a pending firmware or config, and publishes downlinks. The device's CONNECT is checked by the
    /// broker against <see cref="ExpectedPassword"/>, computed with .NET's own HMAC. Waits fail the test.
    /// </summary>
    internal sealed class AlinkPlatformSimulator : IDisposable
    {
        public const string User = "platform-simulator";
        public const string Password = "Pl4tform-Simulator-Pa55";

        private readonly HostMqttTransport _transport = new HostMqttTransport();
        private readonly AlinkPlatform _platform;

        /// <param name="caPem">The broker's CA when it serves TLS only; null for plain TCP.</param>
        public AlinkPlatformSimulator(MosquittoBroker broker, string productKey, string deviceName, string caPem = null)
        {
            MqttConnectOptions options = TestClients.Options(broker, "platform");
            options.Username = User;
            options.Password = Password;
            options.UseTls = caPem != null;
            options.CaCertificatePem = caPem;
            TestClients.ConnectOrFail(_transport, options);
            _platform = new AlinkPlatform(_transport, productKey, deviceName);
            _platform.Start(Eventually.DefaultTimeoutMs);
        }

        public string ProductKey => _platform.ProductKey;

        public string DeviceName => _platform.DeviceName;

        public string Sys => _platform.Sys;

        public string OtaSuffix => _platform.OtaSuffix;

        /// <summary>Methods the simulator never answers (to provoke timeouts).</summary>
        public HashSet<string> SilentMethods => _platform.SilentMethods;

        /// <summary>Methods the simulator refuses, with the code it answers.</summary>
        public Dictionary<string, int> RefusedMethods => _platform.RefusedMethods;

        /// <summary>The <c>data</c> of the next firmware/get_reply; null answers <c>{}</c> (nothing pending).</summary>
        public string PendingFirmware
        {
            get => _platform.PendingFirmware;
            set => _platform.PendingFirmware = value;
        }

        /// <summary>The <c>data</c> of config/get_reply; null answers <c>{}</c>.</summary>
        public string ConfigData
        {
            get => _platform.ConfigData;
            set => _platform.ConfigData = value;
        }

        /// <summary>How many requests were answered.</summary>
        public int Answers => _platform.Answers;

        /// <summary>The CONNECT password the platform expects, computed independently of the SDK.</summary>
        public static string ExpectedPassword(AlinkSignMethod method, string secret, string clientId, string deviceName, string productKey, long timestamp)
        {
            string name = method == AlinkSignMethod.HmacSha1 ? "hmacsha1" : method == AlinkSignMethod.HmacMd5 ? "hmacmd5" : "hmacsha256";
            return AlinkPlatform.ExpectedPassword(name, secret, clientId, deviceName, productKey, timestamp);
        }

        /// <summary>Messages received on <paramref name="topic"/>, in order (the simulator's own echoes included).</summary>
        public List<ReceivedMessage> On(string topic)
        {
            return _platform.On(topic).Select(ToReceived).ToList();
        }

        /// <summary>Waits for a message on <paramref name="topic"/> that <paramref name="match"/> accepts.</summary>
        public JsonElement WaitFor(string topic, Func<JsonElement, bool> match = null, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            PlatformMessage found = _platform.WaitFor(topic, m => match == null || match(m.Json()), timeoutMs);
            if (found == null)
            {
                Assert.Fail("The platform saw no matching message on " + topic + " within " + timeoutMs + " ms; it saw: "
                    + string.Join(", ", _platform.Messages.Select(m => m.Topic)));
            }
            return found.Json();
        }

        /// <summary>Publishes a downlink at QoS 1, as the platform does for services and pushes.</summary>
        public void Publish(string topic, string json)
        {
            _platform.Publish(topic, json, MqttQos.AtLeastOnce);
        }

        public void Dispose()
        {
            _platform.Dispose();
            _transport.Dispose();
        }

        public static JsonElement Parse(ReceivedMessage message)
        {
            using (JsonDocument document = JsonDocument.Parse(message.Payload))
            {
                return document.RootElement.Clone();
            }
        }

        private static ReceivedMessage ToReceived(PlatformMessage message)
        {
            return new ReceivedMessage { Topic = message.Topic, Payload = message.Payload, Retained = message.Retained };
        }
    }
}
