namespace IotDevice.Json
{
    /// <summary>
    /// Byte-level helpers shared by the validator and the lookups. The skip methods assume the bytes
    /// were validated, but every one is still bounded by a limit so a buffer changed after parsing
    /// can only give wrong answers, never an exception or an endless loop.
    /// </summary>
    internal static class JsonScanner
    {
        /// <summary>
        /// Where the next member or item of a container starts: after the separating ',' when one came
        /// before, or -1 when the container ends there.
        /// </summary>
        public static int NextItem(byte[] buffer, int pos, int close, bool started)
        {
            // Whitespace is looked for only where a byte could be some: compact payloads make no call.
            int p = pos < close && buffer[pos] <= (byte)' ' ? SkipWhitespace(buffer, pos, close) : pos;
            if (started)
            {
                if (p >= close || buffer[p] != (byte)',')
                {
                    return -1;
                }

                p++;
                if (p < close && buffer[p] <= (byte)' ')
                {
                    p = SkipWhitespace(buffer, p, close);
                }
            }

            return p;
        }

        public static bool IsWhitespace(byte c)
        {
            return c == (byte)' ' || c == (byte)'\n' || c == (byte)'\r' || c == (byte)'\t';
        }

        public static bool IsDigit(byte c)
        {
            return c >= (byte)'0' && c <= (byte)'9';
        }

        /// <summary>Letters, digits and '_': bytes that would glue onto a literal to make a bare word.</summary>
        public static bool IsWordByte(byte c)
        {
            return IsDigit(c) || (c >= (byte)'a' && c <= (byte)'z') || (c >= (byte)'A' && c <= (byte)'Z') || c == (byte)'_';
        }

