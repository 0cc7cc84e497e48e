namespace IotDevice.Json
{
    /// <summary>
    /// Validates a UTF-8 JSON payload in place, once, and hands back its root as a <see cref="JsonElement"/>.
    /// One iterative pass with a bit stack for the open containers: no allocation, no recursion, and
    /// every loop advances, so hostile bytes can neither overflow the stack nor spin forever.
    /// </summary>
    public static class JsonReader
    {
        public const int DefaultMaxDepth = 16;

        /// <summary>Deepest nesting the validator can track (two 64-bit words); larger limits are clamped to it.</summary>
        public const int MaxSupportedDepth = 128;

        // What the validator expects next.
        private const int AtValue = 0;
        private const int AtName = 1;    // a member name, then its colon
        private const int AfterValue = 2; // a comma or the end of the container
        private const int AtFirst = 3;   // just inside a container: its end, or its first member or item

        /// <summary>Parses with <see cref="DefaultMaxDepth"/> and no length limit beyond <paramref name="count"/>.</summary>
        public static JsonElement Parse(byte[] buffer, int offset, int count)
        {
            return Parse(buffer, offset, count, DefaultMaxDepth, int.MaxValue);
        }

        /// <summary>
        /// Validates buffer[offset .. offset+count). On success the root element (any JSON value) is
        /// returned; on failure an element of kind <see cref="JsonKind.Invalid"/> whose Error and
        /// ErrorOffset (an index into <paramref name="buffer"/>) tell what and where. Zero bytes or only
        /// whitespace give kind None with Error Empty. Never throws.
        /// </summary>
        public static JsonElement Parse(byte[] buffer, int offset, int count, int maxDepth, int maxLength)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length || count > buffer.Length - offset)
            {
                // The bytes promised are not there: report it like input that ends too early.
                return JsonElement.Failed(buffer, JsonError.Truncated, offset < 0 ? 0 : offset);
            }

            if (count > maxLength)
            {
                return JsonElement.Failed(buffer, JsonError.TooLarge, offset + (maxLength < 0 ? 0 : maxLength));
            }

            if (maxDepth > MaxSupportedDepth)
            {
                maxDepth = MaxSupportedDepth;
            }

            JsonLookups.Forget();
            int end = offset + count;
            int pos = JsonScanner.SkipWhitespace(buffer, offset, end);
            if (pos >= end)
            {
                return JsonElement.Failed(buffer, JsonError.Empty, offset);
            }

            // Usual case: a compact payload of printable ASCII without a single backslash, found out
            // by one pass of eight bytes per runtime call. Then no string has an escape, a control
            // character or a non-ASCII byte, and crossing one is a single runtime search for its
            // closing quote. Otherwise every string is checked on its own (JsonTokens.ValidateString).
            bool plainStrings = JsonScanner.IndexOfBackslash(buffer, pos, end) < 0 && IsPrintableAscii(buffer, pos, end);

            // Each turn takes a whole step: what follows a value (a comma or a closing bracket), then a
            // member's name and colon, then a value. On the interpreter every instruction and every
            // call counts, so a compact member costs one turn, and whitespace is looked for only where
            // a byte could be some. Anything unusual goes to the byte-level validators in JsonTokens,
            // which find and place every error.
            int rootStart = pos;
            int rootEnd = -1;
            int state = AtValue;
            int depth = 0;
            bool inObject = false;
            ulong objectBitsLow = 0;  // bit i set: the container at depth i+1 is an object (depths 1..64)
            ulong objectBitsHigh = 0; // depths 65..128
            object quote = JsonScanner.QuoteByte;
            JsonError error;
            while (true)
            {
                if (pos < end && buffer[pos] <= (byte)' ')
                {
                    pos = JsonScanner.SkipWhitespace(buffer, pos, end);
                }

                if (state == AfterValue && depth == 0)
                {
                    return pos < end
                        ? JsonElement.Failed(buffer, JsonError.TrailingData, pos)
                        : new JsonElement(buffer, rootStart, rootEnd - rootStart); // made here: each layer a struct is returned through is garbage
                }

                if (pos >= end)
                {
                    return JsonElement.Failed(buffer, JsonError.Truncated, end);
                }

                byte c = buffer[pos];
                if (state >= AfterValue)
                {
                    if (c == (inObject ? (byte)'}' : (byte)']'))
                    {
                        pos++;
                        depth--;
                        if (depth == 0)
                        {
                            rootEnd = pos;
                        }
                        else
                        {
                            inObject = IsObjectAt(objectBitsLow, objectBitsHigh, depth);
                        }

                        state = AfterValue;
                        continue;
                    }

                    if (state == AfterValue)
                    {
                        if (c != (byte)',')
                        {
                            return JsonElement.Failed(buffer, JsonError.UnexpectedCharacter, pos);
                        }

                        pos = NextByte(buffer, pos + 1, end);
                        if (pos < 0)
                        {
                            return JsonElement.Failed(buffer, JsonError.Truncated, end);
                        }

                        c = buffer[pos];
                    }

                    state = inObject ? AtName : AtValue;
                }

                if (state == AtName)
                {
                    if (c != (byte)'"')
                    {
                        return JsonElement.Failed(buffer, JsonError.UnexpectedCharacter, pos);
                    }

                    // Usual case: compact members whose values are plain strings or integers, taken one
                    // after another here without a turn each. At anything else this stops, either at a
                    // member's start (the steps below take it) or after a complete member.
                    if (plainStrings)
                    {
                        bool memberEnded = false;
                        bool valueNext = false;
                        while (true)
                        {
                            int after = System.Array.IndexOf(buffer, quote, pos + 1, end - pos - 1) + 2;
                            if (after < 2 || after >= end || buffer[after - 1] != (byte)':')
                            {
                                break;
                            }

                            byte first = buffer[after];
                            if (first == (byte)'"')
                            {
                                after = after + 1 < end ? System.Array.IndexOf(buffer, quote, after + 1, end - after - 1) + 1 : 0;
                                if (after <= 0)
                                {
                                    break;
                                }
                            }
                            else if (first >= (byte)'1' && first <= (byte)'9')
                            {
                                after++;
                                while (after < end && (uint)(buffer[after] - '0') <= 9)
                                {
                                    after++;
                                }
                            }
                            else
                            {
                                if (first > (byte)' ')
                                {
                                    pos = after; // any other value: the steps below take it from its first byte
                                    valueNext = true;
                                }

                                break;
                            }

                            if (after >= end)
                            {
                                break;
                            }

                            byte follow = buffer[after];
                            if (follow == (byte)',' && after + 1 < end && buffer[after + 1] == (byte)'"')
                            {
                                pos = after + 1;
                                continue;
                            }

                            if (follow == (byte)',' || follow == (byte)'}')
                            {
                                pos = after;
                                memberEnded = true;
                            }

                            break;
                        }

                        if (memberEnded)
                        {
                            state = AfterValue;
                            continue;
                        }

                        if (valueNext)
                        {
                            c = buffer[pos];
                            state = AtValue;
                        }
                    }

                    if (state == AtName)
                    {
                        // The steps of one member's name and colon, unless taken above.
                        int nameEnd = plainStrings && pos + 1 < end ? System.Array.IndexOf(buffer, quote, pos + 1, end - pos - 1) : -1;
                        if (nameEnd >= 0)
                        {
                            pos = nameEnd + 1;
                        }
                        else
                        {
                            error = JsonTokens.ValidateString(buffer, ref pos, end);
                            if (error != JsonError.None)
                            {
                                return JsonElement.Failed(buffer, error, pos);
                            }
                        }

                        pos = NextByte(buffer, pos, end);
                        if (pos < 0)
                        {
                            return JsonElement.Failed(buffer, JsonError.Truncated, end);
                        }

                        if (buffer[pos] != (byte)':')
                        {
                            return JsonElement.Failed(buffer, JsonError.UnexpectedCharacter, pos);
                        }

                        // On to the member's value in the same turn.
                        pos = NextByte(buffer, pos + 1, end);
                        if (pos < 0)
                        {
                            return JsonElement.Failed(buffer, JsonError.Truncated, end);
                        }

                        c = buffer[pos];
                        state = AtValue;
                    }
                }

                // Here a value must start.
                if (c == (byte)'"')
                {
                    int valueEnd = plainStrings && pos + 1 < end ? System.Array.IndexOf(buffer, quote, pos + 1, end - pos - 1) : -1;
                    if (valueEnd >= 0)
                    {
                        pos = valueEnd + 1;
                        error = JsonError.None;
                    }
                    else
                    {
                        error = JsonTokens.ValidateString(buffer, ref pos, end);
                    }
                }
                else if (c == (byte)'{' || c == (byte)'[')
                {
                    if (depth >= maxDepth)
                    {
                        return JsonElement.Failed(buffer, JsonError.TooDeep, pos);
                    }

                    depth++;
                    inObject = c == (byte)'{';
                    SetObjectAt(ref objectBitsLow, ref objectBitsHigh, depth, inObject);
                    pos++;
                    state = AtFirst;
                    continue;
                }
                else if (c >= (byte)'1' && c <= (byte)'9')
                {
                    // Usual case: digits up to a byte that cannot continue a number. Anything else (a
                    // fraction, an exponent) is checked from the number's start by ValidateNumber.
                    int digitsEnd = pos + 1;
                    while (digitsEnd < end && (uint)(buffer[digitsEnd] - '0') <= 9)
                    {
                        digitsEnd++;
                    }

                    byte next = digitsEnd < end ? buffer[digitsEnd] : (byte)',';
                    if (next == (byte)',' || next == (byte)'}' || next == (byte)']')
                    {
                        pos = digitsEnd;
                        error = JsonError.None;
                    }
                    else
                    {
                        error = JsonTokens.ValidateNumber(buffer, ref pos, end);
                    }
                }
                else if (c == (byte)'-' || c == (byte)'+' || c == (byte)'.' || c == (byte)'0')
                {
                    error = JsonTokens.ValidateNumber(buffer, ref pos, end);
                }
                else if (c == (byte)'t')
                {
                    error = JsonTokens.ValidateLiteral(buffer, ref pos, end, "true");
                }
                else if (c == (byte)'f')
                {
                    error = JsonTokens.ValidateLiteral(buffer, ref pos, end, "false");
                }
                else if (c == (byte)'n')
                {
                    error = JsonTokens.ValidateLiteral(buffer, ref pos, end, "null");
                }
                else
                {
                    error = JsonError.UnexpectedCharacter;
                }

                if (error != JsonError.None)
                {
                    return JsonElement.Failed(buffer, error, pos);
                }

                if (depth == 0)
                {
                    rootEnd = pos;
                }

                state = AfterValue;
            }
        }

        private const ulong Each20 = 0x2020202020202020UL;
        private const ulong Each80 = 0x8080808080808080UL;

        /// <summary>
        /// Whether buffer[from .. to) has no byte below 0x20 and none from 0x80, read eight bytes per
        /// runtime call: a check per byte costs far more on the interpreter. Under eight bytes it
        /// answers false (the caller then checks the strings one by one).
        /// </summary>
        private static bool IsPrintableAscii(byte[] buffer, int from, int to)
        {
            int last = to - 8;
            if (last < from)
            {
                return false;
            }

            // Two words a turn; the last word ends at the span's end, overlapping the one before. A byte
            // below 0x20 borrows in the subtraction, and one from 0x80 has its top bit set.
            ulong seen = 0;
            while (from + 8 < last)
            {
                ulong x = (ulong)System.BitConverter.ToInt64(buffer, from);
                ulong y = (ulong)System.BitConverter.ToInt64(buffer, from + 8);
                seen |= (x - Each20) | x | (y - Each20) | y;
                from += 16;
            }

            ulong z = (ulong)System.BitConverter.ToInt64(buffer, from < last ? from : last);
            ulong w = (ulong)System.BitConverter.ToInt64(buffer, last);
            return ((seen | (z - Each20) | z | (w - Each20) | w) & Each80) == 0;
        }

        /// <summary>Index of the first byte from <paramref name="pos"/> that is not whitespace; -1 when the input ends first.</summary>
        private static int NextByte(byte[] buffer, int pos, int end)
        {
            if (pos < end && buffer[pos] <= (byte)' ')
            {
                pos = JsonScanner.SkipWhitespace(buffer, pos, end);
            }

            return pos < end ? pos : -1;
        }

        private static bool IsObjectAt(ulong low, ulong high, int depth)
        {
            int bit = depth - 1;
            return bit < 64 ? (low & (1UL << bit)) != 0 : (high & (1UL << (bit - 64))) != 0;
        }

        private static void SetObjectAt(ref ulong low, ref ulong high, int depth, bool isObject)
        {
            int bit = depth - 1;
            if (bit < 64)
            {
                ulong mask = 1UL << bit;
                low = isObject ? low | mask : low & ~mask;
            }
            else
            {
                ulong mask = 1UL << (bit - 64);
                high = isObject ? high | mask : high & ~mask;
            }
        }
    }
}
