using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using IotDevice.Crypto;

namespace IotDevice.Benchmarks
{
    /// <summary>
    /// The SDK's managed hashes against .NET's native ones. OTA pattern: a 64 KiB download hashed in
    /// 1 KiB pieces through one reused instance (must allocate nothing); connect pattern: the Alink
    /// MQTT password, HMAC-SHA256 of the sign content.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class CryptoBenchmarks
    {
        private const int Chunk = 1024;

        private static readonly byte[] AlinkKey = Encoding.UTF8.GetBytes("ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest");
        private static readonly byte[] AlinkContent = Encoding.UTF8.GetBytes(
            "clientIda1X2bEnTest.example1deviceNameexample1productKeya1X2bEnTesttimestamp2524608000000");

        private readonly byte[] _firmware = new byte[64 * 1024];
        private readonly Sha256 _sha256 = new Sha256();
        private readonly Md5 _md5 = new Md5();
        private readonly Hmac _hmac = new Hmac(new Sha256(), AlinkKey);
        private readonly byte[] _digest = new byte[32];

        [GlobalSetup]
        public void Setup()
        {
            for (int i = 0; i < _firmware.Length; i++)
            {
                _firmware[i] = (byte)(i * 31 + (i >> 8));
            }
        }

        [Benchmark(Baseline = true), BenchmarkCategory("SHA-256 64 KiB")]
        public byte[] Sha256_DotNet()
        {
            return SHA256.HashData(_firmware);
        }

        [Benchmark, BenchmarkCategory("SHA-256 64 KiB")]
        public byte Sha256_Streaming_1KiB()
        {
            for (int offset = 0; offset < _firmware.Length; offset += Chunk)
            {
                _sha256.Update(_firmware, offset, Chunk);
            }

            _sha256.Final(_digest, 0);
            return _digest[0];
        }

        [Benchmark(Baseline = true), BenchmarkCategory("MD5 64 KiB")]
        public byte[] Md5_DotNet()
        {
            return MD5.HashData(_firmware);
        }

        [Benchmark, BenchmarkCategory("MD5 64 KiB")]
        public byte Md5_Streaming_1KiB()
        {
            for (int offset = 0; offset < _firmware.Length; offset += Chunk)
            {
                _md5.Update(_firmware, offset, Chunk);
            }

            _md5.Final(_digest, 0);
            return _digest[0];
        }

        [Benchmark(Baseline = true), BenchmarkCategory("HMAC-SHA256 Alink sign")]
        public byte[] HmacSha256_DotNet()
        {
            return HMACSHA256.HashData(AlinkKey, AlinkContent);
        }

        /// <summary>What a connect does: a fresh HMAC (key schedule and buffers) per password.</summary>
        [Benchmark, BenchmarkCategory("HMAC-SHA256 Alink sign")]
        public byte[] HmacSha256_Compute()
        {
            return Hmac.Compute(new Sha256(), AlinkKey, AlinkContent);
        }

        /// <summary>A keyed instance reused: signing itself allocates nothing.</summary>
        [Benchmark, BenchmarkCategory("HMAC-SHA256 Alink sign")]
        public byte HmacSha256_Reused()
        {
            _hmac.Update(AlinkContent, 0, AlinkContent.Length);
            _hmac.Final(_digest, 0);
            return _digest[0];
        }
    }
}
