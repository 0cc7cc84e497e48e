using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Crypto;
using IotDevice.Ota;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Benchmarks
{
    /// <summary>
    /// OTA hot paths over a 1 MiB image arriving in 4 KiB chunks: the streaming digests (beside .NET's
    /// native incremental hashes), and a whole download through the update engine — fake HTTP server in
    /// memory, a store that keeps nothing — beside the naive way (buffer the image, then hash it). The
    /// MB/s column is 1 MiB divided by the mean; Allocated is per MiB streamed.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    [Config(typeof(ThroughputConfig))]
    public class OtaBenchmarks
    {
        private const int ImageSize = 1024 * 1024;
        private const int Chunk = 4096;

        private readonly byte[] _image = new byte[ImageSize];
        private readonly byte[] _digest = new byte[32];
        private readonly Sha256 _sha256 = new Sha256();
        private readonly Md5 _md5 = new Md5();
        private readonly AutoResetEvent _jobEnded = new AutoResetEvent(false);
        private IncrementalHash _dotNetSha256;
        private IncrementalHash _dotNetMd5;
        private UpdateEngine _engine;
        private UpdateOffer[] _offers;
        private int _next;
        private UpdateStatus _lastStatus;

        private sealed class ThroughputConfig : ManualConfig
        {
            public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn(ImageSize));
        }

        [GlobalSetup]
        public void Setup()
        {
            new Random(7).NextBytes(_image);
            _dotNetSha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _dotNetMd5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);

            var client = new DeviceClient(new IdleMqttTransport(), new SilentDialect(), new SessionOptions());
            _engine = new UpdateEngine(client, new MemoryHttpTransport(_image, Chunk), new NullUpdateStore(), new UpdateEngineOptions());
            _engine.InstallFirmware = (offer, image) => true;
            _engine.StatusChanged += (offer, status, percent, detail) =>
            {
                if (status != UpdateStatus.Downloading && status != UpdateStatus.Verified)
                {
                    _lastStatus = status;
                    _jobEnded.Set();
                }
            };
            _engine.Start();

            // Two offers taken in turn: each is new again once the other was applied.
            string md5 = Hex.ToHex(MD5.HashData(_image), false);
            _offers = new[] { Offer("1.0.0", md5), Offer("1.0.1", md5) };
        }

        [GlobalCleanup]
        public void Cleanup() => _engine.Stop();

        [Benchmark(Baseline = true), BenchmarkCategory("SHA-256 1 MiB in 4 KiB")]
        public byte Sha256_DotNet_Incremental()
        {
            for (int offset = 0; offset < ImageSize; offset += Chunk)
            {
                _dotNetSha256.AppendData(_image, offset, Chunk);
            }

            _dotNetSha256.GetHashAndReset(_digest);
            return _digest[0];
        }

        [Benchmark, BenchmarkCategory("SHA-256 1 MiB in 4 KiB")]
        public byte Sha256_Streaming()
        {
            for (int offset = 0; offset < ImageSize; offset += Chunk)
            {
                _sha256.Update(_image, offset, Chunk);
            }

            _sha256.Final(_digest, 0);
            return _digest[0];
        }

        [Benchmark(Baseline = true), BenchmarkCategory("MD5 1 MiB in 4 KiB")]
        public byte Md5_DotNet_Incremental()
        {
            for (int offset = 0; offset < ImageSize; offset += Chunk)
            {
                _dotNetMd5.AppendData(_image, offset, Chunk);
            }

            _dotNetMd5.GetHashAndReset(_digest);
            return _digest[0];
        }

        [Benchmark, BenchmarkCategory("MD5 1 MiB in 4 KiB")]
        public byte Md5_Streaming()
        {
            for (int offset = 0; offset < ImageSize; offset += Chunk)
            {
                _md5.Update(_image, offset, Chunk);
            }

            _md5.Final(_digest, 0);
            return _digest[0];
        }

        /// <summary>The naive download: keep every chunk in memory, then hash the whole image.</summary>
        [Benchmark(Baseline = true), BenchmarkCategory("Download 1 MiB (MD5)")]
        public byte Download_BufferThenHash()
        {
            var whole = new MemoryStream();
            for (int offset = 0; offset < ImageSize; offset += Chunk)
            {
                whole.Write(_image, offset, Chunk);
            }

            byte[] image = whole.ToArray();
            return new Md5().ComputeHash(image, 0, image.Length)[0];
        }

        /// <summary>A whole job through the engine: offer, stream + hash + store, verify, apply, every report.</summary>
        [Benchmark, BenchmarkCategory("Download 1 MiB (MD5)")]
        public UpdateStatus Download_ThroughEngine()
        {
            UpdateOffer offer = _offers[_next];
            _next ^= 1;
            _engine.Offer(offer);
            _jobEnded.WaitOne();
            if (_lastStatus != UpdateStatus.Succeeded)
            {
                throw new InvalidOperationException("the benchmark job failed");
            }

            return _lastStatus;
        }

        private static UpdateOffer Offer(string version, string md5) => new UpdateOffer
        {
            Kind = UpdateKind.Firmware,
            Url = "http://bench.example/fw.bin",
            Size = ImageSize,
            Version = version,
            DigestMethod = DigestMethod.Md5,
            Digest = md5,
        };

        /// <summary>MB/s: the bytes each operation processes over its mean time.</summary>
        private sealed class MegabytesPerSecondColumn : IColumn
        {
            private readonly long _bytesPerOperation;

            public MegabytesPerSecondColumn(long bytesPerOperation) => _bytesPerOperation = bytesPerOperation;

            public string Id => "MBps";

            public string ColumnName => "MB/s";

            public bool AlwaysShow => true;

            public ColumnCategory Category => ColumnCategory.Custom;

            public int PriorityInCategory => 0;

            public bool IsNumeric => true;

            public UnitType UnitType => UnitType.Dimensionless;

            public string Legend => "Megabytes (10^6 bytes) processed per second: 1 MiB over the mean";

            public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

            public bool IsAvailable(Summary summary) => true;

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
            {
                BenchmarkReport report = summary[benchmarkCase];
                if (report?.ResultStatistics == null)
                {
                    return "-";
                }

                double seconds = report.ResultStatistics.Mean / 1e9;
                return (_bytesPerOperation / seconds / 1e6).ToString("N1");
            }
        }

        /// <summary>Serves the image from memory in chunks, allocating nothing per request.</summary>
        private sealed class MemoryHttpTransport : IHttpTransport
        {
            private readonly byte[] _image;
            private readonly int _chunk;

            public MemoryHttpTransport(byte[] image, int chunk)
            {
                _image = image;
                _chunk = chunk;
            }

            public string LastError => null;

            public HttpOutcome Get(string url, long rangeStart, IHttpBodySink sink, int stallTimeoutMs)
            {
                if (!sink.OnResponse(200, _image.Length, null))
                {
                    return HttpOutcome.Aborted;
                }

                for (int offset = 0; offset < _image.Length; offset += _chunk)
                {
                    if (!sink.OnData(_image, offset, Math.Min(_chunk, _image.Length - offset)))
                    {
                        return HttpOutcome.Aborted;
                    }
                }

                return HttpOutcome.Completed;
            }
        }

        /// <summary>A store that takes every byte and keeps none (the download's own cost, not a disk's).</summary>
        private sealed class NullUpdateStore : IUpdateStore
        {
            private long _staged;

            public long GetCapacity(UpdateKind kind) => -1;

            public long Begin(UpdateKind kind, long expectedSize, long keepBytes)
            {
                _staged = 0;
                return 0;
            }

            public void Write(byte[] buffer, int offset, int count) => _staged += count;

            public int ReadPartial(long position, byte[] buffer, int offset, int count) => 0;

            public void Close()
            {
            }

            public void Commit()
            {
            }

            public void Abort() => _staged = 0;

            public long GetLength(UpdateKind kind) => _staged;

            public int Read(UpdateKind kind, long position, byte[] buffer, int offset, int count) => 0;

            public void Delete(UpdateKind kind)
            {
            }

            public void SaveRecord(byte[] record, int length)
            {
            }

            public byte[] LoadRecord() => null;

            public void DeleteRecord()
            {
            }
        }

        /// <summary>The client is never started: reports go straight to the dialect.</summary>
        private sealed class IdleMqttTransport : IMqttTransport
        {
            public void Listen(IMqttTransportListener listener)
            {
            }

            public bool IsConnected => false;

            public string LastError => null;

            public MqttConnectResult Connect(MqttConnectOptions options) => MqttConnectResult.ServerUnavailable;

            public ushort Subscribe(string[] filters, MqttQos[] qos) => 0;

            public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain) => 0;

            public void Disconnect()
            {
            }
        }

        private sealed class SilentDialect : IDeviceDialect
        {
            public void Attach(IDialectHost host)
            {
            }

            public SendResult ReportProperties(PropertyReport report, out long id)
            {
                id = 0;
                return SendResult.Accepted;
            }

            public SendResult ReportEvent(string eventId, PropertyReport parameters, out long id)
            {
                id = 0;
                return SendResult.Accepted;
            }

            public SendResult RequestTime() => SendResult.NotConnected;

            public void Disconnected()
            {
            }

            public void Stop()
            {
            }

            public SendResult ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail) => SendResult.Accepted;

            public MqttConnectOptions CreateConnectOptions() => new MqttConnectOptions();

            public string[] GetSubscribeFilters() => Array.Empty<string>();

            public MqttQos GetSubscribeQos() => MqttQos.AtMostOnce;

            public void Announce()
            {
            }

            public void HandleMessage(string topic, byte[] payload, bool retained)
            {
            }
        }
    }
}
