using System;

namespace IotDevice.Crypto
{
    /// <summary>
    /// The AES-128 block cipher (FIPS-197): one 16-byte key, 10 rounds. Byte-oriented with only the two
    /// 256-byte S-boxes as tables (no 4 KB T-tables: heap on the board is scarce, and the SDK encrypts
    /// one password per connect). Allocates nothing per block. Not thread-safe.
    /// </summary>
    public sealed class Aes128
    {
        public const int KeyLength = 16;
        public const int BlockLength = 16;

        private const int Rounds = 10;

        // The S-box (FIPS-197 §5.1.1) and its inverse, made by the first instance: an app that never
        // encrypts keeps neither in flash nor on the heap. A race makes them twice, with equal contents.
        private static byte[] _sBox;
        private static byte[] _inverseSBox;

        private readonly byte[] _roundKeys = new byte[BlockLength * (Rounds + 1)];
        private readonly byte[] _state = new byte[BlockLength];
        private readonly byte[] _scratch = new byte[BlockLength];

        /// <summary>Expands <paramref name="key"/> (exactly 16 bytes); the array itself is not kept.</summary>
        /// <exception cref="ArgumentException">The key is not 16 bytes long (the message gives only the length).</exception>
        public Aes128(byte[] key)
        {
            Guard.CheckSixteenBytes(key, "key");
            if (_sBox == null)
            {
                MakeSBoxes();
            }

            ExpandKey(key);
        }

        /// <summary>Encrypts 16 bytes of <paramref name="source"/> into <paramref name="destination"/> (the same array and offset encrypt in place).</summary>
        public void EncryptBlock(byte[] source, int sourceOffset, byte[] destination, int destinationOffset)
        {
            Guard.CheckRange(source, sourceOffset, BlockLength);
            Guard.CheckRange(destination, destinationOffset, BlockLength);
            byte[] s = _state;
            byte[] t = _scratch;
            byte[] rk = _roundKeys;

            for (int i = 0; i < BlockLength; i++)
            {
                s[i] = (byte)(source[sourceOffset + i] ^ rk[i]);
            }

            for (int round = 1; round < Rounds; round++)
            {
                SubBytesShiftRows(s, t);
                int k = round * BlockLength;
                for (int c = 0; c < 16; c += 4)
                {
                    // MixColumns (FIPS-197 §5.1.3) fused with AddRoundKey.
                    int a0 = t[c];
                    int a1 = t[c + 1];
                    int a2 = t[c + 2];
                    int a3 = t[c + 3];
                    int all = a0 ^ a1 ^ a2 ^ a3;
                    s[c] = (byte)(a0 ^ all ^ Times2(a0 ^ a1) ^ rk[k + c]);
                    s[c + 1] = (byte)(a1 ^ all ^ Times2(a1 ^ a2) ^ rk[k + c + 1]);
                    s[c + 2] = (byte)(a2 ^ all ^ Times2(a2 ^ a3) ^ rk[k + c + 2]);
                    s[c + 3] = (byte)(a3 ^ all ^ Times2(a3 ^ a0) ^ rk[k + c + 3]);
                }
            }

            SubBytesShiftRows(s, t);
            int last = Rounds * BlockLength;
            for (int i = 0; i < BlockLength; i++)
            {
                destination[destinationOffset + i] = (byte)(t[i] ^ rk[last + i]);
            }
        }

        /// <summary>Decrypts 16 bytes of <paramref name="source"/> into <paramref name="destination"/> (the same array and offset decrypt in place).</summary>
        public void DecryptBlock(byte[] source, int sourceOffset, byte[] destination, int destinationOffset)
        {
            Guard.CheckRange(source, sourceOffset, BlockLength);
            Guard.CheckRange(destination, destinationOffset, BlockLength);
            byte[] s = _state;
            byte[] t = _scratch;
            byte[] rk = _roundKeys;

            int last = Rounds * BlockLength;
            for (int i = 0; i < BlockLength; i++)
            {
                s[i] = (byte)(source[sourceOffset + i] ^ rk[last + i]);
            }

            // The inverse cipher of FIPS-197 §5.3, rounds in reverse order.
            for (int round = Rounds - 1; round > 0; round--)
            {
                InverseShiftRowsSubBytes(s, t);
                int k = round * BlockLength;
                for (int c = 0; c < 16; c += 4)
                {
                    int a0 = t[c] ^ rk[k + c];
                    int a1 = t[c + 1] ^ rk[k + c + 1];
                    int a2 = t[c + 2] ^ rk[k + c + 2];
                    int a3 = t[c + 3] ^ rk[k + c + 3];

                    // InvMixColumns (§5.3.3) as a cheap pre-step followed by MixColumns: the inverse
                    // matrix equals the forward one times [5 0 4 0; 0 5 0 4; 4 0 5 0; 0 4 0 5].
                    int u = Times2(Times2(a0 ^ a2));
                    int v = Times2(Times2(a1 ^ a3));
                    a0 ^= u;
                    a1 ^= v;
                    a2 ^= u;
                    a3 ^= v;
                    int all = a0 ^ a1 ^ a2 ^ a3;
                    s[c] = (byte)(a0 ^ all ^ Times2(a0 ^ a1));
                    s[c + 1] = (byte)(a1 ^ all ^ Times2(a1 ^ a2));
                    s[c + 2] = (byte)(a2 ^ all ^ Times2(a2 ^ a3));
                    s[c + 3] = (byte)(a3 ^ all ^ Times2(a3 ^ a0));
                }
            }

            InverseShiftRowsSubBytes(s, t);
            for (int i = 0; i < BlockLength; i++)
            {
                destination[destinationOffset + i] = (byte)(t[i] ^ rk[i]);
            }
        }

