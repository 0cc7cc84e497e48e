using System;

namespace IotDevice.Json
{
    /// <summary>
    /// Writes compact UTF-8 JSON into one reusable byte buffer: keep an instance per session and
    /// <see cref="Reset"/> it per message. Commas and colons are inserted automatically. The buffer
    /// grows up to maxCapacity; a write that would pass it sets <see cref="Overflowed"/> and every
    /// later call is ignored until Reset (never an exception for size). Structural misuse (a value
    /// without a name inside an object, mismatched End calls) is a programming error and throws
    /// InvalidOperationException. An encoder that knows its payload's shape may write parts of it as
    /// raw text (BeginRaw, Append, EndRaw): constant pieces encoded once, checked by no one.
    /// </summary>
    public sealed partial class JsonWriter
    {
        private const int MaxNesting = 32; // one bit a container in a uint (see _objects)

        // The open containers, one bit each (bit d for the one at depth d + 1): whether it is an object,
        // and whether it has an item yet. Two numbers cost the device less heap than an array.
        private uint _objects;
        private uint _withItems;
        private readonly int _maxCapacity;
        private byte[] _buffer;
        private int _length;
        private int _depth;

        // Yes/no states in one number: on the device each field of an object is a heap block.
        private int _mode;
        private const int NamePending = 1; // a name is written, its value is due
        private const int InRaw = 2;       // between BeginRaw and EndRaw
        private const int HasOverflowed = 4; // a write did not fit; everything is ignored until Reset

        public JsonWriter(int initialCapacity, int maxCapacity)
        {
            if (maxCapacity < 1)
            {
                throw new ArgumentOutOfRangeException("maxCapacity");
            }

            if (initialCapacity < 1)
            {
                initialCapacity = 1;
            }

            _maxCapacity = maxCapacity;
            _buffer = new byte[initialCapacity < maxCapacity ? initialCapacity : maxCapacity];
        }

        /// <summary>The underlying buffer; the output is its first <see cref="Length"/> bytes. Kept across Reset.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        public int Length
        {
            get { return _length; }
        }

        /// <summary>True once a write did not fit in maxCapacity; the output is then incomplete and must be dropped.</summary>
        public bool Overflowed
        {
            get { return (_mode & HasOverflowed) != 0; }
        }

        /// <summary>Starts a new document in the same buffer.</summary>
        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _mode = 0;
        }

        public void BeginObject()
        {
            Open(true, (byte)'{');
        }

        public void EndObject()
        {
            Close(true, (byte)'}');
        }

        public void BeginArray()
        {
            Open(false, (byte)'[');
        }

        public void EndArray()
        {
            Close(false, (byte)']');
        }

        /// <summary>Writes a member name and its colon; the next call must write the value.</summary>
        public void WriteName(string name)
        {
            if ((_mode & HasOverflowed) != 0)
            {
                return;
            }

            if (name == null)
            {
                throw new ArgumentNullException("name");
            }

            if ((_mode & InRaw) != 0)
            {
                PutString(name);
                Put((byte)':');
                return;
            }

            int top = _depth - 1;
            if (top < 0 || (_objects & (1u << top)) == 0 || (_mode & NamePending) != 0)
            {
                throw new InvalidOperationException("A name can only be written inside an object, before its value.");
            }

            _mode |= NamePending;
            bool comma = (_withItems & (1u << top)) != 0;
            _withItems |= 1u << top;

            // The common case in one go, natively encoded: room already there, nothing to escape.
            int length = name.Length;
            int pos = _length;
            if (pos + 3 * length + 4 > _buffer.Length || name.IndexOfAny(JsonText.Escaped) >= 0)
            {
                if (comma)
                {
                    Put((byte)',');
                }

                PutString(name);
                Put((byte)':');
                return;
            }

            byte[] buffer = _buffer;
            if (comma)
            {
                buffer[pos++] = (byte)',';
            }

            buffer[pos] = (byte)'"';
            pos += 1 + Utf8.Codec.GetBytes(name, 0, length, buffer, pos + 1);
            buffer[pos] = (byte)'"';
            buffer[pos + 1] = (byte)':';
            _length = pos + 2;
        }

        /// <summary>Writes a string value, escaped; null writes null.</summary>
        public void WriteString(string value)
        {
            if (value == null)
            {
                WriteNull();
                return;
            }

            if (BeginValue(0))
            {
                PutString(value);
            }
        }

        public void WriteNumber(long value)
        {
            if (BeginValue(0))
            {
                PutInteger(value, false);
            }
        }

        /// <summary>
        /// Writes a double that always reads back as a floating-point number: 10 gives 10.0, 23.6 gives
        /// 23.6, 1e21 gives 1.0E+21. NaN and infinities have no JSON form and are written as null.
        /// </summary>
        public void WriteNumber(double value)
        {
            if (BeginValue(0))
            {
                PutDouble(value, false);
            }
        }

