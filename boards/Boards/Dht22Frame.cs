namespace IotDevice.Boards
{
    /// <summary>
    /// The five bytes a DHT22 (AM2302) answers with: humidity and temperature in tenths (the temperature's
    /// top bit is its sign) and a checksum. Decoding here rather than trusting the binding's own values
    /// keeps a failed read from ever looking like a reading: the ESP32 binding reports a failed read as
    /// 0 °C (not NaN), leaves an all-zero frame when nothing answered, and also calls some sound frames
    /// failures (humidity under 25.6 % at 0–25.5 °C).
    /// </summary>
    public static class Dht22Frame
    {
        public const int Length = 5;

        /// <summary>The DHT22's measuring range, from its datasheet.</summary>
        public const double LowestCelsius = -40.0;

        public const double HighestCelsius = 80.0;

        /// <summary>
        /// Null when <paramref name="frame"/> is a reading, with <paramref name="celsius"/> and
        /// <paramref name="humidity"/> (percent) set; otherwise why it is not one, and both are 0.
        /// </summary>
        public static string Decode(byte[] frame, out double celsius, out double humidity)
        {
            celsius = 0;
            humidity = 0;
            if (frame == null || frame.Length < Length)
            {
                return "no answer from the sensor";
            }
            if (frame[0] == 0 && frame[1] == 0 && frame[2] == 0 && frame[3] == 0 && frame[4] == 0)
            {
                return "no answer from the sensor (are both pins on its data line, with a pull-up to 3.3 V?)";
            }
            if (((frame[0] + frame[1] + frame[2] + frame[3]) & 0xFF) != frame[4])
            {
                return "checksum mismatch (noise on the data line, or a wire that is too long)";
            }
            double rh = ((frame[0] << 8) | frame[1]) / 10.0;
            double t = (((frame[2] & 0x7F) << 8) | frame[3]) / 10.0;
            if ((frame[2] & 0x80) != 0)
            {
                t = -t;
            }
            if (rh > 100.0)
            {
                return "humidity " + rh.ToString("F1") + " % is beyond 100 %";
            }
            if (t < LowestCelsius || t > HighestCelsius)
            {
                return "temperature " + t.ToString("F1") + " °C is outside the DHT22's range (-40 to 80 °C)";
            }
            celsius = t;
            humidity = rh;
            return null;
        }
    }
}
