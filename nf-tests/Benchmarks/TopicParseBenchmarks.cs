using System;
using BenchmarkDotNet.Attributes;
using IotDevice.Dialects.Alink;
using IotDevice.Dialects.EztCloud;
using IotDevice.Dialects.FastBee;
using IotDevice.Topics;

namespace IotDevice.Benchmarks
{
    /// <summary>
    /// Classifying an inbound command topic: the SDK's in-place parser against what peer SDKs do —
    /// split the topic on '/', compare the parts, cut the identifier out with Substring.
    /// </summary>
    [MemoryDiagnoser]
    public class TopicParseBenchmarks
    {
        private const string FastBeeTopic = "/41/D6329VL548866/function/get";
        private const string AlinkTopic = "/sys/a1X2bEnTest/example1/thing/service/SetWeight";
        private const string EztCloudTopic = "data_set/DU_JEwVTAmL3m/modbus";

        private TopicTable _fastBee;
        private TopicTable _alink;
        private TopicTable _eztCloud;

        [GlobalSetup]
        public void Setup()
        {
            _fastBee = FastBeeTopics.Create("41", "D6329VL548866");
            _alink = AlinkTopics.Create("a1X2bEnTest", "example1");
            _eztCloud = EztCloudTopics.Create("DU_JEwVTAmL3m");
        }

        [Benchmark(Baseline = true), BenchmarkCategory("FastBee")]
        public int FastBee_Split() => NaiveFastBee(FastBeeTopic);

        [Benchmark, BenchmarkCategory("FastBee")]
        public int FastBee_Parse() => (int)_fastBee.Parse(FastBeeTopic).Kind;

        [Benchmark, BenchmarkCategory("Alink")]
        public int Alink_Split() => NaiveAlink(AlinkTopic);

        [Benchmark, BenchmarkCategory("Alink")]
        public int Alink_Parse()
        {
            TopicMatch match = _alink.Parse(AlinkTopic);
            return (int)match.Kind + (match.HasArg ? 1 : 0);
        }

        [Benchmark, BenchmarkCategory("EztCloud")]
        public int EztCloud_Split() => NaiveEztCloud(EztCloudTopic);

        [Benchmark, BenchmarkCategory("EztCloud")]
        public int EztCloud_Parse()
        {
            TopicMatch match = _eztCloud.Parse(EztCloudTopic);
            return (int)match.Kind + (match.HasArg ? 1 : 0);
        }

        // The baselines do the same job as the parser for the topic measured: check the identity,
        // recognise the verb, extract the identifier.
        private static int NaiveFastBee(string topic)
        {
            string[] parts = topic.Split('/');
            if (parts.Length != 5 || parts[1] != "41" || parts[2] != "D6329VL548866")
            {
                return 0;
            }
            string name = parts[3] + "/" + parts[4];
            return name == "function/get" ? (int)TopicKind.Command : -1;
        }

        private static int NaiveAlink(string topic)
        {
            string[] parts = topic.Split('/');
            if (parts.Length < 6 || parts[1] != "sys" || parts[2] != "a1X2bEnTest" || parts[3] != "example1")
            {
                return 0;
            }
            string rest = string.Join("/", parts, 4, parts.Length - 4);
            if (rest.StartsWith("thing/service/", StringComparison.Ordinal) && parts.Length == 7)
            {
                string service = rest.Substring("thing/service/".Length);
                return (int)TopicKind.Command + service.Length;
            }
            return -1;
        }

        private static int NaiveEztCloud(string topic)
        {
            string[] parts = topic.Split('/');
            if (parts.Length < 3 || parts[1] != "DU_JEwVTAmL3m")
            {
                return 0;
            }
            if (parts[0] == "data_set")
            {
                string identifier = string.Join("/", parts, 2, parts.Length - 2);
                return (int)TopicKind.DataSet + identifier.Length;
            }
            return -1;
        }
    }
}
