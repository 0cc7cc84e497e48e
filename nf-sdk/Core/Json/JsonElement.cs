namespace IotDevice.Json
{
    /// <summary>
    /// A JSON value seen in place inside the payload bytes: a kind and a byte range, nothing more.
    /// Lookups walk the bytes again each time (payloads are small and usually read once), so nothing
    /// is allocated except by the methods documented to return new strings, and a lookup's name bytes
    /// when the name is over 64 characters or another thread is looking one up at the same moment.
    /// On the device an element returned or copied is itself garbage (a heap block per field), so
    /// <see cref="GetString(string)"/> and <see cref="TryGetInt64(string, out long)"/> read a member
    /// without making one. The default value is a missing element (kind None). Lookups never throw.
    /// </summary>
    public struct JsonElement
    {
        // Three fields only: on the device each field of a struct is a heap block, allocated again
        // every time the struct is returned or copied. A value has _length > 0 and its kind is read
        // from its first byte; a failed payload keeps its error negated in _length and the offset of
        // the error in _start. A container found by Get keeps only a bound on its end (-_length less
        // OpenEnded bytes from its start): walking its members stops at its own closing bracket, so
        // its exact length is worked out only when asked for, and finding it costs no second walk.
        private byte[] _buffer;
        private int _start;
        private int _length;

        private const int OpenEnded = 16; // more than any error code

        internal JsonElement(byte[] buffer, int start, int length)
        {
            _buffer = buffer;
            _start = start;
            _length = length;
        }

        /// <summary>A validated value spanning buffer[start .. start+length).</summary>
        internal static JsonElement At(byte[] buffer, int start, int length)
        {
            return length > 0 ? new JsonElement(buffer, start, length) : default(JsonElement);
        }

        /// <summary>A validated container starting at <paramref name="start"/> and closing before <paramref name="bound"/>.</summary>
        internal static JsonElement Within(byte[] buffer, int start, int bound)
        {
            return new JsonElement(buffer, start, -(bound - start) - OpenEnded);
        }

        /// <summary>A payload that failed validation (kind Invalid), or an empty one (kind None).</summary>
        internal static JsonElement Failed(byte[] buffer, JsonError error, int errorOffset)
        {
            return new JsonElement(buffer, errorOffset, -(int)error);
        }

        public JsonKind Kind
        {
            get
            {
                if (Exists)
                {
                    return JsonScanner.KindOf(_buffer[_start]);
                }

                return _length == 0 || _length == -(int)JsonError.Empty ? JsonKind.None : JsonKind.Invalid;
            }
        }

        /// <summary>Why the payload was rejected (root element only); None for every valid element.</summary>
        public JsonError Error
        {
            get { return IsFailed ? (JsonError)(-_length) : JsonError.None; }
        }

        /// <summary>Index into <see cref="Buffer"/> of the byte where validation failed.</summary>
        public int ErrorOffset
        {
            get { return IsFailed ? _start : 0; }
        }

        /// <summary>True for a real value (not None, not Invalid).</summary>
        public bool Exists
        {
            get { return _length > 0 || _length <= -OpenEnded; }
        }

        private bool IsFailed
        {
            get { return _length < 0 && _length > -OpenEnded; }
        }

        /// <summary>Index into <see cref="Buffer"/> of the value's first byte (0 when there is no value).</summary>
        public int Start
        {
            get { return Exists ? _start : 0; }
        }

        /// <summary>Bytes the value takes in the buffer (a string's quotes included); 0 when there is no value.</summary>
        public int Length
        {
            get
            {
                if (_length > 0)
                {
                    return _length;
                }

                return Exists ? JsonScanner.SkipValue(_buffer, _start, End) - _start : 0;
            }
        }

        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Whether this is a value whose first byte is <paramref name="first"/> ('{', '[' or '"').</summary>
        private bool IsA(byte first)
        {
            return Exists && _buffer[_start] == first;
        }

        private int End
        {
            get { return _length > 0 ? _start + _length : _start - _length - OpenEnded; }
        }

        /// <summary>The first member named <paramref name="name"/> (decoded, ordinal); None if absent or this is not an object.</summary>
        public JsonElement Get(string name)
        {
            int end;
            int value = FindMember(name, out end);
            if (value < 0)
            {
                return default(JsonElement);
            }

            // A container found keeps only a bound on its end: walking its members stops at its own
            // closing bracket, so finding the exact end would only cost a second walk.
            byte kind = _buffer[value];
            return kind == (byte)'{' || kind == (byte)'['
                ? new JsonElement(_buffer, value, -(end - value) - OpenEnded)
                : new JsonElement(_buffer, value, end - value);
        }

        /// <summary>
        /// Same as <c>Get(name).GetString()</c> without making the member's element: on the device each
        /// element made or copied is garbage.
        /// </summary>
        public string GetString(string name)
        {
            int end;
            int value = FindMember(name, out end);
            return value < 0 ? null : TextOf(_buffer, value, end);
        }

        /// <summary>Same as <c>Get(name).TryGetInt64(out value)</c> without making the member's element.</summary>
        public bool TryGetInt64(string name, out long value)
        {
            int end;
            int start = FindMember(name, out end);
            if (start < 0)
            {
                value = 0;
                return false;
            }

            return Int64Of(_buffer, start, end, out value);
        }

        /// <summary>
        /// Where the value of the first member named <paramref name="name"/> starts, and in
        /// <paramref name="end"/> just past it (for a container, a bound: the end of this object);
        /// -1 when there is none or this is not an object.
        /// </summary>
        private int FindMember(string name, out int end)
        {
            end = 0;
            if (name == null || _length > -OpenEnded && _length <= 0 || _buffer[_start] != (byte)'{')
            {
                return -1;
            }

            // The name is compared as UTF-8 bytes: one runtime call encodes it, where reading it a
            // character at a time costs a runtime call per character. The kept array comes with the
            // resume point; when another lookup holds both, this one encodes its own and starts over.
            int keyLength;
            byte[] key = JsonLookups.Take(name, out keyLength);
            bool remembers = key != null;
            if (!remembers)
            {
                key = Utf8.Codec.GetBytes(name);
                keyLength = key.Length;
            }

            // Reading b[close] is safe: close is the bracket that ends this object or an enclosing one.
            byte[] b = _buffer;
            int close = (_length > 0 ? _start + _length : _start - _length - OpenEnded) - 1;
            object quote = JsonScanner.QuoteByte;
            int first = keyLength > 0 ? key[0] : '"'; // only an empty name "starts" with its closing quote
            int pos = _start + 1;

            // The first bytes of the names passed (bit b & 63 each). When the last lookup found a member
            // of this object and no name up to it starts like this one (nor with an escape), none of
            // them can match, so the walk goes on after that member.
            ulong namesBefore = 0;
            if (remembers && JsonLookups.Buffer == b && JsonLookups.Object == _start)
            {
                ulong before = JsonLookups.NamesBefore;
                int after = JsonLookups.After;
                if ((before & ((1UL << (first & 63)) | JsonLookups.EscapedName)) == 0 && after > _start && after <= close)
                {
                    pos = b[after] == (byte)',' ? after : JsonScanner.SkipWhitespace(b, after, close);
                    pos = pos < close && b[pos] == (byte)',' ? pos + 1 : close; // at close the walk finds no member
                    namesBefore = before;
                }
            }

            int found = -1;
            while (true)
            {
                // On the device every instruction counts: a compact member ("name":value, no backslash
                // before the name's closing quote) costs two runtime searches, one for its name's closing
                // quote and one for a string value's, and a few comparisons. Whitespace, an escaped quote
                // or a changed buffer take the careful steps of JsonScanner instead.
                int nameStart = pos;
                int nameEnd = pos < close && b[pos] == (byte)'"' ? System.Array.IndexOf(b, quote, pos + 1, close - pos - 1) + 1 : 0;
                int value = nameEnd + 1;
                if (nameEnd <= pos || b[nameEnd - 2] == (byte)'\\' || b[nameEnd] != (byte)':' || value >= close || b[value] <= (byte)' ')
                {
                    nameStart = b[pos] <= (byte)' ' ? JsonScanner.SkipWhitespace(b, pos, close) : pos;
                    value = JsonScanner.MemberValue(b, nameStart, close, out nameEnd);
                    if (value < 0)
                    {
                        break; // the end of the object (or of a changed buffer)
                    }
                }

                // A string value's end is found the way a name's is, an integer's by its digits; a
                // container is passed over below, only when it is not the member sought.
                int after;
                byte kind = b[value];
                if (kind == (byte)'"')
                {
                    after = System.Array.IndexOf(b, quote, value + 1, close - value - 1) + 1;
                    if (after <= value || b[after - 2] == (byte)'\\')
                    {
                        after = JsonScanner.SkipString(b, value, close);
                    }
                }
                else if (kind == (byte)'{' || kind == (byte)'[')
                {
                    after = -1;
                }
                else
                {
                    after = value + 1;
                    while (after < close && (uint)(b[after] - '0') <= 9)
                    {
                        after++;
                    }

                    if (b[after] != (byte)',' && b[after] != (byte)'}')
                    {
                        after = JsonScanner.SkipValue(b, value, close); // a fraction, an exponent, a literal, whitespace
                    }
                }

                // Without an escape a name's bytes are its UTF-8 text, so it matches when they equal the
                // key's (and hold no backslash, which would be an escape). A name that starts with a byte
                // other than the key's first or a backslash cannot match: most are passed over on that.
                int c = b[nameStart + 1];
                namesBefore |= 1UL << (c & 63);
                if (c == first || c == (byte)'\\')
                {
                    int length = nameEnd - nameStart - 2;
                    int i = 0;
                    if (length == keyLength)
                    {
                        int from = nameStart + 1;
                        while (i < keyLength)
                        {
                            byte k = key[i];
                            if (b[from + i] != k || k == (byte)'\\')
                            {
                                break;
                            }

                            i++;
                        }
                    }

                    if (i == keyLength ? length == keyLength : EscapedNameIs(b, nameStart, nameEnd, name))
                    {
                        found = value;
                        if (after < 0)
                        {
                            end = close + 1; // a bound: its end is not looked for, so it is no resume point either
                        }
                        else
                        {
                            end = after;
                            if (remembers)
                            {
                                JsonLookups.Buffer = b;
                                JsonLookups.Object = _start;
                                JsonLookups.After = after;
                                JsonLookups.NamesBefore = namesBefore;
                            }
                        }

                        break;
                    }
                }

                if (after < 0)
                {
                    after = JsonScanner.SkipValue(b, value, close);
                }

                if (b[after] != (byte)',')
                {
                    after = JsonScanner.SkipWhitespace(b, after, close);
                    if (b[after] != (byte)',')
                    {
                        break;
                    }
                }

                pos = after + 1;
            }

            if (remembers)
            {
                JsonLookups.Release();
            }

            return found;
        }

        /// <summary>Whether the name from <paramref name="quote"/> to <paramref name="afterEnd"/> has an escape and decodes to <paramref name="name"/>.</summary>
        private static bool EscapedNameIs(byte[] buffer, int quote, int afterEnd, string name)
        {
            return JsonScanner.IndexOfBackslash(buffer, quote + 1, afterEnd - 1) >= 0
                && JsonStrings.DecodedEquals(buffer, quote, afterEnd, name, name.Length, false);
        }

        /// <summary>Number of items of an array; 0 for anything else.</summary>
        public int GetArrayLength()
        {
            int count = 0;
            JsonArrayEnumerator items = EnumerateArray();
            while (items.MoveNext())
            {
                count++;
            }

            return count;
        }

        /// <summary>The array item at <paramref name="index"/>; None when out of range or not an array.</summary>
        public JsonElement ItemAt(int index)
        {
            if (index < 0)
            {
                return default(JsonElement);
            }

            JsonArrayEnumerator items = EnumerateArray();
            while (items.MoveNext())
            {
                if (index == 0)
                {
                    return items.Current;
                }

                index--;
            }

            return default(JsonElement);
        }

        /// <summary>Walks an object's members in order; yields nothing for anything else.</summary>
        public JsonObjectEnumerator EnumerateObject()
        {
            return IsA((byte)'{') ? new JsonObjectEnumerator(_buffer, _start, End) : default(JsonObjectEnumerator);
        }

        /// <summary>Walks an array's items in order; yields nothing for anything else.</summary>
        public JsonArrayEnumerator EnumerateArray()
        {
            return IsA((byte)'[') ? new JsonArrayEnumerator(_buffer, _start, End) : default(JsonArrayEnumerator);
        }

        /// <summary>
        /// An integer from a JSON number (1.0 and 1e3 count, 1.5 does not) or from a string holding one
        /// ("123", "-5"): platforms send ids and timestamps both ways. False on overflow or anything else.
        /// </summary>
        public bool TryGetInt64(out long value)
        {
            if (!Exists)
            {
                value = 0;
                return false;
            }

            return Int64Of(_buffer, _start, End, out value);
        }

        /// <summary>What TryGetInt64 gives for the valid value at buffer[start .. end).</summary>
        private static bool Int64Of(byte[] buffer, int start, int end, out long value)
        {
            byte first = buffer[start];
            if (first == (byte)'"' && end - start >= 2)
            {
                return JsonNumber.TryParseInt64(buffer, start + 1, end - 1, out value);
            }

            if (first == (byte)'-' || (first >= (byte)'0' && first <= (byte)'9'))
            {
                return JsonNumber.TryParseInt64(buffer, start, end, out value);
            }

            value = 0;
            return false;
        }

        public bool TryGetInt32(out int value)
        {
            long wide;
            if (TryGetInt64(out wide) && wide >= int.MinValue && wide <= int.MaxValue)
            {
                value = (int)wide;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>A double from a JSON number or a string holding one (e.g. "23.6").</summary>
        public bool TryGetDouble(out double value)
        {
            int from;
            int to;
            if (!NumericRange(out from, out to))
            {
                value = 0;
                return false;
            }

            return JsonNumber.TryParseDouble(_buffer, from, to, out value);
        }

        /// <summary>
        /// true/false, the numbers 1/0, and the strings "true"/"false"/"1"/"0"/"on"/"off" in any case:
        /// platforms send switches all these ways.
        /// </summary>
        public bool TryGetBoolean(out bool value)
        {
            value = false;
            switch (Kind)
            {
                case JsonKind.True:
                    value = true;
                    return true;
                case JsonKind.False:
                    return true;
                case JsonKind.Number:
                    long number;
                    if (TryGetInt64(out number) && (number == 0 || number == 1))
                    {
                        value = number == 1;
                        return true;
                    }

                    return false;
                case JsonKind.String:
                    if (StringEquals("true", true) || StringEquals("1", false) || StringEquals("on", true))
                    {
                        value = true;
                        return true;
                    }

                    return StringEquals("false", true) || StringEquals("0", false) || StringEquals("off", true);
                default:
                    return false;
            }
        }

        /// <summary>
        /// String: its unescaped text. Number: its raw text. true/false/null: their literal.
        /// Anything else: null. Allocates (except for the literals).
        /// </summary>
        public string GetString()
        {
            return Exists ? TextOf(_buffer, _start, End) : null;
        }

        /// <summary>What GetString gives for the valid value at buffer[start .. end) (end a bound for a container).</summary>
        private static string TextOf(byte[] buffer, int start, int end)
        {
            if (buffer[start] == (byte)'"')
            {
                return JsonStrings.Decode(buffer, start, end); // the usual case, without the kind's call
            }

            switch (JsonScanner.KindOf(buffer[start]))
            {
                case JsonKind.Number:
                    return Utf8.ToText(buffer, start, end - start);
                case JsonKind.True:
                    return "true";
                case JsonKind.False:
                    return "false";
                case JsonKind.Null:
                    return "null";
                default:
                    return null;
            }
        }

        /// <summary>Whether this is a string whose decoded value equals <paramref name="text"/> (ordinal). No allocation.</summary>
        public bool ValueEquals(string text)
        {
            return StringEquals(text, false);
        }

        private bool StringEquals(string text, bool ignoreAsciiCase)
        {
            if (text == null || !IsA((byte)'"'))
            {
                return false;
            }

            return JsonStrings.DecodedEquals(_buffer, _start, End, text, text.Length, ignoreAsciiCase);
        }

        /// <summary>The value's JSON text exactly as in the payload; null when there is no value. Allocates.</summary>
        public string GetRawText()
        {
            if (!Exists)
            {
                return null;
            }

            return Utf8.ToText(_buffer, _start, Length);
        }

        /// <summary>
        /// Copies the value's raw bytes to <paramref name="destination"/> at <paramref name="offset"/> and
        /// returns how many; 0 when there is no value or it does not fit.
        /// </summary>
        public int CopyRawTo(byte[] destination, int offset)
        {
            int length = Length;
            if (!Exists || destination == null || offset < 0 || offset > destination.Length || destination.Length - offset < length)
            {
                return 0;
            }

            System.Array.Copy(_buffer, _start, destination, offset, length);
            return length;
        }

        /// <summary>Raw text for logs; for a rejected payload, the error and where.</summary>
        public override string ToString()
        {
            if (Kind == JsonKind.Invalid)
            {
                return "Invalid JSON: " + ErrorName(Error) + " at " + _start.ToString();
            }

            return Exists ? GetRawText() : string.Empty;
        }

        private static string ErrorName(JsonError error)
        {
            // Enum.ToString gives a number on nanoFramework without metadata, so name them here.
            switch (error)
            {
                case JsonError.Empty: return "Empty";
                case JsonError.Truncated: return "Truncated";
                case JsonError.UnexpectedCharacter: return "UnexpectedCharacter";
                case JsonError.InvalidNumber: return "InvalidNumber";
                case JsonError.InvalidString: return "InvalidString";
                case JsonError.InvalidUtf8: return "InvalidUtf8";
                case JsonError.TooDeep: return "TooDeep";
                case JsonError.TooLarge: return "TooLarge";
                case JsonError.TrailingData: return "TrailingData";
                default: return "None";
            }
        }

        /// <summary>Where the digits of a numeric value are: a number's own bytes or a string's content.</summary>
        private bool NumericRange(out int from, out int to)
        {
            from = _start;
            to = End;
            JsonKind kind = Kind;
            if (kind == JsonKind.Number)
            {
                return true;
            }

            if (kind == JsonKind.String && _length >= 2)
            {
                from = _start + 1;
                to = End - 1;
                return true;
            }

            return false;
        }
    }
}
