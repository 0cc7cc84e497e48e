namespace IotDevice.Json
{
    /// <summary>
    /// What member lookups keep between calls, for one lookup at a time: an array the sought name is
    /// encoded into, and where the last lookup that found a member stopped. Payloads are usually read
    /// in the order they are written, so the next lookup in the same object can often go on from there
    /// instead of passing every member before it again.
    /// </summary>
    internal static class JsonLookups
    {
        private const int KeyLimit = 192;
        private static byte[] _key;
        private static int _inUse;

        // The resume point, read and written only by the lookup that holds the key array: the object
        // (its buffer and the index of its '{'), the index just past the value of the member found, and
        // the first bytes (each as bit b & 63) of every name up to and including that member's.
        // JsonReader.Parse forgets it, so bytes parsed again are never read with an old one.
        internal static byte[] Buffer;
        internal static int Object;
        internal static int After;
        internal static ulong NamesBefore;

        /// <summary>A name starting with a backslash is escaped: it may decode to any first character.</summary>
        internal const ulong EscapedName = 1UL << ('\\' & 63);

        /// <summary>
        /// The UTF-8 bytes of <paramref name="name"/> (<paramref name="count"/> of them) in the kept array,
        /// which also gives the caller the resume point until <see cref="Release"/>; null when another
        /// lookup holds them or the name is too long for the array.
        /// </summary>
        public static byte[] Take(string name, out int count)
        {
            int length = name.Length;
            count = 0;
            if (length * 3 > KeyLimit || System.Threading.Interlocked.CompareExchange(ref _inUse, 1, 0) != 0)
            {
                return null;
            }

            // A UTF-16 unit never takes more than three UTF-8 bytes.
            byte[] bytes = _key;
            if (bytes == null || bytes.Length < length * 3)
            {
                bytes = new byte[(length * 3 + 15) & ~15];
                _key = bytes;
            }

            count = Utf8.Codec.GetBytes(name, 0, length, bytes, 0);
            return bytes;
        }

        /// <summary>Ends the hold <see cref="Take"/> gave, with a full fence: the next holder sees the resume point written.</summary>
        public static void Release()
        {
            System.Threading.Interlocked.Exchange(ref _inUse, 0);
        }

        /// <summary>Drops the resume point (the bytes it points into may be about to change).</summary>
        public static void Forget()
        {
            Buffer = null;
        }
    }
}
