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
        // The samples, read by the bulk encoder in place (first PropertyCount and EventCount of each).
        internal readonly PropertyReport[] Properties;
        internal readonly PropertyReport[] Events;
        internal readonly string[] EventIds;
        private int _propertyCount;
        private int _eventCount;

        /// <param name="capacity">Property reports and events it holds, each.</param>
        public AlinkBatch(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentException("A batch needs room for at least one sample.");
            }
            Properties = new PropertyReport[capacity];
            Events = new PropertyReport[capacity];
            EventIds = new string[capacity];
        }

        public int PropertyCount
        {
            get { return _propertyCount; }
        }

        public int EventCount
        {
            get { return _eventCount; }
        }

        /// <summary>Adds a set of property values taken at <c>sample.TimestampMs</c>.</summary>
        public AlinkBatch AddProperties(PropertyReport sample)
        {
            if (sample == null || sample.Count == 0)
            {
                throw new ArgumentException("A property sample needs at least one value.");
            }
            if (_propertyCount == Properties.Length)
            {
                throw new InvalidOperationException("The batch holds " + Properties.Length.ToString() + " property samples.");
            }
            Properties[_propertyCount++] = sample;
            return this;
        }

        /// <summary>Adds an occurrence of event <paramref name="eventId"/> with its output values, at <c>output.TimestampMs</c>.</summary>
        public AlinkBatch AddEvent(string eventId, PropertyReport output)
        {
            if (eventId == null || eventId.Length == 0 || output == null)
            {
                throw new ArgumentException("An event sample needs an event identifier and its values.");
            }
            if (_eventCount == Events.Length)
            {
                throw new InvalidOperationException("The batch holds " + Events.Length.ToString() + " events.");
            }
            EventIds[_eventCount] = eventId;
            Events[_eventCount++] = output;
            return this;
        }

        public void Clear()
        {
            for (int i = 0; i < Properties.Length; i++)
            {
                Properties[i] = null;
                Events[i] = null;
                EventIds[i] = null;
            }
            _propertyCount = 0;
            _eventCount = 0;
        }

        /// <summary>Throws unless every sample carries a time (history posts need one).</summary>
        internal void RequireTimes()
        {
            // Both arrays have the capacity's length: one pass checks the property samples and the events.
            for (int i = 0; i < Properties.Length; i++)
            {
                if ((i < _propertyCount && Properties[i].TimestampMs <= 0) || (i < _eventCount && Events[i].TimestampMs <= 0))
                {
                    throw new ArgumentException("Every sample and event of a history post needs its TimestampMs.");
                }
            }
        }
    }
}
