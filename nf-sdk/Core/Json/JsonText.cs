#pragma warning disable NF1015 // ASCII is handled here; anything above goes through Utf8.CodePointAt, which reads pairs right

namespace IotDevice.Json
{
    /// <summary>
    /// Quoted, escaped JSON strings in UTF-8, char by char, for text the writer's native path cannot take
    /// (text with escapes, or text near the writer's limit). Escapes '"', '\' and control characters;
    /// everything else is plain UTF-8, surrogate pairs as one 4-byte sequence and lone surrogates as U+FFFD.
    /// </summary>
    internal static class JsonText
    {
        private const string HexDigits = "0123456789abcdef";

        /// <summary>
        /// The characters a JSON string escapes: quote, backslash and the control characters. Text with
        /// none of them (one native IndexOfAny) can be encoded by the runtime as it is.
        /// </summary>
        public static readonly char[] Escaped = ControlCharacters.After("\"\\", false);

        /// <summary>Bytes <see cref="WriteQuoted"/> will write for <paramref name="text"/>, quotes included.</summary>
        public static int QuotedLength(string text)
        {
            int size = 2;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    size += EscapedAsciiLength(c);
                    i++;
                    continue;
                }

                int used;
                size += Utf8.EncodedLength(Utf8.CodePointAt(text, i, out used));
                i += used;
            }

            return size;
        }

        /// <summary>Writes the quoted, escaped text at <paramref name="pos"/>; returns the position after it.</summary>
        public static int WriteQuoted(string text, byte[] destination, int pos)
        {
            destination[pos++] = (byte)'"';
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c >= 0x80)
                {
                    int used;
                    pos += Utf8.Encode(Utf8.CodePointAt(text, i, out used), destination, pos);
                    i += used;
                    continue;
                }

                i++;
                if (c >= 0x20 && c != '"' && c != '\\')
                {
                    destination[pos++] = (byte)c;
                    continue;
                }

                destination[pos++] = (byte)'\\';
                switch (c)
                {
                    case '"':
                        destination[pos++] = (byte)'"';
                        break;
                    case '\\':
                        destination[pos++] = (byte)'\\';
                        break;
                    case '\n':
                        destination[pos++] = (byte)'n';
                        break;
                    case '\r':
                        destination[pos++] = (byte)'r';
                        break;
                    case '\t':
                        destination[pos++] = (byte)'t';
                        break;
                    case '\b':
                        destination[pos++] = (byte)'b';
                        break;
                    case '\f':
                        destination[pos++] = (byte)'f';
                        break;
                    default:
                        destination[pos++] = (byte)'u';
                        destination[pos++] = (byte)'0';
                        destination[pos++] = (byte)'0';
                        destination[pos++] = (byte)HexDigits[c >> 4];
                        destination[pos++] = (byte)HexDigits[c & 0xF];
                        break;
                }
            }

            destination[pos++] = (byte)'"';
            return pos;
        }

        private static int EscapedAsciiLength(char c)
        {
            if (c >= 0x20)
            {
                return c == '"' || c == '\\' ? 2 : 1;
            }

            return c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f' ? 2 : 6;
        }
    }
}
