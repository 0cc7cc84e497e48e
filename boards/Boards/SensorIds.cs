namespace IotDevice.Boards
{
    /// <summary>The property identifiers the sensors report under; use the same ids in the platform's thing model.</summary>
    public static class SensorIds
    {
        /// <summary>°C, one decimal.</summary>
        public const string Temperature = "temperature";

        /// <summary>% relative humidity, one decimal.</summary>
        public const string Humidity = "humidity";

        /// <summary>hPa, one decimal.</summary>
        public const string Pressure = "pressure";

        /// <summary>Raw reading of the ESP32's internal temperature channel (uncalibrated).</summary>
        public const string ChipTemperature = "chipTemperature";

        /// <summary>Raw reading of the ESP32's Hall sensor channel.</summary>
        public const string Hall = "hall";

        /// <summary>The status LED, on or off.</summary>
        public const string Led = "led";

        /// <summary>Rounds to one decimal (no System.Math: it lives in an assembly of its own on the device).</summary>
        public static double OneDecimal(double value)
        {
            long tenths = (long)(value * 10 + (value >= 0 ? 0.5 : -0.5));
            return tenths / 10.0;
        }
    }
}
