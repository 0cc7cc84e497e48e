using System;

namespace IotDevice.DeviceBenchmarks.Measuring
{
    /// <summary>
    /// Times an operation over N runs with the runtime clock (DateTime.UtcNow, 100 ns ticks) and takes its
    /// garbage per run from <see cref="Heap"/>. The runs go in five batches and the fastest batch counts,
    /// so another process taking the CPU for a moment does not show in the figure. The loop's own cost,
    /// measured on an empty operation, is taken off. Collections that the operation's garbage causes
    /// during a batch are part of its time, as they would be on a device.
    /// </summary>
    internal sealed class Meter
    {
        private const int WarmUpRuns = 10;
        private const int Batches = 5;

        // The most runs a garbage window takes: enough that one block is below 0.1 B per run.
        private const int GarbageRuns = 1000;

        private readonly double _loopMicroseconds;

        public Meter()
        {
            Heap.Calibrate();
            _loopMicroseconds = 0;
            _loopMicroseconds = Time(Nothing, 20000);
        }

        public Figure Measure(Step step, int runs)
        {
            for (int i = 0; i < WarmUpRuns; i++)
            {
                step();
            }
            double microseconds = Time(step, runs);
            double garbage = Heap.GarbagePerRun(step, runs < GarbageRuns ? runs : GarbageRuns);
            return new Figure(microseconds, garbage, runs);
        }

        private double Time(Step step, int runs)
        {
            int batchRuns = runs / Batches;
            long fastest = long.MaxValue;
            Heap.Collect();
            for (int batch = 0; batch < Batches; batch++)
            {
                long start = DateTime.UtcNow.Ticks;
                for (int i = 0; i < batchRuns; i++)
                {
                    step();
                }
                long elapsed = DateTime.UtcNow.Ticks - start;
                if (elapsed < fastest)
                {
                    fastest = elapsed;
                }
            }
            double perRun = fastest / 10.0 / batchRuns - _loopMicroseconds;
            return perRun < 0 ? 0 : perRun;
        }

        private static void Nothing()
        {
        }
    }
}
