using System;

namespace IotDevice.DeviceBenchmarks.Measuring
{
    /// <summary>
    /// Times an operation over N runs with the runtime clock (DateTime.UtcNow, 100 ns ticks) and takes its
    /// garbage per run from <see cref="Heap"/>. The loop's own cost, measured on an empty operation, is
    /// taken off every time. Collections that the operation's garbage causes during the timed loop are
    /// part of its time, as they would be on a device.
    /// </summary>
    internal sealed class Meter
    {
        private const int WarmUpRuns = 10;

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
            Heap.Collect();
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < runs; i++)
            {
                step();
            }
            long elapsed = DateTime.UtcNow.Ticks - start;
            double perRun = elapsed / 10.0 / runs - _loopMicroseconds;
            return perRun < 0 ? 0 : perRun;
        }

        private static void Nothing()
        {
        }
    }
}
