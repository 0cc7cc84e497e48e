using System;

namespace IotDevice.Crypto
{
    /// <summary>
    /// HMAC (RFC 2104) over any <see cref="IHashAlgorithm"/>: H((K ^ opad) || H((K ^ ipad) || message)).
    /// The padded keys and the inner digest are allocated once, so repeated signing allocates nothing.
    /// It is itself an <see cref="IHashAlgorithm"/>: Update, then Final writes the MAC and starts over
    /// with the same key. Not thread-safe.
    /// </summary>
    public sealed class Hmac : IHashAlgorithm
    {
        private const byte InnerPad = 0x36;
        private const byte OuterPad = 0x5c;

        private readonly IHashAlgorithm _hash;
        private readonly byte[] _innerKey;
        private readonly byte[] _outerKey;
        private readonly byte[] _innerDigest;

        /// <summary>
        /// Keys <paramref name="hash"/> with <paramref name="key"/>. The HMAC takes over
        /// <paramref name="hash"/> (pass a fresh instance and do not use it elsewhere). A key longer than
        /// the hash's block size is hashed first (RFC 2104 §2); the key array is not kept.
        /// </summary>
        public Hmac(IHashAlgorithm hash, byte[] key)
        {
            if (hash == null)
            {
                throw new ArgumentNullException("hash");
            }

            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            _hash = hash;
            int blockSize = hash.BlockSize;
            _innerKey = new byte[blockSize];
            _outerKey = new byte[blockSize];
            _innerDigest = new byte[hash.HashSize];

            // K, zero-padded to the block size (shorter keys) or replaced by H(K) (longer keys).
            hash.Reset();
            if (key.Length > blockSize)
            {
                hash.Update(key, 0, key.Length);
                hash.Final(_innerKey, 0);
            }
            else
            {
                Array.Copy(key, _innerKey, key.Length);
            }

            for (int i = 0; i < blockSize; i++)
            {
                byte k = _innerKey[i];
                _innerKey[i] = (byte)(k ^ InnerPad);
                _outerKey[i] = (byte)(k ^ OuterPad);
            }

            Reset();
        }

        public int HashSize
        {
            get { return _innerDigest.Length; }
        }

        public int BlockSize
        {
            get { return _innerKey.Length; }
        }

        /// <summary>HMAC of a whole message in one call (a new instance, so it allocates).</summary>
        public static byte[] Compute(IHashAlgorithm hash, byte[] key, byte[] data)
        {
            Hmac hmac = new Hmac(hash, key);
            hmac.Update(data, 0, data == null ? 0 : data.Length); // null data: ArgumentNullException("data")
            byte[] mac = new byte[hmac.HashSize];
            hmac.Final(mac, 0);
            return mac;
        }

        /// <summary>Starts a new message under the same key.</summary>
        public void Reset()
        {
            _hash.Reset();
            _hash.Update(_innerKey, 0, _innerKey.Length);
        }

        public void Update(byte[] data, int offset, int count)
        {
            _hash.Update(data, offset, count);
        }

        public void Final(byte[] output, int offset)
        {
            Guard.CheckOutput(output, offset, _innerDigest.Length);
            _hash.Final(_innerDigest, 0);
            _hash.Update(_outerKey, 0, _outerKey.Length);
            _hash.Update(_innerDigest, 0, _innerDigest.Length);
            _hash.Final(output, offset);
            Reset();
        }
    }
}
