using System;
using IotDevice.Dialects;

namespace IotDevice.Session
{
    /// <summary>
    /// How long to wait before the next connect attempt: exponential growth from
    /// <see cref="InitialDelayMs"/> to <see cref="MaxDelayMs"/> with full jitter (a random delay between
    /// the floor and the current ceiling, so a fleet that lost its broker together does not return
    /// together). A connection that dies within <see cref="FlapWindowMs"/> of being established is a flap:
    /// it does not reset the growth but pushes it two steps further, so a link that accepts and then drops
    /// us is not hammered once a second. A connection that got through its subscriptions and announcement
    /// and served for <see cref="ServedMs"/> is not a flap however short it was: a broker that restarts
    /// (a rolling upgrade, a crash loop) gets the device back promptly, from the initial delay.
    /// </summary>
    public sealed class ReconnectBackoff
    {
        /// <summary>No delay is ever shorter than this, whatever the jitter draws.</summary>
        public const int FloorMs = 100;

        /// <summary>
        /// How long a subscribed and announced connection must have lasted to count as served. Shorter
        /// ones are kicks (two devices with one client id, a broker that refuses what was announced).
        /// </summary>
        public const int ServedMs = 2000;

        private const int MaxStep = 20;

        // One field (on the device every object and field is a heap block): the jitter's xorshift state in
        // the low 32 bits, and above it the progress: the step (up to MaxStep) in its low bits, the flaps
        // in a row above them.
        private long _state;
        private const long RandomMask = 0xFFFFFFFFL;
        private const int ProgressShift = 32;
        private const int StepBits = 5;
        private const int StepMask = (1 << StepBits) - 1;

        // The initial and the maximum delay, a PackedSettings pair: one field.
        private readonly long _delays;

        public ReconnectBackoff(int initialDelayMs, int maxDelayMs, int flapWindowMs, int seed)
        {
            if (initialDelayMs < FloorMs || maxDelayMs < initialDelayMs || flapWindowMs < 0)
            {
                throw new ArgumentException("Backoff needs " + FloorMs.ToString() + " <= initial delay <= maximum delay, and a flap window >= 0.");
            }
            _delays = PackedSettings.Pair(initialDelayMs, maxDelayMs);
            FlapWindowMs = flapWindowMs;
            _state = JitterRandom.Seed(seed);
        }

        public int InitialDelayMs
        {
            get { return PackedSettings.Low(_delays); }
        }

        public int MaxDelayMs
        {
            get { return PackedSettings.High(_delays); }
        }

        public readonly int FlapWindowMs;

        private int Progress
        {
            get { return (int)(_state >> ProgressShift); }
            set { _state = (_state & RandomMask) | ((long)value << ProgressShift); }
        }

        /// <summary>Connections that died within the flap window since the last healthy one.</summary>
        public int Flaps
        {
            get { return Progress >> StepBits; }
        }

        /// <summary>The ceiling the next delay is drawn under.</summary>
        public int CurrentCeilingMs
        {
            get { return Ceiling(Progress & StepMask); }
        }

        /// <summary>A connect attempt failed: wait, then try again with a higher ceiling.</summary>
        public int NextDelayAfterFailure()
        {
            int delay = Draw(Progress & StepMask);
            Advance(1);
            return delay;
        }

        /// <summary>A connection that never got through its subscriptions and announcement was lost after <paramref name="connectedMs"/>.</summary>
        public int NextDelayAfterLoss(long connectedMs)
        {
            return NextDelayAfterLoss(connectedMs, false);
        }

        /// <summary>True when losing a connection of <paramref name="connectedMs"/> is a flap.</summary>
        /// <param name="served">It subscribed and announced itself.</param>
        public bool IsFlap(long connectedMs, bool served)
        {
            return connectedMs < FlapWindowMs && !(served && connectedMs >= ServedMs);
        }

        /// <summary>A connection was lost after <paramref name="connectedMs"/>; <paramref name="served"/>: it subscribed and announced.</summary>
        public int NextDelayAfterLoss(long connectedMs, bool served)
        {
            if (!IsFlap(connectedMs, served))
            {
                // It was healthy: start over from the initial delay.
                Progress = 0;
                return Draw(0);
            }
            if (Progress < int.MaxValue - (2 << StepBits))
            {
                Progress += 1 << StepBits; // the count stops at about 67 million rather than wrap
            }
            Advance(2);
            return Draw(Progress & StepMask);
        }

        /// <summary>Forget the history (after the app restarts the session on purpose).</summary>
        public void Reset()
        {
            Progress = 0;
        }

        private void Advance(int steps)
        {
            int step = (Progress & StepMask) + steps;
            Progress = (Progress & ~StepMask) | (step > MaxStep ? MaxStep : step);
        }

        private int Ceiling(int step)
        {
            long ceiling = (long)PackedSettings.Low(_delays) << step;
            int max = MaxDelayMs;
            return ceiling > max ? max : (int)ceiling;
        }

        private int Draw(int step)
        {
            int ceiling = Ceiling(step);
            uint random = JitterRandom.Next((uint)(_state & RandomMask));
            _state = (_state & ~RandomMask) | random;
            return FloorMs + JitterRandom.Below(random, ceiling - FloorMs + 1);
        }
    }
}
