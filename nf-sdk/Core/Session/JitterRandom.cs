using System;

namespace IotDevice.Session
{
    /// <summary>
    /// The backoff's own random numbers: xorshift32, so a seed gives the same sequence on .NET and on
    /// the device. nanoFramework's Random instances all share one generator, so a seeded Random repeats
    /// nothing there. Jitter needs spread, not cryptographic strength.
    /// </summary>
    internal sealed class JitterRandom
    {
        private uint _state;

        /// <summary>A seed of 0 takes one from the runtime's own generator and the clock.</summary>
        public JitterRandom(int seed)
        {
            _state = (uint)(seed != 0 ? seed : new Random().Next() ^ (int)SystemClock.Instance.NowMs);
            if (_state == 0)
            {
                _state = 0x9E3779B9; // xorshift never leaves zero
            }
        }

        /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
        public int Next(int maxExclusive)
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return (int)(((ulong)x * (uint)maxExclusive) >> 32);
        }
    }
}
