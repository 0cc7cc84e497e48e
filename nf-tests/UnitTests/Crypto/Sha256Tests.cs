using System;
using IotDevice.Crypto;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Crypto
{
    /// <summary>SHA-256 against the FIPS 180-4 examples (NIST CSRC "Examples with intermediate values").</summary>
    [TestClass]
    public class Sha256Tests
    {
        private const string Message448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        private const string Message896 =
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

        [TestMethod]
        public void Sizes_are_32_byte_digest_and_64_byte_block()
        {
            Sha256 hash = new Sha256();
            Assert.AreEqual(32, hash.HashSize);
            Assert.AreEqual(64, hash.BlockSize);
        }

        [TestMethod]
        public void Abc_vector()
        {
            Assert.AreEqual(
                CryptoTestData.Compact("ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad"),
                CryptoTestData.DigestHex(new Sha256(), CryptoTestData.Ascii("abc")));
        }

        [TestMethod]
        public void Empty_message_vector()
        {
            Assert.AreEqual(
                CryptoTestData.Compact("e3b0c442 98fc1c14 9afbf4c8 996fb924 27ae41e4 649b934c a495991b 7852b855"),
                CryptoTestData.DigestHex(new Sha256(), new byte[0]));
        }

        [TestMethod]
        public void Message_448_bits_vector()
        {
            // 56 bytes: the 0x80 marker leaves no room for the length, so padding takes a second block.
            Assert.AreEqual(
                CryptoTestData.Compact("248d6a61 d20638b8 e5c02693 0c3e6039 a33ce459 64ff2167 f6ecedd4 19db06c1"),
                CryptoTestData.DigestHex(new Sha256(), CryptoTestData.Ascii(Message448)));
        }

        [TestMethod]
        public void Message_896_bits_vector()
        {
            Assert.AreEqual(
                CryptoTestData.Compact("cf5b16a7 78af8380 036ce59e 7b049237 0b249b11 e8f07a51 afac4503 7afee9d1"),
                CryptoTestData.DigestHex(new Sha256(), CryptoTestData.Ascii(Message896)));
        }

        [TestMethod]
        public void One_million_a_streamed_in_uneven_chunks()
        {
            Assert.AreEqual(
                CryptoTestData.Compact("cdc76e5c 9914fb92 81a1c7e2 84d73e67 f1809a48 a497200e 046d39cc c7112cd0"),
                CryptoTestData.MillionADigestHex(new Sha256()));
        }

        [TestMethod]
        public void ComputeHash_hashes_a_slice_and_drops_earlier_input()
        {
            string abc = CryptoTestData.Compact("ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad");
            Sha256 hash = new Sha256();
            Assert.AreEqual(abc, CryptoTestData.HexOf(hash.ComputeHash(CryptoTestData.Ascii("abc"), 0, 3)));
            hash.Update(CryptoTestData.Ascii("earlier"), 0, 7);
            Assert.AreEqual(abc, CryptoTestData.HexOf(hash.ComputeHash(CryptoTestData.Ascii("xxabcyy"), 2, 3)));
        }

        [TestMethod]
        public void Final_writes_at_an_offset_and_leaves_the_rest_alone()
        {
            Sha256 hash = new Sha256();
            hash.Update(CryptoTestData.Ascii("abc"), 0, 3);
            byte[] output = CryptoTestData.Repeat(0xEE, 40);
            hash.Final(output, 5);
            Assert.AreEqual((byte)0xEE, output[4]);
            Assert.AreEqual((byte)0xBA, output[5]);
            Assert.AreEqual((byte)0xAD, output[36]);
            Assert.AreEqual((byte)0xEE, output[37]);
        }

        [TestMethod]
        public void Bad_arguments_are_rejected()
        {
            Sha256 hash = new Sha256();
            byte[] data = new byte[10];
            Assert.ThrowsException(typeof(ArgumentNullException), () => hash.Update(null, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => hash.Update(data, -1, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => hash.Update(data, 5, 6));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => hash.Update(data, 0, -1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => hash.Final(new byte[31], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => hash.Final(new byte[32], 1));
            Assert.ThrowsException(typeof(ArgumentNullException), () => hash.Final(null, 0));
        }
    }
}
