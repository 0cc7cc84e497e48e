using System;
using IotDevice.Json;

namespace IotDevice.Client
{
    /// <summary>A report's values written in a dialect's <see cref="ReportLayout"/>, in one loop.</summary>
    public sealed partial class PropertyReport
    {
        // The ids as last written with their layout's text around them: a report refilled with the same
        // ids copies each in one go instead of checking and encoding it again. Made at the first write;
        // made anew when an id changes (Add drops them), the report holds more values than they cover,
        // or another layout is written.
        private byte[] _heads;

        /// <summary>
        /// Writes every value as <paramref name="layout"/> lays them out, where a value may stand (or as
        /// the next items of an open container, or inside raw text already begun); nothing when the
        /// report is empty.
        /// </summary>
        public void WriteItems(JsonWriter writer, ReportLayout layout)
        {
            int count = _count;
            if (count == 0)
            {
                return;
            }

            // One loop writing into the writer's buffer with the runtime's own copies and encoder: on the
            // device each call and check costs far more than the bytes, so the loop keeps the position in
            // a local and asks the writer for room only when an item may not fit. A value out of the usual
            // way (text to escape, a double without a short decimal form, JSON) goes through the writer's calls.
            byte[] heads = _heads;
            if (!ReportHeads.Serve(heads, count, layout))
            {
                heads = ReportHeads.Make(_ids, count, layout);
                _heads = heads;
                if (heads == null)
                {
                    WriteThroughWriter(writer, layout); // ids of tens of kilobytes
                    return;
                }
            }

            int endAt = ReportHeads.FirstEnd; // where the next head's end is written
            int headStart = endAt + 2 * ReportHeads.Count(heads);
            bool asText = layout.ValuesAsText;
            int pos;
            bool opened;
            byte[] b = writer.OpenRaw(out pos, out opened);
            for (int i = 0; i < count && b != null; i++)
            {
                int headLength = (heads[endAt] | (heads[endAt + 1] << 8)) - headStart;
                endAt += 2;
                if (pos + headLength + MostValueBytes > b.Length)
                {
                    writer.Commit(pos);
                    b = writer.RoomFor(headLength + MostValueBytes);
                    if (b == null)
                    {
                        writer.AppendRaw(heads, headStart, headLength); // near the writer's limit: exactly, or overflowing
                        headStart += headLength;
                        WriteValue(writer, i, asText);
                        b = writer.Overflowed ? null : writer.Buffer;
                        pos = writer.Length;
                        continue;
                    }
                }

                Array.Copy(heads, headStart, b, pos, headLength);
                headStart += headLength;
                pos += headLength;
                switch (_kinds[i])
                {
                    case ValueKind.Boolean:
                        bool on = _integers[i] != 0;
                        if (asText)
                        {
                            b[pos] = (byte)'"'; // FastBee's switches: "1" and "0"
                            b[pos + 1] = on ? (byte)'1' : (byte)'0';
                            b[pos + 2] = (byte)'"';
                            pos += 3;
                        }
                        else if (on)
                        {
                            b[pos] = (byte)'t';
                            b[pos + 1] = (byte)'r';
                            b[pos + 2] = (byte)'u';
                            b[pos + 3] = (byte)'e';
                            pos += 4;
                        }
                        else
                        {
                            b[pos] = (byte)'f';
                            b[pos + 1] = (byte)'a';
                            b[pos + 2] = (byte)'l';
                            b[pos + 3] = (byte)'s';
                            b[pos + 4] = (byte)'e';
                            pos += 5;
                        }
                        continue;

                    case ValueKind.Integer:
                        long integer = _integers[i];
                        if (asText)
                        {
                            b[pos++] = (byte)'"';
                        }
                        pos = JsonNumber.WriteDecimal(b, pos, integer < 0 ? JsonNumber.Magnitude(integer) : (ulong)integer, integer < 0, -1);
                        if (asText)
                        {
                            b[pos++] = (byte)'"';
                        }
                        continue;

                    case ValueKind.Double:
                        double value = _doubles[i];
                        bool negative = value < 0;
                        ulong scaled;
                        int decimals = JsonNumber.ShortestDecimals(negative ? -value : value, out scaled);
                        if (decimals < 0)
                        {
                            break; // NaN, the infinities and long fractions: the writer's way
                        }
                        if (asText)
                        {
                            b[pos++] = (byte)'"';
                            decimals = decimals == 0 ? -1 : decimals; // text drops the ".0" a number keeps (FastBee's "10")
                        }
                        pos = JsonNumber.WriteDecimal(b, pos, scaled, negative, decimals);
                        if (asText)
                        {
                            b[pos++] = (byte)'"';
                        }
                        continue;

                    case ValueKind.String:
                        string text = (string)_references[i];
                        if (text == null || text.IndexOfAny(JsonText.Escaped) >= 0 || pos + 3 * text.Length + 2 > b.Length)
                        {
                            break;
                        }
                        b[pos] = (byte)'"';
                        pos += 1 + Utf8.Codec.GetBytes(text, 0, text.Length, b, pos + 1);
                        b[pos++] = (byte)'"';
                        continue;
                }

                // The value out of the usual way, after its head.
                writer.Commit(pos);
                WriteValue(writer, i, asText);
                b = writer.Overflowed ? null : writer.Buffer;
                pos = writer.Length;
            }

            writer.CloseRaw(pos, layout.Last, opened);
        }

        // Room the loop makes for a value other than text: a number's longest form in quotes.
        private const int MostValueBytes = JsonNumber.MaxDecimalBytes + 2;

        // Every item through the writer's own calls.
        private void WriteThroughWriter(JsonWriter writer, ReportLayout layout)
        {
            int pos;
            bool opened;
            writer.OpenRaw(out pos, out opened);
            for (int i = 0; i < _count; i++)
            {
                writer.Append(i == 0 ? layout.First : layout.Between);
                writer.WriteString(_ids[i]);
                writer.Append(layout.BeforeValue);
                WriteValue(writer, i, layout.ValuesAsText);
            }
            writer.CloseRaw(writer.Length, layout.Last, opened);
        }

        // A value through the writer's own calls, which escape and check room exactly.
        private void WriteValue(JsonWriter writer, int index, bool asText)
        {
            if (asText)
            {
                WriteValueAsText(index, writer);
            }
            else
            {
                WriteValueAt(index, writer);
            }
        }
    }
}
