using System;
using IotDevice.Client;

namespace IotDevice.Ota
{
    /// <summary>
    /// A verified file in the store, as the app's apply callback sees it: read it in pieces (a firmware
    /// image never has to fit in RAM) or, for a config, all at once.
    /// </summary>
    public sealed class StoredUpdate
    {
        private readonly IUpdateStore _store;

        internal StoredUpdate(IUpdateStore store, UpdateKind kind, long length)
        {
            _store = store;
            Kind = kind;
            Length = length;
        }

        public readonly UpdateKind Kind;

        public readonly long Length;

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>; returns how many, 0 at the end.</summary>
        public int Read(long position, byte[] buffer, int offset, int count)
        {
            return _store.Read(Kind, position, buffer, offset, count);
        }

        /// <summary>The whole file in one array (configs; a firmware image may be too large for the heap).</summary>
        public byte[] ReadAll()
        {
            if (Length > int.MaxValue)
            {
                throw new InvalidOperationException("stored file too large for one array");
            }

            byte[] all = new byte[(int)Length];
            int done = 0;
            while (done < all.Length)
            {
                int read = _store.Read(Kind, done, all, done, all.Length - done);
                if (read <= 0)
                {
                    throw new InvalidOperationException("stored file ended after " + done.ToString() + " of " + all.Length.ToString() + " bytes");
                }

                done += read;
            }

            return all;
        }
    }
}
