using System;

namespace IotDevice.Session
{
    /// <summary>
    /// How long to wait before the next connect attempt: exponential growth from
    /// <see cref="InitialDelayMs"/> to <see cref="MaxDelayMs"/> with full jitter (a random delay between
    /// the floor and the current ceiling, so a fleet that lost its broker together does not return
    /// together). A connection that dies within <see cref="FlapWindowMs"/> of being established is a flap:
    /// it does not reset the growth but pushes it two steps further, so a link that accepts and then drops
    /// us is not hammered once a second.
    /// </summary>
    public sealed class ReconnectBackoff
    {
        /// <summary>No delay is ever shorter than this, whatever the jitter draws.</summary>
        public const int FloorMs = 100;

        private const int MaxStep = 20;

        private readonly JitterRandom _random;
        private int _step;

        public ReconnectBackoff(int initialDelayMs, int maxDelayMs, int flapWindowMs, int seed)
        {
            if (initialDelayMs < FloorMs || maxDelayMs < initialDelayMs || flapWindowMs < 0)
            {
                throw new ArgumentException("Backoff needs " + FloorMs.ToString() + " <= initial delay <= maximum delay, and a flap window >= 0.");
            }
            InitialDelayMs = initialDelayMs;
            MaxDelayMs = maxDelayMs;
            FlapWindowMs = flapWindowMs;
            _random = new JitterRandom(seed);
        }

        public int InitialDelayMs { get; }

        public int MaxDelayMs { get; }

        public int FlapWindowMs { get; }

        /// <summary>Connections that died within the flap window since the last healthy one.</summary>
        public int Flaps { get; private set; }

        /// <summary>The ceiling the next delay is drawn under.</summary>
        public int CurrentCeilingMs
        {
            get { return Ceiling(_step); }
        }

        /// <summary>A connect attempt failed: wait, then try again with a higher ceiling.</summary>
        public int NextDelayAfterFailure()
        {
            int delay = Draw(_step);
            Advance(1);
            return delay;
        }

        /// <summary>An established connection was lost after <paramref name="connectedMs"/>.</summary>
        public int NextDelayAfterLoss(long connectedMs)
        {
            if (connectedMs >= FlapWindowMs)
            {
                // It was healthy: start over from the initial delay.
                _step = 0;
                Flaps = 0;
                return Draw(0);
            }
            Flaps++;
            Advance(2);
            return Draw(_step);
        }

        /// <summary>Forget the history (after the app restarts the session on purpose).</summary>
        public void Reset()
        {
            _step = 0;
            Flaps = 0;
        }

        private void Advance(int steps)
        {
            _step = _step + steps > MaxStep ? MaxStep : _step + steps;
        }

        private int Ceiling(int step)
        {
            long ceiling = (long)InitialDelayMs << step;
            return ceiling > MaxDelayMs ? MaxDelayMs : (int)ceiling;
        }

        private int Draw(int step)
        {
            int ceiling = Ceiling(step);
            return FloorMs + _random.Next(ceiling - FloorMs + 1);
        }
    }
}
