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
        private const int ExpectValue = 0;
        private const int ExpectValueOrArrayEnd = 1;
        private const int ExpectNameOrObjectEnd = 2;
        private const int ExpectName = 3;
        private const int ExpectColon = 4;
        private const int ExpectCommaOrEnd = 5;
        private const int Done = 6;

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
                return JsonElement.Failed(buffer, 0, 0, JsonError.Truncated, offset < 0 ? 0 : offset);
            }

            if (count > maxLength)
            {
                return JsonElement.Failed(buffer, offset, count, JsonError.TooLarge, offset + (maxLength < 0 ? 0 : maxLength));
            }

            if (maxDepth > MaxSupportedDepth)
            {
                maxDepth = MaxSupportedDepth;
            }

            int end = offset + count;
            int pos = offset;
            int state = ExpectValue;
            int depth = 0;
            ulong objectBitsLow = 0;  // bit i set: the container at depth i+1 is an object (depths 1..64)
            ulong objectBitsHigh = 0; // depths 65..128
            int rootStart = -1;
            int rootEnd = -1;
            JsonError error;

            while (true)
            {
                while (pos < end && buffer[pos] <= (byte)' ' && JsonScanner.IsWhitespace(buffer[pos]))
                {
                    pos++;
                }

                if (pos >= end)
                {
                    if (state == Done)
                    {
                        return JsonElement.At(buffer, rootStart, rootEnd - rootStart);
                    }

                    if (rootStart < 0)
                    {
                        return JsonElement.Failed(buffer, offset, count, JsonError.Empty, offset);
                    }

                    return JsonElement.Failed(buffer, offset, count, JsonError.Truncated, end);
                }

                byte c = buffer[pos];
                if (state == Done)
                {
                    return JsonElement.Failed(buffer, offset, count, JsonError.TrailingData, pos);
                }

                if (state == ExpectColon)
                {
                    if (c != (byte)':')
                    {
                        return JsonElement.Failed(buffer, offset, count, JsonError.UnexpectedCharacter, pos);
                    }

                    pos++;
                    state = ExpectValue;
                    continue;
                }

                bool inObject = depth > 0 && IsObjectAt(objectBitsLow, objectBitsHigh, depth);
                bool closes = (c == (byte)'}' && inObject && (state == ExpectNameOrObjectEnd || state == ExpectCommaOrEnd))
                    || (c == (byte)']' && depth > 0 && !inObject && (state == ExpectValueOrArrayEnd || state == ExpectCommaOrEnd));
                if (closes)
                {
                    pos++;
                    depth--;
                    state = ValueFinished(depth, pos, ref rootEnd);
                    continue;
                }

                if (state == ExpectCommaOrEnd)
                {
                    if (c != (byte)',')
                    {
                        return JsonElement.Failed(buffer, offset, count, JsonError.UnexpectedCharacter, pos);
                    }

                    pos++;
                    state = inObject ? ExpectName : ExpectValue;
                    continue;
                }

                if (state == ExpectName || state == ExpectNameOrObjectEnd)
                {
                    if (c != (byte)'"')
                    {
                        return JsonElement.Failed(buffer, offset, count, JsonError.UnexpectedCharacter, pos);
                    }

                    error = JsonTokens.ValidateString(buffer, ref pos, end);
                    if (error != JsonError.None)
                    {
                        return JsonElement.Failed(buffer, offset, count, error, pos);
                    }

                    state = ExpectColon;
                    continue;
                }

                // Here a value must start (ExpectValue or ExpectValueOrArrayEnd).
                if (rootStart < 0)
                {
                    rootStart = pos;
                }

                if (c == (byte)'{' || c == (byte)'[')
                {
                    if (depth >= maxDepth)
                    {
                        return JsonElement.Failed(buffer, offset, count, JsonError.TooDeep, pos);
                    }

                    depth++;
                    SetObjectAt(ref objectBitsLow, ref objectBitsHigh, depth, c == (byte)'{');
                    pos++;
                    state = c == (byte)'{' ? ExpectNameOrObjectEnd : ExpectValueOrArrayEnd;
                    continue;
                }

                if (c == (byte)'"')
                {
                    error = JsonTokens.ValidateString(buffer, ref pos, end);
                }
                else if (c == (byte)'-' || c == (byte)'+' || c == (byte)'.' || (c >= (byte)'0' && c <= (byte)'9'))
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
                    return JsonElement.Failed(buffer, offset, count, error, pos);
                }

                state = ValueFinished(depth, pos, ref rootEnd);
            }
        }

        private static int ValueFinished(int depth, int pos, ref int rootEnd)
        {
            if (depth == 0)
            {
                rootEnd = pos;
                return Done;
            }

            return ExpectCommaOrEnd;
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