        /// <summary>Overwrites the key schedule and working state with zeros; the instance is unusable afterwards.</summary>
        public void Clear()
        {
            Array.Clear(_roundKeys, 0, _roundKeys.Length);
            Array.Clear(_state, 0, BlockLength);
            Array.Clear(_scratch, 0, BlockLength);
        }

        private void ExpandKey(byte[] key)
        {
            byte[] rk = _roundKeys;
            byte[] sBox = _sBox;
            int roundConstant = 1;
            Array.Copy(key, rk, KeyLength);
            for (int i = KeyLength; i < rk.Length; i += 4)
            {
                int t0 = rk[i - 4];
                int t1 = rk[i - 3];
                int t2 = rk[i - 2];
                int t3 = rk[i - 1];
                if (i % KeyLength == 0)
                {
                    // SubWord(RotWord(w[i-1])) ^ Rcon[i/4] (FIPS-197 §5.2); Rcon doubles in GF(2^8) each time.
                    int first = t0;
                    t0 = sBox[t1] ^ roundConstant;
                    t1 = sBox[t2];
                    t2 = sBox[t3];
                    t3 = sBox[first];
                    roundConstant = Times2(roundConstant);
                }

                rk[i] = (byte)(rk[i - KeyLength] ^ t0);
                rk[i + 1] = (byte)(rk[i - KeyLength + 1] ^ t1);
                rk[i + 2] = (byte)(rk[i - KeyLength + 2] ^ t2);
                rk[i + 3] = (byte)(rk[i - KeyLength + 3] ^ t3);
            }
        }

        // The state is column-major (FIPS-197 §3.4): byte r + 4c is row r, column c. ShiftRows moves
        // row r left by r columns, so output column c takes row r from column c + r.
        private static void SubBytesShiftRows(byte[] s, byte[] t)
        {
            byte[] sBox = _sBox;
            for (int c = 0; c < 4; c++)
            {
                for (int r = 0; r < 4; r++)
                {
                    t[4 * c + r] = sBox[s[4 * ((c + r) & 3) + r]];
                }
            }
        }

        private static void InverseShiftRowsSubBytes(byte[] s, byte[] t)
        {
            byte[] inverse = _inverseSBox;
            for (int c = 0; c < 4; c++)
            {
                for (int r = 0; r < 4; r++)
                {
                    t[4 * c + r] = inverse[s[4 * ((c - r) & 3) + r]];
                }
            }
        }

        /// <summary>
        /// The S-box maps a byte to the affine transform of its inverse in GF(2^8) (0 to the transform
        /// of 0). The powers of 3 run through every non-zero byte, and 3^i times 3^(255-i) is 1, so a
        /// table of the powers gives each inverse; that table is then overwritten with the inverse S-box.
        /// </summary>
        private static void MakeSBoxes()
        {
            byte[] sBox = new byte[256];
            byte[] inverse = new byte[256];
            int power = 1;
            for (int i = 0; i < 255; i++)
            {
                inverse[i] = (byte)power;
                power ^= Times2(power);
            }

            sBox[0] = Affine(0);
            for (int i = 0; i < 255; i++)
            {
                sBox[inverse[i]] = Affine(inverse[(255 - i) % 255]);
            }

            for (int i = 0; i < 256; i++)
            {
                inverse[sBox[i]] = (byte)i;
            }

            _inverseSBox = inverse;
            _sBox = sBox;
        }

        // FIPS-197 §5.1.1: b ^ (b rotated left by 1, 2, 3 and 4) ^ 0x63; a doubled copy of b turns each
        // rotation into one shift.
        private static byte Affine(int b)
        {
            int twice = b | (b << 8);
            return (byte)(b ^ (twice >> 7) ^ (twice >> 6) ^ (twice >> 5) ^ (twice >> 4) ^ 0x63);
        }

        // Multiplication by x in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 §4.2.1), without a branch.
        private static int Times2(int b)
        {
            return ((b << 1) ^ (((b >> 7) & 1) * 0x1b)) & 0xff;
        }
    }
}
