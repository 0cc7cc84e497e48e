using System;

namespace IotDevice.Client
{
    /// <summary>
    /// Identifier → value, with an optional catch-all under null: the lookup behind command, property
    /// and data-stream handlers. A short array rather than a hash table — devices register a handful,
    /// and it keeps the core free of the collections package. The array holds identifiers and values in
    /// turn after the catch-all and is exactly as long as they need (none until the first is set), since
    /// every slot and field is heap on the device; <see cref="HandlerRegistry"/> keeps such an array
    /// itself rather than a map object. Thread-safe.
    /// </summary>
    public sealed class IdentifierMap
    {
        // Shared by every map: registering and looking up take a few instructions under it.
        private static readonly object Sync = new object();

        // catch-all, id0, value0, id1, value1, …; null while empty.
        private object[] _entries;

        public void Set(string identifier, object value)
        {
            lock (Sync)
            {
                _entries = With(_entries, identifier, value);
            }
        }

        public object Find(string identifier)
        {
            return Find(_entries, identifier);
        }

        /// <summary>
        /// <paramref name="entries"/> (null: empty) with <paramref name="identifier"/> set to
        /// <paramref name="value"/>: the same array when it had room, else a new one. The caller holds
        /// <see cref="Sync"/> through <see cref="Lock"/>.
        /// </summary>
        internal static object[] With(object[] entries, string identifier, object value)
        {
            int length = entries == null ? 1 : entries.Length;
            if (identifier != null)
            {
                for (int i = 1; i < length; i += 2)
                {
                    if ((string)entries[i] == identifier)
                    {
                        entries[i + 1] = value;
                        return entries;
                    }
                }
            }
            else if (entries != null)
            {
                entries[0] = value;
                return entries;
            }
            // Registration is rare: one array the new size rather than room to grow.
            object[] grown = new object[identifier == null ? 1 : length + 2];
            if (entries != null)
            {
                Array.Copy(entries, grown, length);
            }
            if (identifier == null)
            {
                grown[0] = value;
            }
            else
            {
                grown[length] = identifier;
                grown[length + 1] = value;
            }
            return grown;
        }

        /// <summary>The value for <paramref name="identifier"/> in <paramref name="entries"/>, else the catch-all, else null.</summary>
        internal static object Find(object[] entries, string identifier)
        {
            lock (Sync)
            {
                if (entries == null)
                {
                    return null;
                }
                for (int i = 1; i < entries.Length; i += 2)
                {
                    if ((string)entries[i] == identifier)
                    {
                        return entries[i + 1];
                    }
                }
                return entries[0];
            }
        }

        /// <summary>The lock every map's changes are made under.</summary>
        internal static object Lock
        {
            get { return Sync; }
        }
    }
}
