using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using IotDevice.Platforms.Mqtt;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Support
{
    /// <summary>A message a transport told its listener of.</summary>
    public sealed class ReceivedMessage
    {
        public string Topic;
        public byte[] Payload;
        public bool Retained;

        /// <summary>The packet id (0 at QoS 0, or from a transport that does not tell it).</summary>
        public ushort PacketId;

        /// <summary>The DUP flag: the broker delivers again a message it sent before.</summary>
        public bool Duplicate;

        public string Text
        {
            get { return System.Text.Encoding.UTF8.GetString(Payload); }
        }
    }

    /// <summary>
    /// Listens to one transport and records everything it tells, in order, with the time it arrived,
    /// and waits for it with a bound. Also checks the contract that the listener's calls never overlap.
    /// Each call then goes on to <see cref="Callbacks"/>, where a test adds delegates of its own, and to
    /// the listener given as <c>next</c> (one that was listening before, such as a platform simulator).
    /// </summary>
    public sealed class TransportEvents : IMqttTransportListener
    {
        private readonly object _gate = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<ReceivedMessage> _messages = new List<ReceivedMessage>();
        private readonly List<KeyValuePair<ushort, bool>> _deliveries = new List<KeyValuePair<ushort, bool>>();
        private readonly Dictionary<ushort, byte[]> _subscriptions = new Dictionary<ushort, byte[]>();
        private readonly List<string> _losses = new List<string>();
        private readonly List<string> _order = new List<string>();
        private readonly IMqttTransportListener _next;
        private int _inHandler;

        public TransportEvents(IMqttTransport transport, IMqttTransportListener next = null)
        {
            _next = next;
            transport.Listen(this);
        }

        /// <summary>Called after each record; a test may add delegates of its own.</summary>
        public TransportCallbacks Callbacks { get; } = new TransportCallbacks();

        private IMqttTransportListener Others => Callbacks;

        /// <summary>Set when two handlers ran at the same time, which the transport contract forbids.</summary>
        public bool Overlapped { get; private set; }

        /// <summary>Milliseconds since this recorder was made, when the last ConnectionLost arrived.</summary>
        public long LastLossAtMs { get; private set; }

        public long NowMs
        {
            get { return _clock.ElapsedMilliseconds; }
        }

        /// <summary>Event names in arrival order ("delivery 3 False", "lost", …).</summary>
        public string[] Order
        {
            get
            {
                lock (_gate)
                {
                    return _order.ToArray();
                }
            }
        }

        public int LossCount
        {
            get
            {
                lock (_gate)
                {
                    return _losses.Count;
                }
            }
        }

        public ReceivedMessage[] Messages
        {
            get
            {
                lock (_gate)
                {
                    return _messages.ToArray();
                }
            }
        }

        public KeyValuePair<ushort, bool>[] Deliveries
        {
            get
            {
                lock (_gate)
                {
                    return _deliveries.ToArray();
                }
            }
        }

        public ReceivedMessage WaitForMessage(string topic, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            ReceivedMessage found = null;
            WaitUntil(() => (found = _messages.Find(m => m.Topic == topic)) != null, "a message on '" + topic + "'", timeoutMs);
            return found;
        }

        public void WaitForMessageCount(int count, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            WaitUntil(() => _messages.Count >= count, count + " messages", timeoutMs);
        }

        /// <summary>Waits for DeliveryCompleted of <paramref name="packetId"/> and returns its outcome.</summary>
        public bool WaitForDelivery(ushort packetId, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            int index = -1;
            WaitUntil(() => (index = _deliveries.FindIndex(d => d.Key == packetId)) >= 0, "DeliveryCompleted(" + packetId + ")", timeoutMs);
            lock (_gate)
            {
                return _deliveries[index].Value;
            }
        }

        public byte[] WaitForSubscribed(ushort packetId, int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            byte[] granted = null;
            WaitUntil(() => _subscriptions.TryGetValue(packetId, out granted), "Subscribed(" + packetId + ")", timeoutMs);
            return granted;
        }

        /// <summary>Waits for the first ConnectionLost and returns its reason.</summary>
        public string WaitForConnectionLost(int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            WaitUntil(() => _losses.Count > 0, "ConnectionLost", timeoutMs);
            lock (_gate)
            {
                return _losses[0];
            }
        }

        /// <summary>Forgets what was recorded, to watch a new connection of the same transport.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _messages.Clear();
                _deliveries.Clear();
                _subscriptions.Clear();
                _losses.Clear();
                _order.Clear();
            }
        }

        void IMqttTransportListener.MessageReceived(string topic, byte[] payload, bool retained)
        {
            Record("message " + topic, () => _messages.Add(new ReceivedMessage { Topic = topic, Payload = payload, Retained = retained }));
            Others.MessageReceived(topic, payload, retained);
            _next?.MessageReceived(topic, payload, retained);
        }

        void IMqttTransportListener.PublishReceived(string topic, byte[] payload, int length, bool retained, ushort packetId, bool duplicate)
        {
            if (payload != null)
            {
                Record("message " + topic, () => _messages.Add(new ReceivedMessage
                {
                    Topic = topic, Payload = payload, Retained = retained, PacketId = packetId, Duplicate = duplicate,
                }));
            }
            Others.PublishReceived(topic, payload, length, retained, packetId, duplicate);
            _next?.PublishReceived(topic, payload, length, retained, packetId, duplicate);
        }

        void IMqttTransportListener.DeliveryCompleted(ushort messageId, bool delivered)
        {
            Record("delivery " + messageId + " " + delivered, () => _deliveries.Add(new KeyValuePair<ushort, bool>(messageId, delivered)));
            Others.DeliveryCompleted(messageId, delivered);
            _next?.DeliveryCompleted(messageId, delivered);
        }

        void IMqttTransportListener.Subscribed(ushort messageId, byte[] grantedQos)
        {
            Record("subscribed " + messageId, () => _subscriptions[messageId] = grantedQos);
            Others.Subscribed(messageId, grantedQos);
            _next?.Subscribed(messageId, grantedQos);
        }

        void IMqttTransportListener.ConnectionLost(string reason)
        {
            Record("lost", () =>
            {
                _losses.Add(reason);
                LastLossAtMs = _clock.ElapsedMilliseconds;
            });
            Others.ConnectionLost(reason);
            _next?.ConnectionLost(reason);
        }

        private void Record(string name, Action add)
        {
            if (Interlocked.Increment(ref _inHandler) > 1)
            {
                Overlapped = true;
            }

            try
            {
                lock (_gate)
                {
                    add();
                    _order.Add(name);
                    Monitor.PulseAll(_gate);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inHandler);
            }
        }

        private void WaitUntil(Func<bool> condition, string what, int timeoutMs)
        {
            var clock = Stopwatch.StartNew();
            lock (_gate)
            {
                while (!condition())
                {
                    long left = timeoutMs - clock.ElapsedMilliseconds;
                    if (left <= 0)
                    {
                        Assert.Fail("Timed out after " + timeoutMs + " ms waiting for " + what + "; events so far: " + string.Join(", ", _order));
                    }

                    Monitor.Wait(_gate, (int)left);
                }
            }
        }
    }
}
