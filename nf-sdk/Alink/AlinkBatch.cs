using System;
using IotDevice.Client;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Samples for a batch post (<c>thing/event/property/batch/post</c>) or a history post
    /// (<c>…/history/post</c>): property reports, each with its own <see cref="PropertyReport.TimestampMs"/>,
    /// and events with their output values. It keeps references to the reports until
    /// <see cref="AlinkDialect.PostBatch"/> or <see cref="AlinkDialect.PostHistory"/> has encoded them;
    /// fill, post, <see cref="Clear"/>, reuse.
    /// </summary>
    public sealed class AlinkBatch
    {
        private readonly PropertyReport[] _properties;
        private readonly PropertyReport[] _events;
        private readonly string[] _eventIds;

        /// <param name="capacity">Property reports and events it holds, each.</param>
        public AlinkBatch(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentException("A batch needs room for at least one sample.");
            }
            _properties = new PropertyReport[capacity];
            _events = new PropertyReport[capacity];
            _eventIds = new string[capacity];
        }

        public int PropertyCount { get; private set; }

        public int EventCount { get; private set; }

        /// <summary>Adds a set of property values taken at <c>sample.TimestampMs</c>.</summary>
        public AlinkBatch AddProperties(PropertyReport sample)
        {
            if (sample == null || sample.Count == 0)
            {
                throw new ArgumentException("A property sample needs at least one value.");
            }
            if (PropertyCount == _properties.Length)
            {
                throw new InvalidOperationException("The batch holds " + _properties.Length.ToString() + " property samples.");
            }
            _properties[PropertyCount++] = sample;
            return this;
        }

        /// <summary>Adds an occurrence of event <paramref name="eventId"/> with its output values, at <c>output.TimestampMs</c>.</summary>
        public AlinkBatch AddEvent(string eventId, PropertyReport output)
        {
            if (eventId == null || eventId.Length == 0 || output == null)
            {
                throw new ArgumentException("An event sample needs an event identifier and its values.");
            }
            if (EventCount == _events.Length)
            {
                throw new InvalidOperationException("The batch holds " + _events.Length.ToString() + " events.");
            }
            _eventIds[EventCount] = eventId;
            _events[EventCount++] = output;
            return this;
        }

        public void Clear()
        {
            for (int i = 0; i < _properties.Length; i++)
            {
                _properties[i] = null;
                _events[i] = null;
                _eventIds[i] = null;
            }
            PropertyCount = 0;
            EventCount = 0;
        }

        internal PropertyReport PropertiesAt(int index)
        {
            return _properties[index];
        }

        internal PropertyReport EventAt(int index)
        {
            return _events[index];
        }

        internal string EventIdAt(int index)
        {
            return _eventIds[index];
        }

        /// <summary>Throws unless every sample carries a time (history posts need one).</summary>
        internal void RequireTimes()
        {
            for (int i = 0; i < PropertyCount; i++)
            {
                if (_properties[i].TimestampMs <= 0)
                {
                    throw new ArgumentException("Every property sample of a history post needs its TimestampMs.");
                }
            }
            for (int i = 0; i < EventCount; i++)
            {
                if (_events[i].TimestampMs <= 0)
                {
                    throw new ArgumentException("Every event of a history post needs its TimestampMs.");
                }
            }
        }
    }
}
