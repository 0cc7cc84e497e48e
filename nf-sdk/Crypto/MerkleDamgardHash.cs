using System;

namespace IotDevice.Crypto
{
    /// <summary>
    /// What SHA-256, SHA-1 and MD5 share: 64-byte blocks read as 16 32-bit words, a one-block buffer for
    /// partial input, the same final padding (0x80, zeros, then the message length in bits as 8 bytes)
    /// and a digest that is the chaining state's words. They differ in the compression function and in
    /// byte order: big-endian words for the SHA family, little-endian for MD5, for the message, the
    /// length field and the digest alike.
    /// </summary>
    public abstract class MerkleDamgardHash : IHashAlgorithm
    {
        private const int BlockBytes = 64;
        private const int LengthFieldOffset = BlockBytes - 8;

        /// <summary>The chaining state; its words, in the algorithm's byte order, are the digest.</summary>
        protected readonly uint[] State;

        /// <summary>The message schedule: the compression function finds the block's 16 words at its start.</summary>
        protected readonly uint[] Words;

        private readonly byte[] _block = new byte[BlockBytes];
        private readonly bool _bigEndian;
        private int _buffered;
        private long _messageBytes;

        /// <param name="stateWords">Words of chaining state: the digest length in bytes over 4.</param>
        /// <param name="scheduleWords">Words of message schedule the compression function needs (at least 16).</param>
        /// <param name="bigEndian">True for the SHA family (FIPS 180-4 §3.1, §5.1.1), false for MD5 (RFC 1321 §2, §3.2).</param>
        protected MerkleDamgardHash(int stateWords, int scheduleWords, bool bigEndian)
        {
            State = new uint[stateWords];
            Words = new uint[scheduleWords];
            _bigEndian = bigEndian;
            ResetState();
        }

        public int HashSize
        {
            get { return State.Length * 4; }
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

                Compress(_block, 0);
                _buffered = 0;
            }

            // Whole blocks straight from the caller's array: no copy.
            while (count >= BlockBytes)
            {
                Compress(data, offset);
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
            Guard.CheckOutput(output, offset, HashSize);
            _block[_buffered++] = 0x80;
            if (_buffered > LengthFieldOffset)
            {
                // No room left for the length: pad this block out and use one more.
                Array.Clear(_block, _buffered, BlockBytes - _buffered);
                Compress(_block, 0);
                _buffered = 0;
            }

            Array.Clear(_block, _buffered, LengthFieldOffset - _buffered);
            uint high = (uint)(_messageBytes >> 29);
            uint low = (uint)(_messageBytes << 3);
            PutWord(_bigEndian ? high : low, _block, LengthFieldOffset);
            PutWord(_bigEndian ? low : high, _block, LengthFieldOffset + 4);
            Compress(_block, 0);
            for (int i = 0; i < State.Length; i++)
            {
                PutWord(State[i], output, offset + 4 * i);
            }

            Reset();
        }

        /// <summary>
        /// The digest of <paramref name="count"/> bytes of <paramref name="data"/> from
        /// <paramref name="offset"/> as a new array; whatever was fed before is dropped.
        /// </summary>
        public byte[] ComputeHash(byte[] data, int offset, int count)
        {
            Reset();
            Update(data, offset, count);
            byte[] digest = new byte[HashSize];
            Final(digest, 0);
            return digest;
        }

        /// <summary>Sets the chaining state to the algorithm's initial value.</summary>
        protected abstract void ResetState();

        /// <summary>Runs the compression function over the block whose 16 words are at the start of <see cref="Words"/>.</summary>
        protected abstract void ProcessBlock();

        private void Compress(byte[] data, int offset)
        {
            // The shifts that put each of a word's four bytes in place: 24, 16, 8, 0 big-endian, 0, 8,
            // 16, 24 little-endian.
            int first = _bigEndian ? 24 : 0;
            int second = first ^ 8;
            int third = first ^ 16;
            int fourth = first ^ 24;
            uint[] w = Words;
            for (int i = 0; i < 16; i++)
            {
                w[i] = ((uint)data[offset] << first) | ((uint)data[offset + 1] << second) | ((uint)data[offset + 2] << third) | ((uint)data[offset + 3] << fourth);
                offset += 4;
            }

            ProcessBlock();
        }

        private void PutWord(uint value, byte[] output, int offset)
        {
            int first = _bigEndian ? 24 : 0;
            output[offset] = (byte)(value >> first);
            output[offset + 1] = (byte)(value >> (first ^ 8));
            output[offset + 2] = (byte)(value >> (first ^ 16));
            output[offset + 3] = (byte)(value >> (first ^ 24));
        }
    }
}
