using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using IotDevice.Json;

namespace IotDevice.Benchmarks
{
    /// <summary>
    /// Reading what a command handler needs from a real-sized downlink (an Alink OTA push, 430 bytes):
    /// the in-place reader against building the object tree first (System.Text.Json's JsonNode, the
    /// shape of nanoFramework.Json's Hashtable result).
    /// </summary>
    [MemoryDiagnoser]
    public class JsonLookupBenchmarks
    {
        private static readonly byte[] Payload = Encoding.UTF8.GetBytes(
            "{\"code\":\"1000\",\"data\":{\"size\":432945,\"version\":\"2.0.0\",\"isDiff\":1," +
            "\"url\":\"https://iotx-ota.oss-cn-shanghai.aliyuncs.com/ota/3b9f7d1c/firmware-2.0.0.bin?Expires=1750234507&OSSAccessKeyId=LTAI4G&Signature=x0aQ%2B8bS\"," +
            "\"md5\":\"93230c3bde425a9d7984a594ac55ea1e\",\"sign\":\"93230c3bde425a9d7984a594ac55ea1e\",\"signMethod\":\"Md5\"," +
            "\"module\":\"MCU\",\"extData\":{\"key1\":\"value1\",\"key2\":\"value2\"}},\"id\":\"1507707025\",\"message\":\"success\"}");

        [Benchmark(Baseline = true)]
        public long ObjectTree()
        {
            JsonNode root = JsonNode.Parse(Payload);
            long id = long.Parse((string)root["id"]);
            bool success = (string)root["message"] == "success";
            long size = (long)root["data"]["size"];
            bool md5 = ((string)root["data"]["signMethod"]).Length == 3;
            return success && md5 ? id + size : 0;
        }

        [Benchmark]
        public long InPlace()
        {
            JsonElement root = JsonReader.Parse(Payload, 0, Payload.Length);
            long id;
            root.Get("id").TryGetInt64(out id);
            bool success = root.Get("message").ValueEquals("success");
            JsonElement data = root.Get("data");
            long size;
            data.Get("size").TryGetInt64(out size);
            bool md5 = data.Get("signMethod").ValueEquals("Md5");
            return success && md5 ? id + size : 0;
        }
    }
}
