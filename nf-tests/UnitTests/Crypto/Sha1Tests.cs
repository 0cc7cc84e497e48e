using IotDevice.Crypto;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Crypto
{
    /// <summary>SHA-1 against the FIPS 180-4 examples and RFC 3174 §7.3 (tests 1 and 3).</summary>
    [TestClass]
    public class Sha1Tests
    {
        [TestMethod]
        public void Sizes_are_20_byte_digest_and_64_byte_block()
        {
            Sha1 hash = new Sha1();
            Assert.AreEqual(20, hash.HashSize);
            Assert.AreEqual(64, hash.BlockSize);
        }

        [TestMethod]
        public void Abc_vector()
        {
            Assert.AreEqual(
                CryptoTestData.Compact("a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d"),
                CryptoTestData.DigestHex(new Sha1(), CryptoTestData.Ascii("abc")));
        }

        [TestMethod]
        public void Empty_message_vector()
        {
            Assert.AreEqual(
                CryptoTestData.Compact("da39a3ee 5e6b4b0d 3255bfef 95601890 afd80709"),
                CryptoTestData.DigestHex(new Sha1(), new byte[0]));
        }

        [TestMethod]
        public void Message_448_bits_vector()
        {
            Assert.AreEqual(
                CryptoTestData.Compact("84983e44 1c3bd26e baae4aa1 f95129e5 e54670f1"),
                CryptoTestData.DigestHex(new Sha1(), CryptoTestData.Ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
        }

        [TestMethod]
        public void One_million_a_streamed_in_uneven_chunks()
        {
            Assert.AreEqual(
                CryptoTestData.Compact("34aa973c d4c4daa4 f61eeb2b dbad2731 6534016f"),
                CryptoTestData.MillionADigestHex(new Sha1()));
        }

        [TestMethod]
        public void ComputeHash_hashes_a_slice_and_drops_earlier_input()
        {
            string abc = CryptoTestData.Compact("a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d");
            Sha1 hash = new Sha1();
            Assert.AreEqual(abc, CryptoTestData.HexOf(hash.ComputeHash(CryptoTestData.Ascii("abc"), 0, 3)));
            hash.Update(CryptoTestData.Ascii("earlier"), 0, 7);
            Assert.AreEqual(abc, CryptoTestData.HexOf(hash.ComputeHash(CryptoTestData.Ascii("-abc-"), 1, 3)));
        }
    }
}
