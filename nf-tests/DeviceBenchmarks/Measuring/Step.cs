namespace IotDevice.DeviceBenchmarks.Measuring
{
    /// <summary>One operation to measure, done once per call.</summary>
    internal delegate void Step();
}
