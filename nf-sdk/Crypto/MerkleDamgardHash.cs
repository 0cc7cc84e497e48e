using System;

namespace IotDevice.Crypto
{
    /// <summary>
    /// What SHA-256, SHA-1 and MD5 share: 64-byte blocks, a one-block buffer for partial input, and the
    /// same final padding (0x80, zeros, then the message length in bits as 8 bytes). They differ only in
    /// the compression function, the digest layout and the byte order of that length field.
    /// </summary>
    public abstract class MerkleDamgardHash : IHashAlgorithm
    {
        private const int BlockBytes = 64;
        private const int LengthFieldOffset = BlockBytes - 8;

        private readonly byte[] _block = new byte[BlockBytes];
        private readonly bool _bigEndianLength;
        private readonly int _hashSize;
        private int _buffered;
        private long _messageBytes;

        /// <param name="hashSize">Digest length in bytes.</param>
        /// <param name="bigEndianLength">True for the SHA family (FIPS 180-4 §5.1.1), false for MD5 (RFC 1321 §3.2).</param>
        protected MerkleDamgardHash(int hashSize, bool bigEndianLength)
        {
            _hashSize = hashSize;
            _bigEndianLength = bigEndianLength;
        }

        public int HashSize
        {
            get { return _hashSize; }
        }

        public int BlockSize
        {
            get { return BlockBytes; }
        }

        public void Reset()
        {
            _buffered = 0;
            _messageBytes = 0;
            Array.Clear(_block, 0, BlockBytes);
            ResetState();
        }

        public void Update(byte[] data, int offset, int count)
        {
            Guard.CheckRange(data, offset, count);
            _messageBytes += count;

            // Top up a partly filled block first.
            if (_buffered > 0)
            {
                int take = BlockBytes - _buffered;
                if (take > count)
                {
                    take = count;
                }

                Array.Copy(data, offset, _block, _buffered, take);
                _buffered += take;
                offset += take;
                count -= take;
                if (_buffered < BlockBytes)
                {
                    return;
                }

                ProcessBlock(_block, 0);
                _buffered = 0;
            }

            // Whole blocks straight from the caller's array: no copy.
            while (count >= BlockBytes)
            {
                ProcessBlock(data, offset);
                offset += BlockBytes;
                count -= BlockBytes;
            }

            if (count > 0)
            {
                Array.Copy(data, offset, _block, 0, count);
                _buffered = count;
            }
        }

        public void Final(byte[] output, int offset)
        {
            if (output == null)
            {
                throw new ArgumentNullException("output");
            }

            if (offset < 0 || offset > output.Length - _hashSize)
            {
                throw new ArgumentOutOfRangeException("offset", "the digest does not fit in output at this offset");
            }

            long bitLength = _messageBytes << 3;

            _block[_buffered++] = 0x80;
            if (_buffered > LengthFieldOffset)
            {
                // No room left for the length: pad this block out and use one more.
                Array.Clear(_block, _buffered, BlockBytes - _buffered);
                ProcessBlock(_block, 0);
                _buffered = 0;
            }

            Array.Clear(_block, _buffered, LengthFieldOffset - _buffered);
            for (int i = 0; i < 8; i++)
            {
                byte b = (byte)(bitLength >> (8 * i));
                if (_bigEndianLength)
                {
                    _block[BlockBytes - 1 - i] = b;
                }
                else
                {
                    _block[LengthFieldOffset + i] = b;
                }
            }

            ProcessBlock(_block, 0);
            WriteDigest(output, offset);
            Reset();
        }

        /// <summary>Sets the chaining state to the algorithm's initial value.</summary>
        protected abstract void ResetState();

        /// <summary>Runs the compression function over the 64 bytes at <paramref name="offset"/>.</summary>
        protected abstract void ProcessBlock(byte[] data, int offset);

        /// <summary>Writes the chaining state as the digest.</summary>
        protected abstract void WriteDigest(byte[] output, int offset);

        /// <summary>Runs <paramref name="hash"/> over one message and returns a new digest array.</summary>
        internal static byte[] ComputeWith(IHashAlgorithm hash, byte[] data, int offset, int count)
        {
            hash.Update(data, offset, count);
            byte[] digest = new byte[hash.HashSize];
            hash.Final(digest, 0);
            return digest;
        }

        internal static uint ReadBigEndian(byte[] data, int offset)
        {
            return ((uint)data[offset] << 24) | ((uint)data[offset + 1] << 16) | ((uint)data[offset + 2] << 8) | data[offset + 3];
        }

        internal static uint ReadLittleEndian(byte[] data, int offset)
        {
            return data[offset] | ((uint)data[offset + 1] << 8) | ((uint)data[offset + 2] << 16) | ((uint)data[offset + 3] << 24);
        }

        internal static void WriteBigEndian(uint value, byte[] output, int offset)
        {
            output[offset] = (byte)(value >> 24);
            output[offset + 1] = (byte)(value >> 16);
            output[offset + 2] = (byte)(value >> 8);
            output[offset + 3] = (byte)value;
        }

        internal static void WriteLittleEndian(uint value, byte[] output, int offset)
        {
            output[offset] = (byte)value;
            output[offset + 1] = (byte)(value >> 8);
            output[offset + 2] = (byte)(value >> 16);
            output[offset + 3] = (byte)(value >> 24);
        }
    }
}
