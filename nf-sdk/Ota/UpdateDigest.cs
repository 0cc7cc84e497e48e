using IotDevice.Client;
using IotDevice.Crypto;

namespace IotDevice.Ota
{
    /// <summary>
    /// The digests platforms put in their offers: MD5 (FastBee, Alink, EZtCloud), SHA-256 (Alink firmware
    /// and config) and FastBee's "16md5" — hex digits 8–23 (from 0) of the 32-digit MD5, i.e. bytes 4–11.
    /// Hex is compared without regard to case, since platforms send either.
    /// </summary>
    public static class UpdateDigest
    {
        private const int Middle16Offset = 4;
        private const int Middle16Length = 8;

        /// <summary>
        /// The method to check with: the offer's, or when it names none, the one the digest's length
        /// implies (32 hex digits MD5, 64 SHA-256, 16 the FastBee middle of an MD5).
        /// </summary>
        public static DigestMethod Resolve(DigestMethod method, string digest)
        {
            if (method != DigestMethod.None || digest == null)
            {
                return method;
            }

            switch (digest.Length)
            {
                case 32:
                    return DigestMethod.Md5;
                case 64:
                    return DigestMethod.Sha256;
                case 16:
                    return DigestMethod.Md5Middle16;
                default:
                    return DigestMethod.None;
            }
        }

        /// <summary>A fresh streaming hash for <paramref name="method"/>; null for None.</summary>
        public static IHashAlgorithm CreateHash(DigestMethod method)
        {
            switch (method)
            {
                case DigestMethod.Md5:
                case DigestMethod.Md5Middle16:
                    return new Md5();
                case DigestMethod.Sha256:
                    return new Sha256();
                default:
                    return null;
            }
        }

        /// <summary>Whether the full digest <paramref name="computed"/> matches the offer's hex text under <paramref name="method"/>.</summary>
        public static bool Matches(DigestMethod method, byte[] computed, string expectedHex)
        {
            if (computed == null || expectedHex == null)
            {
                return false;
            }

            string expected = expectedHex.Trim();
            if (method == DigestMethod.Md5Middle16)
            {
                if (computed.Length != Md5.DigestLength)
                {
                    return false;
                }

                byte[] middle = new byte[Middle16Length];
                for (int i = 0; i < Middle16Length; i++)
                {
                    middle[i] = computed[Middle16Offset + i];
                }

                return Hex.DigestEquals(middle, expected);
            }

            return Hex.DigestEquals(computed, expected);
        }

        /// <summary>The digest as the platform would write it (lower-case hex; 16 digits for 16md5), for error details.</summary>
        public static string Format(DigestMethod method, byte[] computed)
        {
            if (method == DigestMethod.Md5Middle16 && computed.Length == Md5.DigestLength)
            {
                return Hex.ToHex(computed, Middle16Offset, Middle16Length, false);
            }

            return Hex.ToHex(computed, false);
        }

        /// <summary>A readable name (enum names are numbers on the device).</summary>
        public static string Name(DigestMethod method)
        {
            switch (method)
            {
                case DigestMethod.Md5:
                    return "MD5";
                case DigestMethod.Sha256:
                    return "SHA-256";
                case DigestMethod.Md5Middle16:
                    return "16md5";
                default:
                    return "none";
            }
        }
    }
}
