using System;
using System.Collections;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.UnitTests.Session
{
    /// <summary>A minimal dialect: fixed credentials, two filters, one announce message, inbound recorded.</summary>
    internal sealed class TestDialect : ISessionDialect
    {
        public readonly ArrayList Received = new ArrayList();

        public int Announcements;

        public bool ThrowOnMessage;

        public bool ThrowOnConnected;

        public string ConfigurationError;

        public MqttQos AnnounceQos = MqttQos.AtMostOnce;

        /// <summary>How many more connect attempts find the dialect not ready (null options).</summary>
        public int NotReadyAttempts;

        public MqttConnectOptions CreateConnectOptions()
        {
            if (ConfigurationError != null)
            {
                throw new ArgumentException(ConfigurationError);
            }
            if (NotReadyAttempts > 0)
            {
                NotReadyAttempts--;
                return null;
            }
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = "broker.test";
            options.ClientId = "device-1";
            options.Password = "s3cret";
            return options;
        }

        public string[] GetSubscribeFilters()
        {
            return new string[] { "down/device-1/+", "ota/device-1" };
        }

        public MqttQos GetSubscribeQos()
        {
            return MqttQos.AtLeastOnce;
        }

        public void OnConnected(DeviceSession session)
        {
            Announcements++;
            if (ThrowOnConnected)
            {
                throw new InvalidOperationException("announcement exploded");
            }
            byte[] hello = System.Text.Encoding.UTF8.GetBytes("hello");
            session.Announce("up/device-1/info", hello, hello.Length, AnnounceQos);
        }

        public void OnMessage(DeviceSession session, string topic, byte[] payload, bool retained)
        {
            if (ThrowOnMessage)
            {
                throw new InvalidOperationException("handler exploded");
            }
            lock (Received)
            {
                Received.Add(topic);
            }
        }
    }
}
