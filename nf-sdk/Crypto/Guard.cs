using System;

namespace IotDevice.Crypto
{
    /// <summary>Argument checks shared by the crypto classes. Messages never include data or key bytes.</summary>
    internal static class Guard
    {
        /// <summary>Throws unless <paramref name="data"/> holds <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public static void CheckRange(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "offset and count do not fit in data");
            }
        }

        /// <summary>Throws unless <paramref name="output"/> has room for a <paramref name="size"/>-byte digest or MAC at <paramref name="offset"/>.</summary>
        public static void CheckOutput(byte[] output, int offset, int size)
        {
            if (output == null)
            {
                throw new ArgumentNullException("output");
            }

            if (offset < 0 || offset > output.Length - size)
            {
                throw new ArgumentOutOfRangeException("offset", "the digest does not fit in output at this offset");
            }
        }

        /// <summary>Throws unless <paramref name="value"/> is exactly 16 bytes; the message names only the length.</summary>
        public static void CheckSixteenBytes(byte[] value, string name)
        {
            if (value == null)
            {
                throw new ArgumentNullException(name);
            }

            if (value.Length != 16)
            {
                throw new ArgumentException("an AES-128 " + name + " is 16 bytes, not " + value.Length.ToString(), name);
            }
        }
    }
}
