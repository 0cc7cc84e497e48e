using System;

#pragma warning disable NF1015 // hex digits are ASCII; any other character is refused either way

namespace IotDevice.Crypto
{
    /// <summary>
    /// Hexadecimal text for digests and MACs: Alibaba wants upper-case HMAC hex in the MQTT password,
    /// OTA pushes carry a lower- or upper-case MD5/SHA-256 of the package.
    /// </summary>
    public static class Hex
    {
        private const string LowerDigits = "0123456789abcdef";
        private const string UpperDigits = "0123456789ABCDEF";

        /// <summary>Two hex digits per byte, upper- or lower-case.</summary>
        public static string ToHex(byte[] data, bool upperCase)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            return ToHex(data, 0, data.Length, upperCase);
        }

        /// <summary>Two hex digits for each of <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public static string ToHex(byte[] data, int offset, int count, bool upperCase)
        {
            Guard.CheckRange(data, offset, count);
            string digits = upperCase ? UpperDigits : LowerDigits;
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                int b = data[offset + i];
                text[2 * i] = digits[b >> 4];
                text[2 * i + 1] = digits[b & 0x0f];
            }

            return new string(text);
        }

        /// <summary>
        /// Parses an even number of hex digits (either case, nothing else: no prefix, spaces or
        /// separators). Returns false and a null array for anything else.
        /// </summary>
        public static bool TryParseHex(string hex, out byte[] bytes)
        {
            bytes = null;
            if (hex == null || (hex.Length & 1) != 0)
            {
                return false;
            }

            byte[] result = new byte[hex.Length / 2];
            for (int i = 0; i < result.Length; i++)
            {
                int high = DigitValue(hex[2 * i]);
                int low = DigitValue(hex[2 * i + 1]);
                if ((high | low) < 0)
                {
                    return false;
                }

                result[i] = (byte)((high << 4) | low);
            }

            bytes = result;
            return true;
        }

        /// <summary>
        /// True when <paramref name="hex"/> spells exactly <paramref name="digest"/> (either case). For
        /// checking a download against the digest the platform sent: it reads every character whatever
        /// the first difference, and allocates nothing. Wrong length or a non-hex character gives false.
        /// </summary>
        public static bool DigestEquals(byte[] digest, string hex)
        {
            if (digest == null || hex == null || hex.Length != digest.Length * 2)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < digest.Length; i++)
            {
                int high = DigitValue(hex[2 * i]);
                int low = DigitValue(hex[2 * i + 1]);

                // A bad digit is -1: it sets bits above the low byte, which no byte can clear.
                difference |= ((high << 4) | low) ^ digest[i];
            }

            return difference == 0;
        }

        /// <summary>Value of one hex digit, or -1.</summary>
        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            // Folding to lower case maps 'A'..'F' onto 'a'..'f'.
            int lower = c | 0x20;
            if (lower >= 'a' && lower <= 'f')
            {
                return lower - 'a' + 10;
            }

            return -1;
        }
    }
}
