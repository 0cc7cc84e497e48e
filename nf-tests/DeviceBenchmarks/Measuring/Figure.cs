namespace IotDevice.DeviceBenchmarks.Measuring
{
    /// <summary>What one operation cost: time and garbage per run, and over how many runs.</summary>
    internal sealed class Figure
    {
        public Figure(double microseconds, double garbageBytes, int runs)
        {
            Microseconds = microseconds;
            GarbageBytes = garbageBytes;
            Runs = runs;
        }

        public double Microseconds { get; }

        public double GarbageBytes { get; }

        public int Runs { get; }

        /// <summary>"85 µs, 772 B".</summary>
        public override string ToString()
        {
            return Format.Microseconds(Microseconds) + ", " + Format.Bytes(GarbageBytes);
        }
    }
}
