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

        // Left-rotation amounts: four per round (RFC 1321 §3.4), repeating within the round.
        private static readonly int[] Shifts =
        {
            7, 12, 17, 22,
            5, 9, 14, 20,
            4, 11, 16, 23,
            6, 10, 15, 21,
        };

        private readonly uint[] _state = new uint[4];
        private readonly uint[] _words = new uint[16];

        public Md5() : base(DigestLength, false)
        {
            ResetState();
        }

        /// <summary>MD5 of a whole array.</summary>
        public static byte[] Compute(byte[] data)
        {
            return Compute(data, 0, data == null ? 0 : data.Length);
        }

        /// <summary>MD5 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte[] Compute(byte[] data, int offset, int count)
        {
            return ComputeWith(new Md5(), data, offset, count);
        }

        protected override void ResetState()
        {
            // RFC 1321 §3.3 (words A..D, stored little-endian).
            _state[0] = 0x67452301;
            _state[1] = 0xefcdab89;
            _state[2] = 0x98badcfe;
            _state[3] = 0x10325476;
        }

        protected override void ProcessBlock(byte[] data, int offset)
        {
            uint[] x = _words;
            for (int i = 0; i < 16; i++)
            {
                x[i] = ReadLittleEndian(data, offset + 4 * i);
            }

            uint a = _state[0];
            uint b = _state[1];
            uint c = _state[2];
            uint d = _state[3];

            for (int i = 0; i < 64; i++)
            {
                // Round function and message word order of the four rounds (RFC 1321 §3.4).
                uint f;
                int word;
                if (i < 16)
                {
                    f = (b & c) | (~b & d);
                    word = i;
                }
                else if (i < 32)
                {
                    f = (b & d) | (c & ~d);
                    word = (5 * i + 1) & 15;
                }
                else if (i < 48)
                {
                    f = b ^ c ^ d;
                    word = (3 * i + 5) & 15;
                }
                else
                {
                    f = c ^ (b | ~d);
                    word = (7 * i) & 15;
                }

                int s = Shifts[((i >> 4) << 2) | (i & 3)];
                uint sum = a + f + x[word] + SineTable[i];
                a = d;
                d = c;
                c = b;
                b += (sum << s) | (sum >> (32 - s));
            }

            _state[0] += a;
            _state[1] += b;
            _state[2] += c;
            _state[3] += d;
        }

        protected override void WriteDigest(byte[] output, int offset)
        {
            for (int i = 0; i < 4; i++)
            {
                WriteLittleEndian(_state[i], output, offset + 4 * i);
            }
        }
    }
}
