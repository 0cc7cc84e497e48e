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
            int p = SkipWhitespace(buffer, pos, close);
            if (started)
            {
                if (p >= close || buffer[p] != (byte)',')
                {
                    return -1;
                }

                p = SkipWhitespace(buffer, p + 1, close);
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
            while (pos < end && IsWhitespace(buffer[pos]))
            {
                pos++;
            }

            return pos;
        }

        /// <summary>From an opening quote to just past its closing quote (or <paramref name="end"/>).</summary>
        public static int SkipString(byte[] buffer, int pos, int end)
        {
            int p = pos + 1;
            while (p < end)
            {
                byte c = buffer[p];
                if (c == (byte)'"')
                {
                    return p + 1;
                }

                p += c == (byte)'\\' ? 2 : 1;
            }

            return end;
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

            // Number or literal: runs to the next structural byte or whitespace.
            int q = pos;
            while (q < end)
            {
                byte c = buffer[q];
                if (c == (byte)',' || c == (byte)'}' || c == (byte)']' || c == (byte)':' || IsWhitespace(c))
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
