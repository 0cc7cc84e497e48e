namespace IotDevice.Json
{
    /// <summary>
    /// Number conversions without allocation: a decimal scanner feeding exact integer and double
    /// conversions, and digit formatting for the writer. Plain arithmetic only (no System.Math: on the
    /// ESP32 firmware its double functions run at single precision).
    /// </summary>
    internal static class JsonNumber
    {
        /// <summary>Doubles hold every integer up to 2^53 exactly.</summary>
        public const double MaxExactInteger = 9007199254740992.0;

        private const ulong MaxExactMantissa = 9007199254740992UL;
        private const int MaxMantissaDigits = 19;   // 19 decimal digits always fit a ulong
        private const int ExponentCap = 100000;     // beyond this every non-zero value overflows or underflows anyway

        /// <summary>10^0 .. 10^22: every one of them is exactly representable as a double.</summary>
        private static readonly double[] PowersOfTen = ExactPowersOfTen();

        // 1e0 to 1e22, each exact in a double, so each product by ten is too (5^22 < 2^53). Computed
        // rather than written out: an array constant costs the device's assembly a type and a long name.
        private static double[] ExactPowersOfTen()
        {
            double[] powers = new double[23];
            double power = 1;
            for (int i = 0; i < powers.Length; i++)
            {
                powers[i] = power;
                power *= 10;
            }
            return powers;
        }

        public static double PowerOfTen(int exponent)
        {
            return PowersOfTen[exponent];
        }

        /// <summary>
        /// Reads buffer[pos .. end) as a complete JSON number: value = ±mantissa × 10^exponent.
        /// Up to 19 significant digits are kept; <paramref name="inexact"/> is set when a non-zero digit
        /// beyond them had to be dropped. False when the bytes are not exactly one JSON number.
        /// </summary>
        public static bool TryScan(byte[] buffer, int pos, int end, out bool negative, out ulong mantissa, out int exponent, out bool inexact)
        {
            negative = false;
            mantissa = 0;
            exponent = 0;
            inexact = false;
            int digits = 0;
            int p = pos;
            if (p < end && buffer[p] == (byte)'-')
            {
                negative = true;
                p++;
            }

            if (p >= end || !JsonScanner.IsDigit(buffer[p]) || (buffer[p] == (byte)'0' && p + 1 < end && JsonScanner.IsDigit(buffer[p + 1])))
            {
                return false; // no digit, or a leading zero
            }

            bool fraction = false;
            while (p < end)
            {
                byte c = buffer[p];
                if (c == (byte)'.' && !fraction)
                {
                    fraction = true;
                    p++;
                    if (p >= end || !JsonScanner.IsDigit(buffer[p]))
                    {
                        return false;
                    }

                    continue;
                }

                if (!JsonScanner.IsDigit(c))
                {
                    break;
                }

                int digit = c - '0';
                if (mantissa == 0 && digit == 0)
                {
                    if (fraction)
                    {
                        exponent--; // leading zeros after the point only scale
                    }
                }
                else if (digits < MaxMantissaDigits)
                {
                    mantissa = (mantissa * 10) + (ulong)digit;
                    digits++;
                    if (fraction)
                    {
                        exponent--;
                    }
                }
                else
                {
                    if (!fraction)
                    {
                        exponent++; // dropped integer digit still counts as a power of ten
                    }

                    if (digit != 0)
                    {
                        inexact = true;
                    }
                }

                p++;
            }

            if (p < end && (buffer[p] == (byte)'e' || buffer[p] == (byte)'E'))
            {
                p++;
                bool negativeExponent = false;
                if (p < end && (buffer[p] == (byte)'+' || buffer[p] == (byte)'-'))
                {
                    negativeExponent = buffer[p] == (byte)'-';
                    p++;
                }

                if (p >= end || !JsonScanner.IsDigit(buffer[p]))
                {
                    return false;
                }

                int value = 0;
                while (p < end && JsonScanner.IsDigit(buffer[p]))
                {
                    value = (value * 10) + (buffer[p] - '0');
                    if (value > ExponentCap)
                    {
                        value = ExponentCap;
                    }

                    p++;
                }

                exponent += negativeExponent ? -value : value;
            }

            return p == end;
        }

        /// <summary>The number in buffer[pos .. end) as a long, if it is an integer in range (1.0 and 1e3 are).</summary>
        public static bool TryParseInt64(byte[] buffer, int pos, int end, out long value)
        {
            // Usual case first: up to 18 digits, no sign, no leading zero, no fraction or exponent,
            // which cannot overflow. Anything else goes through the full scan below.
            int count = end - pos;
            if (count > 0 && count <= 18 && buffer[pos] != (byte)'0')
            {
                long digits = 0;
                int p = pos;
                while (p < end)
                {
                    int digit = buffer[p] - '0';
                    if ((uint)digit > 9)
                    {
                        break; // below '0' too: the subtraction wrapped
                    }

                    digits = (digits * 10) + digit;
                    p++;
                }

                if (p == end)
                {
                    value = digits;
                    return true;
                }
            }

            value = 0;
            bool negative;
            ulong mantissa;
            int exponent;
            bool inexact;
            if (!TryScan(buffer, pos, end, out negative, out mantissa, out exponent, out inexact) || inexact)
            {
                return false; // a dropped non-zero digit means a fraction or a value past 19 digits
            }

            if (mantissa == 0)
            {
                return true;
            }

            while (exponent < 0)
            {
                if (mantissa % 10 != 0)
                {
                    return false; // a real fraction
                }

                mantissa /= 10;
                exponent++;
            }

            while (exponent > 0)
            {
                if (mantissa > ulong.MaxValue / 10)
                {
                    return false;
                }

                mantissa *= 10;
                exponent--;
            }

            if (negative)
            {
                if (mantissa > 9223372036854775808UL)
                {
                    return false;
                }

                value = mantissa == 9223372036854775808UL ? long.MinValue : -(long)mantissa;
                return true;
            }

            if (mantissa > long.MaxValue)
            {
                return false;
            }

            value = (long)mantissa;
            return true;
        }

        /// <summary>
        /// The number in buffer[pos .. end) as a double. Exact fast path when the mantissa fits 2^53 and
        /// |exponent| &lt;= 22 (one correctly rounded multiply or divide); otherwise the runtime parser.
        /// Infinite results are rejected.
        /// </summary>
        public static bool TryParseDouble(byte[] buffer, int pos, int end, out double value)
        {
            value = 0;
            bool negative;
            ulong mantissa;
            int exponent;
            bool inexact;
            if (!TryScan(buffer, pos, end, out negative, out mantissa, out exponent, out inexact))
            {
                return false;
            }

            if (mantissa == 0)
            {
                value = negative ? -0.0 : 0.0;
                return true;
            }

            while (mantissa > MaxExactMantissa && mantissa % 10 == 0)
            {
                mantissa /= 10; // trailing zeros of a long mantissa ("1.5000000000000000000") cost nothing
                exponent++;
            }

            if (!inexact && mantissa <= MaxExactMantissa && exponent >= -22 && exponent <= 22)
            {
                double m = (long)mantissa;
                value = exponent >= 0 ? m * PowersOfTen[exponent] : m / PowersOfTen[-exponent];
                if (negative)
                {
                    value = -value;
                }

                return true;
            }

            // Rare: more than 2^53 or a large exponent. The runtime parser gets the digits as text.
            string text = Utf8.Codec.GetString(buffer, pos, end - pos);
            double parsed;
            if (!double.TryParse(text, out parsed) || double.IsNaN(parsed) || double.IsInfinity(parsed))
            {
                return false;
            }

            value = parsed;
            return true;
        }

        /// <summary>Decimal digits in a magnitude (at least 1): multiplications, cheaper than divisions on the device.</summary>
        public static int DigitCount(ulong magnitude)
        {
            int count = 1;
            ulong limit = 10;
            while (magnitude >= limit)
            {
                count++;
                if (count == 20)
                {
                    break; // 10^19 is the last power of ten a ulong holds
                }

                limit *= 10;
            }

            return count;
        }

        /// <summary>Writes exactly <paramref name="digits"/> decimal digits of a magnitude ending before <paramref name="endPos"/>.</summary>
        public static void WriteDigits(ulong magnitude, int digits, byte[] destination, int endPos)
        {
            int p = endPos;
            int start = endPos - digits;
            if (magnitude <= uint.MaxValue)
            {
                uint small = (uint)magnitude; // 32-bit division is the cheaper one on the device
                while (p > start)
                {
                    destination[--p] = (byte)('0' + (int)(small % 10));
                    small /= 10;
                }

                return;
            }

            while (p > start)
            {
                destination[--p] = (byte)('0' + (int)(magnitude % 10));
                magnitude /= 10;
            }
        }

        /// <summary>Most bytes <see cref="WriteDecimal"/> writes: a sign and 20 digits, or 16 digits after "0." and zeros.</summary>
        public const int MaxDecimalBytes = 28;

        /// <summary>How many bytes <see cref="WriteDecimal"/> writes for the same arguments.</summary>
        public static int DecimalLength(ulong magnitude, bool negative, int decimals)
        {
            int digits = DigitCount(magnitude);
            if (digits <= decimals)
            {
                digits = decimals + 1;
            }

            return digits + (decimals < 0 ? 0 : decimals == 0 ? 2 : 1) + (negative ? 1 : 0);
        }

        /// <summary>
        /// Writes [-]digits of magnitude / 10^decimals at <paramref name="pos"/> in one pass from the end and
        /// returns where it ends: the point before the last <paramref name="decimals"/> digits ("0.05" for 5
        /// with two), ".0" after an integral double (decimals 0), no point for an integer (decimals -1).
        /// </summary>
        public static int WriteDecimal(byte[] buffer, int pos, ulong magnitude, bool negative, int decimals)
        {
            // Written out rather than called: on the device a call costs more than these comparisons.
            int digits = magnitude >= 100000 ? DigitCount(magnitude)
                : magnitude < 10 ? 1 : magnitude < 100 ? 2 : magnitude < 1000 ? 3 : magnitude < 10000 ? 4 : 5;
            if (digits <= decimals)
            {
                digits = decimals + 1;
            }

            if (negative)
            {
                buffer[pos++] = (byte)'-';
            }

            int end = pos + digits + (decimals < 0 ? 0 : decimals == 0 ? 2 : 1);
            int p = end;
            if (decimals == 0)
            {
                buffer[--p] = (byte)'0';
                buffer[--p] = (byte)'.';
            }
            else if (decimals > 0)
            {
                for (int i = 0; i < decimals; i++)
                {
                    buffer[--p] = (byte)('0' + (int)(magnitude % 10));
                    magnitude /= 10;
                }

                buffer[--p] = (byte)'.';
            }

            if (magnitude > uint.MaxValue)
            {
                WriteDigits(magnitude, p - pos, buffer, p); // rare: a timestamp, a long id
                return end;
            }

            uint small = (uint)magnitude; // the integer digits, back to the sign, in the cheaper 32-bit division
            while (p > pos)
            {
                buffer[--p] = (byte)('0' + (int)(small % 10));
                small /= 10;
            }

            return end;
        }

        /// <summary>|value| as a ulong, long.MinValue included.</summary>
        public static ulong Magnitude(long value)
        {
            return value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        }

        /// <summary>
        /// The fewest fraction digits (0..9) whose decimal converts back to exactly <paramref name="magnitude"/>
        /// (zero or more; a sign is the caller's), with the scaled integer in <paramref name="scaled"/>;
        /// -1 when none does within 2^53, and for NaN and the infinities.
        /// </summary>
        public static int ShortestDecimals(double magnitude, out ulong scaled)
        {
            scaled = 0;
            if (!(magnitude >= 0 && magnitude <= MaxExactInteger))
            {
                return -1; // NaN fails both comparisons
            }

            // The usual value cannot pass 2^53 at any scale: the loop then checks nothing else.
            bool mayPass = magnitude > MaxExactInteger / 1e9;
            double[] powers = PowersOfTen;
            for (int decimals = 0; decimals <= 9; decimals++)
            {
                double power = powers[decimals];
                double exact = magnitude * power;
                if (mayPass && exact > MaxExactInteger)
                {
                    break;
                }

                long rounded = (long)(exact + 0.5);
                if (rounded / power == magnitude)
                {
                    scaled = (ulong)rounded;
                    return decimals;
                }
            }

            return -1;
        }

        /// <summary>10^n for n in 0 .. 19.</summary>
        public static ulong TenTo(int n)
        {
            ulong value = 1;
            for (int i = 0; i < n; i++)
            {
                value *= 10;
            }

            return value;
        }
    }
}
