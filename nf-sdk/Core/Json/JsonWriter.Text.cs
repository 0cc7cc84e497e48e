namespace IotDevice.Json
{
    /// <summary>Numbers written as JSON strings, for platforms that carry values as text.</summary>
    public sealed partial class JsonWriter
    {
        /// <summary>Writes an integer as a JSON string ("123"): Alink ids, FastBee values. No allocation.</summary>
        public void WriteNumberAsString(long value)
        {
            if (BeginValue(0))
            {
                PutInteger(value, true);
            }
        }

        /// <summary>
        /// Writes a double as a JSON string in its shortest decimal form ("27.43", "10"): FastBee carries
        /// every value as text. NaN and infinities are written as null.
        /// </summary>
        public void WriteNumberAsString(double value)
        {
            if (BeginValue(0))
            {
                PutDouble(value, true);
            }
        }
    }
}
