using System;
using System.Security.Cryptography;

namespace IotDevice.Platforms.Http
{
    /// <summary>A made-up firmware image and the digests each platform announces for it.</summary>
    public sealed class FirmwareImage
    {
        public FirmwareImage(string version, int size)
        {
            Version = version;
            Content = new byte[size];
            // Deterministic, not all zeros, so a corrupted byte changes the digest.
            var random = new Random(size ^ version.GetHashCode(StringComparison.Ordinal));
            random.NextBytes(Content);
            Md5 = Convert.ToHexString(MD5.HashData(Content)).ToLowerInvariant();
            Sha256 = Convert.ToHexString(SHA256.HashData(Content)).ToLowerInvariant();
        }

        public string Version { get; }

        public byte[] Content { get; }

        public int Size => Content.Length;

        /// <summary>32 lower-case hex digits (Alink md5, EZtCloud md5).</summary>
        public string Md5 { get; }

        public string Sha256 { get; }

        /// <summary>FastBee's "16md5": hex digits 8–23 of the MD5, upper case.</summary>
        public string Md5Middle16 => Md5.Substring(8, 16).ToUpperInvariant();
    }
}
