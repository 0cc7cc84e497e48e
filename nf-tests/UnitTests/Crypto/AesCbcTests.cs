using System;
using IotDevice.Crypto;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Crypto
{
    /// <summary>CBC-AES128 against NIST SP 800-38A appendix F.2.1/F.2.2, plus PKCS#7 padding and its failures.</summary>
    [TestClass]
    public class AesCbcTests
    {
        private const string Key = "2b7e151628aed2a6abf7158809cf4f3c";
        private const string Iv = "000102030405060708090a0b0c0d0e0f";
        private const string Plaintext =
            "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
            "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";
        private const string Ciphertext =
            "7649abac8119b246cee98e9b12e9197d" + "5086cb9b507219ee95db113a917678b2" +
            "73bed6b8e3c1743b7116e69e22229516" + "3ff1caa1681fac09120eca307586e1a7";

        private static byte[] K()
        {
            return CryptoTestData.Bytes(Key);
        }

        private static byte[] IV()
        {
            return CryptoTestData.Bytes(Iv);
        }

        [TestMethod]
        public void Sp800_38a_f21_encrypt()
        {
            byte[] plaintext = CryptoTestData.Bytes(Plaintext);
            Assert.AreEqual(Ciphertext, CryptoTestData.HexOf(AesCbc.EncryptCbc(K(), IV(), plaintext, 0, plaintext.Length)));
        }

        [TestMethod]
        public void Sp800_38a_f22_decrypt()
        {
            byte[] ciphertext = CryptoTestData.Bytes(Ciphertext);
            Assert.AreEqual(Plaintext, CryptoTestData.HexOf(AesCbc.DecryptCbc(K(), IV(), ciphertext, 0, ciphertext.Length)));
        }

        [TestMethod]
        public void Sp800_38a_decrypt_from_an_offset()
        {
            byte[] framed = CryptoTestData.Bytes("aabbcc" + Ciphertext + "dd");
            Assert.AreEqual(Plaintext, CryptoTestData.HexOf(AesCbc.DecryptCbc(K(), IV(), framed, 3, 64)));
        }

        [TestMethod]
        public void Pkcs7_of_block_aligned_input_adds_a_whole_block_after_the_sp800_38a_blocks()
        {
            byte[] plaintext = CryptoTestData.Bytes(Plaintext);
            byte[] encrypted = AesCbc.EncryptCbcPkcs7(K(), IV(), plaintext, 0, plaintext.Length);
            Assert.AreEqual(80, encrypted.Length);
            byte[] first64 = new byte[64];
            Array.Copy(encrypted, first64, 64);
            Assert.AreEqual(Ciphertext, CryptoTestData.HexOf(first64));

            // The extra block is sixteen 0x10 bytes chained on the last published ciphertext block.
            byte[] raw = AesCbc.DecryptCbc(K(), IV(), encrypted, 0, 80);
            for (int i = 64; i < 80; i++)
            {
                Assert.AreEqual((byte)0x10, raw[i], "pad byte " + i);
            }

            Assert.AreEqual(Plaintext, CryptoTestData.HexOf(AesCbc.DecryptCbcPkcs7(K(), IV(), encrypted, 0, 80)));
        }

        [TestMethod]
        public void Pkcs7_round_trips_every_length_from_0_to_33()
        {
            byte[] source = CryptoTestData.Bytes(Plaintext);
            for (int length = 0; length <= 33; length++)
            {
                byte[] encrypted = AesCbc.EncryptCbcPkcs7(K(), IV(), source, 5, length);
                Assert.AreEqual((length / 16 + 1) * 16, encrypted.Length, "length " + length);

                byte[] raw = AesCbc.DecryptCbc(K(), IV(), encrypted, 0, encrypted.Length);
                int pad = encrypted.Length - length;
                for (int i = length; i < raw.Length; i++)
                {
                    Assert.AreEqual((byte)pad, raw[i], "pad byte " + i + " for length " + length);
                }

                byte[] decrypted = AesCbc.DecryptCbcPkcs7(K(), IV(), encrypted, 0, encrypted.Length);
                Assert.AreEqual(length, decrypted.Length);
                for (int i = 0; i < length; i++)
                {
                    Assert.AreEqual(source[5 + i], decrypted[i], "byte " + i + " for length " + length);
                }
            }
        }

        [TestMethod]
        public void Wrong_key_fails_the_padding_check()
        {
            byte[] ciphertext = Convert.FromBase64String("/W2A/4MK+9cEGBhyBDgr2K5c62DAjAK4m0b5pvwxX6FFMzI3h1pUmaDY3BH1P2mI");
            byte[] wrongKey = CryptoTestData.Ascii("K63C4EA3AI5TER98");
            byte[] iv = CryptoTestData.Ascii("wumei-smart-open");
            AssertBadPadding(wrongKey, iv, ciphertext, 0, ciphertext.Length);
        }

        [TestMethod]
        public void Tampered_last_byte_fails_the_padding_check()
        {
            byte[] plaintext = CryptoTestData.Bytes(Plaintext);
            byte[] encrypted = AesCbc.EncryptCbcPkcs7(K(), IV(), plaintext, 0, 20);

            // Flipping a bit of the second-to-last block flips the same bit of the last plaintext block.
            encrypted[encrypted.Length - 17] ^= 0x01;
            AssertBadPadding(K(), IV(), encrypted, 0, encrypted.Length);
        }

        [TestMethod]
        public void Pad_byte_of_zero_or_above_16_is_rejected()
        {
            byte[] zeroPad = new byte[16];
            byte[] bigPad = CryptoTestData.Repeat(17, 16);
            AssertBadPadding(K(), IV(), AesCbc.EncryptCbc(K(), IV(), zeroPad, 0, 16), 0, 16);
            AssertBadPadding(K(), IV(), AesCbc.EncryptCbc(K(), IV(), bigPad, 0, 16), 0, 16);
        }

        [TestMethod]
        public void Ciphertext_not_a_positive_multiple_of_16_is_rejected()
        {
            byte[] data = new byte[40];
            Assert.ThrowsException(typeof(ArgumentException), () => AesCbc.DecryptCbcPkcs7(K(), IV(), data, 0, 17));
            Assert.ThrowsException(typeof(ArgumentException), () => AesCbc.DecryptCbcPkcs7(K(), IV(), data, 0, 0));
            Assert.ThrowsException(typeof(ArgumentException), () => AesCbc.DecryptCbc(K(), IV(), data, 0, 17));
            Assert.ThrowsException(typeof(ArgumentException), () => AesCbc.EncryptCbc(K(), IV(), data, 0, 15));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => AesCbc.DecryptCbcPkcs7(K(), IV(), data, 32, 16));
        }

        [TestMethod]
        public void Key_or_iv_of_the_wrong_length_is_rejected()
        {
            byte[] data = new byte[16];
            Assert.ThrowsException(typeof(ArgumentException), () => AesCbc.EncryptCbcPkcs7(new byte[15], IV(), data, 0, 16));
            Assert.ThrowsException(typeof(ArgumentException), () => AesCbc.EncryptCbcPkcs7(new byte[17], IV(), data, 0, 16));
            Assert.ThrowsException(typeof(ArgumentException), () => AesCbc.DecryptCbcPkcs7(new byte[15], IV(), data, 0, 16));
            Assert.ThrowsException(typeof(ArgumentException), () => AesCbc.EncryptCbcPkcs7(K(), new byte[15], data, 0, 16));
            Assert.ThrowsException(typeof(ArgumentException), () => AesCbc.DecryptCbcPkcs7(K(), new byte[17], data, 0, 16));
            Assert.ThrowsException(typeof(ArgumentNullException), () => AesCbc.EncryptCbcPkcs7(null, IV(), data, 0, 16));
            Assert.ThrowsException(typeof(ArgumentNullException), () => AesCbc.EncryptCbcPkcs7(K(), IV(), null, 0, 0));
        }

        [TestMethod]
        public void Key_length_message_does_not_contain_the_key()
        {
            string keyText = "K63C4EA3AI5TER9";
            string message = null;
            try
            {
                AesCbc.EncryptCbcPkcs7(CryptoTestData.Ascii(keyText), IV(), new byte[1], 0, 1);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message);
            Assert.Contains("15", message);
            Assert.IsTrue(message.IndexOf(keyText) < 0, "the message must not reveal the key: " + message);
        }

        private static void AssertBadPadding(byte[] key, byte[] iv, byte[] ciphertext, int offset, int count)
        {
            string message = null;
            try
            {
                AesCbc.DecryptCbcPkcs7(key, iv, ciphertext, offset, count);
            }
            catch (ArgumentException e)
            {
                Assert.AreEqual(typeof(ArgumentException), e.GetType());
                message = e.Message;
            }

            Assert.IsNotNull(message, "decryption should have failed on the padding");
            Assert.Contains("invalid PKCS#7 padding", message);
        }
    }
}
