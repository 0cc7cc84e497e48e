using IotDevice.Crypto;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Crypto
{
    /// <summary>
    /// How a message is cut into Update calls must not matter (OTA downloads arrive in whatever pieces
    /// the socket gives), and an instance must be reusable after Final.
    /// </summary>
    [TestClass]
    public class HashStreamingTests
    {
        private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        private const string AbcSha1 = "a9993e364706816aba3e25717850c26c9cd0d89d";
        private const string AbcMd5 = "900150983cd24fb0d6963f7d28e17f72";

        private static byte[] Message200()
        {
            byte[] message = new byte[200];
            for (int i = 0; i < message.Length; i++)
            {
                message[i] = (byte)(i * 7 + 3);
            }

            return message;
        }

        private static void EverySplitMatchesOneCall(IHashAlgorithm hash)
        {
            byte[] message = Message200();
            string whole = CryptoTestData.DigestHex(hash, message);
            byte[] digest = new byte[hash.HashSize];
            for (int split = 0; split <= message.Length; split++)
            {
                hash.Update(message, 0, split);
                hash.Update(message, split, message.Length - split);
                hash.Final(digest, 0);
                Assert.AreEqual(whole, CryptoTestData.HexOf(digest), "split at " + split);
            }
        }

        private static void ZeroCountUpdatesChangeNothing(IHashAlgorithm hash, string abcHex)
        {
            byte[] abc = CryptoTestData.Ascii("abc");
            byte[] empty = new byte[0];
            hash.Update(empty, 0, 0);
            hash.Update(abc, 0, 0);
            hash.Update(abc, 0, 1);
            hash.Update(abc, 3, 0);
            hash.Update(abc, 1, 2);
            hash.Update(abc, 2, 0);
            byte[] digest = new byte[hash.HashSize];
            hash.Final(digest, 0);
            Assert.AreEqual(abcHex, CryptoTestData.HexOf(digest));
        }

        private static void FinalAndResetStartOver(IHashAlgorithm hash, string abcHex)
        {
            byte[] abc = CryptoTestData.Ascii("abc");
            Assert.AreEqual(abcHex, CryptoTestData.DigestHex(hash, abc), "first use");
            Assert.AreEqual(abcHex, CryptoTestData.DigestHex(hash, abc), "second use after Final");

            // Reset in the middle of a message throws the partial input away.
            hash.Update(CryptoTestData.Repeat(0x55, 100), 0, 100);
            hash.Reset();
            Assert.AreEqual(abcHex, CryptoTestData.DigestHex(hash, abc), "after Reset");
        }

        [TestMethod]
        public void Sha256_every_two_part_split_matches_one_call()
        {
            EverySplitMatchesOneCall(new Sha256());
        }

        [TestMethod]
        public void Sha1_every_two_part_split_matches_one_call()
        {
            EverySplitMatchesOneCall(new Sha1());
        }

        [TestMethod]
        public void Md5_every_two_part_split_matches_one_call()
        {
            EverySplitMatchesOneCall(new Md5());
        }

        [TestMethod]
        public void Hmac_every_two_part_split_matches_one_call()
        {
            EverySplitMatchesOneCall(new Hmac(new Sha256(), CryptoTestData.Ascii("key")));
        }

        [TestMethod]
        public void Byte_at_a_time_matches_one_call()
        {
            byte[] message = Message200();
            Sha256 hash = new Sha256();
            string whole = CryptoTestData.DigestHex(hash, message);
            for (int i = 0; i < message.Length; i++)
            {
                hash.Update(message, i, 1);
            }

            byte[] digest = new byte[32];
            hash.Final(digest, 0);
            Assert.AreEqual(whole, CryptoTestData.HexOf(digest));
        }

        [TestMethod]
        public void Zero_count_updates_change_nothing()
        {
            ZeroCountUpdatesChangeNothing(new Sha256(), AbcSha256);
            ZeroCountUpdatesChangeNothing(new Sha1(), AbcSha1);
            ZeroCountUpdatesChangeNothing(new Md5(), AbcMd5);
        }

        [TestMethod]
        public void Final_and_Reset_start_a_new_message()
        {
            FinalAndResetStartOver(new Sha256(), AbcSha256);
            FinalAndResetStartOver(new Sha1(), AbcSha1);
            FinalAndResetStartOver(new Md5(), AbcMd5);
        }
    }
}
