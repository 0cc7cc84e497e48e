using System;

namespace IotDevice.Json
{
    /// <summary>
    /// The shortest JSON text that reads back as exactly the given double, for the values the writer's
    /// fixed-point fast path cannot take (beyond 2^53, tiny, or more than nine decimals, such as
    /// 0.1 + 0.2). The digits come from the double's exact binary value, never from the runtime's
    /// formatting: on the device "G17"/"R" text in exponent form has two dots and reads back as nothing.
    /// </summary>
    internal static class JsonDouble
    {
        /// <summary>Longest text written: "-2.2250738585072014E-308".</summary>
        public const int MaxLength = 25;

        private const uint LimbBase = 1000000000; // nine decimal digits per limb
        private const int LimbDigits = 9;
        private const int KeptDigits = 18;        // 17 always identify a double; one more rounds them
        private const uint FivePow12 = 244140625;

        /// <summary>Writes a finite <paramref name="value"/> (at most <see cref="MaxLength"/> bytes); returns the position after it.</summary>
        public static int Write(double value, byte[] destination, int pos)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int biased = (int)((bits >> 52) & 0x7FF);
            ulong mantissa = (ulong)bits & 0xFFFFFFFFFFFFFUL;
            int binaryExponent = -1074;
            if (biased != 0)
            {
                mantissa |= 1UL << 52;
                binaryExponent = biased - 1075;
            }

            if (mantissa == 0)
            {
                return Format(negative, 0, 1, 0, destination, pos);
            }

            byte[] digits = new byte[KeptDigits];
            bool sticky;
            int exponent10 = ExactDigits(mantissa, binaryExponent, digits, out sticky);

            // The fewest digits that still read back as the value. More digits never move the nearest
            // decimal away from it, so the answer is the first n for which the test holds: binary search.
            byte[] scratch = new byte[MaxLength];
            int low = 1;
            int high = 17;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (ReadsBack(value, negative, digits, sticky, middle, exponent10, scratch))
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            int shift;
            ulong rounded = Round(digits, sticky, low, out shift);
            return Format(negative, rounded, low, exponent10 + shift, destination, pos);
        }

        private static bool ReadsBack(double value, bool negative, byte[] digits, bool sticky, int count, int exponent10, byte[] scratch)
        {
            int shift;
            ulong rounded = Round(digits, sticky, count, out shift);
            int end = Format(negative, rounded, count, exponent10 + shift, scratch, 0);
            double back;
            return JsonNumber.TryParseDouble(scratch, 0, end, out back) && back == value;
        }

        /// <summary>
        /// The first <see cref="KeptDigits"/> significant digits of mantissa × 2^binaryExponent, exactly, with
        /// <paramref name="sticky"/> set when any later digit is not zero; returns the decimal exponent
        /// of the first digit (value = d.ddd… × 10^result).
        /// </summary>
        private static int ExactDigits(ulong mantissa, int binaryExponent, byte[] digits, out bool sticky)
        {
            // value = N × 10^decimalShift, N an integer: m × 2^e for e >= 0, else m × 5^-e × 10^e.
            int decimalDigits = binaryExponent >= 0 ? 17 + binaryExponent * 30103 / 100000 : 17 + (-binaryExponent) * 69898 / 100000;
            uint[] limbs = new uint[decimalDigits / LimbDigits + 3];
            int count = 0;
            while (mantissa != 0)
            {
                limbs[count++] = (uint)(mantissa % LimbBase);
                mantissa /= LimbBase;
            }

            int decimalShift = 0;
            if (binaryExponent >= 0)
            {
                for (int left = binaryExponent; left > 0; left -= 29)
                {
                    count = MultiplySmall(limbs, count, 1U << (left < 29 ? left : 29));
                }
            }
            else
            {
                decimalShift = binaryExponent;
                int left = -binaryExponent;
                for (; left >= 12; left -= 12)
                {
                    count = MultiplySmall(limbs, count, FivePow12);
                }

                uint rest = 1;
                for (; left > 0; left--)
                {
                    rest *= 5;
                }

                count = MultiplySmall(limbs, count, rest);
            }

            // Walk the limbs from the top, keeping the first digits and noting whether anything follows.
            int topDigits = JsonNumber.DigitCount(limbs[count - 1]);
            int kept = 0;
            sticky = false;
            for (int i = count - 1; i >= 0; i--)
            {
                uint limb = limbs[i];
                uint divisor = 1;
                for (int d = (i == count - 1 ? topDigits : LimbDigits) - 1; d > 0; d--)
                {
                    divisor *= 10;
                }

                for (; divisor > 0; divisor /= 10)
                {
                    uint digit = limb / divisor;
                    limb %= divisor;
                    if (kept < KeptDigits)
                    {
                        digits[kept++] = (byte)digit;
                    }
                    else if (digit != 0)
                    {
                        sticky = true;
                        break;
                    }
                }
            }

            return topDigits + LimbDigits * (count - 1) - 1 + decimalShift;
        }

