using System;
using System.Collections.Generic;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// Packet ids of one connection that await an acknowledgement (QoS 1 PUBLISH → PUBACK,
    /// SUBSCRIBE → SUBACK). Ids run 1..65535 and wrap, skipping those still in flight (spec 2.3.1).
    /// Closing it and allocating are atomic with each other, so a publish either gets an id that the
    /// connection-lost report will include, or is refused as "not connected".
    /// </summary>
    internal sealed class PacketIdTracker
    {
        private const int MaxInFlight = 65535;

        private readonly object _gate = new object();
        private readonly Dictionary<ushort, Entry> _inFlight = new Dictionary<ushort, Entry>();
        private ushort _lastId;
        private long _sequence;
        private bool _closed;

        /// <param name="lastId">Where the previous connection stopped, so ids keep moving across reconnects.</param>
        public PacketIdTracker(ushort lastId)
        {
            _lastId = lastId;
        }

        /// <summary>The most recently allocated id.</summary>
        public ushort LastId
        {
            get
            {
                lock (_gate)
                {
                    return _lastId;
                }
            }
        }

        public ushort AllocatePublish()
        {
            return Allocate(0);
        }

        public ushort AllocateSubscribe(int filterCount)
        {
            return Allocate(filterCount);
        }

        /// <summary>True when <paramref name="id"/> was an unacknowledged QoS 1 publish.</summary>
        public bool CompletePublish(ushort id)
        {
            lock (_gate)
            {
                Entry entry;
                if (_inFlight.TryGetValue(id, out entry) && entry.FilterCount == 0)
                {
                    _inFlight.Remove(id);
                    return true;
                }

                return false;
            }
        }

        /// <summary>True when <paramref name="id"/> was an unanswered SUBSCRIBE of <paramref name="filterCount"/> filters.</summary>
        public bool CompleteSubscribe(ushort id, out int filterCount)
        {
            lock (_gate)
            {
                Entry entry;
                if (_inFlight.TryGetValue(id, out entry) && entry.FilterCount > 0)
                {
                    _inFlight.Remove(id);
                    filterCount = entry.FilterCount;
                    return true;
                }

                filterCount = 0;
                return false;
            }
        }

        /// <summary>Refuses further allocations; in-flight ids stay until <see cref="DrainPublishes"/>.</summary>
        public void Close()
        {
            lock (_gate)
            {
                _closed = true;
            }
        }

        /// <summary>Closes and returns the unacknowledged QoS 1 publishes, oldest first.</summary>
        public ushort[] DrainPublishes()
        {
            lock (_gate)
            {
                _closed = true;
                var publishes = new List<KeyValuePair<ushort, Entry>>();
                foreach (KeyValuePair<ushort, Entry> pair in _inFlight)
                {
                    if (pair.Value.FilterCount == 0)
                    {
                        publishes.Add(pair);
                    }
                }

                _inFlight.Clear();
                publishes.Sort((a, b) => a.Value.Sequence.CompareTo(b.Value.Sequence));
                var ids = new ushort[publishes.Count];
                for (int i = 0; i < ids.Length; i++)
                {
                    ids[i] = publishes[i].Key;
                }

                return ids;
            }
        }

        private ushort Allocate(int filterCount)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    throw new InvalidOperationException("The MQTT transport is not connected.");
                }

                if (_inFlight.Count >= MaxInFlight)
                {
                    throw new InvalidOperationException("All 65535 MQTT packet ids are awaiting an acknowledgement.");
                }

                do
                {
                    _lastId = _lastId == ushort.MaxValue ? (ushort)1 : (ushort)(_lastId + 1);
                }
                while (_inFlight.ContainsKey(_lastId));

                _inFlight.Add(_lastId, new Entry { FilterCount = filterCount, Sequence = _sequence++ });
                return _lastId;
            }
        }

        /// <summary>FilterCount 0 marks a publish; Sequence keeps the allocation order.</summary>
        private struct Entry
        {
            public int FilterCount;
            public long Sequence;
        }
    }
}
