using System;
using System.Linq;
using System.Text.Json;
using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Platforms.FastBee;
using IotDevice.Transport;

namespace IotDevice.IntegrationTests.Dialects.FastBee
{
    /// <summary>What the platform knows about one device: its product's credentials and its identity.</summary>
    public sealed class FastBeeDeviceRecord
    {
        public string ProductId = "41";
        public string DeviceNum = "D6329VL548866";
        public long UserId = 1;
        public string Username = "FastBee";
        public string MqttPassword = "P5FJKZJHIR82GNB2";
        public string ProductSecret = "K63C4EA3AI5TER97";
        public string AuthCode;

        public string Prefix => "/" + ProductId + "/" + DeviceNum + "/";

        public FastBeeCredentials ToCredentials() => new FastBeeCredentials
        {
            ProductId = ProductId,
            DeviceNum = DeviceNum,
            UserId = UserId,
            Username = Username,
            MqttPassword = MqttPassword,
            ProductSecret = ProductSecret,
            AuthCode = AuthCode,
        };
    }

    /// <summary>A message a device published, as the platform received it.</summary>
    public sealed class PlatformMessage
    {
        public string Topic;
        public string Text;
        public bool Retained;
        public long AtMs;

        public JsonElement Json => JsonDocument.Parse(Text).RootElement;
    }

    /// <summary>
    /// The FastBee server side for the tests: the shared simulator (<see cref="FastBeePlatform"/> in
    /// samples/PlatformSimulators, which the virtual device uses too) on an MQTT client of its own (id "server-…",
    /// which FastBee treats as non-device), subscribed to every device's uplinks like the server. It
    /// answers ntp/post on ntp/get (QoS 1) with its own clock, publishes commands, info requests, monitor
    /// requests and OTA pushes the way the server does, and authenticates CONNECTs for the
    /// <see cref="FastBeeAuthGate"/> (<see cref="FastBeeLogin"/>, .NET's own AES). Waits fail the test.
    /// </summary>
    public sealed class FastBeePlatformSimulator : IDisposable
    {
        private readonly FastBeeDeviceRecord _device;
        private readonly MqttConnectOptions _options;
        private readonly HostMqttTransport _transport = new HostMqttTransport();
        private readonly FastBeePlatform _platform;

        public FastBeePlatformSimulator(MosquittoBroker broker, FastBeeDeviceRecord device)
        {
            _device = device;
            _options = TestClients.Options(broker, "server-sim");
            TestClients.ConnectOrFail(_transport, _options);
            _platform = new FastBeePlatform(_transport, device.ProductId, device.DeviceNum, allDevices: true)
            {
                ClockOffsetMs = 7 * 24 * 3600 * 1000L,
            };
            _platform.Start(Eventually.DefaultTimeoutMs);
        }

        /// <summary>How far the server's clock is ahead of this machine's, to tell server time from local time.</summary>
        public long ClockOffsetMs
        {
            get => _platform.ClockOffsetMs;
            set => _platform.ClockOffsetMs = value;
        }

        /// <summary>The server's clock, Unix ms.</summary>
        public long Now => _platform.Now;

        /// <summary>Milliseconds since the simulator started; message arrival times use it.</summary>
        public long ElapsedMs => _platform.ElapsedMs;

        public bool AnswerNtp
        {
            get => _platform.AnswerNtp;
            set => _platform.AnswerNtp = value;
        }

        public int NtpAnswers => _platform.NtpAnswers;

        public PlatformMessage[] Messages => _platform.Messages.Select(m => new PlatformMessage
        {
            Topic = m.Topic,
            Text = m.Text,
            Retained = m.Retained,
            AtMs = m.AtMs,
        }).ToArray();

        public PlatformMessage[] On(string suffix) => Messages.Where(m => m.Topic == _device.Prefix + suffix).ToArray();

        /// <summary>Waits until <paramref name="count"/> messages arrived on the suffix; returns them.</summary>
        public PlatformMessage[] WaitFor(string suffix, int count, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            Eventually.True(() => On(suffix).Length >= count, count + " message(s) on " + suffix + "; so far: " + Describe(), timeoutMs);
            return On(suffix);
        }

        public string Describe() => string.Join(" | ", Messages.Select(m => m.Topic.Substring(m.Topic.LastIndexOf('/', m.Topic.Length - 6) + 1) + " " + m.Text));

        /// <summary>Publishes to the device's <c>/{productId}/{deviceNum}/{suffix}</c>.</summary>
        public void Publish(string suffix, string payload, MqttQos qos = MqttQos.AtMostOnce, bool retain = false) =>
            _platform.PublishTo(suffix, payload, qos, retain);

        /// <summary>A command the way the server sends it: one item, empty remark, QoS 0 (JsonProtocolService.encode).</summary>
        public void SendFunction(string id, string value) => _platform.SendFunction(id, value);

        /// <summary>The shadow replay: the stored values as a retained QoS 1 message.</summary>
        public void RetainFunctions(string itemsJson) => _platform.RetainFunctions(itemsJson);

        /// <summary>Clears the retained command with an empty payload, as the server does when the device goes offline.</summary>
        public void ClearRetainedFunctions() => _platform.ClearRetainedFunctions();

        public void RequestInfo() => _platform.RequestInfo();

        /// <summary>Back after a broker restart (clean session: subscribes again).</summary>
        public void Reconnect()
        {
            Eventually.True(() => _transport.Connect(_options) == MqttConnectResult.Accepted, "the platform reconnects", 10000);
            _platform.Start(Eventually.DefaultTimeoutMs);
        }

        /// <summary>FastBee's device authentication (AuthService / ToolServiceImpl.clientAuth), for the gate.</summary>
        public bool Verify(ConnectAttempt attempt)
        {
            attempt.ServerTimeMs = Now;
            attempt.Verdict = FastBeeLogin.Check(_device.ToCredentials(), attempt.ClientId, attempt.Username, attempt.Password,
                attempt.KeepAliveSeconds, attempt.ServerTimeMs, out long expiry);
            if (expiry != 0)
            {
                attempt.ExpireTimeMs = expiry;
            }
            return attempt.Verdict == "ok";
        }

        /// <summary>AESUtils.decrypt: AES-128-CBC, PKCS#5, IV "wumei-smart-open", Base64 in.</summary>
        public static string Decrypt(string base64, string secret) => FastBeeLogin.Decrypt(base64, secret);

        public void Dispose()
        {
            _platform.Dispose();
            _transport.Dispose();
        }
    }
}
