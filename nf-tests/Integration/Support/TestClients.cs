using IotDevice.BrokerHarness;
using System;
using System.Text;
using IotDevice.Host.Mqtt;
using IotDevice.Transport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Support
{
    /// <summary>Connect options and connected transports for tests, with unique ids and topics.</summary>
    public static class TestClients
    {
        public static MqttConnectOptions Options(string host, int port, string clientPrefix = "device")
        {
            return new MqttConnectOptions
            {
                Host = host,
                Port = port,
                ClientId = Unique(clientPrefix),
                KeepAliveSeconds = 30,
                ConnectTimeoutMs = 5000,
            };
        }

        public static MqttConnectOptions Options(MosquittoBroker broker, string clientPrefix = "device")
        {
            return Options(broker.Host, broker.Port, clientPrefix);
        }

        /// <summary>A name no other test uses, so retained messages and sessions never leak between tests.</summary>
        public static string Unique(string prefix)
        {
            return prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 10);
        }

        /// <summary>Connects <paramref name="transport"/> and fails the test with LastError if refused.</summary>
        public static void ConnectOrFail(HostMqttTransport transport, MqttConnectOptions options)
        {
            MqttConnectResult result = transport.Connect(options);
            Assert.AreEqual(MqttConnectResult.Accepted, result, "Connect failed: " + transport.LastError);
            Assert.IsTrue(transport.IsConnected);
        }

        /// <summary>A new transport connected to the broker, e.g. the "platform" side of a round trip.</summary>
        public static HostMqttTransport Connected(MosquittoBroker broker, string clientPrefix = "platform")
        {
            var transport = new HostMqttTransport();
            ConnectOrFail(transport, Options(broker, clientPrefix));
            return transport;
        }

        /// <summary>Subscribes and waits for the SUBACK, so a publish that follows is surely routed.</summary>
        public static byte[] SubscribeAndWait(HostMqttTransport transport, TransportEvents events, string filter, MqttQos qos)
        {
            ushort id = transport.Subscribe(new[] { filter }, new[] { qos });
            return events.WaitForSubscribed(id);
        }

        public static byte[] Bytes(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        public static ushort Publish(HostMqttTransport transport, string topic, string text, MqttQos qos, bool retain = false)
        {
            byte[] payload = Bytes(text);
            return transport.Publish(topic, payload, payload.Length, qos, retain);
        }
    }
}
