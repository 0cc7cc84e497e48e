namespace IotDevice.Json
{
    /// <summary>
    /// UTF-8 checks, decoding and encoding over byte arrays, done by hand so the reader and writer never
    /// allocate (and behave the same on the device and on the host).
    /// </summary>
    internal static class Utf8
    {
        public const int ReplacementCharacter = 0xFFFD;

        /// <summary>The runtime's UTF-8 codec, made once: on the device Encoding.UTF8 makes a new one at every use.</summary>
        public static readonly System.Text.Encoding Codec = System.Text.Encoding.UTF8;

        // GetString copies the bytes and makes a char array before the string; decoding into a char
        // array kept here leaves only the string. One caller at a time uses it (others take GetString),
        // and it grows only as far as ScratchLimit, so what it holds stays small.
        private const int ScratchLimit = 256;
        private static readonly System.Text.Decoder ScratchDecoder = Codec.GetDecoder();
        private static char[] _scratch;
        private static int _scratchInUse;

        /// <summary>
        /// The text of validated UTF-8 bytes (no NUL: the device decoder stops there) as a new string,
        /// which is all that is allocated for up to <see cref="ScratchLimit"/> bytes.
        /// </summary>
        public static string ToText(byte[] bytes, int index, int count)
        {
            if (count > ScratchLimit || System.Threading.Interlocked.CompareExchange(ref _scratchInUse, 1, 0) != 0)
            {
                return Codec.GetString(bytes, index, count);
            }

            // UTF-8 never decodes to more UTF-16 units than it has bytes.
            char[] chars = _scratch;
            if (chars == null || chars.Length < count)
            {
                chars = new char[(count + 31) & ~31];
                _scratch = chars;
            }

            int bytesUsed;
            int charsUsed;
            bool completed;
            ScratchDecoder.Convert(bytes, index, count, chars, 0, chars.Length, true, out bytesUsed, out charsUsed, out completed);
            string text = new string(chars, 0, charsUsed);
            _scratchInUse = 0;
            return text;
        }

        /// <summary>
        /// Checks the multi-byte sequence whose lead byte (>= 0x80) is at <paramref name="pos"/>.
        /// Returns its length (2..4), 0 when it is malformed (stray continuation, overlong form,
        /// surrogate, beyond U+10FFFF, missing continuation), or -1 when the input ends inside it.
        /// </summary>
        public static int ValidateSequence(byte[] bytes, int pos, int end)
        {
            int lead = bytes[pos];
            int length;
            int secondLow = 0x80;
            int secondHigh = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                length = 2;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                length = 3;
                if (lead == 0xE0)
                {
                    secondLow = 0xA0; // below is an overlong form
                }
                else if (lead == 0xED)
                {
                    secondHigh = 0x9F; // above are UTF-16 surrogates
                }
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                length = 4;
                if (lead == 0xF0)
                {
                    secondLow = 0x90; // overlong
                }
                else if (lead == 0xF4)
                {
                    secondHigh = 0x8F; // beyond U+10FFFF
                }
            }
            else
            {
                return 0; // stray continuation byte, overlong 2-byte lead (C0/C1) or F5..FF
            }

            for (int i = 1; i < length; i++)
            {
                if (pos + i >= end)
                {
                    return -1;
                }

                int b = bytes[pos + i];
                int low = i == 1 ? secondLow : 0x80;
                int high = i == 1 ? secondHigh : 0xBF;
                if (b < low || b > high)
                {
                    return 0;
                }
            }

            return length;
        }

        /// <summary>
        /// Decodes the multi-byte sequence at <paramref name="pos"/> and moves past it. Anything
        /// malformed gives U+FFFD and moves one byte, so a caller always makes progress.
        /// </summary>
        public static int DecodeSequence(byte[] bytes, ref int pos, int end)
        {
            int length = ValidateSequence(bytes, pos, end);
            if (length <= 0)
            {
                pos++;
                return ReplacementCharacter;
            }

            int lead = bytes[pos];
            int codePoint = length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
            for (int i = 1; i < length; i++)
            {
                codePoint = (codePoint << 6) | (bytes[pos + i] & 0x3F);
            }

            pos += length;
            return codePoint;
        }

        /// <summary>How many UTF-16 code units a code point takes.</summary>
        public static int Utf16Length(int codePoint)
        {
            return codePoint >= 0x10000 ? 2 : 1;
        }

        public static char HighSurrogate(int codePoint)
        {
            return (char)(0xD800 + ((codePoint - 0x10000) >> 10));
        }

        public static char LowSurrogate(int codePoint)
        {
            return (char)(0xDC00 + ((codePoint - 0x10000) & 0x3FF));
        }

        public static bool IsHighSurrogate(int c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        public static bool IsLowSurrogate(int c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }

        /// <summary>
        /// Reads the code point that starts at <paramref name="index"/> of a string: a valid surrogate
        /// pair gives one supplementary code point (used = 2), a lone surrogate gives U+FFFD.
        /// </summary>
        public static int CodePointAt(string text, int index, out int used)
        {
#pragma warning disable NF1015 // BMP characters and the first half of a pair index correctly on the device
            int c = text[index];
#pragma warning restore NF1015
            used = 1;
            if (IsHighSurrogate(c))
            {
                int low = index + 1 < text.Length ? UnitAfterHighSurrogate(text, index) : 0;
                if (IsLowSurrogate(low))
                {
                    used = 2;
                    return 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                }

                return ReplacementCharacter;
            }

            return IsLowSurrogate(c) ? ReplacementCharacter : c;
        }

        /// <summary>
        /// The UTF-16 unit after the high surrogate at <paramref name="highIndex"/>. On the device the string
        /// indexer returns the high half again there, and ToCharArray of the low half alone returns U+0000;
        /// ToCharArray of the two units from the high half reads both right, on both runtimes.
        /// </summary>
        public static int UnitAfterHighSurrogate(string text, int highIndex)
        {
            return text.ToCharArray(highIndex, 2)[1];
        }

        /// <summary>Bytes the UTF-8 form of a code point takes.</summary>
        public static int EncodedLength(int codePoint)
        {
            if (codePoint < 0x80)
            {
                return 1;
            }

            if (codePoint < 0x800)
            {
                return 2;
            }

            return codePoint < 0x10000 ? 3 : 4;
        }

        /// <summary>Writes the UTF-8 form of a code point at <paramref name="pos"/>; returns the bytes written.</summary>
        public static int Encode(int codePoint, byte[] destination, int pos)
        {
            if (codePoint < 0x80)
            {
                destination[pos] = (byte)codePoint;
                return 1;
            }

            if (codePoint < 0x800)
            {
                destination[pos] = (byte)(0xC0 | (codePoint >> 6));
                destination[pos + 1] = (byte)(0x80 | (codePoint & 0x3F));
                return 2;
            }

            if (codePoint < 0x10000)
            {
                destination[pos] = (byte)(0xE0 | (codePoint >> 12));
                destination[pos + 1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                destination[pos + 2] = (byte)(0x80 | (codePoint & 0x3F));
                return 3;
            }

            destination[pos] = (byte)(0xF0 | (codePoint >> 18));
            destination[pos + 1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
            destination[pos + 2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            destination[pos + 3] = (byte)(0x80 | (codePoint & 0x3F));
            return 4;
        }
    }
}
