namespace IotDevice.Crypto
{
    /// <summary>
    /// A streaming hash (or keyed hash): feed bytes with <see cref="Update"/> as they arrive, then
    /// <see cref="Final"/> writes the digest and starts over. Implementations allocate nothing after
    /// construction, so one instance can hash a whole firmware download on a board with little heap.
    /// Instances are not thread-safe.
    /// </summary>
    public interface IHashAlgorithm
    {
        /// <summary>Digest length in bytes.</summary>
        int HashSize { get; }

        /// <summary>Length in bytes of the block the compression function consumes (HMAC pads keys to it).</summary>
        int BlockSize { get; }

        /// <summary>Drops everything fed so far and starts a new message.</summary>
        void Reset();

        /// <summary>Feeds <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>; a count of 0 does nothing.</summary>
        void Update(byte[] data, int offset, int count);

        /// <summary>Writes the <see cref="HashSize"/>-byte digest at <paramref name="offset"/>, then resets.</summary>
        void Final(byte[] output, int offset);
    }
}
