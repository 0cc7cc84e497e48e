namespace IotDevice.Json
{
    /// <summary>
    /// Walks the members of an object in payload order: <c>while (e.MoveNext()) { e.Name ... e.Value ... }</c>.
    /// A struct over the payload bytes; nothing is allocated.
    /// </summary>
    public struct JsonObjectEnumerator
    {
        private byte[] _buffer;
        private int _pos;       // next byte to look at
        private int _close;     // index of the closing brace
        private bool _started;
        private bool _finished;
        private int _nameStart;
        private int _nameEnd;
        private JsonElement _value;

        /// <param name="start">Index of the opening brace.</param>
        /// <param name="end">Index just past the closing brace.</param>
        internal JsonObjectEnumerator(byte[] buffer, int start, int end)
        {
            _buffer = buffer;
            _pos = start + 1;
            _close = end - 1;
            _started = false;
            _finished = buffer == null;
            _nameStart = 0;
            _nameEnd = 0;
            _value = default(JsonElement);
        }

        /// <summary>The current member's name, as a string element (use ValueEquals or GetString on it).</summary>
        public JsonElement Name
        {
            get { return _nameEnd > _nameStart ? JsonElement.At(_buffer, _nameStart, _nameEnd - _nameStart) : default(JsonElement); }
        }

        /// <summary>The current member's value.</summary>
        public JsonElement Value
        {
            get { return _value; }
        }

        /// <summary>Same as <see cref="Value"/>.</summary>
        public JsonElement Current
        {
            get { return _value; }
        }

        /// <summary>Index of the current name's opening quote.</summary>
        internal int NameStart
        {
            get { return _nameStart; }
        }

        /// <summary>Index just past the current name's closing quote.</summary>
        internal int NameEnd
        {
            get { return _nameEnd; }
        }

        public bool MoveNext()
        {
            return MoveNextMember();
        }

        internal bool MoveNextMember()
        {
            if (_finished)
            {
                return false;
            }

            byte[] b = _buffer;
            int p = JsonScanner.NextItem(b, _pos, _close, _started);
            if (p < 0)
            {
                return Finish();
            }

            _started = true;
            int nameStart = p;
            int nameEnd;
            p = JsonScanner.MemberValue(b, p, _close, out nameEnd);
            if (p < 0)
            {
                return Finish();
            }

            int valueEnd = JsonScanner.SkipValue(b, p, _close);
            _nameStart = nameStart;
            _nameEnd = nameEnd;
            _value = JsonElement.At(b, p, valueEnd - p);
            _pos = valueEnd;
            return true;
        }

        private bool Finish()
        {
            _finished = true;
            _nameStart = 0;
            _nameEnd = 0;
            _value = default(JsonElement);
            return false;
        }
    }

    /// <summary>
    /// Walks the items of an array in order: <c>while (e.MoveNext()) { e.Current ... }</c>, or foreach.
    /// A struct over the payload bytes; nothing is allocated.
    /// </summary>
    public struct JsonArrayEnumerator
    {
        private byte[] _buffer;
        private int _pos;
        private int _close;     // index of the closing bracket
        private bool _started;
        private bool _finished;
        private JsonElement _current;

        /// <param name="start">Index of the opening bracket.</param>
        /// <param name="end">Index just past the closing bracket.</param>
        internal JsonArrayEnumerator(byte[] buffer, int start, int end)
        {
            _buffer = buffer;
            _pos = start + 1;
            _close = end - 1;
            _started = false;
            _finished = buffer == null;
            _current = default(JsonElement);
        }

        public JsonElement Current
        {
            get { return _current; }
        }

        /// <summary>Same as <see cref="Current"/>.</summary>
        public JsonElement Value
        {
            get { return _current; }
        }

        /// <summary>Lets <c>foreach (JsonElement item in element.EnumerateArray())</c> compile (pattern-based, no interface).</summary>
        public JsonArrayEnumerator GetEnumerator()
        {
            return this;
        }

        public bool MoveNext()
        {
            if (_finished)
            {
                return false;
            }

            byte[] b = _buffer;
            int p = JsonScanner.NextItem(b, _pos, _close, _started);
            if (p < 0)
            {
                return Finish();
            }

            _started = true;
            if (p >= _close || b[p] == (byte)']')
            {
                return Finish();
            }

            int end = JsonScanner.SkipValue(b, p, _close);
            if (end <= p)
            {
                return Finish(); // only possible in a buffer changed after validation; avoids looping in place
            }

            _current = JsonElement.At(b, p, end - p);
            _pos = end;
            return true;
        }

        private bool Finish()
        {
            _finished = true;
            _current = default(JsonElement);
            return false;
        }
    }
}
