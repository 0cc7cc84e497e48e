using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using IotDevice.BrokerHarness;
using IotDevice.Host.Mqtt;
using IotDevice.IntegrationTests.Support;
using IotDevice.Transport;

namespace IotDevice.IntegrationTests.Ota.DialectEndToEnd
{
    /// <summary>A message the tap saw, with what the probe read at the moment it arrived.</summary>
    internal sealed record TappedMessage(string Topic, string Text, long ProbeAtArrival);

    /// <summary>
    /// A second platform-side subscriber on the broker that keeps the device's messages on several
    /// topics in one arrival order (a simulator that keeps a list per topic cannot tell which came
    /// first) and, as each arrives, reads a probe — e.g. how many body bytes the HTTP server has sent —
    /// so a test can tell what had happened elsewhere before the message reached the platform.
    /// </summary>
    internal sealed class WireTap : IDisposable
    {
        private readonly object _gate = new object();
        private readonly List<TappedMessage> _messages = new List<TappedMessage>();
        private readonly HostMqttTransport _mqtt = new HostMqttTransport();
        private readonly Func<long> _probe;

        public WireTap(MosquittoBroker broker, string username, string password, Func<long> probe, params string[] filters)
        {
            _probe = probe ?? (() => 0);
            var events = new TransportEvents(_mqtt);
            events.Callbacks.OnMessage += OnMessage;
            MqttConnectOptions options = TestClients.Options(broker, "tap");
            options.Username = username;
            options.Password = password;
            TestClients.ConnectOrFail(_mqtt, options);
            foreach (string filter in filters)
            {
                TestClients.SubscribeAndWait(_mqtt, events, filter, MqttQos.AtLeastOnce);
            }
        }

        public TappedMessage[] Messages
        {
            get
            {
                lock (_gate)
                {
                    return _messages.ToArray();
                }
            }
        }

        public TappedMessage[] On(string topic) => Messages.Where(m => m.Topic == topic).ToArray();

        /// <summary>Waits until the tap has a message on <paramref name="topic"/> that <paramref name="match"/> accepts; returns it.</summary>
        public TappedMessage WaitFor(string topic, Func<TappedMessage, bool> match, int timeoutMs = 10000)
        {
            TappedMessage found = null;
            Eventually.True(() => (found = On(topic).FirstOrDefault(match)) != null, "the tap sees a matching message on " + topic + "; so far: " + Describe(), timeoutMs);
            return found;
        }

        public string Describe() => string.Join(" | ", Messages.Select(m => m.Topic + " " + m.Text));

        public void Dispose() => _mqtt.Dispose();

        private void OnMessage(string topic, byte[] payload, bool retained)
        {
            long probe = _probe();
            lock (_gate)
            {
                _messages.Add(new TappedMessage(topic, Encoding.UTF8.GetString(payload), probe));
            }
        }
    }
}
