using System;
using System.Security.Cryptography;

namespace IotDevice.Platforms.Http
{
    /// <summary>A firmware image (made up, or read from a file) and the digests each platform announces for it.</summary>
    public sealed class FirmwareImage
    {
        public FirmwareImage(string version, int size)
            : this(version, MadeUp(version, size))
        {
        }

        public FirmwareImage(string version, byte[] content)
        {
            Version = version;
            Content = content ?? throw new ArgumentNullException(nameof(content));
            Md5 = Convert.ToHexString(MD5.HashData(Content)).ToLowerInvariant();
            Sha256 = Convert.ToHexString(SHA256.HashData(Content)).ToLowerInvariant();
        }

        public string Version { get; }

        // The same bytes in every run (string hash codes differ between processes), not all zeros, so a corrupted byte changes the digest.
        private static byte[] MadeUp(string version, int size)
        {
            int seed = size;
            foreach (char c in version)
            {
                seed = seed * 31 + c;
            }
            var content = new byte[size];
            new Random(seed).NextBytes(content);
            return content;
        }

        public byte[] Content { get; }

        public int Size => Content.Length;

        /// <summary>32 lower-case hex digits (Alink md5, EZtCloud md5).</summary>
        public string Md5 { get; }

        public string Sha256 { get; }

        /// <summary>FastBee's "16md5": hex digits 8–23 of the MD5, upper case.</summary>
        public string Md5Middle16 => Md5.Substring(8, 16).ToUpperInvariant();
    }
}