        public static int HexValue(byte c)
        {
            if (c >= (byte)'0' && c <= (byte)'9')
            {
                return c - '0';
            }

            if (c >= (byte)'a' && c <= (byte)'f')
            {
                return c - 'a' + 10;
            }

            if (c >= (byte)'A' && c <= (byte)'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        public static int SkipDigits(byte[] buffer, int pos, int end)
        {
            while (pos < end && IsDigit(buffer[pos]))
            {
                pos++;
            }

            return pos;
        }

        public static int SkipWhitespace(byte[] buffer, int pos, int end)
        {
            // Compact payloads have none: one comparison ends the loop without a call.
            while (pos < end && buffer[pos] <= (byte)' ' && IsWhitespace(buffer[pos]))
            {
                pos++;
            }

            return pos;
        }

        // Boxed once: Array.IndexOf compares a byte array's elements with a boxed byte natively, so a
        // search costs one runtime call instead of a few interpreted instructions per byte.
        public static readonly object QuoteByte = (byte)'"';
        private static readonly object BackslashByte = (byte)'\\';

        /// <summary>Index of the first '"' in buffer[from .. end), or -1.</summary>
        public static int IndexOfQuote(byte[] buffer, int from, int end)
        {
            return from < end ? System.Array.IndexOf(buffer, QuoteByte, from, end - from) : -1;
        }

        /// <summary>Index of the first backslash in buffer[from .. end), or -1.</summary>
        public static int IndexOfBackslash(byte[] buffer, int from, int end)
        {
            return from < end ? System.Array.IndexOf(buffer, BackslashByte, from, end - from) : -1;
        }

        private const ulong Each20 = 0x2020202020202020UL;
        private const ulong Each5C = 0x5C5C5C5C5C5C5C5CUL;
        private const ulong Each01 = 0x0101010101010101UL;
        private const ulong Each80 = 0x8080808080808080UL;

        /// <summary>
        /// Whether buffer[from .. to) is printable ASCII without a backslash, looked at eight bytes per
        /// runtime call: interpreting a check per byte costs far more. A span under eight bytes is read
        /// with its neighbours, so it can be reported as not plain when it is: callers then check it
        /// byte by byte. Plain is never reported wrongly.
        /// </summary>
        public static bool IsPlainText(byte[] buffer, int from, int to)
        {
            if (to <= from)
            {
                return true;
            }

            // Words from the start; the last one ends at the span's end (overlapping the one before).
            // A short span is read as one word around it.
            int p = from;
            int last = to - 8;
            if (last < from)
            {
                p = last >= 0 ? last : from;
                last = p;
                if (p + 8 > buffer.Length)
                {
                    return false;
                }
            }

            while (true)
            {
                int at = p < last ? p : last;

                // No byte below 0x20, none from 0x80 (the subtraction borrows or the top bit is set),
                // and none equal to a backslash (a zero byte after the XOR): exact whatever the byte order.
                ulong x = (ulong)System.BitConverter.ToInt64(buffer, at);
                ulong y = x ^ Each5C;
                if ((((x - Each20) | x | ((y - Each01) & ~y)) & Each80) != 0)
                {
                    return false;
                }

                if (at == last)
                {
                    return true;
                }

                p += 8;
            }
        }

        /// <summary>
        /// From an opening quote to just past its closing quote (or <paramref name="end"/>). Quotes are
        /// found by the runtime's search; one preceded by an odd run of backslashes is escaped.
        /// </summary>
        public static int SkipString(byte[] buffer, int pos, int end)
        {
            int p = pos + 1;
            while (true)
            {
                int quote = p < end ? System.Array.IndexOf(buffer, QuoteByte, p, end - p) : -1; // IndexOfQuote, one call less
                if (quote < 0)
                {
                    return end;
                }

                int k = quote - 1;
                while (k > pos && buffer[k] == (byte)'\\')
                {
                    k--;
                }

                if (((quote - 1 - k) & 1) == 0)
                {
                    return quote + 1;
                }

                p = quote + 1;
            }
        }

        /// <summary>
        /// From a member's name (its opening quote at <paramref name="pos"/>) past the ':' to the first
        /// byte of its value; -1 when the bytes are not a member. <paramref name="nameEnd"/> is just past
        /// the name's closing quote.
        /// </summary>
        public static int MemberValue(byte[] buffer, int pos, int close, out int nameEnd)
        {
            nameEnd = pos;
            if (pos >= close || buffer[pos] != (byte)'"')
            {
                return -1;
            }

            nameEnd = SkipString(buffer, pos, close);
            int p = nameEnd < close && buffer[nameEnd] <= (byte)' ' ? SkipWhitespace(buffer, nameEnd, close) : nameEnd;
            if (p >= close || buffer[p] != (byte)':')
            {
                return -1;
            }

            p++;
            if (p < close && buffer[p] <= (byte)' ')
            {
                p = SkipWhitespace(buffer, p, close);
            }

            return p < close ? p : -1;
        }

        /// <summary>From the first byte of a value to just past it; containers are skipped with a depth counter.</summary>
        public static int SkipValue(byte[] buffer, int pos, int end)
        {
            if (pos >= end)
            {
                return end;
            }

            byte first = buffer[pos];
            if (first == (byte)'"')
            {
                return SkipString(buffer, pos, end);
            }

            if (first == (byte)'{' || first == (byte)'[')
            {
                int depth = 0;
                int p = pos;
                while (p < end)
                {
                    byte c = buffer[p];
                    if (c == (byte)'"')
                    {
                        p = SkipString(buffer, p, end);
                        continue;
                    }

                    if (c == (byte)'{' || c == (byte)'[')
                    {
                        depth++;
                    }
                    else if (c == (byte)'}' || c == (byte)']')
                    {
                        depth--;
                        if (depth == 0)
                        {
                            return p + 1;
                        }
                    }

                    p++;
                }

                return end;
            }

            // Number or literal: runs to the next structural byte or whitespace. Digits, the usual
            // bytes, are passed with one comparison each.
            int q = pos;
            while (q < end && (uint)(buffer[q] - '0') <= 9)
            {
                q++;
            }

            while (q < end)
            {
                byte c = buffer[q];
                if (c == (byte)',' || c == (byte)'}' || c == (byte)']' || c == (byte)':' || (c <= (byte)' ' && IsWhitespace(c)))
                {
                    break;
                }

                q++;
            }

            return q;
        }

        /// <summary>The kind of the value whose first byte is <paramref name="first"/> (valid JSON assumed).</summary>
        public static JsonKind KindOf(byte first)
        {
            switch (first)
            {
                case (byte)'{':
                    return JsonKind.Object;
                case (byte)'[':
                    return JsonKind.Array;
                case (byte)'"':
                    return JsonKind.String;
                case (byte)'t':
                    return JsonKind.True;
                case (byte)'f':
                    return JsonKind.False;
                case (byte)'n':
                    return JsonKind.Null;
                default:
                    return JsonKind.Number;
            }
        }
    }
}
