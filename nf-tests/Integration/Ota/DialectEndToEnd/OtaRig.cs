using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using IotDevice.Client;
using IotDevice.Host.Http;
using IotDevice.Host.Ota;
using IotDevice.IntegrationTests.Support;
using IotDevice.Ota;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.IntegrationTests.Ota.DialectEndToEnd
{
    /// <summary>One status the engine reported (to the dialect and to StatusChanged), in order.</summary>
    internal sealed record EngineReport(UpdateStatus Status, int Percent, string Detail);

    /// <summary>
    /// The device's OTA side for a dialect test: an UpdateEngine on the test's DeviceClient, with the
    /// host HTTP transport and a FileUpdateStore in a temp folder, an installer and a config receiver
    /// that keep exactly the bytes they were handed, and every engine report recorded. The engine is
    /// started separately, so the folder can be seeded with a "running" firmware or config first.
    /// </summary>
    internal sealed class OtaRig : IDisposable
    {
        public const int ImageSize = 200 * 1024;

        /// <summary>The signed-URL query the platforms add; it must never show up in a report.</summary>
        public const string UrlSecret = "s3cr3t-Signature";

        private readonly HostHttpTransport _http = new HostHttpTransport();

        public OtaRig(DeviceClient client)
        {
            Folder = Path.Combine(Path.GetTempPath(), TestClients.Unique("ota-dialect"));
            Store = new FileUpdateStore(Folder);
            Engine = new UpdateEngine(client, _http, Store, new UpdateEngineOptions
            {
                RetryDelayMs = 100,
                StallTimeoutMs = 3000,
                MaxRetries = 3,
            })
            {
                InstallFirmware = Install,
                ReceiveConfig = Receive,
            };
            Engine.StatusChanged += (offer, status, percent, detail) => Reports.Enqueue(new EngineReport(status, percent, detail));
        }

        public string Folder { get; }

        public FileUpdateStore Store { get; }

        public UpdateEngine Engine { get; }

        /// <summary>What the installer callback read from each image it was given.</summary>
        public ConcurrentQueue<byte[]> Installed { get; } = new ConcurrentQueue<byte[]>();

        /// <summary>What the config receiver was given.</summary>
        public ConcurrentQueue<byte[]> Configs { get; } = new ConcurrentQueue<byte[]>();

        public ConcurrentQueue<EngineReport> Reports { get; } = new ConcurrentQueue<EngineReport>();

        public bool StagingFileExists => File.Exists(FileOf(FileUpdateStore.StagingFile));

        /// <summary>A deterministic image of <see cref="ImageSize"/> bytes.</summary>
        public static byte[] Image(int seed) => OtaImages.Make(ImageSize, seed);

        /// <summary>FastBee's "16md5": hex digits 8–23 of the MD5, upper case as the server writes it.</summary>
        public static string Md5Middle16(byte[] data) => Convert.ToHexString(MD5.HashData(data)).Substring(8, 16);

        /// <summary>Where the server serves <paramref name="path"/>, with a signed-URL query like the platforms'.</summary>
        public static string UrlOf(TestHttpServer server, string path) => server.BaseUrl + path + "?Expires=1700000000&Signature=" + UrlSecret;

        public string FileOf(string name) => Path.Combine(Folder, name);

        /// <summary>Puts a file in the store as if an earlier update had left it there.</summary>
        public void Seed(string name, byte[] content) => File.WriteAllBytes(FileOf(name), content);

        public byte[] Read(string name) => File.ReadAllBytes(FileOf(name));

        public void Start() => Engine.Start();

        /// <summary>Waits until the engine has reported <paramref name="status"/>.</summary>
        public EngineReport WaitFor(UpdateStatus status, int timeoutMs = 10000)
        {
            Eventually.True(() => Reports.Any(r => r.Status == status), "the engine reports " + status + "; so far: " + Describe(), timeoutMs);
            return Reports.First(r => r.Status == status);
        }

        public string Describe() => string.Join(", ", Reports.Select(r => r.Status + " " + r.Percent + (r.Detail == null ? "" : " (" + r.Detail + ")")));

        public void Dispose()
        {
            Engine.Stop();
            Store.Dispose();
            _http.Dispose();
            try
            {
                Directory.Delete(Folder, true);
            }
            catch (IOException)
            {
            }
        }

        // Reads the verified image in pieces, as an app copying it to a co-processor would.
        private bool Install(UpdateOffer offer, StoredUpdate image)
        {
            var copy = new MemoryStream();
            var piece = new byte[3000];
            for (long position = 0; position < image.Length;)
            {
                int read = image.Read(position, piece, 0, piece.Length);
                Assert.IsTrue(read > 0, "the stored image reads back to its end");
                copy.Write(piece, 0, read);
                position += read;
            }

            Installed.Enqueue(copy.ToArray());
            return true;
        }

        private bool Receive(UpdateOffer offer, byte[] config)
        {
            Configs.Enqueue(config);
            return true;
        }
    }
}
