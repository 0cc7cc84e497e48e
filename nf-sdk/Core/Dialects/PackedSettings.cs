using IotDevice.Transport;

namespace IotDevice.Dialects
{
    /// <summary>
    /// Numbers and switches kept packed in one long rather than a field each, as on the device every
    /// field is a heap block: what a dialect keeps of its options (the broker's port in bits 0–15, the
    /// keep-alive in bits 16–31, and from bit 32 on its switches, numbered from 0, at most 32), and any
    /// two numbers that live together (<see cref="Pair"/>). A dialect names its switches with constants.
    /// </summary>
    public static class PackedSettings
    {
        private const long SixteenBits = 0xFFFF;
        private const long ThirtyTwoBits = 0xFFFFFFFFL;
        private const int KeepAliveShift = 16;
        private const int SwitchShift = 32;

        /// <summary>The port (0..65535) and the keep-alive (0..65535 s), no switch on yet.</summary>
        public static long Connection(int port, int keepAliveSeconds)
        {
            return (port & SixteenBits) | ((keepAliveSeconds & SixteenBits) << KeepAliveShift);
        }

        public static int Port(long settings)
        {
            return (int)(settings & SixteenBits);
        }

        public static int KeepAliveSeconds(long settings)
        {
            return (int)((settings >> KeepAliveShift) & SixteenBits);
        }

        /// <summary>Switch <paramref name="index"/> (0..31) when <paramref name="on"/>, to be or-ed in; else 0.</summary>
        public static long Switch(int index, bool on)
        {
            return on ? 1L << (SwitchShift + index) : 0;
        }

        public static bool IsOn(long settings, int index)
        {
            return (settings & (1L << (SwitchShift + index))) != 0;
        }

        /// <summary>QoS 0 or 1 as switch <paramref name="index"/> (on for QoS 1).</summary>
        public static long Switch(int index, MqttQos qos)
        {
            return Switch(index, qos == MqttQos.AtLeastOnce);
        }

        public static MqttQos Qos(long settings, int index)
        {
            return IsOn(settings, index) ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce;
        }

        /// <summary>Two numbers in one long, <paramref name="low"/> in the low 32 bits.</summary>
        public static long Pair(int low, int high)
        {
            return (low & ThirtyTwoBits) | ((long)high << 32);
        }

        public static int Low(long pair)
        {
            return (int)(pair & ThirtyTwoBits);
        }

        public static int High(long pair)
        {
            return (int)(pair >> 32);
        }
    }
}
