using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using IotDevice.Platforms.Mqtt;
using IotDevice.Transport;

namespace IotDevice.Platforms
{
    /// <summary>
    /// The server side of one dialect for one device, on an MQTT connection of its own (any
    /// <see cref="IMqttTransport"/>, already connected by the caller): subscribes what the platform
    /// subscribes, records every message it receives, answers requests the way the platform does, and
    /// publishes downlinks on demand. Waiting helpers return null/false on timeout so both a test and
    /// the virtual device can decide what a timeout means.
    /// </summary>
    public abstract class PlatformSimulator : IDisposable
    {
        private readonly object _gate = new object();
        private readonly List<PlatformMessage> _received = new List<PlatformMessage>();
        private readonly Dictionary<ushort, byte[]> _subacks = new Dictionary<ushort, byte[]>();
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        protected PlatformSimulator(IMqttTransport transport)
        {
            Transport = transport ?? throw new ArgumentNullException(nameof(transport));
            Listener = new TransportCallbacks { OnMessage = OnTransportMessage, OnSubscribed = OnTransportSubscribed };
            Transport.Listen(Listener);
        }

        /// <summary>
        /// The simulator's listener on <see cref="Transport"/>, for a recorder that listens in its place
        /// (a transport has one listener) to pass each call on to.
        /// </summary>
        public IMqttTransportListener Listener { get; }

        /// <summary>Every message received (from the device, or echoes of the platform's own downlinks).</summary>
        public event PlatformMessageHandler Received;

        /// <summary>Every downlink published.</summary>
        public event PlatformMessageHandler Sent;

        public IMqttTransport Transport { get; }

        /// <summary>Milliseconds since the simulator was made; messages are stamped with it.</summary>
        public long ElapsedMs => _clock.ElapsedMilliseconds;

        /// <summary>The filters the platform subscribes for its device.</summary>
        public abstract string[] Filters { get; }

        /// <summary>A snapshot of the messages received so far, in order.</summary>
        public PlatformMessage[] Messages
        {
            get { lock (_gate) { return _received.ToArray(); } }
        }

        /// <summary>The messages received on exactly <paramref name="topic"/>, in order.</summary>
        public PlatformMessage[] On(string topic)
        {
            lock (_gate)
            {
                return _received.FindAll(m => m.Topic == topic).ToArray();
            }
        }

        /// <summary>
        /// Subscribes <see cref="Filters"/> and waits for the SUBACKs; throws when refused or unanswered.
        /// Call it again after reconnecting the transport (clean sessions forget subscriptions).
        /// </summary>
        public void Start(int timeoutMs = 5000)
        {
            // Packet ids start again on a new connection: forget the SUBACKs of an earlier one.
            lock (_gate)
            {
                _subacks.Clear();
            }
            foreach (string filter in Filters)
            {
                ushort id = Transport.Subscribe(new[] { filter }, new[] { MqttQos.AtLeastOnce });
                byte[] granted = null;
                bool answered = WaitUntil(() =>
                {
                    lock (_gate)
                    {
                        return _subacks.TryGetValue(id, out granted);
                    }
                }, timeoutMs);
                if (!answered)
                {
                    throw new TimeoutException("The broker did not answer the platform's SUBSCRIBE to " + filter + " within " + timeoutMs + " ms.");
                }
                if (granted.Length != 1 || granted[0] == 0x80)
                {
                    throw new InvalidOperationException("The broker refused the platform's subscription to " + filter + ".");
                }
            }
        }

        /// <summary>The first received message on <paramref name="topic"/> that <paramref name="match"/> accepts, waiting up to <paramref name="timeoutMs"/>; null on timeout.</summary>
        public PlatformMessage WaitFor(string topic, Func<PlatformMessage, bool> match, int timeoutMs)
        {
            var clock = Stopwatch.StartNew();
            lock (_gate)
            {
                while (true)
                {
                    foreach (PlatformMessage message in _received)
                    {
                        if (message.Topic == topic && (match == null || Matches(match, message)))
                        {
                            return message;
                        }
                    }
                    long left = timeoutMs - clock.ElapsedMilliseconds;
                    if (left <= 0)
                    {
                        return null;
                    }
                    Monitor.Wait(_gate, (int)left);
                }
            }
        }

        /// <summary>Polls <paramref name="condition"/> until it holds; false on timeout.</summary>
        public bool WaitUntil(Func<bool> condition, int timeoutMs)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                long left = timeoutMs - clock.ElapsedMilliseconds;
                if (left <= 0)
                {
                    return false;
                }
                lock (_gate)
                {
                    Monitor.Wait(_gate, (int)Math.Min(left, 50));
                }
            }
            return true;
        }

        /// <summary>Publishes a downlink (QoS 1 unless told otherwise, as the platforms do for commands and pushes).</summary>
        public void Publish(string topic, string text, MqttQos qos = MqttQos.AtLeastOnce, bool retain = false)
        {
            Publish(topic, Encoding.UTF8.GetBytes(text ?? ""), qos, retain);
        }

        public void Publish(string topic, byte[] payload, MqttQos qos = MqttQos.AtLeastOnce, bool retain = false)
        {
            Transport.Publish(topic, payload, payload.Length, qos, retain);
            Sent?.Invoke(new PlatformMessage(topic, payload, retain, false, ElapsedMs));
        }

        public virtual void Dispose()
        {
            Transport.Listen(null);
        }

        /// <summary>Answers a received message; runs on the transport's thread after it was recorded.</summary>
        protected abstract void OnUplink(PlatformMessage message);

        private static bool Matches(Func<PlatformMessage, bool> match, PlatformMessage message)
        {
            try
            {
                return match(message);
            }
            catch (Exception)
            {
                return false; // e.g. a payload that is not the JSON the predicate expects
            }
        }

        private void OnTransportMessage(string topic, byte[] payload, bool retained)
        {
            var message = new PlatformMessage(topic, payload, retained, true, ElapsedMs);
            lock (_gate)
            {
                _received.Add(message);
                Monitor.PulseAll(_gate);
            }
            Received?.Invoke(message);
            OnUplink(message);
        }

        private void OnTransportSubscribed(ushort messageId, byte[] grantedQos)
        {
            lock (_gate)
            {
                _subacks[messageId] = grantedQos;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
