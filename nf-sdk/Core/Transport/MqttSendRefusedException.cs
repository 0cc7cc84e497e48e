using System;

namespace IotDevice.Transport
{
    /// <summary>
    /// A transport could not take a message now although it is connected (its client's queue is full).
    /// Nothing was sent; the connection is fine and the same message may be offered again later. It is an
    /// <see cref="InvalidOperationException"/>, so code that only knows "not sent now" still catches it.
    /// </summary>
    public class MqttSendRefusedException : InvalidOperationException
    {
        public MqttSendRefusedException(string message)
            : base(message)
        {
        }
    }
}
