using System;
using System.Text;
using IotDevice.Json;

namespace IotDevice.Client
{
    /// <summary>The JSON type a reported value has.</summary>
    public enum ValueKind
    {
        None = 0,
        String = 1,
        Integer = 2,
        Double = 3,
        Boolean = 4,

        /// <summary>An already-encoded JSON value (object or array), written verbatim.</summary>
        Json = 5,
    }

    /// <summary>
    /// Identifier → value pairs to send: properties to report, an event's parameters, a command's output.
    /// One instance is meant to be kept and refilled (<see cref="Clear"/>); it never grows past its
    /// capacity. Its room is made as values arrive, up to the capacity, and kept for the refills, so a
    /// report sized for the most a handler might return holds little while it returns less. Each dialect
    /// writes it in its own shape (FastBee item array with text values, Alink <c>params</c> object,
    /// EZtCloud flat object).
    /// </summary>
    public sealed class PropertyReport
    {
        // Room made when a report first needs any.
        private const int FirstRoom = 4;

        // Null until the first value; then as long as the most values held so far needed, up to Capacity.
        private string[] _ids;
        private ValueKind[] _kinds;
        private long[] _integers;
        private double[] _doubles;
        private object[] _references;

        // The ids as last written, each with the text its layout puts before and after it, one after
        // another (head i ends at _headEnds[i]): a report refilled with the same ids copies each in one
        // go instead of checking and encoding it again. Made at the first write; made anew when an id
        // changes (Add notes it), the report holds more values than the heads cover, or another layout
        // is written.
        private byte[] _heads;
        private int[] _headEnds;
        private int _headCount;
        private ReportLayout _headLayout;

        public PropertyReport(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentException("A report needs room for at least one value.");
            }
            Capacity = capacity;
        }

        public int Count
        {
            get { return _count; }
        }

        private int _count;

        public readonly int Capacity;

        /// <summary>When the values were taken (Unix ms), or 0 for "now"; dialects that carry a time send it.</summary>
        public long TimestampMs;

        public PropertyReport Add(string id, string value)
        {
            int i = Next(id);
            _kinds[i] = ValueKind.String;
            _references[i] = value;
            return this;
        }

        public PropertyReport Add(string id, long value)
        {
            int i = Next(id);
            _kinds[i] = ValueKind.Integer;
            _integers[i] = value;
            return this;
        }

        public PropertyReport Add(string id, double value)
        {
            int i = Next(id);
            _kinds[i] = ValueKind.Double;
            _doubles[i] = value;
            return this;
        }

        public PropertyReport Add(string id, bool value)
        {
            int i = Next(id);
            _kinds[i] = ValueKind.Boolean;
            _integers[i] = value ? 1 : 0;
            return this;
        }

        /// <summary>Adds an object or array value given as JSON text (checked here, so a bad one fails early).</summary>
        public PropertyReport AddJson(string id, string json)
        {
            byte[] bytes = json == null ? null : Encoding.UTF8.GetBytes(json);
            if (bytes == null || !JsonReader.Parse(bytes, 0, bytes.Length).Exists)
            {
                throw new ArgumentException("The value of '" + id + "' is not valid JSON.");
            }
            int i = Next(id);
            _kinds[i] = ValueKind.Json;
            _references[i] = bytes;
            return this;
        }

        public void Clear()
        {
            for (int i = 0; i < _count; i++)
            {
                _references[i] = null;
            }
            _count = 0;
            TimestampMs = 0;
        }

        public string IdAt(int index)
        {
            return _ids[Check(index)];
        }

        public ValueKind KindAt(int index)
        {
            return _kinds[Check(index)];
        }

        public string StringAt(int index)
        {
            return _kinds[Check(index)] == ValueKind.String ? (string)_references[index] : null;
        }

        public long IntegerAt(int index)
        {
            return _integers[Check(index)];
        }

        public double DoubleAt(int index)
        {
            return _doubles[Check(index)];
        }

        public bool BooleanAt(int index)
        {
            return _integers[Check(index)] != 0;
        }

        /// <summary>Writes value <paramref name="index"/> in its natural JSON type (doubles keep a decimal digit).</summary>
        public void WriteValue(int index, JsonWriter writer)
        {
            WriteValueAt(Check(index), writer);
        }

        private void WriteValueAt(int index, JsonWriter writer)
        {
            switch (_kinds[index])
            {
                case ValueKind.String:
                    writer.WriteString((string)_references[index]);
                    break;
                case ValueKind.Integer:
                    writer.WriteNumber(_integers[index]);
                    break;
                case ValueKind.Double:
                    writer.WriteNumber(_doubles[index]);
                    break;
                case ValueKind.Boolean:
                    writer.WriteBoolean(_integers[index] != 0);
                    break;
                default:
                    byte[] json = (byte[])_references[index];
                    writer.WriteRawValue(json, 0, json.Length);
                    break;
            }
        }

