namespace IotDevice.Crypto
{
    /// <summary>
    /// Streaming SHA-1 (FIPS 180-4 §6.1, RFC 3174), kept for Alibaba's hmacsha1 sign method. The
    /// 80-word schedule is allocated once; Update and Final allocate nothing.
    /// </summary>
    public sealed class Sha1 : MerkleDamgardHash
    {
        public const int DigestLength = 20;

        private readonly uint[] _state = new uint[5];
        private readonly uint[] _schedule = new uint[80];

        public Sha1() : base(DigestLength, true)
        {
            ResetState();
        }

        /// <summary>SHA-1 of a whole array.</summary>
        public static byte[] Compute(byte[] data)
        {
            return Compute(data, 0, data == null ? 0 : data.Length);
        }

        /// <summary>SHA-1 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static byte[] Compute(byte[] data, int offset, int count)
        {
            return ComputeWith(new Sha1(), data, offset, count);
        }

        protected override void ResetState()
        {
            // FIPS 180-4 §5.3.1.
            _state[0] = 0x67452301;
            _state[1] = 0xefcdab89;
            _state[2] = 0x98badcfe;
            _state[3] = 0x10325476;
            _state[4] = 0xc3d2e1f0;
        }

        protected override void ProcessBlock(byte[] data, int offset)
        {
            uint[] w = _schedule;
            for (int t = 0; t < 16; t++)
            {
                w[t] = ReadBigEndian(data, offset + 4 * t);
            }

            for (int t = 16; t < 80; t++)
            {
                uint x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
                w[t] = (x << 1) | (x >> 31);
            }

            uint a = _state[0];
            uint b = _state[1];
            uint c = _state[2];
            uint d = _state[3];
            uint e = _state[4];

            for (int t = 0; t < 80; t++)
            {
                // f_t and K_t of FIPS 180-4 §4.1.1 and §4.2.1, one pair per 20 rounds.
                uint f;
                uint k;
                if (t < 20)
                {
                    f = (b & c) | (~b & d);
                    k = 0x5a827999;
                }
                else if (t < 40)
                {
                    f = b ^ c ^ d;
                    k = 0x6ed9eba1;
                }
                else if (t < 60)
                {
                    f = (b & c) | (b & d) | (c & d);
                    k = 0x8f1bbcdc;
                }
                else
                {
                    f = b ^ c ^ d;
                    k = 0xca62c1d6;
                }

                uint temp = ((a << 5) | (a >> 27)) + f + e + k + w[t];
                e = d;
                d = c;
                c = (b << 30) | (b >> 2);
                b = a;
                a = temp;
            }

            _state[0] += a;
            _state[1] += b;
            _state[2] += c;
            _state[3] += d;
            _state[4] += e;
        }

        protected override void WriteDigest(byte[] output, int offset)
        {
            for (int i = 0; i < 5; i++)
            {
                WriteBigEndian(_state[i], output, offset + 4 * i);
            }
        }
    }
}
