#pragma warning disable NF1015 // the literals are true, false and null

namespace IotDevice.Json
{
    /// <summary>
    /// Validation of single tokens (strings, numbers, literals) for <see cref="JsonReader"/>. Each
    /// method starts at the token's first byte; on success it moves <c>pos</c> past the token, on
    /// failure it leaves <c>pos</c> on the offending byte (or the end, when the input ran out).
    /// </summary>
    internal static class JsonTokens
    {
        /// <summary>
        /// Checks the string whose opening quote is at <paramref name="pos"/>. On success moves past the
        /// closing quote; on failure leaves <paramref name="pos"/> on the offending byte.
        /// </summary>
        public static JsonError ValidateString(byte[] buffer, ref int pos, int end)
        {
            // Usual case first: the runtime finds the closing quote, and the bytes before it are all
            // printable ASCII with no backslash. Anything else is checked byte by byte below, from
            // the start, so errors are found and placed exactly as before.
            int from = pos + 1;
            int close = JsonScanner.IndexOfQuote(buffer, from, end);
            if (close >= 0 && JsonScanner.IsPlainText(buffer, from, close))
            {
                pos = close + 1;
                return JsonError.None;
            }

            return ValidateStringBytes(buffer, ref pos, end);
        }

        private static JsonError ValidateStringBytes(byte[] buffer, ref int pos, int end)
        {
            int p = pos + 1;
            while (true)
            {
                if (p >= end)
                {
                    pos = end;
                    return JsonError.Truncated;
                }

                byte c = buffer[p];
                if (c == (byte)'"')
                {
                    pos = p + 1;
                    return JsonError.None;
                }

                if (c == (byte)'\\')
                {
                    p++;
                    if (p >= end)
                    {
                        pos = end;
                        return JsonError.Truncated;
                    }

                    byte e = buffer[p];
                    if (e == (byte)'u')
                    {
                        for (int i = 0; i < 4; i++)
                        {
                            p++;
                            if (p >= end)
                            {
                                pos = end;
                                return JsonError.Truncated;
                            }

                            if (JsonScanner.HexValue(buffer[p]) < 0)
                            {
                                pos = p;
                                return JsonError.InvalidString;
                            }
                        }
                    }
                    else if (e != (byte)'"' && e != (byte)'\\' && e != (byte)'/' && e != (byte)'b'
                        && e != (byte)'f' && e != (byte)'n' && e != (byte)'r' && e != (byte)'t')
                    {
                        pos = p;
                        return JsonError.InvalidString;
                    }

                    p++;
                }
                else if (c < 0x20)
                {
                    pos = p;
                    return JsonError.InvalidString;
                }
                else if (c < 0x80)
                {
                    p++;
                }
                else
                {
                    int length = Utf8.ValidateSequence(buffer, p, end);
                    if (length == 0)
                    {
                        pos = p;
                        return JsonError.InvalidUtf8;
                    }

                    if (length < 0)
                    {
                        pos = end;
                        return JsonError.Truncated;
                    }

                    p += length;
                }
            }
        }

        /// <summary>Checks a number against the JSON grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
        public static JsonError ValidateNumber(byte[] buffer, ref int pos, int end)
        {
            int p = pos;
            if (buffer[p] == (byte)'-')
            {
                p++;
            }

            if (p < end && buffer[p] == (byte)'0')
            {
                p++;
            }
            else if (p < end && buffer[p] >= (byte)'1' && buffer[p] <= (byte)'9')
            {
                p = JsonScanner.SkipDigits(buffer, p, end);
            }
            else
            {
                pos = p;
                return JsonError.InvalidNumber;
            }

            if (p < end && buffer[p] == (byte)'.')
            {
                p++;
                if (p >= end || !JsonScanner.IsDigit(buffer[p]))
                {
                    pos = p;
                    return JsonError.InvalidNumber;
                }

                p = JsonScanner.SkipDigits(buffer, p, end);
            }

            if (p < end && (buffer[p] == (byte)'e' || buffer[p] == (byte)'E'))
            {
                p++;
                if (p < end && (buffer[p] == (byte)'+' || buffer[p] == (byte)'-'))
                {
                    p++;
                }

                if (p >= end || !JsonScanner.IsDigit(buffer[p]))
                {
                    pos = p;
                    return JsonError.InvalidNumber;
                }

                p = JsonScanner.SkipDigits(buffer, p, end);
            }

            // "01", "1.2.3", "1e5e2": the number stops early but more number characters follow.
            if (p < end)
            {
                byte c = buffer[p];
                if (JsonScanner.IsDigit(c) || c == (byte)'.' || c == (byte)'e' || c == (byte)'E' || c == (byte)'+' || c == (byte)'-')
                {
                    pos = p;
                    return JsonError.InvalidNumber;
                }
            }

            pos = p;
            return JsonError.None;
        }

        /// <summary>Matches true/false/null; input ending inside one is Truncated, anything else unexpected.</summary>
        public static JsonError ValidateLiteral(byte[] buffer, ref int pos, int end, string literal)
        {
            int p = pos;
            for (int i = 0; i < literal.Length; i++, p++)
            {
                if (p >= end)
                {
                    pos = end;
                    return JsonError.Truncated;
                }

                if (buffer[p] != (byte)literal[i])
                {
                    pos = p;
                    return JsonError.UnexpectedCharacter;
                }
            }

            // "trueish", "null1": a literal glued to more word characters is a bare word.
            if (p < end && JsonScanner.IsWordByte(buffer[p]))
            {
                pos = p;
                return JsonError.UnexpectedCharacter;
            }

            pos = p;
            return JsonError.None;
        }
    }
}
