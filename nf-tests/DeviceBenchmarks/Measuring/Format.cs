namespace IotDevice.DeviceBenchmarks.Measuring
{
    /// <summary>How the table writes times and sizes.</summary>
    internal static class Format
    {
        /// <summary>"4.2 µs" under 10 µs, "85 µs", "1,558 µs".</summary>
        public static string Microseconds(double value)
        {
            return (value < 10 ? value.ToString("F1") : value.ToString("N0")) + " µs";
        }

        /// <summary>"0 B", "772 B", "7.3 KB".</summary>
        public static string Bytes(double value)
        {
            if (value < 0.5)
            {
                return "0 B";
            }
            return value < 1024 ? value.ToString("N0") + " B" : (value / 1024).ToString("F1") + " KB";
        }

        public static string Count(int value)
        {
            return value.ToString("N0");
        }
    }
}
