using System.Text;
using IotDevice.Crypto;

#pragma warning disable NF1015 // test vectors are ASCII hex and text

namespace IotDevice.UnitTests.Crypto
{
    /// <summary>
    /// Test-side conversions, written independently of the SDK's Hex class so a published vector is
    /// never decoded or printed by the code under test.
    /// </summary>
    internal static class CryptoTestData
    {
        public static byte[] Ascii(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        public static byte[] Repeat(byte value, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = value;
            }

            return bytes;
        }

        /// <summary>Bytes from lower- or upper-case hex; spaces are skipped so vectors can be copied as printed.</summary>
        public static byte[] Bytes(string hex)
        {
            string digits = "0123456789abcdef";
            byte[] buffer = new byte[hex.Length / 2];
            int count = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                char c = hex[i];
                if (c == ' ')
                {
                    continue;
                }

                int value = digits.IndexOf(c >= 'A' && c <= 'F' ? (char)(c + 32) : c);
                if (high < 0)
                {
                    high = value;
                }
                else
                {
                    buffer[count++] = (byte)((high << 4) | value);
                    high = -1;
                }
            }

            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = buffer[i];
            }

            return bytes;
        }

        /// <summary>Lower-case hex, spaces removed, of a published digest as printed ("ba7816bf 8f01cfea ...").</summary>
        public static string Compact(string printed)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < printed.Length; i++)
            {
                char c = printed[i];
                if (c != ' ')
                {
                    text.Append(c >= 'A' && c <= 'F' ? (char)(c + 32) : c);
                }
            }

            return text.ToString();
        }

        /// <summary>Lower-case hex of <paramref name="bytes"/>.</summary>
        public static string HexOf(byte[] bytes)
        {
            string digits = "0123456789abcdef";
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < bytes.Length; i++)
            {
                text.Append(digits[bytes[i] >> 4]);
                text.Append(digits[bytes[i] & 15]);
            }

            return text.ToString();
        }

        /// <summary>Digest of <paramref name="message"/> fed in one Update, as lower-case hex.</summary>
        public static string DigestHex(IHashAlgorithm hash, byte[] message)
        {
            hash.Update(message, 0, message.Length);
            byte[] digest = new byte[hash.HashSize];
            hash.Final(digest, 0);
            return HexOf(digest);
        }

        /// <summary>
        /// One million 'a' (FIPS 180-4 / RFC 3174 long-message vector) fed from a 1000-byte buffer in
        /// irregular chunk sizes that straddle block boundaries, as lower-case hex of the digest.
        /// </summary>
        public static string MillionADigestHex(IHashAlgorithm hash)
        {
            byte[] a = Repeat((byte)'a', 1000);
            int[] sizes = { 1, 63, 64, 65, 7, 1000, 127, 129, 513, 999, 0, 55, 56, 57 };
            int remaining = 1000000;
            int next = 0;
            while (remaining > 0)
            {
                int size = sizes[next];
                next = (next + 1) % sizes.Length;
                if (size > remaining)
                {
                    size = remaining;
                }

                hash.Update(a, 1000 - size, size);
                remaining -= size;
            }

            byte[] digest = new byte[hash.HashSize];
            hash.Final(digest, 0);
            return HexOf(digest);
        }
    }
}
