using System;
using System.Threading;
using IotDevice.Client;
using IotDevice.Session;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// Real-time monitoring as FastBee's firmware does it (docs/fastbee.md §4.5): <c>count</c> samples,
    /// the first at once, then one every <c>interval</c> ms; a new request replaces the running one.
    /// One thread per series takes the samples against a fixed schedule (start + k·interval) on the
    /// client's clock, so samples never overlap, slow publishing does not stretch the series, and a
    /// test steps the series by stepping the clock.
    /// </summary>
    internal sealed class FastBeeMonitor
    {
        private readonly object _sync = new object();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly FastBeeUplinks _uplinks;
        private readonly MonitorSource _source;
        private readonly PropertyReport _sample;
        private bool _threadRunning;
        private int _remaining;
        private int _taken;
        private int _intervalMs;
        private long _startMs;

        public FastBeeMonitor(FastBeeUplinks uplinks, MonitorSource source, int maxItems)
        {
            _uplinks = uplinks;
            _source = source;
            _sample = new PropertyReport(maxItems);
        }

        public bool IsRunning
        {
            get { lock (_sync) { return _remaining > 0; } }
        }

        /// <summary>Starts a series of <paramref name="count"/> samples, replacing any running one; 0 just stops.</summary>
        public void Start(int count, int intervalMs)
        {
            lock (_sync)
            {
                _remaining = count < 0 ? 0 : count;
                _taken = 0;
                _intervalMs = intervalMs;
                _startMs = _uplinks.Host.Clock.NowMs;
                if (_remaining > 0 && !_threadRunning)
                {
                    _threadRunning = true;
                    new Thread(Run).Start();
                    return;
                }
            }
            _wake.Set();
        }

        /// <summary>Stops the series; true when one was running.</summary>
        public bool Stop()
        {
            bool running;
            lock (_sync)
            {
                running = _remaining > 0;
                _remaining = 0;
            }
            _wake.Set();
            return running;
        }

        // Until the series ends: wait for the next sample's time (or a new request), then take it.
        private void Run()
        {
            IClock clock = _uplinks.Host.Clock;
            while (true)
            {
                long wait;
                lock (_sync)
                {
                    if (_remaining <= 0)
                    {
                        _threadRunning = false;
                        return;
                    }
                    wait = _startMs + (long)_taken * _intervalMs - clock.NowMs;
                    if (wait <= 0)
                    {
                        _remaining--;
                        _taken++;
                    }
                }
                if (wait > 0)
                {
                    clock.Wait(_wake, (int)wait);
                }
                else
                {
                    TakeSample();
                }
            }
        }

        private void TakeSample()
        {
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
                // An escape would end the series' thread with the series still marked running.
                _uplinks.Host.Write("FastBee: the monitor sample failed: " + e.Message);
            }
        }
    }
}
