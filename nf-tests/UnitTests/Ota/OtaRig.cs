using System;
using System.Collections;
using IotDevice.Client;
using IotDevice.Crypto;
using IotDevice.Ota;
using IotDevice.Session;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Ota
{
    /// <summary>
    /// A device for the OTA tests: a DeviceClient over the fake MQTT transport with the recording
    /// dialect, a scripted HTTP server holding one image, an in-memory store, and the engine with short
    /// timings. The installer and config receiver record what the app was given.
    /// </summary>
    internal sealed class OtaRig : IDisposable
    {
        public const string ImageUrl = "http://files.example/fw/app-2.0.0.bin?Expires=1700000000&Signature=s3cr3t";

        /// <summary>Threads that wait on the clock while a job runs: the session's worker and the engine's.</summary>
        public const int ClockThreads = 2;

        public readonly FakeTransport Mqtt = new FakeTransport();
        public readonly ManualClock Clock = new ManualClock();
        public readonly RecordingDialect Dialect = new RecordingDialect();
        public readonly DeviceClient Client;
        public readonly FakeHttpTransport Http;
        public readonly MemoryUpdateStore Store;
        public readonly ArrayList Log = new ArrayList();
        public UpdateEngine Engine;

        /// <summary>Images the installer was given, read back through StoredUpdate.</summary>
        public readonly ArrayList Installed = new ArrayList();

        /// <summary>Configs the receiver was given.</summary>
        public readonly ArrayList Configs = new ArrayList();

        /// <summary>What the installer or receiver answers.</summary>
        public bool AppAccepts = true;

        /// <summary>Verified reports already sent when the app was called (-1: not called).</summary>
        public int VerifiedSeenByApp = -1;

        /// <summary>The job record as it stood while the app applied the update.</summary>
        public byte[] RecordDuringApply;

        public OtaRig(byte[] image, long capacity)
        {
            SessionOptions session = new SessionOptions();
            session.Clock = Clock;
            Client = new DeviceClient(Mqtt, Dialect, session);
            Client.Session.Log += message =>
            {
                lock (Log)
                {
                    Log.Add(message);
                }
            };
            Http = new FakeHttpTransport(image, 1024);
            Store = new MemoryUpdateStore(capacity);
            Client.Start();
            Waits.Until(() => Client.Session.IsAnnounced, "the client connects to the fake broker");
            Engine = NewEngine(FastOptions());
        }

        /// <summary>Few retries; the pauses are the clock's, so their length costs no real time.</summary>
        public static UpdateEngineOptions FastOptions()
        {
            UpdateEngineOptions options = new UpdateEngineOptions();
            options.RetryDelayMs = 2000;
            options.StallTimeoutMs = 1000;
            options.MaxRetries = 3;
            options.ConnectWaitMs = 2000;
            return options;
        }

        /// <summary>A fresh engine on the same client, store and server (a restarted device), started.</summary>
        public UpdateEngine NewEngine(UpdateEngineOptions options)
        {
            UpdateEngine engine = new UpdateEngine(Client, Http, Store, options);
            engine.InstallFirmware = Install;
            engine.ReceiveConfig = Receive;
            engine.Start();
            Engine = engine;
            return engine;
        }

        /// <summary>Deterministic, non-repeating test bytes.</summary>
        public static byte[] MakeImage(int size)
        {
            byte[] image = new byte[size];
            uint state = 2463534242;
            for (int i = 0; i < size; i++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                image[i] = (byte)state;
            }

            return image;
        }

        public static string Md5Hex(byte[] data)
        {
            return Hex.ToHex(new Md5().ComputeHash(data, 0, data.Length), false);
        }

        public static string Sha256Hex(byte[] data)
        {
            return Hex.ToHex(new Sha256().ComputeHash(data, 0, data.Length), true);
        }

        /// <summary>A firmware offer for the server's image, with its MD5.</summary>
        public UpdateOffer FirmwareOffer()
        {
            UpdateOffer offer = new UpdateOffer();
            offer.Kind = UpdateKind.Firmware;
            offer.Url = ImageUrl;
            offer.Size = Http.Image.Length;
            offer.Version = "2.0.0";
            offer.Module = "MCU";
            offer.DigestMethod = DigestMethod.Md5;
            offer.Digest = Md5Hex(Http.Image);
            offer.CorrelationId = "1507707025";
            return offer;
        }

        /// <summary>Pushes the offer as a dialect would, and waits for the job's last report.</summary>
        public UpdateReport Run(UpdateOffer offer)
        {
            int before = Terminal();
            Dialect.Push(offer);
            Until(() => Terminal() > before && !Engine.IsBusy, "the job ends");
            return Dialect.Last();
        }

        /// <summary>Reports that end a job (or answer an offer).</summary>
        public int Terminal()
        {
            return Dialect.Count(UpdateStatus.Succeeded) + Dialect.Count(UpdateStatus.Failed) + Dialect.Count(UpdateStatus.DownloadFailed)
                + Dialect.Count(UpdateStatus.VerifyFailed) + Dialect.Count(UpdateStatus.ApplyFailed);
        }

        /// <summary>Downloading percentages reported, in order.</summary>
        public int[] Progress()
        {
            UpdateReport[] reports = Dialect.Reports();
            ArrayList percents = new ArrayList();
            for (int i = 0; i < reports.Length; i++)
            {
                if (reports[i].Status == UpdateStatus.Downloading)
                {
                    percents.Add(reports[i].Percent);
                }
            }

            int[] result = new int[percents.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (int)percents[i];
            }

            return result;
        }

        /// <summary>Fails the test unless the Downloading reports start at 1, rise strictly, end at 100 and are few.</summary>
        public void AssertProgress(int step)
        {
            int[] progress = Progress();
            Assert.IsTrue(progress.Length >= 2, "at least the start and the end are reported");
            Assert.AreEqual(1, progress[0], "the first report says 1 %");
            Assert.AreEqual(100, progress[progress.Length - 1], "the last report says 100 %");
            Assert.IsTrue(progress.Length <= 100 / step + 2, "reports are per step, not per chunk: " + progress.Length.ToString());
            for (int i = 1; i < progress.Length; i++)
            {
                Assert.IsTrue(progress[i] > progress[i - 1], "progress rises: " + progress[i - 1].ToString() + " then " + progress[i].ToString());
            }
        }

        /// <summary>Status codes of all reports, in order, as text ("1,1,2,3").</summary>
        public string Statuses()
        {
            UpdateReport[] reports = Dialect.Reports();
            string text = "";
            for (int i = 0; i < reports.Length; i++)
            {
                text += (i == 0 ? "" : ",") + ((int)reports[i].Status).ToString();
            }

            return text;
        }

        public static bool SameBytes(byte[] expected, byte[] actual)
        {
            if (expected == null || actual == null || expected.Length != actual.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether any log line contains <paramref name="text"/>.</summary>
        public bool Logged(string text)
        {
            lock (Log)
            {
                for (int i = 0; i < Log.Count; i++)
                {
                    if (((string)Log[i]).IndexOf(text) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Waits until <paramref name="condition"/> holds, letting the clock run through retry pauses (see <see cref="Waits.Stepping"/>).</summary>
        public void Until(WaitCondition condition, string what)
        {
            Waits.Stepping(Clock, ClockThreads, condition, what);
        }

        public void Dispose()
        {
            Http.Release();
            Engine.Stop();
            Client.Stop();
        }

        private bool Install(UpdateOffer offer, StoredUpdate image)
        {
            byte[] copy = new byte[(int)image.Length];
            byte[] piece = new byte[700];
            long position = 0;
            while (position < image.Length)
            {
                int read = image.Read(position, piece, 0, piece.Length);
                if (read <= 0)
                {
                    throw new InvalidOperationException("the stored image ended early");
                }

                Array.Copy(piece, 0, copy, (int)position, read);
                position += read;
            }

            VerifiedSeenByApp = Dialect.Count(UpdateStatus.Verified);
            RecordDuringApply = Store.Record;
            Installed.Add(copy);
            return AppAccepts;
        }

        private bool Receive(UpdateOffer offer, byte[] config)
        {
            VerifiedSeenByApp = Dialect.Count(UpdateStatus.Verified);
            RecordDuringApply = Store.Record;
            Configs.Add(config);
            return AppAccepts;
        }
    }
}
