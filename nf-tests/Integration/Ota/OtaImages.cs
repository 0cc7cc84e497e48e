using System;
using System.Security.Cryptography;

namespace IotDevice.IntegrationTests.Ota
{
    /// <summary>Test images and their digests, computed with .NET's own hashes (independent of the SDK's).</summary>
    public static class OtaImages
    {
        public static byte[] Make(int size, int seed)
        {
            var image = new byte[size];
            new Random(seed).NextBytes(image);
            return image;
        }

        public static string Md5(byte[] data) => Convert.ToHexString(MD5.HashData(data)).ToLowerInvariant();

        public static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data));
    }
}
