using System;

namespace IotDevice.Client
{
    /// <summary>
    /// Identifier → value, with an optional catch-all under null: the lookup behind command, property
    /// and data-stream handlers. A short array rather than a hash table — devices register a handful,
    /// and it keeps the core free of the collections package. The array holds identifiers and values in
    /// turn and is exactly as long as they need (none until the first is set), since every slot is heap
    /// on the device. Thread-safe.
    /// </summary>
    public sealed class IdentifierMap
    {
        // Shared by every map: registering and looking up take a few instructions under it.
        private static readonly object Sync = new object();

        // id0, value0, id1, value1, …; null while empty.
        private object[] _entries;
        private object _fallback;

        /// <summary>Sets the value for <paramref name="identifier"/> (null: every identifier without its own).</summary>
        public void Set(string identifier, object value)
        {
            lock (Sync)
            {
                if (identifier == null)
                {
                    _fallback = value;
                    return;
                }
                int length = _entries == null ? 0 : _entries.Length;
                for (int i = 0; i < length; i += 2)
                {
                    if ((string)_entries[i] == identifier)
                    {
                        _entries[i + 1] = value;
                        return;
                    }
                }
                // Registration is rare: one array the new size rather than room to grow.
                object[] entries = new object[length + 2];
                if (length > 0)
                {
                    Array.Copy(_entries, entries, length);
                }
                entries[length] = identifier;
                entries[length + 1] = value;
                _entries = entries;
            }
        }

        /// <summary>The value for <paramref name="identifier"/>, else the catch-all, else null.</summary>
        public object Find(string identifier)
        {
            lock (Sync)
            {
                object[] entries = _entries;
                for (int i = 0; entries != null && i < entries.Length; i += 2)
                {
                    if ((string)entries[i] == identifier)
                    {
                        return entries[i + 1];
                    }
                }
                return _fallback;
            }
        }
    }
}
