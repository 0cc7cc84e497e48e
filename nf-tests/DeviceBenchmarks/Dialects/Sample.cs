using IotDevice.Client;

namespace IotDevice.DeviceBenchmarks.Dialects
{
    /// <summary>The six values every report benchmark sends: two decimals, two integers, a switch and a mode.</summary>
    internal sealed class Sample
    {
        public readonly double Temperature = 27.43;
        public readonly double Humidity = 61.5;
        public readonly long Co2 = 415;
        public readonly long Lux = 1203;
        public readonly bool Switch = true;
        public readonly string Mode = "auto";

        public PropertyReport Fill(PropertyReport report)
        {
            report.Clear();
            return report.Add("temperature", Temperature).Add("humidity", Humidity).Add("co2", Co2)
                .Add("lux", Lux).Add("switch", Switch).Add("mode", Mode);
        }
    }
}
