using System;

namespace IotDevice.Client
{
    /// <summary>
    /// Identifier → value, with an optional catch-all under null: the lookup behind command, property
    /// and data-stream handlers. A short array rather than a hash table — devices register a handful,
    /// and it keeps the core free of the collections package. Thread-safe.
    /// </summary>
    public sealed class IdentifierMap
    {
        private readonly object _sync = new object();
        private string[] _ids = new string[4];
        private object[] _values = new object[4];
        private int _count;
        private object _fallback;

        /// <summary>Sets the value for <paramref name="identifier"/> (null: every identifier without its own).</summary>
        public void Set(string identifier, object value)
        {
            lock (_sync)
            {
                if (identifier == null)
                {
                    _fallback = value;
                    return;
                }
                for (int i = 0; i < _count; i++)
                {
                    if (_ids[i] == identifier)
                    {
                        _values[i] = value;
                        return;
                    }
                }
                if (_count == _ids.Length)
                {
                    string[] ids = new string[_count * 2];
                    object[] values = new object[_count * 2];
                    Array.Copy(_ids, ids, _count);
                    Array.Copy(_values, values, _count);
                    _ids = ids;
                    _values = values;
                }
                _ids[_count] = identifier;
                _values[_count] = value;
                _count++;
            }
        }

        /// <summary>The value for <paramref name="identifier"/>, else the catch-all, else null.</summary>
        public object Find(string identifier)
        {
            lock (_sync)
            {
                for (int i = 0; i < _count; i++)
                {
                    if (_ids[i] == identifier)
                    {
                        return _values[i];
                    }
                }
                return _fallback;
            }
        }
    }
}
