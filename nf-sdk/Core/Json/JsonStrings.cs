#pragma warning disable NF1015 // BMP characters index right; the low half of a pair is read through Utf8.UnitAfterHighSurrogate

namespace IotDevice.Json
{
    /// <summary>
    /// Reads the text of a validated JSON string straight from the payload bytes: escapes and UTF-8
    /// are decoded one code point at a time, so comparisons never allocate.
    /// </summary>
    internal static class JsonStrings
    {
        /// <summary>
        /// Decodes the code point at <paramref name="pos"/> inside string content ending at
        /// <paramref name="end"/> (the closing quote) and moves past it. An escaped surrogate pair gives
        /// one supplementary code point; a lone escaped surrogate or anything malformed gives U+FFFD.
        /// </summary>
        public static int DecodeNext(byte[] buffer, ref int pos, int end)
        {
            byte c = buffer[pos];
            if (c >= 0x80)
            {
                return Utf8.DecodeSequence(buffer, ref pos, end);
            }

            if (c != (byte)'\\')
            {
                pos++;
                return c;
            }

            if (pos + 1 >= end)
            {
                pos = end;
                return Utf8.ReplacementCharacter;
            }

            byte escaped = buffer[pos + 1];
            pos += 2;
            switch (escaped)
            {
                case (byte)'"':
                    return '"';
                case (byte)'\\':
                    return '\\';
                case (byte)'/':
                    return '/';
                case (byte)'b':
                    return '\b';
                case (byte)'f':
                    return '\f';
                case (byte)'n':
                    return '\n';
                case (byte)'r':
                    return '\r';
                case (byte)'t':
                    return '\t';
                case (byte)'u':
                    break;
                default:
                    return Utf8.ReplacementCharacter;
            }

            int unit = ReadHex4(buffer, pos, end);
            if (unit < 0)
            {
                return Utf8.ReplacementCharacter;
            }

            pos += 4;
            if (Utf8.IsHighSurrogate(unit))
            {
                if (pos + 6 <= end && buffer[pos] == (byte)'\\' && buffer[pos + 1] == (byte)'u')
                {
                    int low = ReadHex4(buffer, pos + 2, end);
                    if (Utf8.IsLowSurrogate(low))
                    {
                        pos += 6;
                        return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    }
                }

                return Utf8.ReplacementCharacter;
            }

            return Utf8.IsLowSurrogate(unit) ? Utf8.ReplacementCharacter : unit;
        }

        private static int ReadHex4(byte[] buffer, int pos, int end)
        {
            if (pos + 4 > end)
            {
                return -1;
            }

            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = JsonScanner.HexValue(buffer[pos + i]);
                if (digit < 0)
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        /// <summary>
        /// Whether the string from <paramref name="quote"/> (its opening quote) to <paramref name="afterEnd"/>
        /// (just past its closing quote) decodes to exactly <paramref name="text"/> (of <paramref name="length"/>
        /// UTF-16 units, passed in because the runtime counts them by walking the string); optionally
        /// ignoring ASCII case.
        /// </summary>
        public static bool DecodedEquals(byte[] buffer, int quote, int afterEnd, string text, int length, bool ignoreAsciiCase)
        {
            int p = quote + 1;
            int end = afterEnd - 1;
            int i = 0;
            while (p < end)
            {
                byte c = buffer[p];
                int codePoint;
                if (c < 0x80 && c != (byte)'\\')
                {
                    codePoint = c;
                    p++;
                }
                else
                {
                    codePoint = DecodeNext(buffer, ref p, end);
                }

                if (codePoint >= 0x10000)
                {
                    if (i + 1 >= length || text[i] != Utf8.HighSurrogate(codePoint) || Utf8.UnitAfterHighSurrogate(text, i) != Utf8.LowSurrogate(codePoint))
                    {
                        return false;
                    }

                    i += 2;
                    continue;
                }

                if (i >= length)
                {
                    return false;
                }

                int expected = text[i];
                if (expected != codePoint && !(ignoreAsciiCase && LowerAscii(expected) == LowerAscii(codePoint)))
                {
                    return false;
                }

                i++;
            }

            return i == length;
        }

        private static int LowerAscii(int c)
        {
            return c >= 'A' && c <= 'Z' ? c + 32 : c;
        }

        /// <summary>Decodes the whole string (quotes included in the range) into a new .NET string.</summary>
        public static string Decode(byte[] buffer, int quote, int afterEnd)
        {
            int start = quote + 1;
            int end = afterEnd - 1;
            if (end <= start)
            {
                return string.Empty;
            }

            if (JsonScanner.IndexOfBackslash(buffer, start, end) < 0)
            {
                // Validated UTF-8 with nothing to unescape: the runtime decoder makes it in one allocation.
                return Utf8.ToText(buffer, start, end - start);
            }

            int units = 0;
            int q = start;
            while (q < end)
            {
                units += Utf8.Utf16Length(DecodeNext(buffer, ref q, end));
            }

            char[] chars = new char[units];
            int n = 0;
            q = start;
            while (q < end)
            {
                int codePoint = DecodeNext(buffer, ref q, end);
                if (codePoint >= 0x10000)
                {
                    chars[n++] = Utf8.HighSurrogate(codePoint);
                    chars[n++] = Utf8.LowSurrogate(codePoint);
                }
                else
                {
                    chars[n++] = (char)codePoint;
                }
            }

            return new string(chars);
        }
    }
}