        private static int MultiplySmall(uint[] limbs, int count, uint factor)
        {
            ulong carry = 0;
            for (int i = 0; i < count; i++)
            {
                ulong product = (ulong)limbs[i] * factor + carry;
                limbs[i] = (uint)(product % LimbBase);
                carry = product / LimbBase;
            }

            while (carry != 0)
            {
                limbs[count++] = (uint)(carry % LimbBase);
                carry /= LimbBase;
            }

            return count;
        }

        /// <summary>The first <paramref name="count"/> digits rounded half to even; shift is 1 when rounding carried into a new digit.</summary>
        private static ulong Round(byte[] digits, bool sticky, int count, out int shift)
        {
            ulong value = 0;
            for (int i = 0; i < count; i++)
            {
                value = value * 10 + digits[i];
            }

            int next = count < KeptDigits ? digits[count] : 0;
            bool rest = sticky;
            for (int i = count + 1; i < KeptDigits && !rest; i++)
            {
                rest = digits[i] != 0;
            }

            shift = 0;
            if (next > 5 || (next == 5 && (rest || (value & 1) == 1)))
            {
                value++;
                if (value == JsonNumber.TenTo(count))
                {
                    value /= 10;
                    shift = 1;
                }
            }

            return value;
        }

        /// <summary>
        /// ±digits × 10^(exponent10 - count + 1) as a JSON number that always reads as a double: plain
        /// decimals from 1e-7 to 1e21 ("0.30000000000000004", "1.0"), an exponent outside ("1.0E+21").
        /// </summary>
        private static int Format(bool negative, ulong significand, int count, int exponent10, byte[] destination, int pos)
        {
            while (count > 1 && significand % 10 == 0)
            {
                significand /= 10;
                count--;
            }

            if (negative)
            {
                destination[pos++] = (byte)'-';
            }

            bool plain = exponent10 >= -7 && exponent10 < 21;
            int integerDigits = !plain ? 1 : exponent10 < 0 ? 0 : exponent10 + 1;
            int leadingDigits = integerDigits < count ? integerDigits : count;
            ulong scale = JsonNumber.TenTo(count - leadingDigits);

            // Integer part: the leading digits, then zeros up to the point ("1500.0"), or a single 0.
            if (integerDigits == 0)
            {
                destination[pos++] = (byte)'0';
            }
            else
            {
                pos += leadingDigits;
                JsonNumber.WriteDigits(significand / scale, leadingDigits, destination, pos);
                for (int i = leadingDigits; i < integerDigits; i++)
                {
                    destination[pos++] = (byte)'0';
                }
            }

            // Fraction: zeros after the point for small numbers ("0.000123"), the remaining digits, or "0".
            destination[pos++] = (byte)'.';
            int fractionDigits = count - leadingDigits;
            if (fractionDigits == 0)
            {
                destination[pos++] = (byte)'0';
            }
            else
            {
                for (int i = plain ? -exponent10 - 1 : 0; i > 0; i--)
                {
                    destination[pos++] = (byte)'0';
                }

                pos += fractionDigits;
                JsonNumber.WriteDigits(significand % scale, fractionDigits, destination, pos);
            }

            if (plain)
            {
                return pos;
            }

            destination[pos++] = (byte)'E';
            destination[pos++] = exponent10 < 0 ? (byte)'-' : (byte)'+';
            ulong magnitude = (ulong)(exponent10 < 0 ? -exponent10 : exponent10);
            int exponentDigits = JsonNumber.DigitCount(magnitude);
            pos += exponentDigits;
            JsonNumber.WriteDigits(magnitude, exponentDigits, destination, pos);
            return pos;
        }
    }
}
