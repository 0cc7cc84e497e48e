using System;
using IotDevice.Crypto;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Crypto
{
    /// <summary>The AES-128 block cipher against FIPS-197 appendix C.1 (and the B.1 cipher example).</summary>
    [TestClass]
    public class Aes128Tests
    {
        private const string C1Key = "000102030405060708090a0b0c0d0e0f";
        private const string C1Plaintext = "00112233445566778899aabbccddeeff";
        private const string C1Ciphertext = "69c4e0d86a7b0430d8cdb78070b4c55a";

        [TestMethod]
        public void Fips197_c1_encrypts_in_place()
        {
            byte[] block = CryptoTestData.Bytes(C1Plaintext);
            new Aes128(CryptoTestData.Bytes(C1Key)).EncryptBlock(block, 0, block, 0);
            Assert.AreEqual(C1Ciphertext, CryptoTestData.HexOf(block));
        }

        [TestMethod]
        public void Fips197_c1_decrypts_in_place()
        {
            byte[] block = CryptoTestData.Bytes(C1Ciphertext);
            new Aes128(CryptoTestData.Bytes(C1Key)).DecryptBlock(block, 0, block, 0);
            Assert.AreEqual(C1Plaintext, CryptoTestData.HexOf(block));
        }

        [TestMethod]
        public void Fips197_b1_example_cipher()
        {
            byte[] block = CryptoTestData.Bytes("3243f6a8885a308d313198a2e0370734");
            Aes128 aes = new Aes128(CryptoTestData.Bytes("2b7e151628aed2a6abf7158809cf4f3c"));
            aes.EncryptBlock(block, 0, block, 0);
            Assert.AreEqual("3925841d02dc09fbdc118597196a0b32", CryptoTestData.HexOf(block));
        }

        [TestMethod]
        public void Source_and_destination_with_offsets()
        {
            Aes128 aes = new Aes128(CryptoTestData.Bytes(C1Key));
            byte[] source = new byte[20];
            Array.Copy(CryptoTestData.Bytes(C1Plaintext), 0, source, 3, 16);
            byte[] destination = CryptoTestData.Repeat(0xEE, 24);
            aes.EncryptBlock(source, 3, destination, 5);
            Assert.AreEqual((byte)0xEE, destination[4]);
            Assert.AreEqual((byte)0xEE, destination[21]);
            byte[] middle = new byte[16];
            Array.Copy(destination, 5, middle, 0, 16);
            Assert.AreEqual(C1Ciphertext, CryptoTestData.HexOf(middle));

            byte[] back = new byte[16];
            aes.DecryptBlock(destination, 5, back, 0);
            Assert.AreEqual(C1Plaintext, CryptoTestData.HexOf(back));
        }

        [TestMethod]
        public void Every_sbox_entry_agrees_with_an_independent_implementation()
        {
            // Blocks of sixteen equal bytes 0..255 under the C.1 key: the first SubBytes sees every byte
            // value at every position, and decrypting them the last InvSubBytes does too, so every entry
            // of the S-boxes the cipher makes for itself is used. The SHA-256 of the 256 ciphertext
            // blocks comes from OpenSSL (aes-128-ecb), and Python's cryptography package agrees.
            Aes128 aes = new Aes128(CryptoTestData.Bytes(C1Key));
            byte[] blocks = new byte[256 * 16];
            for (int i = 0; i < 256; i++)
            {
                for (int j = 0; j < 16; j++)
                {
                    blocks[16 * i + j] = (byte)i;
                }

                aes.EncryptBlock(blocks, 16 * i, blocks, 16 * i);
            }

            Assert.AreEqual("fb1cd9f30ca27011dc793f0f477bba01dba4dd603ec26fde1a025adac6992008", CryptoTestData.DigestHex(new Sha256(), blocks));
            byte[] back = new byte[16];
            for (int i = 0; i < 256; i++)
            {
                aes.DecryptBlock(blocks, 16 * i, back, 0);
                Assert.AreEqual(CryptoTestData.HexOf(CryptoTestData.Repeat((byte)i, 16)), CryptoTestData.HexOf(back), "block " + i);
            }
        }

        [TestMethod]
        public void One_instance_encrypts_many_blocks()
        {
            Aes128 aes = new Aes128(CryptoTestData.Bytes(C1Key));
            for (int i = 0; i < 3; i++)
            {
                byte[] block = CryptoTestData.Bytes(C1Plaintext);
                aes.EncryptBlock(block, 0, block, 0);
                Assert.AreEqual(C1Ciphertext, CryptoTestData.HexOf(block), "use " + i);
            }
        }

        [TestMethod]
        public void Key_of_15_or_17_bytes_is_rejected_naming_only_the_length()
        {
            AssertKeyRejected("K63C4EA3AI5TER9", 15);
            AssertKeyRejected("K63C4EA3AI5TER97X", 17);
        }

        [TestMethod]
        public void Null_key_and_short_block_are_rejected()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Aes128(null));
            Aes128 aes = new Aes128(new byte[16]);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => aes.EncryptBlock(new byte[15], 0, new byte[16], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => aes.DecryptBlock(new byte[16], 0, new byte[16], 1));
        }

        private static void AssertKeyRejected(string keyText, int length)
        {
            byte[] key = CryptoTestData.Ascii(keyText);
            Assert.ThrowsException(typeof(ArgumentException), () => new Aes128(key));
            string message = null;
            try
            {
                new Aes128(key);
            }
            catch (ArgumentException e)
            {
                message = e.Message;
            }

            Assert.IsNotNull(message);
            Assert.Contains(length.ToString(), message);
            Assert.IsTrue(message.IndexOf(keyText) < 0, "the message must not reveal the key: " + message);
            Assert.IsTrue(message.IndexOf("K63C") < 0, "not even part of it");
        }
    }
}
