using System;
using IotDevice.Crypto;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Crypto
{
    /// <summary>HMAC-SHA256 against RFC 4231 §4, HMAC-SHA1 and HMAC-MD5 against RFC 2202 §2–3.</summary>
    [TestClass]
    public class HmacTests
    {
        private const string Rfc4231LargeKeyData = "Test Using Larger Than Block-Size Key - Hash Key First";
        private const string Rfc4231LargeKeyAndData =
            "This is a test using a larger than block-size key and a larger than block-size data. " +
            "The key needs to be hashed before being used by the HMAC algorithm.";
        private const string Rfc2202LargeKeyData = "Test Using Larger Than Block-Size Key - Hash Key First";
        private const string Rfc2202LargeKeyAndData = "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data";

        private static string Mac(IHashAlgorithm hash, byte[] key, byte[] data)
        {
            return CryptoTestData.HexOf(Hmac.Compute(hash, key, data));
        }

        private static byte[] Rfc4231Case4Key()
        {
            return CryptoTestData.Bytes("0102030405060708090a0b0c0d0e0f10111213141516171819");
        }

        // RFC 4231 (HMAC-SHA-256)

        [TestMethod]
        public void Sha256_rfc4231_case1()
        {
            Assert.AreEqual(
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                Mac(new Sha256(), CryptoTestData.Repeat(0x0b, 20), CryptoTestData.Ascii("Hi There")));
        }

        [TestMethod]
        public void Sha256_rfc4231_case2_short_key()
        {
            Assert.AreEqual(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Mac(new Sha256(), CryptoTestData.Ascii("Jefe"), CryptoTestData.Ascii("what do ya want for nothing?")));
        }

        [TestMethod]
        public void Sha256_rfc4231_case3()
        {
            Assert.AreEqual(
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
                Mac(new Sha256(), CryptoTestData.Repeat(0xaa, 20), CryptoTestData.Repeat(0xdd, 50)));
        }

        [TestMethod]
        public void Sha256_rfc4231_case4()
        {
            Assert.AreEqual(
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                Mac(new Sha256(), Rfc4231Case4Key(), CryptoTestData.Repeat(0xcd, 50)));
        }

        [TestMethod]
        public void Sha256_rfc4231_case6_131_byte_key()
        {
            Assert.AreEqual(
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                Mac(new Sha256(), CryptoTestData.Repeat(0xaa, 131), CryptoTestData.Ascii(Rfc4231LargeKeyData)));
        }

        [TestMethod]
        public void Sha256_rfc4231_case7_131_byte_key_and_long_data()
        {
            Assert.AreEqual(
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                Mac(new Sha256(), CryptoTestData.Repeat(0xaa, 131), CryptoTestData.Ascii(Rfc4231LargeKeyAndData)));
        }

        // RFC 2202 §3 (HMAC-SHA-1)

        [TestMethod]
        public void Sha1_rfc2202_case1()
        {
            Assert.AreEqual(
                "b617318655057264e28bc0b6fb378c8ef146be00",
                Mac(new Sha1(), CryptoTestData.Repeat(0x0b, 20), CryptoTestData.Ascii("Hi There")));
        }

        [TestMethod]
        public void Sha1_rfc2202_case2()
        {
            Assert.AreEqual(
                "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
                Mac(new Sha1(), CryptoTestData.Ascii("Jefe"), CryptoTestData.Ascii("what do ya want for nothing?")));
        }

        [TestMethod]
        public void Sha1_rfc2202_case3()
        {
            Assert.AreEqual(
                "125d7342b9ac11cd91a39af48aa17b4f63f175d3",
                Mac(new Sha1(), CryptoTestData.Repeat(0xaa, 20), CryptoTestData.Repeat(0xdd, 50)));
        }

        [TestMethod]
        public void Sha1_rfc2202_case6_80_byte_key()
        {
            Assert.AreEqual(
                "aa4ae5e15272d00e95705637ce8a3b55ed402112",
                Mac(new Sha1(), CryptoTestData.Repeat(0xaa, 80), CryptoTestData.Ascii(Rfc2202LargeKeyData)));
        }

        [TestMethod]
        public void Sha1_rfc2202_case7_80_byte_key_and_long_data()
        {
            Assert.AreEqual(
                "e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
                Mac(new Sha1(), CryptoTestData.Repeat(0xaa, 80), CryptoTestData.Ascii(Rfc2202LargeKeyAndData)));
        }

        // RFC 2202 §2 (HMAC-MD5)

        [TestMethod]
        public void Md5_rfc2202_case1()
        {
            Assert.AreEqual(
                "9294727a3638bb1c13f48ef8158bfc9d",
                Mac(new Md5(), CryptoTestData.Repeat(0x0b, 16), CryptoTestData.Ascii("Hi There")));
        }

        [TestMethod]
        public void Md5_rfc2202_case2()
        {
            Assert.AreEqual(
                "750c783e6ab0b503eaa86e310a5db738",
                Mac(new Md5(), CryptoTestData.Ascii("Jefe"), CryptoTestData.Ascii("what do ya want for nothing?")));
        }

        [TestMethod]
        public void Md5_rfc2202_case3()
        {
            Assert.AreEqual(
                "56be34521d144c88dbb8c733f0e8b3f6",
                Mac(new Md5(), CryptoTestData.Repeat(0xaa, 16), CryptoTestData.Repeat(0xdd, 50)));
        }

        [TestMethod]
        public void Md5_rfc2202_case6_80_byte_key()
        {
            Assert.AreEqual(
                "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd",
                Mac(new Md5(), CryptoTestData.Repeat(0xaa, 80), CryptoTestData.Ascii(Rfc2202LargeKeyData)));
        }

        [TestMethod]
        public void Md5_rfc2202_case7_80_byte_key_and_long_data()
        {
            Assert.AreEqual(
                "6f630fad67cda0ee1fb1f562db3aa53e",
                Mac(new Md5(), CryptoTestData.Repeat(0xaa, 80), CryptoTestData.Ascii(Rfc2202LargeKeyAndData)));
        }

        // Streaming use

        [TestMethod]
        public void Sizes_follow_the_hash()
        {
            Hmac hmac = new Hmac(new Sha1(), CryptoTestData.Ascii("Jefe"));
            Assert.AreEqual(20, hmac.HashSize);
            Assert.AreEqual(64, hmac.BlockSize);
        }

        [TestMethod]
        public void One_instance_signs_again_after_Final_with_the_same_key()
        {
            Hmac hmac = new Hmac(new Sha256(), CryptoTestData.Ascii("Jefe"));
            byte[] data = CryptoTestData.Ascii("what do ya want for nothing?");
            string expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
            Assert.AreEqual(expected, CryptoTestData.DigestHex(hmac, data), "first");
            Assert.AreEqual(expected, CryptoTestData.DigestHex(hmac, data), "second");

            hmac.Update(data, 0, 10);
            hmac.Reset();
            Assert.AreEqual(expected, CryptoTestData.DigestHex(hmac, data), "after Reset");
        }

        [TestMethod]
        public void Long_data_fed_in_pieces_gives_the_published_mac()
        {
            byte[] data = CryptoTestData.Ascii(Rfc4231LargeKeyAndData);
            Hmac hmac = new Hmac(new Sha256(), CryptoTestData.Repeat(0xaa, 131));
            int offset = 0;
            int piece = 1;
            while (offset < data.Length)
            {
                int count = piece < data.Length - offset ? piece : data.Length - offset;
                hmac.Update(data, offset, count);
                offset += count;
                piece += 13;
            }

            byte[] mac = new byte[40];
            hmac.Final(mac, 8);
            byte[] expected = CryptoTestData.Bytes("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], mac[8 + i], "byte " + i);
            }
        }

        [TestMethod]
        public void Caller_changing_the_key_array_afterwards_has_no_effect()
        {
            byte[] key = CryptoTestData.Ascii("Jefe");
            Hmac hmac = new Hmac(new Sha256(), key);
            key[0] = (byte)'X';
            Assert.AreEqual(
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                CryptoTestData.DigestHex(hmac, CryptoTestData.Ascii("what do ya want for nothing?")));
        }

        [TestMethod]
        public void Null_arguments_are_rejected()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Hmac(null, new byte[4]));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Hmac(new Sha256(), null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Hmac.Compute(new Sha256(), new byte[4], null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Hmac(new Md5(), new byte[4]).Final(new byte[15], 0));
        }
    }
}
