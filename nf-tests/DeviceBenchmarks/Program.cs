using System;
using IotDevice.DeviceBenchmarks.Clients;
using IotDevice.DeviceBenchmarks.Dialects;
using IotDevice.DeviceBenchmarks.Json;
using IotDevice.DeviceBenchmarks.Measuring;
using IotDevice.DeviceBenchmarks.Reports;
using IotDevice.DeviceBenchmarks.Topics;
using nanoFramework.Runtime.Native;

namespace IotDevice.DeviceBenchmarks
{
    /// <summary>
    /// The SDK's hot paths measured on the device runtime, each beside a naive baseline in the same run,
    /// and the heap a connected client holds per dialect. Prints one markdown table between the two
    /// marker lines (nf-tests/run-device-benchmarks.sh shows it), or a line starting "FAILED:".
    /// </summary>
    public static class Program
    {
        public const string TableStarts = "=== device benchmarks ===";
        public const string TableEnds = "=== end of device benchmarks ===";

        private const int Runs = 2000;

        public static void Main()
        {
            try
            {
                Run();
            }
            catch (Exception e)
            {
                // The runtime prints nothing for an unhandled exception; say what stopped the run.
                Console.WriteLine("FAILED: " + e.GetType().FullName + ": " + e.Message);
            }
        }

        private static void Run()
        {
            DialectBench[] dialects = new DialectBench[] { new FastBeeBench(), new AlinkBench(), new EztCloudBench() };
            Meter meter = new Meter();
            ResultTable table = new ResultTable();

            foreach (DialectBench dialect in dialects)
            {
                ClassifyTopic classify = new ClassifyTopic(dialect);
                table.Add("classify an inbound topic, " + dialect.Name, Runs,
                    meter.Measure(classify.WithTable, Runs).ToString(),
                    "`Split('/')`: " + meter.Measure(classify.WithSplit, Runs).ToString(), null);
            }

            ReadOtaPush read = new ReadOtaPush();
            table.Add("read 3 fields of a " + ReadOtaPush.PayloadBytes.ToString() + "-byte Alink OTA push", Runs,
                meter.Measure(read.WithReader, Runs).ToString(),
                "`IndexOf`/`Substring`: " + meter.Measure(read.WithIndexOf, Runs).ToString(),
                "`DeserializeObject`: " + meter.Measure(read.WithDeserializeObject, Runs).ToString());
            table.Add("of which validating the whole push (`JsonReader.Parse` alone)", Runs, meter.Measure(read.ValidateOnly, Runs).ToString(), null, null);

            foreach (DialectBench dialect in dialects)
            {
                EncodeReport encode = new EncodeReport(dialect);
                table.Add("encode a 6-property report, " + dialect.Name, Runs,
                    meter.Measure(encode.WithWriter, Runs).ToString(),
                    "string concatenation: " + meter.Measure(encode.WithConcatenation, Runs).ToString(), null);
            }

            foreach (DialectBench dialect in dialects)
            {
                ClientFootprint client = new ClientFootprint(dialect);
                if (client.Rejected != 0)
                {
                    throw new InvalidOperationException(dialect.Name + " rejected " + client.Rejected.ToString() + " of its downlinks");
                }
                table.Add("heap held by a connected client (" + ClientFootprint.Reports.ToString() + " reports, "
                    + ClientFootprint.Downlinks.ToString() + " downlinks), " + dialect.Name, 0,
                    Format.Bytes(client.ClientBytes) + ", of which the topic table " + Format.Bytes(client.TopicTableBytes)
                    + (client.RequestsWaiting > 0 ? "; " + client.RequestsWaiting.ToString() + " requests awaiting a reply" : string.Empty), null, null);
                table.Add("threads created while connecting and working, " + dialect.Name, 0, client.ThreadsStarted.ToString(), null, null);
            }

            Console.WriteLine(TableStarts);
            Console.WriteLine(table.ToMarkdown());
            Console.WriteLine("Runtime: nanoCLR " + SystemInfo.Version.ToString() + " (" + SystemInfo.Platform + ", " + SystemInfo.TargetName
                + "), heap block " + Heap.BlockBytes.ToString() + " B, clock " + DateTime.UtcNow.ToString("yyyy-MM-dd") + " UTC.");
            Console.WriteLine("Time per operation: DateTime.UtcNow over the fastest of 5 equal batches of the runs, after 10 warm-up runs, less the loop's own cost. "
                + "Garbage per operation: free heap from GC.Run(false) before up to 1,000 runs, less what single-block "
                + "allocations then fill before the next collection, less the window's own cost.");
            Console.WriteLine(TableEnds);
        }
    }
}
