using System;
using IotDevice.Crypto;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Crypto
{
    /// <summary>
    /// The platforms' own password vectors from shared/spec/test-vectors.md: FastBee's encrypted MQTT
    /// password (§1) and Alibaba's MQTT CONNECT signature (§4).
    /// </summary>
    [TestClass]
    public class PlatformVectorTests
    {
        private const string FastBeeKey = "K63C4EA3AI5TER97";
        private const string FastBeeIv = "wumei-smart-open";
        private const string AlinkDocsContent = "clientId12345deviceNamedeviceproductKeypktimestamp789";

        private static string FastBeePassword(string plaintext)
        {
            byte[] text = CryptoTestData.Ascii(plaintext);
            byte[] encrypted = AesCbc.EncryptCbcPkcs7(CryptoTestData.Ascii(FastBeeKey), CryptoTestData.Ascii(FastBeeIv), text, 0, text.Length);
            return Convert.ToBase64String(encrypted);
        }

        private static string AlinkPassword(IHashAlgorithm hash, string deviceSecret, string content)
        {
            return Hex.ToHex(Hmac.Compute(hash, CryptoTestData.Ascii(deviceSecret), CryptoTestData.Ascii(content)), true);
        }

        // §1.1 OFFICIAL (reconstructed): the FastBee docs' sample password, early-2022 plaintext layout.
        [TestMethod]
        public void FastBee_docs_password_encrypts_to_the_published_base64()
        {
            Assert.AreEqual(
                "/W2A/4MK+9cEGBhyBDgr2K5c62DAjAK4m0b5pvwxX6FFMzI3h1pUmaDY3BH1P2mI",
                FastBeePassword("P5FJKZJHIR82GNB2&1&1647597191168"));
        }

        // §1.1: the published ciphertext, hex form of the table.
        [TestMethod]
        public void FastBee_docs_password_ciphertext_bytes()
        {
            byte[] text = CryptoTestData.Ascii("P5FJKZJHIR82GNB2&1&1647597191168");
            byte[] encrypted = AesCbc.EncryptCbcPkcs7(CryptoTestData.Ascii(FastBeeKey), CryptoTestData.Ascii(FastBeeIv), text, 0, text.Length);
            Assert.AreEqual(
                "fd6d80ff830afbd70418187204382bd8ae5ceb60c08c02b89b46f9a6fc315fa145333237875a5499a0d8dc11f53f6988",
                CryptoTestData.HexOf(encrypted));
        }

        // §1.1: decrypting the docs string gives the plaintext back (16 bytes of 0x10 padding stripped).
        [TestMethod]
        public void FastBee_docs_password_decrypts_to_the_plaintext()
        {
            byte[] ciphertext = Convert.FromBase64String("/W2A/4MK+9cEGBhyBDgr2K5c62DAjAK4m0b5pvwxX6FFMzI3h1pUmaDY3BH1P2mI");
            byte[] plaintext = AesCbc.DecryptCbcPkcs7(CryptoTestData.Ascii(FastBeeKey), CryptoTestData.Ascii(FastBeeIv), ciphertext, 0, ciphertext.Length);
            CollectionAssert.AreEqual(CryptoTestData.Ascii("P5FJKZJHIR82GNB2&1&1647597191168"), plaintext);
        }

        // §1.2 DERIVED: the v2.x layout "password & expireTime".
        [TestMethod]
        public void FastBee_v2_password_layout()
        {
            Assert.AreEqual("/W2A/4MK+9cEGBhyBDgr2KeYOd3/7w7rpNaUY/oAl54=", FastBeePassword("P5FJKZJHIR82GNB2&1647597191168"));
        }

        // §4.1 OFFICIAL (completed): Alibaba docs example, hmacsha1; the docs print the first 36 digits.
        [TestMethod]
        public void Alink_docs_example_hmacsha1()
        {
            string password = AlinkPassword(new Sha1(), "secret", AlinkDocsContent);
            Assert.StartsWith("FAFD82A3D602B37FB0FA8B7892F24A477F85", password);
            Assert.AreEqual("FAFD82A3D602B37FB0FA8B7892F24A477F851A14", password);
        }

        // §4.1 DERIVED: the same content signed with hmacsha256.
        [TestMethod]
        public void Alink_docs_example_hmacsha256()
        {
            Assert.AreEqual(
                "6074A46A91B1EBB2CC4EA42790AD0E80202C9843859FC292E57C4EB19FAD9E57",
                AlinkPassword(new Sha256(), "secret", AlinkDocsContent));
        }

        // §4.3 DERIVED: iotkit-embedded v3 style (HMAC-SHA256, fixed timestamp 2524608000000).
        [TestMethod]
        public void Alink_c_sdk_style_hmacsha256()
        {
            Assert.AreEqual(
                "957421D083BD2665C80D5EC6128D80D714E430974229D1EBAAF06F95AA74FFE9",
                AlinkPassword(
                    new Sha256(),
                    "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest",
                    "clientIda1X2bEnTest.example1deviceNameexample1productKeya1X2bEnTesttimestamp2524608000000"));
        }
    }
}
