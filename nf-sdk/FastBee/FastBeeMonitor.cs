using System.Threading;
using IotDevice.Session;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>Takes and publishes one monitoring sample.</summary>
    internal delegate void SampleTick();

    /// <summary>
    /// Real-time monitoring as FastBee's firmware does it (docs/fastbee.md §4.5): <c>count</c> samples,
    /// the first at once, then one every <c>interval</c> ms; a new request replaces the running one.
    /// One one-shot Timer re-armed after each sample, against a fixed schedule (start + k·interval), so
    /// samples never overlap and slow publishing does not stretch the series.
    /// </summary>
    internal sealed class FastBeeMonitor
    {
        private readonly object _sync = new object();
        private readonly SampleTick _tick;
        private Timer _timer;
        private int _generation;
        private int _remaining;
        private int _taken;
        private int _intervalMs;
        private long _startMs;
        private IClock _clock;

        public FastBeeMonitor(SampleTick tick)
        {
            _tick = tick;
        }

        public bool IsRunning
        {
            get { lock (_sync) { return _remaining > 0; } }
        }

        /// <summary>Starts a series of <paramref name="count"/> samples, replacing any running one; 0 just stops.</summary>
        public void Start(int count, int intervalMs, IClock clock)
        {
            lock (_sync)
            {
                StopLocked();
                if (count <= 0)
                {
                    return;
                }
                _remaining = count;
                _taken = 0;
                _intervalMs = intervalMs;
                _clock = clock;
                _startMs = clock.NowMs;
                // Assigned under the lock, so the first (immediate) callback finds the timer set.
                _timer = new Timer(OnTimer, _generation, 0, Timeout.Infinite);
            }
        }

        /// <summary>Stops the series; true when one was running.</summary>
        public bool Stop()
        {
            lock (_sync)
            {
                bool running = _remaining > 0;
                StopLocked();
                return running;
            }
        }

        private void StopLocked()
        {
            _generation++;
            _remaining = 0;
            if (_timer != null)
            {
                _timer.Dispose();
                _timer = null;
            }
        }

        private void OnTimer(object state)
        {
            int generation = (int)state;
            lock (_sync)
            {
                if (generation != _generation || _remaining <= 0)
                {
                    return;
                }
                _remaining--;
                _taken++;
            }
            try
            {
                _tick();
            }
            catch (System.Exception)
            {
                // The tick reports its own failures; an escape here would end the process.
            }
            lock (_sync)
            {
                if (generation != _generation || _timer == null)
                {
                    return;
                }
                if (_remaining <= 0)
                {
                    _timer.Dispose();
                    _timer = null;
                    return;
                }
                long delay = _startMs + (long)_taken * _intervalMs - _clock.NowMs;
                _timer.Change(delay < 0 ? 0 : (int)delay, Timeout.Infinite);
            }
        }
    }
}
