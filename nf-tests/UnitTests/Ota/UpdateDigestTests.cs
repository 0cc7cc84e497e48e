using System.Text;
using IotDevice.Client;
using IotDevice.Crypto;
using IotDevice.Ota;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Ota
{
    /// <summary>Digest checks against published vectors: RFC 1321 MD5("abc"), FIPS 180-2 SHA-256("abc").</summary>
    [TestClass]
    public class UpdateDigestTests
    {
        private const string Md5Abc = "900150983cd24fb0d6963f7d28e17f72";
        private const string Sha256Abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

        private static byte[] Digest(DigestMethod method, string text)
        {
            IHashAlgorithm hash = UpdateDigest.CreateHash(method);
            byte[] data = Encoding.UTF8.GetBytes(text);
            hash.Update(data, 0, data.Length);
            byte[] digest = new byte[hash.HashSize];
            hash.Final(digest, 0);
            return digest;
        }

        [TestMethod]
        public void Md5_matches_in_either_case()
        {
            byte[] digest = Digest(DigestMethod.Md5, "abc");
            Assert.IsTrue(UpdateDigest.Matches(DigestMethod.Md5, digest, Md5Abc));
            Assert.IsTrue(UpdateDigest.Matches(DigestMethod.Md5, digest, Md5Abc.ToUpper()));
            Assert.IsTrue(UpdateDigest.Matches(DigestMethod.Md5, digest, " " + Md5Abc + " "), "spaces around the digest are ignored");
        }

        [TestMethod]
        public void Sha256_matches_in_either_case()
        {
            byte[] digest = Digest(DigestMethod.Sha256, "abc");
            Assert.IsTrue(UpdateDigest.Matches(DigestMethod.Sha256, digest, Sha256Abc));
            Assert.IsTrue(UpdateDigest.Matches(DigestMethod.Sha256, digest, Sha256Abc.ToUpper()));
        }

        [TestMethod]
        public void A_digest_one_digit_off_or_of_the_wrong_length_does_not_match()
        {
            byte[] digest = Digest(DigestMethod.Md5, "abc");
            Assert.IsFalse(UpdateDigest.Matches(DigestMethod.Md5, digest, "900150983cd24fb0d6963f7d28e17f73"));
            Assert.IsFalse(UpdateDigest.Matches(DigestMethod.Md5, digest, Md5Abc.Substring(0, 30)));
            Assert.IsFalse(UpdateDigest.Matches(DigestMethod.Md5, digest, "zz0150983cd24fb0d6963f7d28e17f72"));
            Assert.IsFalse(UpdateDigest.Matches(DigestMethod.Md5, digest, null));
            Assert.IsFalse(UpdateDigest.Matches(DigestMethod.Sha256, Digest(DigestMethod.Sha256, "abd"), Sha256Abc));
        }

        [TestMethod]
        public void FastBee_16md5_is_hex_digits_8_to_23_of_the_md5()
        {
            // MD5("abc") = 900150983cd24fb0d6963f7d28e17f72 -> digits 8..23 = 3cd24fb0d6963f7d.
            byte[] digest = Digest(DigestMethod.Md5Middle16, "abc");
            Assert.IsTrue(UpdateDigest.Matches(DigestMethod.Md5Middle16, digest, "3cd24fb0d6963f7d"));
            Assert.IsTrue(UpdateDigest.Matches(DigestMethod.Md5Middle16, digest, "3CD24FB0D6963F7D"), "FastBee sends upper case");
            Assert.IsFalse(UpdateDigest.Matches(DigestMethod.Md5Middle16, digest, "900150983cd24fb0"), "the first 16 digits are not the 16md5");
            Assert.IsFalse(UpdateDigest.Matches(DigestMethod.Md5Middle16, digest, Md5Abc), "a full MD5 is not a 16md5");
            Assert.AreEqual("3cd24fb0d6963f7d", UpdateDigest.Format(DigestMethod.Md5Middle16, digest));
        }

        [TestMethod]
        public void The_method_is_inferred_from_the_digest_length_when_the_offer_names_none()
        {
            Assert.AreEqual((int)DigestMethod.Md5, (int)UpdateDigest.Resolve(DigestMethod.None, Md5Abc));
            Assert.AreEqual((int)DigestMethod.Sha256, (int)UpdateDigest.Resolve(DigestMethod.None, Sha256Abc));
            Assert.AreEqual((int)DigestMethod.Md5Middle16, (int)UpdateDigest.Resolve(DigestMethod.None, "3cd24fb0d6963f7d"));
            Assert.AreEqual((int)DigestMethod.None, (int)UpdateDigest.Resolve(DigestMethod.None, "abc"));
            Assert.AreEqual((int)DigestMethod.None, (int)UpdateDigest.Resolve(DigestMethod.None, null));
            Assert.AreEqual((int)DigestMethod.Sha256, (int)UpdateDigest.Resolve(DigestMethod.Sha256, Md5Abc), "a named method wins");
        }

        [TestMethod]
        public void Digests_are_formatted_as_platforms_write_them()
        {
            Assert.AreEqual(Md5Abc, UpdateDigest.Format(DigestMethod.Md5, Digest(DigestMethod.Md5, "abc")));
            Assert.AreEqual(Sha256Abc, UpdateDigest.Format(DigestMethod.Sha256, Digest(DigestMethod.Sha256, "abc")));
            Assert.AreEqual("16md5", UpdateDigest.Name(DigestMethod.Md5Middle16));
            Assert.IsNull(UpdateDigest.CreateHash(DigestMethod.None));
        }
    }
}
