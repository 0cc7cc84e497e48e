using System;
using IotDevice.Crypto;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Crypto
{
    [TestClass]
    public class HexTests
    {
        private static readonly byte[] Sample = { 0x00, 0x0f, 0xa5, 0xff, 0x10, 0x9c };

        // MD5("abc"), RFC 1321 A.5: what an OTA push would carry for a package "abc".
        private const string AbcMd5 = "900150983cd24fb0d6963f7d28e17f72";

        private static byte[] AbcMd5Bytes()
        {
            return new byte[] { 0x90, 0x01, 0x50, 0x98, 0x3c, 0xd2, 0x4f, 0xb0, 0xd6, 0x96, 0x3f, 0x7d, 0x28, 0xe1, 0x7f, 0x72 };
        }

        [TestMethod]
        public void ToHex_lower_and_upper_case()
        {
            Assert.AreEqual("000fa5ff109c", Hex.ToHex(Sample, false));
            Assert.AreEqual("000FA5FF109C", Hex.ToHex(Sample, true));
            Assert.AreEqual("a5ff", Hex.ToHex(Sample, 2, 2, false));
            Assert.AreEqual("", Hex.ToHex(new byte[0], true));
        }

        [TestMethod]
        public void ToHex_rejects_null_and_bad_ranges()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => Hex.ToHex(null, false));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Hex.ToHex(Sample, 4, 3, false));
        }

        [TestMethod]
        public void TryParseHex_accepts_either_case()
        {
            byte[] bytes;
            Assert.IsTrue(Hex.TryParseHex("000fA5Ff109C", out bytes));
            CollectionAssert.AreEqual(Sample, bytes);
            Assert.IsTrue(Hex.TryParseHex("", out bytes));
            Assert.AreEqual(0, bytes.Length);
        }

        [TestMethod]
        public void TryParseHex_rejects_odd_length_and_non_hex()
        {
            byte[] bytes;
            Assert.IsFalse(Hex.TryParseHex("abc", out bytes));
            Assert.IsNull(bytes);
            Assert.IsFalse(Hex.TryParseHex("0g", out bytes));
            Assert.IsFalse(Hex.TryParseHex("0x1f", out bytes));
            Assert.IsFalse(Hex.TryParseHex("1f 2e", out bytes));
            Assert.IsFalse(Hex.TryParseHex("G0", out bytes));
            Assert.IsFalse(Hex.TryParseHex("@0", out bytes));
            Assert.IsFalse(Hex.TryParseHex(null, out bytes));
        }

        [TestMethod]
        public void DigestEquals_accepts_lower_upper_and_mixed_case()
        {
            Assert.IsTrue(Hex.DigestEquals(AbcMd5Bytes(), AbcMd5));
            Assert.IsTrue(Hex.DigestEquals(AbcMd5Bytes(), AbcMd5.ToUpper()));
            Assert.IsTrue(Hex.DigestEquals(AbcMd5Bytes(), "900150983CD24FB0d6963f7d28e17f72"));
        }

        [TestMethod]
        public void DigestEquals_agrees_with_a_computed_digest()
        {
            Assert.IsTrue(Hex.DigestEquals(new Md5().ComputeHash(CryptoTestData.Ascii("abc"), 0, 3), AbcMd5));
            Assert.IsFalse(Hex.DigestEquals(new Md5().ComputeHash(CryptoTestData.Ascii("abd"), 0, 3), AbcMd5));
        }

        [TestMethod]
        public void DigestEquals_rejects_wrong_length()
        {
            Assert.IsFalse(Hex.DigestEquals(AbcMd5Bytes(), AbcMd5.Substring(0, 30)));
            Assert.IsFalse(Hex.DigestEquals(AbcMd5Bytes(), AbcMd5 + "00"));
            Assert.IsFalse(Hex.DigestEquals(AbcMd5Bytes(), AbcMd5.Substring(0, 31)));
            Assert.IsFalse(Hex.DigestEquals(AbcMd5Bytes(), ""));
            Assert.IsFalse(Hex.DigestEquals(null, AbcMd5));
            Assert.IsFalse(Hex.DigestEquals(AbcMd5Bytes(), null));
        }

        [TestMethod]
        public void DigestEquals_rejects_non_hex_characters()
        {
            Assert.IsFalse(Hex.DigestEquals(AbcMd5Bytes(), "9g0150983cd24fb0d6963f7d28e17f72"));
            Assert.IsFalse(Hex.DigestEquals(AbcMd5Bytes(), "900150983cd24fb0d6963f7d28e17f7 "));
            Assert.IsFalse(Hex.DigestEquals(AbcMd5Bytes(), "0x0150983cd24fb0d6963f7d28e17f72"));

            // 'p' is no digit; U+0010 would turn into '0' if case folding were applied to digits too.
            Assert.IsFalse(Hex.DigestEquals(new byte[] { 0x00 }, "0p"));
            Assert.IsFalse(Hex.DigestEquals(new byte[] { 0x00 }, "\u00100"));
        }

        [TestMethod]
        public void DigestEquals_rejects_one_differing_nibble_anywhere()
        {
            char[] text = AbcMd5.ToCharArray();
            for (int i = 0; i < text.Length; i++)
            {
                char original = text[i];
                text[i] = original == '0' ? '1' : '0';
                Assert.IsFalse(Hex.DigestEquals(AbcMd5Bytes(), new string(text)), "nibble " + i);
                text[i] = original;
            }

            Assert.IsTrue(Hex.DigestEquals(AbcMd5Bytes(), new string(text)));
        }
    }
}
