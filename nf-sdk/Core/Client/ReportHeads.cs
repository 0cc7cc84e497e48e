using System;
using IotDevice.Json;

namespace IotDevice.Client
{
    /// <summary>
    /// A report's ids as written in one layout, each quoted (and escaped) with the text the layout puts
    /// before and after it, kept in one byte array that says what it holds: the layout's number (4
    /// bytes), how many heads (2), where each head ends (2 each, from the array's start), then the heads
    /// one after another. One array, never changed once made: a writer holding it sees one whole set
    /// even while another thread makes the next, and it costs one heap object.
    /// </summary>
    internal static class ReportHeads
    {
        /// <summary>Where the first head's end is written.</summary>
        public const int FirstEnd = 6;

        /// <summary>The heads of ids[0 .. count) in <paramref name="layout"/>; null when they would pass 64 KB.</summary>
        public static byte[] Make(string[] ids, int count, ReportLayout layout)
        {
            byte[] beforeValue = layout.BeforeValue;
            int size = FirstEnd + 2 * count;
            for (int i = 0; i < count; i++)
            {
                size += (i == 0 ? layout.First : layout.Between).Length + JsonText.QuotedLength(ids[i]) + beforeValue.Length;
            }
            if (size > 0xFFFF)
            {
                return null;
            }

            byte[] heads = new byte[size];
            int number = layout.Number;
            heads[0] = (byte)number;
            heads[1] = (byte)(number >> 8);
            heads[2] = (byte)(number >> 16);
            heads[3] = (byte)(number >> 24);
            heads[4] = (byte)count;
            heads[5] = (byte)(count >> 8);
            int pos = FirstEnd + 2 * count;
            for (int i = 0; i < count; i++)
            {
                byte[] lead = i == 0 ? layout.First : layout.Between;
                Array.Copy(lead, 0, heads, pos, lead.Length);
                pos = JsonText.WriteQuoted(ids[i], heads, pos + lead.Length);
                Array.Copy(beforeValue, 0, heads, pos, beforeValue.Length);
                pos += beforeValue.Length;
                heads[FirstEnd + 2 * i] = (byte)pos;
                heads[FirstEnd + 2 * i + 1] = (byte)(pos >> 8);
            }
            return heads;
        }

        /// <summary>Whether <paramref name="heads"/> holds the first <paramref name="count"/> heads in <paramref name="layout"/>.</summary>
        public static bool Serve(byte[] heads, int count, ReportLayout layout)
        {
            int number = layout.Number;
            return heads != null && (heads[4] | (heads[5] << 8)) >= count
                && heads[0] == (byte)number && heads[1] == (byte)(number >> 8) && heads[2] == (byte)(number >> 16) && heads[3] == (byte)(number >> 24);
        }

        /// <summary>How many heads <paramref name="heads"/> holds.</summary>
        public static int Count(byte[] heads)
        {
            return heads[4] | (heads[5] << 8);
        }
    }
}
