using System;
using IotDevice.Client;
using IotDevice.Json;

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// Attribute values waiting to go out together, each kept as its encoded JSON value: a later value
    /// for a key replaces the earlier one in place (latest wins, first position kept). Bounded in keys
    /// and bytes, the same for every batch (merged reports, push confirmations, a new version);
    /// <see cref="Put"/> says false instead of growing past them. Its slots are made as keys arrive and
    /// kept, so a batch that is rarely used holds little.
    /// </summary>
    internal sealed class AttributeBatch
    {
        // The bounds: attributes merged between two sends, or confirmed in one report. Constants rather
        // than fields: on the device each field of each batch is heap.
        public const int MaxKeys = 32;
        public const int MaxBytes = 2048;

        // Slots made when a batch first needs any.
        private const int FirstSlots = 4;

        private string[] _keys;
        private byte[][] _values;
        private int _bytes;

        public int Count;

        /// <summary>Sets <paramref name="key"/> to the JSON value buffer[offset..offset+count); false when it does not fit.</summary>
        public bool Put(string key, byte[] buffer, int offset, int count)
        {
            int index = IndexOf(key);
            int oldSize = index >= 0 ? _values[index].Length : 0;
            int added = index >= 0 ? count - oldSize : count + key.Length;
            if (_bytes + added > MaxBytes || (index < 0 && Count == MaxKeys))
            {
                return false;
            }
            byte[] copy = new byte[count];
            Array.Copy(buffer, offset, copy, 0, count);
            if (index < 0)
            {
                if (_keys == null || Count == _keys.Length)
                {
                    Grow();
                }
                index = Count++;
                _keys[index] = key;
            }
            _values[index] = copy;
            _bytes += added;
            return true;
        }

        /// <summary>Sets value <paramref name="index"/> of <paramref name="report"/>, encoded with <paramref name="scratch"/>.</summary>
        public bool Put(PropertyReport report, int index, JsonWriter scratch)
        {
            scratch.Reset();
            report.WriteValue(index, scratch);
            return !scratch.Overflowed && Put(report.IdAt(index), scratch.Buffer, 0, scratch.Length);
        }

        /// <summary>Writes <c>{"key":value,…}</c> in first-put order.</summary>
        public void WriteObject(JsonWriter writer)
        {
            writer.BeginObject();
            for (int i = 0; i < Count; i++)
            {
                writer.WriteName(_keys[i]);
                writer.WriteRawValue(_values[i], 0, _values[i].Length);
            }
            writer.EndObject();
        }

        /// <summary>Moves every value of <paramref name="other"/> into this batch; false (and nothing lost) when one does not fit.</summary>
        public bool TakeFrom(AttributeBatch other)
        {
            for (int i = 0; i < other.Count; i++)
            {
                if (!Put(other._keys[i], other._values[i], 0, other._values[i].Length))
                {
                    return false;
                }
            }
            other.Clear();
            return true;
        }

        public void Clear()
        {
            for (int i = 0; i < Count; i++)
            {
                _keys[i] = null;
                _values[i] = null;
            }
            Count = 0;
            _bytes = 0;
        }

        // Twice the slots (the first time a few), never more than the key limit.
        private void Grow()
        {
            int held = _keys == null ? 0 : _keys.Length;
            int slots = held == 0 ? FirstSlots : held * 2;
            if (slots > MaxKeys)
            {
                slots = MaxKeys;
            }
            string[] keys = new string[slots];
            byte[][] values = new byte[slots][];
            if (held > 0)
            {
                Array.Copy(_keys, 0, keys, 0, held);
                Array.Copy(_values, 0, values, 0, held);
            }
            _keys = keys;
            _values = values;
        }

        private int IndexOf(string key)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_keys[i] == key)
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
