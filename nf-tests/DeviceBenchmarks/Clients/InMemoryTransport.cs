using System;
using System.Text;
using IotDevice.DeviceBenchmarks.Dialects;
using IotDevice.Transport;

namespace IotDevice.DeviceBenchmarks.Clients
{
    /// <summary>
    /// A broker in memory that keeps nothing: it accepts the connection, grants every subscription,
    /// acknowledges QoS 1 publishes at once and only counts what the device sends, so the heap a
    /// client holds is the client's own. Downlinks are handed over on the caller's thread; so are the
    /// platform's answers to what the device published, which wait here until <see cref="DeliverAnswers"/>.
    /// </summary>
    internal sealed class InMemoryTransport : IMqttTransport
    {
        private const int MaxAnswers = 32;

        private readonly object _sync = new object();
        private readonly DialectBench _platform;
        private readonly string[] _answerTopics = new string[MaxAnswers];
        private readonly byte[][] _answers = new byte[MaxAnswers][];
        private int _answerCount;
        private ushort _nextId;
        private int _published;
        private IMqttTransportListener _listener;

        public InMemoryTransport(DialectBench platform)
        {
            _platform = platform;
        }

        /// <summary>The session; this link never breaks, so it is never told of a loss.</summary>
        public void Listen(IMqttTransportListener listener)
        {
            _listener = listener;
        }

        public bool IsConnected { get; private set; }

        public string LastError
        {
            get { return null; }
        }

        public int Published
        {
            get { lock (_sync) { return _published; } }
        }

        public MqttConnectResult Connect(MqttConnectOptions options)
        {
            IsConnected = true;
            return MqttConnectResult.Accepted;
        }

        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            ushort id = NextId();
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.Subscribed(id, new byte[filters.Length]);
            }
            return id;
        }

        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            if (!IsConnected)
            {
                throw new InvalidOperationException("not connected");
            }
            string answerTopic;
            byte[] answer = _platform.Answer(topic, Encoding.UTF8.GetString(payload, 0, length), out answerTopic);
            lock (_sync)
            {
                _published++;
                if (answer != null && _answerCount < MaxAnswers)
                {
                    _answerTopics[_answerCount] = answerTopic;
                    _answers[_answerCount++] = answer;
                }
            }
            if (qos == MqttQos.AtMostOnce)
            {
                return 0;
            }
            ushort id = NextId();
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.DeliveryCompleted(id, true);
            }
            return id;
        }

        public void Disconnect()
        {
            IsConnected = false;
        }

        /// <summary>The platform sends the device a message.</summary>
        public void Deliver(string topic, byte[] payload)
        {
            IMqttTransportListener listener = _listener;
            if (listener != null)
            {
                listener.MessageReceived(topic, payload, false);
            }
        }

        /// <summary>Hands the device the answers waiting so far, on the caller's thread, and forgets them.</summary>
        public void DeliverAnswers()
        {
            while (true)
            {
                string topic;
                byte[] answer;
                lock (_sync)
                {
                    if (_answerCount == 0)
                    {
                        return;
                    }
                    _answerCount--;
                    topic = _answerTopics[_answerCount];
                    answer = _answers[_answerCount];
                    _answerTopics[_answerCount] = null;
                    _answers[_answerCount] = null;
                }
                Deliver(topic, answer);
            }
        }

        private ushort NextId()
        {
            lock (_sync)
            {
                _nextId++;
                if (_nextId == 0)
                {
                    _nextId = 1;
                }
                return _nextId;
            }
        }
    }
}
