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

        // FIPS-197 Figure 7 (S-box) and Figure 14 (inverse S-box).
        private static readonly byte[] SBox =
        {
            0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
            0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
            0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
            0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
            0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
            0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
            0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
            0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
            0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
            0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
            0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
            0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
            0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
            0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
            0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
            0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
        };

        private static readonly byte[] InverseSBox =
        {
            0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e, 0x81, 0xf3, 0xd7, 0xfb,
            0x7c, 0xe3, 0x39, 0x82, 0x9b, 0x2f, 0xff, 0x87, 0x34, 0x8e, 0x43, 0x44, 0xc4, 0xde, 0xe9, 0xcb,
            0x54, 0x7b, 0x94, 0x32, 0xa6, 0xc2, 0x23, 0x3d, 0xee, 0x4c, 0x95, 0x0b, 0x42, 0xfa, 0xc3, 0x4e,
            0x08, 0x2e, 0xa1, 0x66, 0x28, 0xd9, 0x24, 0xb2, 0x76, 0x5b, 0xa2, 0x49, 0x6d, 0x8b, 0xd1, 0x25,
            0x72, 0xf8, 0xf6, 0x64, 0x86, 0x68, 0x98, 0x16, 0xd4, 0xa4, 0x5c, 0xcc, 0x5d, 0x65, 0xb6, 0x92,
            0x6c, 0x70, 0x48, 0x50, 0xfd, 0xed, 0xb9, 0xda, 0x5e, 0x15, 0x46, 0x57, 0xa7, 0x8d, 0x9d, 0x84,
            0x90, 0xd8, 0xab, 0x00, 0x8c, 0xbc, 0xd3, 0x0a, 0xf7, 0xe4, 0x58, 0x05, 0xb8, 0xb3, 0x45, 0x06,
            0xd0, 0x2c, 0x1e, 0x8f, 0xca, 0x3f, 0x0f, 0x02, 0xc1, 0xaf, 0xbd, 0x03, 0x01, 0x13, 0x8a, 0x6b,
            0x3a, 0x91, 0x11, 0x41, 0x4f, 0x67, 0xdc, 0xea, 0x97, 0xf2, 0xcf, 0xce, 0xf0, 0xb4, 0xe6, 0x73,
            0x96, 0xac, 0x74, 0x22, 0xe7, 0xad, 0x35, 0x85, 0xe2, 0xf9, 0x37, 0xe8, 0x1c, 0x75, 0xdf, 0x6e,
            0x47, 0xf1, 0x1a, 0x71, 0x1d, 0x29, 0xc5, 0x89, 0x6f, 0xb7, 0x62, 0x0e, 0xaa, 0x18, 0xbe, 0x1b,
            0xfc, 0x56, 0x3e, 0x4b, 0xc6, 0xd2, 0x79, 0x20, 0x9a, 0xdb, 0xc0, 0xfe, 0x78, 0xcd, 0x5a, 0xf4,
            0x1f, 0xdd, 0xa8, 0x33, 0x88, 0x07, 0xc7, 0x31, 0xb1, 0x12, 0x10, 0x59, 0x27, 0x80, 0xec, 0x5f,
            0x60, 0x51, 0x7f, 0xa9, 0x19, 0xb5, 0x4a, 0x0d, 0x2d, 0xe5, 0x7a, 0x9f, 0x93, 0xc9, 0x9c, 0xef,
            0xa0, 0xe0, 0x3b, 0x4d, 0xae, 0x2a, 0xf5, 0xb0, 0xc8, 0xeb, 0xbb, 0x3c, 0x83, 0x53, 0x99, 0x61,
            0x17, 0x2b, 0x04, 0x7e, 0xba, 0x77, 0xd6, 0x26, 0xe1, 0x69, 0x14, 0x63, 0x55, 0x21, 0x0c, 0x7d,
        };

        // FIPS-197 §5.2: Rcon[i] = x^(i-1) in GF(2^8), first byte of each round-constant word.
        private static readonly byte[] RoundConstants = { 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36 };

        private readonly byte[] _roundKeys = new byte[BlockLength * (Rounds + 1)];
        private readonly byte[] _state = new byte[BlockLength];
        private readonly byte[] _scratch = new byte[BlockLength];

        /// <summary>Expands <paramref name="key"/> (exactly 16 bytes); the array itself is not kept.</summary>
        /// <exception cref="ArgumentException">The key is not 16 bytes long (the message gives only the length).</exception>
        public Aes128(byte[] key)
        {
            Guard.CheckSixteenBytes(key, "key");
            ExpandKey(key);
        }

        /// <summary>Encrypts the 16 bytes at <paramref name="offset"/> in place.</summary>
        public void EncryptBlock(byte[] block, int offset)
        {
            EncryptBlock(block, offset, block, offset);
        }

        /// <summary>Encrypts 16 bytes of <paramref name="source"/> into <paramref name="destination"/> (they may be the same array).</summary>
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

        /// <summary>Decrypts the 16 bytes at <paramref name="offset"/> in place.</summary>
        public void DecryptBlock(byte[] block, int offset)
        {
            DecryptBlock(block, offset, block, offset);
        }

        /// <summary>Decrypts 16 bytes of <paramref name="source"/> into <paramref name="destination"/> (they may be the same array).</summary>
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
            Array.Copy(key, rk, KeyLength);
            for (int i = KeyLength; i < rk.Length; i += 4)
            {
                int t0 = rk[i - 4];
                int t1 = rk[i - 3];
                int t2 = rk[i - 2];
                int t3 = rk[i - 1];
                if (i % KeyLength == 0)
                {
                    // SubWord(RotWord(w[i-1])) ^ Rcon[i/4] (FIPS-197 §5.2).
                    int first = t0;
                    t0 = SBox[t1] ^ RoundConstants[i / KeyLength - 1];
                    t1 = SBox[t2];
                    t2 = SBox[t3];
                    t3 = SBox[first];
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
            for (int c = 0; c < 4; c++)
            {
                for (int r = 0; r < 4; r++)
                {
                    t[4 * c + r] = SBox[s[4 * ((c + r) & 3) + r]];
                }
            }
        }

        private static void InverseShiftRowsSubBytes(byte[] s, byte[] t)
        {
            for (int c = 0; c < 4; c++)
            {
                for (int r = 0; r < 4; r++)
                {
                    t[4 * c + r] = InverseSBox[s[4 * ((c - r) & 3) + r]];
                }
            }
        }

        // Multiplication by x in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 §4.2.1), without a branch.
        private static int Times2(int b)
        {
            return ((b << 1) ^ (((b >> 7) & 1) * 0x1b)) & 0xff;
        }
    }
}
