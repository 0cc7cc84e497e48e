using System;

namespace IotDevice.Json
{
    /// <summary>
    /// Raw text: a payload of a fixed shape written from pre-encoded pieces. On the device every call
    /// and every check costs interpreter time, so an encoder that knows its shape appends the constant
    /// parts (<c>,"value":</c>) as bytes made once and writes only the variable parts with the Write…
    /// calls, which inside raw text append their JSON as is: no commas, names or nesting checked.
    /// </summary>
    public sealed partial class JsonWriter
    {
        // Made with mscorlib's encoder, whose statics exist before any of ours: the device runs our
        // static initialisers in no set order, so these must not rest on another of our classes' statics.
        private static readonly byte[] TrueText = Fragment("true");
        private static readonly byte[] FalseText = Fragment("false");
        private static readonly byte[] NullText = Fragment("null");

        /// <summary>Encodes a constant piece of JSON once, for <see cref="Append"/> (e.g. into a static field).</summary>
        public static byte[] Fragment(string json)
        {
            return System.Text.Encoding.UTF8.GetBytes(json);
        }

        /// <summary>
        /// Starts raw text where the writer stands, which the caller writes piecewise, never empty, and
        /// vouches for until <see cref="EndRaw"/>: the one value due after a name or at the top (after a
        /// name, whole members of the same object may follow it: <c>{…},"method":"m"</c>), or else the
        /// next items of the open container, whole members (<c>"a":1,"b":2</c>) in an object or values in
        /// an array, with the commas between them. The comma before it is the writer's.
        /// </summary>
        public void BeginRaw()
        {
            if ((_mode & HasOverflowed) != 0)
            {
                return;
            }

            if ((_mode & InRaw) != 0)
            {
                throw new InvalidOperationException("BeginRaw inside raw text.");
            }

            int top = _depth - 1;
            if (top < 0 || (_mode & NamePending) != 0)
            {
                if (BeginValue(0))
                {
                    _mode |= InRaw;
                }

                return;
            }

            if ((_withItems & (1u << top)) != 0)
            {
                Put((byte)',');
            }

            _withItems |= 1u << top;
            _mode |= InRaw;
        }

        /// <summary>
        /// Ends the raw text <see cref="BeginRaw"/> started; the writer checks structure again. Raw
        /// members may end with a name and its colon (<c>,"params":</c>): its value then follows.
        /// </summary>
        public void EndRaw()
        {
            if ((_mode & HasOverflowed) != 0)
            {
                return;
            }

            if ((_mode & InRaw) == 0)
            {
                throw new InvalidOperationException("EndRaw without BeginRaw.");
            }

            _mode = _length > 0 && _buffer[_length - 1] == (byte)':' ? NamePending : 0; // no complete value or member ends with one
        }

        /// <summary>Appends encoded JSON verbatim inside raw text (see <see cref="Fragment"/>).</summary>
        public void Append(byte[] json)
        {
            if ((_mode & InRaw) == 0)
            {
                if ((_mode & HasOverflowed) == 0)
                {
                    throw new InvalidOperationException("Append belongs between BeginRaw and EndRaw.");
                }

                return;
            }

            Put(json, 0, json.Length);
        }

        /// <summary>
        /// <see cref="BeginRaw"/>, unless raw text is already begun (<paramref name="opened"/> says which),
        /// for a writer of raw text that fills the buffer directly: the buffer, with the output's end in
        /// <paramref name="length"/>; null once the writer has overflowed. The caller asks
        /// <see cref="RoomFor"/> before passing the buffer's end and ends with <see cref="CloseRaw"/>.
        /// </summary>
        internal byte[] OpenRaw(out int length, out bool opened)
        {
            opened = (_mode & InRaw) == 0;
            if (opened)
            {
                BeginRaw();
            }

            length = _length;
            return (_mode & HasOverflowed) != 0 ? null : _buffer;
        }

        /// <summary>Appends bytes[offset .. offset+count) inside raw text that <see cref="OpenRaw"/> began or found.</summary>
        internal void AppendRaw(byte[] bytes, int offset, int count)
        {
            Put(bytes, offset, count);
        }

        /// <summary>
        /// Takes the bytes written directly up to <paramref name="length"/>, appends <paramref name="last"/>
        /// and ends the raw text if <see cref="OpenRaw"/> began it.
        /// </summary>
        internal void CloseRaw(int length, byte[] last, bool opened)
        {
            if ((_mode & HasOverflowed) != 0)
            {
                return;
            }

            _length = length;
            Put(last, 0, last.Length);
            if (opened)
            {
                EndRaw();
            }
        }

