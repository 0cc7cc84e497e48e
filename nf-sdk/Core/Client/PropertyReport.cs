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
    public sealed partial class PropertyReport
    {
        // Room made when a report first needs any.
        private const int FirstRoom = 4;

        // Null until the first value; then as long as the most values held so far needed, up to Capacity.
        private string[] _ids;
        private ValueKind[] _kinds;
        private long[] _integers;
        private double[] _doubles;
        private object[] _references;

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
            if (_heads != null && _count < ReportHeads.Count(_heads) && (object)_ids[_count] != (object)id && _ids[_count] != id)
            {
                _heads = null; // the head here is another id's (a literal is one object: usually no compare)
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