        public void WriteBoolean(bool value)
        {
            if (BeginValue(0))
            {
                byte[] literal = value ? TrueText : FalseText;
                Put(literal, 0, literal.Length);
            }
        }

        public void WriteNull()
        {
            if (BeginValue(0))
            {
                Put(NullText, 0, 4);
            }
        }

        /// <summary>Copies an already-encoded JSON value verbatim (the caller vouches for it).</summary>
        public void WriteRawValue(byte[] json, int offset, int count)
        {
            if (json == null)
            {
                throw new ArgumentNullException("json");
            }

            if (offset < 0 || count < 1 || offset > json.Length || count > json.Length - offset)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            if (BeginValue(0))
            {
                Put(json, offset, count);
            }
        }

        public void WriteString(string name, string value)
        {
            WriteName(name);
            WriteString(value);
        }

        public void WriteNumber(string name, long value)
        {
            WriteName(name);
            WriteNumber(value);
        }

        public void WriteNumber(string name, double value)
        {
            WriteName(name);
            WriteNumber(value);
        }

        public void WriteBoolean(string name, bool value)
        {
            WriteName(name);
            WriteBoolean(value);
        }

        /// <summary>A copy of the output bytes.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_buffer, 0, copy, 0, _length);
            return copy;
        }

        /// <summary>The output decoded as text (tests and logs).</summary>
        public override string ToString()
        {
            return Utf8.Codec.GetString(_buffer, 0, _length);
        }

        private void Open(bool isObject, byte bracket)
        {
            if ((_mode & HasOverflowed) != 0)
            {
                return;
            }

            if ((_mode & InRaw) != 0)
            {
                Put(bracket);
                return;
            }

            if (_depth >= MaxNesting)
            {
                throw new InvalidOperationException("JSON nesting deeper than the writer supports.");
            }

            if (BeginValue(1))
            {
                _buffer[_length++] = bracket;
                uint bit = 1u << _depth;
                _objects = isObject ? _objects | bit : _objects & ~bit;
                _withItems &= ~bit;
                _depth++;
            }
        }

        private void Close(bool isObject, byte bracket)
        {
            if ((_mode & HasOverflowed) != 0)
            {
                return;
            }

            if ((_mode & InRaw) != 0)
            {
                Put(bracket);
                return;
            }

            if (_depth == 0 || ((_objects & (1u << (_depth - 1))) != 0) != isObject || (_mode & NamePending) != 0)
            {
                throw new InvalidOperationException(isObject ? "EndObject does not match an open object." : "EndArray does not match an open array.");
            }

            if (!Reserve(1))
            {
                return;
            }

            _buffer[_length++] = bracket;
            _depth--;
        }

        /// <summary>
        /// Checks that a value may come here and makes room for it plus its comma, writing the comma.
        /// False when the writer has overflowed (the value must then be skipped).
        /// </summary>
        private bool BeginValue(int size)
        {
            if ((_mode & HasOverflowed) != 0)
            {
                return false;
            }

            if ((_mode & InRaw) != 0)
            {
                return true; // inside a raw value the caller vouches for the shape
            }

            bool comma = false;
            if (_depth == 0)
            {
                if (_length > 0)
                {
                    // Every value writes a byte at least, so output at the top is a whole document already.
                    throw new InvalidOperationException("A JSON document holds one top-level value.");
                }
            }
            else if ((_objects & (1u << (_depth - 1))) != 0)
            {
                if ((_mode & NamePending) == 0)
                {
                    throw new InvalidOperationException("A value inside an object needs WriteName first.");
                }
            }
            else
            {
                comma = (_withItems & (1u << (_depth - 1))) != 0;
            }

            int needed = comma ? size + 1 : size;
            if (_length + needed > _buffer.Length && !Reserve(needed))
            {
                return false;
            }

            _mode &= ~NamePending;
            if (_depth > 0)
            {
                _withItems |= 1u << (_depth - 1);
            }

            if (comma)
            {
                _buffer[_length++] = (byte)',';
            }

            return true;
        }

        /// <summary>Makes room for <paramref name="size"/> more bytes, growing up to the limit; false (and Overflowed) past it.</summary>
        private bool Reserve(int size)
        {
            if ((_mode & HasOverflowed) != 0)
            {
                return false;
            }

            int needed = _length + size;
            if (needed <= _buffer.Length)
            {
                return true;
            }

            if (needed > _maxCapacity || needed < 0)
            {
                _mode |= HasOverflowed;
                return false;
            }

            int capacity = _buffer.Length * 2;
            if (capacity < needed || capacity < 0)
            {
                capacity = needed;
            }

            if (capacity > _maxCapacity)
            {
                capacity = _maxCapacity;
            }

            byte[] grown = new byte[capacity];
            Array.Copy(_buffer, 0, grown, 0, _length);
            _buffer = grown;
            return true;
        }
    }
}