        /// <summary>
        /// The buffer, with room for <paramref name="count"/> more bytes after <see cref="Length"/>, for a
        /// writer of raw text that fills it directly and then calls <see cref="Commit"/>; null when the
        /// writer has overflowed or that many bytes would pass its limit. The buffer may be a new one.
        /// </summary>
        internal byte[] RoomFor(int count)
        {
            if ((_mode & HasOverflowed) != 0 || count > _maxCapacity - _length)
            {
                return null; // the caller writes through the calls, which fill up to the limit exactly
            }

            return _length + count <= _buffer.Length || Reserve(count) ? _buffer : null;
        }

        /// <summary>Takes the bytes written directly up to <paramref name="length"/> as output (see <see cref="RoomFor"/>).</summary>
        internal void Commit(int length)
        {
            _length = length;
        }

        private void Put(byte value)
        {
            if ((_mode & HasOverflowed) == 0 && (_length < _buffer.Length || Reserve(1)))
            {
                _buffer[_length++] = value;
            }
        }

        private void Put(byte[] bytes, int offset, int count)
        {
            if ((_mode & HasOverflowed) == 0 && (_length + count <= _buffer.Length || Reserve(count)))
            {
                Array.Copy(bytes, offset, _buffer, _length, count);
                _length += count;
            }
        }

        /// <summary>
        /// The text quoted and escaped. Text that needs no escape goes through the runtime's own UTF-8
        /// encoder (native on the device) within a bound of 3 bytes a char; the rest char by char.
        /// </summary>
        private void PutString(string text)
        {
            int length = text.Length;
            int bound = 3 * length + 2;
            if (bound <= _maxCapacity - _length && text.IndexOfAny(JsonText.Escaped) < 0)
            {
                if (_length + bound <= _buffer.Length || Reserve(bound))
                {
                    _buffer[_length] = (byte)'"';
                    _length += 1 + Utf8.Codec.GetBytes(text, 0, length, _buffer, _length + 1);
                    _buffer[_length++] = (byte)'"';
                }

                return;
            }

            if (Reserve(JsonText.QuotedLength(text)))
            {
                _length = JsonText.WriteQuoted(text, _buffer, _length);
            }
        }

        /// <summary>An integer, in quotes when <paramref name="quoted"/>.</summary>
        private void PutInteger(long value, bool quoted)
        {
            PutDecimal(JsonNumber.Magnitude(value), value < 0, -1, quoted);
        }

        /// <summary>
        /// A double: as a number it always reads back as one (10.0, 23.6); as text ("27.43", "10") the
        /// shortest decimal form in quotes. NaN and infinities, which JSON cannot hold, are null.
        /// </summary>
        private void PutDouble(double value, bool asText)
        {
            if (value - value != 0)
            {
                Put(NullText, 0, 4); // only NaN and the infinities are not 0 less themselves
                return;
            }

            ulong scaled;
            bool negative = value < 0;
            int decimals = JsonNumber.ShortestDecimals(negative ? -value : value, out scaled);
            if (decimals < 0)
            {
                PutDoubleText(value, asText); // rare: beyond 2^53, tiny, or many digits
                return;
            }

            // Below 2^53; text drops the ".0" a number keeps.
            PutDecimal(scaled, negative, asText && decimals == 0 ? -1 : decimals, asText);
        }

        /// <summary>[quote][-]digits of magnitude / 10^decimals[quote] (see <see cref="JsonNumber.WriteDecimal"/>).</summary>
        private void PutDecimal(ulong magnitude, bool negative, int decimals, bool quoted)
        {
            // Room for the longest number needs no counting; near the limit the exact size decides.
            if (_length + JsonNumber.MaxDecimalBytes + 2 > _buffer.Length
                && !Reserve(JsonNumber.DecimalLength(magnitude, negative, decimals) + (quoted ? 2 : 0)))
            {
                return;
            }

            byte[] buffer = _buffer;
            int p = _length;
            if (quoted)
            {
                buffer[p++] = (byte)'"';
            }

            p = JsonNumber.WriteDecimal(buffer, p, magnitude, negative, decimals);
            if (quoted)
            {
                buffer[p++] = (byte)'"';
            }

            _length = p;
        }

        // Where the rare double's exact text is made, shared by every writer: a field of each would be
        // one more heap block per writer for a path few messages take.
        private static readonly byte[] NumberText = new byte[JsonDouble.MaxLength];

        /// <summary>The exact shortest text of <see cref="JsonDouble"/>, in quotes when <paramref name="quoted"/>.</summary>
        private void PutDoubleText(double value, bool quoted)
        {
            lock (NumberText)
            {
                int length = JsonDouble.Write(value, NumberText, 0);
                if (quoted)
                {
                    Put((byte)'"');
                }

                Put(NumberText, 0, length);
                if (quoted)
                {
                    Put((byte)'"');
                }
            }
        }
    }
}
