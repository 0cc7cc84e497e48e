using System;
using System.Collections.Generic;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Platforms.Mqtt
{
    /// <summary>
    /// An MQTT broker in the process, for clients that are <see cref="MemoryTransport"/>s: clean sessions,
    /// subscriptions matched with the SDK's own filter rules, QoS 0 and 1 (PUBACK to the sender once the
    /// message is routed), retained messages (an empty retained payload clears the topic), and client-id
    /// takeover. Enough to run a device against a platform simulator with nothing installed.
    /// </summary>
    public sealed class MemoryBroker
    {
        private readonly object _gate = new object();
        private readonly List<MemoryTransport> _clients = new List<MemoryTransport>();
        private readonly Dictionary<string, RetainedMessage> _retained = new Dictionary<string, RetainedMessage>(StringComparer.Ordinal);

        /// <summary>Decides CONNECTs (e.g. a platform checking credentials); null accepts everyone.</summary>
        public Func<MqttConnectOptions, MqttConnectResult> Authenticate { get; set; }

        /// <summary>
        /// Whether a client receives its own publishes when it subscribes to them (true, as MQTT 3.1.1 and
        /// mosquitto do). IoT platforms do not route a device's uplinks back to it (topic permissions), so
        /// a platform simulation turns this off.
        /// </summary>
        public bool DeliverToSender { get; set; } = true;

        public int ConnectedClients
        {
            get { lock (_gate) { return _clients.Count; } }
        }

        internal MqttConnectResult Connect(MemoryTransport client, MqttConnectOptions options)
        {
            MqttConnectResult verdict = Authenticate?.Invoke(options) ?? MqttConnectResult.Accepted;
            if (verdict != MqttConnectResult.Accepted)
            {
                return verdict;
            }
            MemoryTransport previous;
            lock (_gate)
            {
                previous = _clients.Find(c => c != client && c.ClientId == options.ClientId);
                _clients.Remove(client);
                _clients.Add(client);
            }
            // MQTT: a second connection with the same client id closes the first.
            previous?.Lose("another client connected with the same client id");
            return MqttConnectResult.Accepted;
        }

        internal void Remove(MemoryTransport client)
        {
            lock (_gate)
            {
                _clients.Remove(client);
            }
        }

        /// <summary>Records the filters, answers with the SUBACK, then sends the retained messages they match.</summary>
        internal void Subscribe(MemoryTransport client, string[] filters, MqttQos[] qos, ushort packetId)
        {
            var granted = new byte[filters.Length];
            var retained = new List<RetainedMessage>();
            lock (_gate)
            {
                for (int i = 0; i < filters.Length; i++)
                {
                    client.AddSubscription(filters[i], qos[i]);
                    granted[i] = (byte)qos[i];
                    foreach (RetainedMessage message in _retained.Values)
                    {
                        if (TopicText.FilterMatches(filters[i], message.Topic) && !retained.Contains(message))
                        {
                            retained.Add(message);
                        }
                    }
                }
            }
            client.Deliver(() => client.RaiseSubscribed(packetId, granted));
            foreach (RetainedMessage message in retained)
            {
                client.Deliver(() => client.RaiseMessage(message.Topic, message.Payload, true));
            }
        }

        /// <summary>Routes a PUBLISH to every client with a matching subscription (once each); QoS 1 gets its PUBACK.</summary>
        internal void Publish(MemoryTransport sender, string topic, byte[] payload, MqttQos qos, bool retain, ushort packetId)
        {
            List<MemoryTransport> receivers;
            lock (_gate)
            {
                if (retain)
                {
                    if (payload.Length == 0)
                    {
                        _retained.Remove(topic);
                    }
                    else
                    {
                        _retained[topic] = new RetainedMessage(topic, payload);
                    }
                }
                receivers = _clients.FindAll(c => (DeliverToSender || c != sender) && c.IsSubscribedTo(topic));
            }
            foreach (MemoryTransport receiver in receivers)
            {
                // Retain is set only on messages sent because of a new subscription (MQTT 3.1.1 §3.3.1.3).
                receiver.Deliver(() => receiver.RaiseMessage(topic, payload, false));
            }
            if (qos == MqttQos.AtLeastOnce)
            {
                sender.Deliver(() => sender.RaiseDelivered(packetId));
            }
        }

        private sealed class RetainedMessage
        {
            public RetainedMessage(string topic, byte[] payload)
            {
                Topic = topic;
                Payload = payload;
            }

            public string Topic { get; }

            public byte[] Payload { get; }
        }
    }
}
