using System;
using System.Threading;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace IotDevice.DeviceBenchmarks.Measuring
{
    /// <summary>
    /// Garbage per operation from the runtime's free-heap figure. The nanoCLR collects only when an
    /// allocation finds no free block, and GC.Run(false) (a full collection without compaction) is the
    /// one way to read the free heap. So a window is: collect and read the free heap, plant a weak
    /// reference, run the operation N times, check the weak reference is still alive (no collection
    /// happened inside the window), then allocate the smallest object there is until the weak reference
    /// dies: the number of those objects times their size is what the operations left free. What they
    /// used, less the window's own constant cost, divided by N is the garbage per operation.
    /// </summary>
    internal static class Heap
    {
        private const int Probes = 512;
        private const int SettleTries = 20;
        private const int SettlePauseMs = 50;

        // Bytes one 'new object()' takes (a single heap block), and what a window costs with no operation in it.
        private static long _blockBytes;
        private static long _windowBytes;

        public static long BlockBytes
        {
            get { return _blockBytes; }
        }

        /// <summary>A full collection (no compaction: that one crashes the Linux build); returns the free bytes.</summary>
        public static long Collect()
        {
            return NativeGC.Run(false);
        }

        /// <summary>Measures the block size and the window's fixed cost; call once before any window.</summary>
        public static void Calibrate()
        {
            object[] kept = new object[Probes];
            long before = Collect();
            for (int i = 0; i < kept.Length; i++)
            {
                kept[i] = new object();
            }
            long after = Collect();
            _blockBytes = (before - after) / Probes;
            if (_blockBytes <= 0)
            {
                throw new InvalidOperationException("the free heap did not shrink while objects were kept");
            }
            _windowBytes = 0;
            long fixedCost = long.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                long used;
                if (TryWindow(Nothing, 1, out used) && used < fixedCost)
                {
                    fixedCost = used;
                }
            }
            _windowBytes = fixedCost;

            // The method must find exactly one block on an operation that allocates one object.
            double one = GarbagePerRun(OneObject, 1000);
            if (one < _blockBytes - 1 || one > _blockBytes + 1)
            {
                throw new InvalidOperationException("the garbage window measured " + one.ToString("F1") + " B for one " + _blockBytes.ToString() + "-byte object");
            }
        }

        /// <summary>
        /// Garbage per run of <paramref name="step"/> over up to <paramref name="runs"/> runs; fewer when that
        /// many would fill the heap and so trigger a collection inside the window.
        /// </summary>
        public static double GarbagePerRun(Step step, int runs)
        {
            while (runs >= 1)
            {
                long used;
                if (TryWindow(step, runs, out used))
                {
                    long garbage = used - _windowBytes;
                    return garbage <= 0 ? 0 : (double)garbage / runs;
                }
                runs = runs / 4;
            }
            throw new InvalidOperationException("a single run fills the heap");
        }

        /// <summary>
        /// The free heap once it has stopped changing: a full collection, then another after a short
        /// pause until two agree (about a second at most). A thread that has just ended (a client
        /// stopped before) gives its frames back, and a worker still handling the last message holds
        /// more, for a moment after the caller's last step; a reading taken then counts that too. The
        /// two readings of a figure are taken through this same method, so that the frames of the
        /// calling thread, which are heap on the nanoCLR, are the same at both.
        /// </summary>
        public static long Settled()
        {
            long free = NativeGC.Run(false);
            for (int i = 0; i < SettleTries; i++)
            {
                Thread.Sleep(SettlePauseMs);
                long again = NativeGC.Run(false);
                if (again == free)
                {
                    break;
                }
                free = again;
            }
            return free;
        }

        private static bool TryWindow(Step step, int runs, out long used)
        {
            long free = Collect();
            WeakReference sentinel = new WeakReference(new object());
            for (int i = 0; i < runs; i++)
            {
                step();
            }
            used = 0;
            if (!sentinel.IsAlive)
            {
                return false;
            }
            long left = FillUntilCollected(sentinel) * _blockBytes;
            used = free - left;
            return true;
        }

        // Allocates single blocks, keeping none, until the allocator runs dry and collects (the sentinel dies).
        private static long FillUntilCollected(WeakReference sentinel)
        {
            long count = 0;
            while (sentinel.IsAlive)
            {
                new object();
                new object();
                new object();
                new object();
                count += 4;
            }
            return count;
        }

        private static void Nothing()
        {
        }

        private static void OneObject()
        {
            new object();
        }
    }
}
