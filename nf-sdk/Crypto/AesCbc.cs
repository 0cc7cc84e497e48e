using System;

namespace IotDevice.Crypto
{
    /// <summary>
    /// AES-128 in CBC mode (NIST SP 800-38A §6.2), with PKCS#7 padding (RFC 5652 §6.3) or without.
    /// FastBee's encrypted MQTT password is Base64(EncryptCbcPkcs7(productSecret, "wumei-smart-open", text)).
    /// Each call expands the key, returns a new array and wipes its key schedule and scratch plaintext.
    /// </summary>
    public static class AesCbc
    {
        private const int Block = Aes128.BlockLength;

        /// <summary>
        /// Pads <paramref name="count"/> bytes of <paramref name="plaintext"/> with PKCS#7 (always 1..16
        /// bytes, so the result is one block longer when the input is block-aligned) and encrypts them.
        /// </summary>
        /// <exception cref="ArgumentException">The key or IV is not 16 bytes.</exception>
        public static byte[] EncryptCbcPkcs7(byte[] key16, byte[] iv16, byte[] plaintext, int offset, int count)
        {
            CheckArguments(key16, iv16, plaintext, offset, count, false);

            int padding = Block - count % Block;
            byte[] output = new byte[count + padding];
            Array.Copy(plaintext, offset, output, 0, count);
            for (int i = count; i < output.Length; i++)
            {
                output[i] = (byte)padding;
            }

            EncryptInPlace(key16, iv16, output);
            return output;
        }

        /// <summary>Decrypts and strips the PKCS#7 padding.</summary>
        /// <exception cref="ArgumentException">
        /// The key or IV is not 16 bytes, <paramref name="count"/> is not a positive multiple of 16, or the
        /// padding is invalid (typically a wrong key or corrupted ciphertext).
        /// </exception>
        public static byte[] DecryptCbcPkcs7(byte[] key16, byte[] iv16, byte[] ciphertext, int offset, int count)
        {
            if (count == 0)
            {
                CheckArguments(key16, iv16, ciphertext, offset, count, true);
                throw new ArgumentException("PKCS#7 ciphertext needs at least one block", "ciphertext");
            }

            byte[] padded = DecryptCbc(key16, iv16, ciphertext, offset, count);

            // Check every candidate padding byte without branching on the data, so timing says little
            // about where the check failed.
            int pad = padded[count - 1];
            int bad = ((pad - 1) | (Block - pad)) >> 31; // -1 unless 1 <= pad <= 16
            for (int i = 1; i <= Block; i++)
            {
                int inPadding = (i - pad - 1) >> 31; // -1 for the last pad bytes
                bad |= (padded[count - i] ^ pad) & inPadding;
            }

            if (bad != 0)
            {
                Array.Clear(padded, 0, count);
                throw new ArgumentException("invalid PKCS#7 padding (wrong key or corrupted ciphertext)", "ciphertext");
            }

            byte[] plaintext = new byte[count - pad];
            Array.Copy(padded, plaintext, plaintext.Length);
            Array.Clear(padded, 0, count);
            return plaintext;
        }

        /// <summary>CBC encryption without padding; <paramref name="count"/> must be a multiple of 16 (0 gives an empty array).</summary>
        public static byte[] EncryptCbc(byte[] key16, byte[] iv16, byte[] plaintext, int offset, int count)
        {
            CheckArguments(key16, iv16, plaintext, offset, count, true);
            byte[] output = new byte[count];
            Array.Copy(plaintext, offset, output, 0, count);
            EncryptInPlace(key16, iv16, output);
            return output;
        }

        /// <summary>CBC decryption without padding removal; <paramref name="count"/> must be a multiple of 16.</summary>
        public static byte[] DecryptCbc(byte[] key16, byte[] iv16, byte[] ciphertext, int offset, int count)
        {
            CheckArguments(key16, iv16, ciphertext, offset, count, true);
            byte[] output = new byte[count];
            Aes128 aes = new Aes128(key16);
            for (int pos = 0; pos < count; pos += Block)
            {
                aes.DecryptBlock(ciphertext, offset + pos, output, pos);

                // P_i = D(C_i) ^ C_(i-1), with the IV as C_0.
                byte[] previous = pos == 0 ? iv16 : ciphertext;
                int previousOffset = pos == 0 ? 0 : offset + pos - Block;
                for (int i = 0; i < Block; i++)
                {
                    output[pos + i] ^= previous[previousOffset + i];
                }
            }

            aes.Clear();
            return output;
        }

        private static void EncryptInPlace(byte[] key16, byte[] iv16, byte[] data)
        {
            Aes128 aes = new Aes128(key16);
            for (int pos = 0; pos < data.Length; pos += Block)
            {
                // C_i = E(P_i ^ C_(i-1)), with the IV as C_0.
                byte[] previous = pos == 0 ? iv16 : data;
                int previousOffset = pos == 0 ? 0 : pos - Block;
                for (int i = 0; i < Block; i++)
                {
                    data[pos + i] ^= previous[previousOffset + i];
                }

                aes.EncryptBlock(data, pos, data, pos);
            }

            aes.Clear();
        }

        /// <summary>Key, IV and range checks; with <paramref name="wholeBlocks"/>, also that the data is whole AES blocks.</summary>
        private static void CheckArguments(byte[] key16, byte[] iv16, byte[] data, int offset, int count, bool wholeBlocks)
        {
            Guard.CheckSixteenBytes(key16, "key");
            Guard.CheckSixteenBytes(iv16, "iv");
            Guard.CheckRange(data, offset, count);
            if (wholeBlocks && count % Block != 0)
            {
                throw new ArgumentException("data length " + count + " is not a multiple of the 16-byte AES block", "count");
            }
        }
    }
}
