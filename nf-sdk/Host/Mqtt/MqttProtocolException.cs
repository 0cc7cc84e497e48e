using System;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// The peer sent bytes that are not valid MQTT 3.1.1 (or that this client refuses, such as an
    /// over-sized packet). It never leaves the transport: the message becomes the ConnectionLost
    /// reason or the LastError of a failed Connect, so it must read well on its own.
    /// </summary>
    internal sealed class MqttProtocolException : Exception
    {
        public MqttProtocolException(string message)
            : base(message)
        {
        }

        /// <summary>A packet that breaks the 3.1.1 encoding rules.</summary>
        public static MqttProtocolException Malformed(string detail)
        {
            return new MqttProtocolException("malformed packet: " + detail);
        }
    }
}
