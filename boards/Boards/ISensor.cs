using IotDevice.Client;

namespace IotDevice.Boards
{
    /// <summary>
    /// A sensor whose readings go straight into the report the dialect sends: no reading objects in
    /// between. Identifiers are the thing-model ids (see <see cref="SensorIds"/>).
    /// </summary>
    public interface ISensor
    {
        /// <summary>For logs: "BME280", "DHT22", "ESP32 internal".</summary>
        string Name { get; }

        /// <summary>How many values one read adds at most (so callers can size the report).</summary>
        int ValueCount { get; }

        /// <summary>
        /// Reads the sensor and adds its values to <paramref name="report"/>. Returns false, adding
        /// nothing, when the read failed (bus error, checksum, out of range); <see cref="LastError"/> says why.
        /// </summary>
        bool Read(PropertyReport report);

        /// <summary>Why the last read failed; null after a good read.</summary>
        string LastError { get; }
    }
}
