namespace IotDevice.Crypto
{
    /// <summary>
    /// Streaming MD5 (RFC 1321), for Alibaba's hmacmd5 sign method and the MD5 the platforms send with
    /// OTA packages. Not collision resistant: use it only where a platform demands it. Update and Final
    /// allocate nothing.
    /// </summary>
    public sealed class Md5 : MerkleDamgardHash
    {
        public const int DigestLength = 16;

        // RFC 1321 §3.4: T[i] = floor(2^32 * |sin(i + 1)|).
        private static readonly uint[] SineTable =
        {
            0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
            0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
            0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
            0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
            0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
            0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
            0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
            0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
        };

        public Md5() : base(4, 16, false)
        {
        }

        protected override void ResetState()
        {
            // RFC 1321 §3.3 (words A..D, stored little-endian).
            State[0] = 0x67452301;
            State[1] = 0xefcdab89;
            State[2] = 0x98badcfe;
            State[3] = 0x10325476;
        }

        protected override void ProcessBlock()
        {
            uint[] x = Words;
            uint a = State[0];
            uint b = State[1];
            uint c = State[2];
            uint d = State[3];

            for (int i = 0; i < 64; i++)
            {
                // Round function, message word order and left rotations of the four rounds (RFC 1321
                // §3.4); a round's four rotation amounts are the bytes of one constant, lowest first.
                uint f;
                int word;
                int shifts;
                if (i < 16)
                {
                    f = (b & c) | (~b & d);
                    word = i;
                    shifts = 0x16110C07;
                }
                else if (i < 32)
                {
                    f = (b & d) | (c & ~d);
                    word = (5 * i + 1) & 15;
                    shifts = 0x140E0905;
                }
                else if (i < 48)
                {
                    f = b ^ c ^ d;
                    word = (3 * i + 5) & 15;
                    shifts = 0x17100B04;
                }
                else
                {
                    f = c ^ (b | ~d);
                    word = (7 * i) & 15;
                    shifts = 0x150F0A06;
                }

                int s = (shifts >> ((i & 3) << 3)) & 31;
                uint sum = a + f + x[word] + SineTable[i];
                a = d;
                d = c;
                c = b;
                b += (sum << s) | (sum >> (32 - s));
            }

            State[0] += a;
            State[1] += b;
            State[2] += c;
            State[3] += d;
        }
    }
}