        /// <summary>Writes value <paramref name="index"/> as a JSON string, whatever its type (FastBee's rule).</summary>
        public void WriteValueAsText(int index, JsonWriter writer)
        {
            switch (_kinds[Check(index)])
            {
                case ValueKind.String:
                    writer.WriteString((string)_references[index]);
                    break;
                case ValueKind.Integer:
                    writer.WriteNumberAsString(_integers[index]);
                    break;
                case ValueKind.Double:
                    writer.WriteNumberAsString(_doubles[index]);
                    break;
                case ValueKind.Boolean:
                    // FastBee switches are "0"/"1".
                    writer.WriteString(_integers[index] != 0 ? "1" : "0");
                    break;
                default:
                    byte[] json = (byte[])_references[index];
                    writer.WriteString(Encoding.UTF8.GetString(json, 0, json.Length));
                    break;
            }
        }

        /// <summary>Writes <c>{"id":value,…}</c> with natural JSON types.</summary>
        public void WriteObject(JsonWriter writer)
        {
            if (_count == 0)
            {
                writer.BeginObject();
                writer.EndObject();
                return;
            }
            WriteItems(writer, ReportLayout.Object);
        }

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
            if (_headCount < count || _headLayout != layout)
            {
                MakeHeads(layout, count);
            }

            byte[] heads = _heads;
            int[] headEnds = _headEnds;
            int headStart = 0;
            bool asText = layout.ValuesAsText;
            int pos;
            bool opened;
            byte[] b = writer.OpenRaw(out pos, out opened);
            for (int i = 0; i < count && b != null; i++)
            {
                int headLength = headEnds[i] - headStart;
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

        // The heads of the first count ids in this layout: each id quoted (and escaped) with the text
        // before and after it.
        private void MakeHeads(ReportLayout layout, int count)
        {
            byte[] beforeValue = layout.BeforeValue;
            int size = 0;
            for (int i = 0; i < count; i++)
            {
                size += (i == 0 ? layout.First : layout.Between).Length + JsonText.QuotedLength(_ids[i]) + beforeValue.Length;
            }
            byte[] heads = new byte[size];
            int[] ends = _headEnds != null && _headEnds.Length >= count ? _headEnds : new int[_ids.Length];
            int pos = 0;
            for (int i = 0; i < count; i++)
            {
                byte[] lead = i == 0 ? layout.First : layout.Between;
                Array.Copy(lead, 0, heads, pos, lead.Length);
                pos = JsonText.WriteQuoted(_ids[i], heads, pos + lead.Length);
                Array.Copy(beforeValue, 0, heads, pos, beforeValue.Length);
                pos += beforeValue.Length;
                ends[i] = pos;
            }
            _heads = heads;
            _headEnds = ends;
            _headCount = count;
            _headLayout = layout;
        }

        private int Next(string id)
        {
            if (id == null || id.Length == 0)
            {
                throw new ArgumentException("A reported value needs an identifier.");
            }
            if (_count == Capacity)
            {
                throw new InvalidOperationException("The report holds " + Capacity.ToString() + " values; create it with more room.");
            }
            if (_ids == null || _count == _ids.Length)
            {
                Grow();
            }
            if (_count < _headCount && (object)_ids[_count] != (object)id && _ids[_count] != id)
            {
                _headCount = _count; // the heads from here on are another id's (a literal is one object: usually no compare)
            }
            _ids[_count] = id;
            return _count++;
        }

        // Twice the room (the first time a little), never more than the capacity.
        private void Grow()
        {
            int held = _ids == null ? 0 : _ids.Length;
            int room = held == 0 ? FirstRoom : held * 2;
            if (room > Capacity)
            {
                room = Capacity;
            }
            string[] ids = new string[room];
            ValueKind[] kinds = new ValueKind[room];
            long[] integers = new long[room];
            double[] doubles = new double[room];
            object[] references = new object[room];
            if (held > 0)
            {
                Array.Copy(_ids, ids, held);
                Array.Copy(_kinds, kinds, held);
                Array.Copy(_integers, integers, held);
                Array.Copy(_doubles, doubles, held);
                Array.Copy(_references, references, held);
            }
            _ids = ids;
            _kinds = kinds;
            _integers = integers;
            _doubles = doubles;
            _references = references;
        }

        private int Check(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            return index;
        }
    }
}
