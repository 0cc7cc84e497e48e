using System;

namespace IotDevice.Session
{
    /// <summary>
    /// The backoff's own random numbers: xorshift32, so a seed gives the same sequence on .NET and on
    /// the device. nanoFramework's Random instances all share one generator, so a seeded Random repeats
    /// nothing there. Jitter needs spread, not cryptographic strength. The state lives with its user.
    /// </summary>
    internal static class JitterRandom
    {
        /// <summary>The first state for <paramref name="seed"/> (0: one of the moment's).</summary>
        public static uint Seed(int seed)
        {
            uint state = (uint)(seed != 0 ? seed : new Random().Next() ^ (int)SystemClock.Instance.NowMs);
            return state != 0 ? state : 0x9E3779B9; // xorshift never leaves zero
        }

        /// <summary>The state after <paramref name="state"/>.</summary>
        public static uint Next(uint state)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return state;
        }

        /// <summary><paramref name="state"/> as a number in [0, <paramref name="maxExclusive"/>).</summary>
        public static int Below(uint state, int maxExclusive)
        {
            return (int)(((ulong)state * (uint)maxExclusive) >> 32);
        }
    }
}
