using System;
using System.Threading;
using IotDevice.Client;
using IotDevice.Session;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// Real-time monitoring as FastBee's firmware does it (docs/fastbee.md §4.5): <c>count</c> samples,
    /// the first at once, then one every <c>interval</c> ms; a new request replaces the running one.
    /// Each sample is scheduled on the session's worker against a fixed timetable (start + k·interval)
    /// on the client's clock, so samples never overlap, slow publishing does not stretch the series, no
    /// thread of its own runs, and a test steps the series by stepping the clock. Its state is guarded by
    /// the monitor object itself (internal: nothing else locks on it).
    /// </summary>
    internal sealed class FastBeeMonitor
    {
        private readonly FastBeeUplinks _uplinks;
        private readonly MonitorSource _source;
        private PropertyReport _sample;
        private readonly ThreadStart _tick;
        private int _remaining;
        private int _taken;
        private int _intervalMs;
        private long _startMs;
        private int _series;

        public FastBeeMonitor(FastBeeUplinks uplinks, MonitorSource source)
        {
            _uplinks = uplinks;
            _source = source;
            _tick = Tick;
        }

        public bool IsRunning
        {
            get { lock (this) { return _remaining > 0; } }
        }

        /// <summary>Starts a series of <paramref name="count"/> samples, replacing any running one; 0 just stops.</summary>
        public void Start(int count, int intervalMs)
        {
            if (count <= 0)
            {
                Stop();
                return;
            }
            IDialectHost host = _uplinks.Host;
            lock (this)
            {
                _remaining = count;
                _taken = 0;
                _series++;
                _intervalMs = intervalMs;
                _startMs = host.Clock.NowMs;
            }
            host.Schedule(_tick, 0);
        }

        /// <summary>Stops the series; true when one was running.</summary>
        public bool Stop()
        {
            bool running;
            lock (this)
            {
                running = _remaining > 0;
                _remaining = 0;
            }
            _uplinks.Host.Cancel(_tick);
            return running;
        }

        // One sample, then the next one booked at its place in the timetable.
        private void Tick()
        {
            IDialectHost host = _uplinks.Host;
            long next;
            int series;
            lock (this)
            {
                series = _series;
                if (_remaining <= 0)
                {
                    return;
                }
                _remaining--;
                _taken++;
                next = _remaining > 0 ? _startMs + (long)_taken * _intervalMs - host.Clock.NowMs : -1;
            }
            TakeSample();
            lock (this)
            {
                // A request that came during the sample started a series of its own: leave its booking.
                if (next < 0 || series != _series || _remaining <= 0)
                {
                    return;
                }
            }
            host.Schedule(_tick, (int)next);
        }

        private void TakeSample()
        {
            // Made with the first series: a report of MaxItems values is kilobytes of the device's heap.
            if (_sample == null)
            {
                _sample = new PropertyReport(_uplinks.MaxItems);
            }
            _sample.Clear();
            try
            {
                _source(_sample);
                if (_sample.Count > 0)
                {
                    _uplinks.Sample(_sample);
                }
            }
            catch (Exception e)
            {
                _uplinks.Host.Write("the monitor sample failed: " + e.Message);
            }
        }
    }
}
