using IotDevice.Crypto;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Crypto
{
    /// <summary>MD5 against the whole test suite of RFC 1321 appendix A.5.</summary>
    [TestClass]
    public class Md5Tests
    {
        private static string Md5Hex(string message)
        {
            return CryptoTestData.DigestHex(new Md5(), CryptoTestData.Ascii(message));
        }

        [TestMethod]
        public void Sizes_are_16_byte_digest_and_64_byte_block()
        {
            Md5 hash = new Md5();
            Assert.AreEqual(16, hash.HashSize);
            Assert.AreEqual(64, hash.BlockSize);
        }

        [TestMethod]
        public void Empty_string()
        {
            Assert.AreEqual("d41d8cd98f00b204e9800998ecf8427e", Md5Hex(""));
        }

        [TestMethod]
        public void Letter_a()
        {
            Assert.AreEqual("0cc175b9c0f1b6a831c399e269772661", Md5Hex("a"));
        }

        [TestMethod]
        public void Abc()
        {
            Assert.AreEqual("900150983cd24fb0d6963f7d28e17f72", Md5Hex("abc"));
        }

        [TestMethod]
        public void Message_digest()
        {
            Assert.AreEqual("f96b697d7cb7938d525a2f31aaf161d0", Md5Hex("message digest"));
        }

        [TestMethod]
        public void Lower_case_alphabet()
        {
            Assert.AreEqual("c3fcd3d76192e4007dfb496cca67e13b", Md5Hex("abcdefghijklmnopqrstuvwxyz"));
        }

        [TestMethod]
        public void Letters_and_digits_62_bytes()
        {
            // Past the 55-byte mark: the padding needs a second block.
            Assert.AreEqual("d174ab98d277d9f5a5611c2c9f419d9f", Md5Hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
        }

        [TestMethod]
        public void Eighty_digits()
        {
            Assert.AreEqual(
                "57edf4a22be3c955ac49da2e2107b67a",
                Md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"));
        }

        [TestMethod]
        public void ComputeHash_hashes_a_slice_and_drops_earlier_input()
        {
            Md5 hash = new Md5();
            Assert.AreEqual("900150983cd24fb0d6963f7d28e17f72", CryptoTestData.HexOf(hash.ComputeHash(CryptoTestData.Ascii("abc"), 0, 3)));
            hash.Update(CryptoTestData.Ascii("earlier"), 0, 7);
            Assert.AreEqual("900150983cd24fb0d6963f7d28e17f72", CryptoTestData.HexOf(hash.ComputeHash(CryptoTestData.Ascii("zzabc"), 2, 3)));
        }
    }
}
