namespace IotDevice.Json
{
    /// <summary>Numbers written as JSON strings, for platforms that carry values as text.</summary>
    public sealed partial class JsonWriter
    {
        /// <summary>Writes an integer as a JSON string ("123"): Alink ids, FastBee values. No allocation.</summary>
        public void WriteNumberAsString(long value)
        {
            ulong magnitude = JsonNumber.Magnitude(value);
            int digits = JsonNumber.DigitCount(magnitude);
            int size = digits + (value < 0 ? 1 : 0);
            if (BeginValue(size + 2))
            {
                _buffer[_length++] = (byte)'"';
                if (value < 0)
                {
                    _buffer[_length] = (byte)'-';
                }

                _length += size;
                JsonNumber.WriteDigits(magnitude, digits, _buffer, _length);
                _buffer[_length++] = (byte)'"';
                EndValue();
            }
        }

        /// <summary>
        /// Writes a double as a JSON string in its shortest decimal form ("27.43", "10"): FastBee carries
        /// every value as text. NaN and infinities are written as null.
        /// </summary>
        public void WriteNumberAsString(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                WriteNull();
                return;
            }

            long rounded;
            int decimals = JsonNumber.ShortestDecimals(value, out rounded);
            if (decimals == 0)
            {
                WriteNumberAsString(rounded);
                return;
            }

            if (decimals > 0)
            {
                if (BeginValue(JsonNumber.FixedLength(rounded, decimals) + 2))
                {
                    _buffer[_length++] = (byte)'"';
                    _length = JsonNumber.WriteFixed(rounded, decimals, _buffer, _length);
                    _buffer[_length++] = (byte)'"';
                    EndValue();
                }

                return;
            }

            WriteDoubleText(value, true);
        }
    }
}
