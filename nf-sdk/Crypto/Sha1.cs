namespace IotDevice.Crypto
{
    /// <summary>
    /// Streaming SHA-1 (FIPS 180-4 §6.1, RFC 3174), kept for Alibaba's hmacsha1 sign method. The
    /// 80-word schedule is allocated once; Update and Final allocate nothing.
    /// </summary>
    public sealed class Sha1 : MerkleDamgardHash
    {
        public const int DigestLength = 20;

        public Sha1() : base(5, 80, true)
        {
        }

        protected override void ResetState()
        {
            // FIPS 180-4 §5.3.1.
            State[0] = 0x67452301;
            State[1] = 0xefcdab89;
            State[2] = 0x98badcfe;
            State[3] = 0x10325476;
            State[4] = 0xc3d2e1f0;
        }

        protected override void ProcessBlock()
        {
            uint[] w = Words;
            for (int t = 16; t < 80; t++)
            {
                uint x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
                w[t] = (x << 1) | (x >> 31);
            }

            uint a = State[0];
            uint b = State[1];
            uint c = State[2];
            uint d = State[3];
            uint e = State[4];

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

            State[0] += a;
            State[1] += b;
            State[2] += c;
            State[3] += d;
            State[4] += e;
        }
    }
}
