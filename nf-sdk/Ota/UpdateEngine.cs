using System;
using System.Threading;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Ota
{
    /// <summary>
    /// The OTA and remote-config engine every dialect shares. It takes the offers a dialect raises
    /// (<see cref="DeviceClient.UpdateOffered"/>), downloads the file over HTTP(S) in chunks straight into
    /// an <see cref="IUpdateStore"/> while hashing it, verifies size and digest (MD5, SHA-256, FastBee
    /// 16md5), stores it, hands it to the app, and reports every step through
    /// <see cref="DeviceClient.ReportUpdate"/> (so each dialect words it its own way) and
    /// <see cref="StatusChanged"/>: Downloading at 1 % and every <see cref="UpdateEngineOptions.ProgressStepPercent"/>,
    /// Verified, then Succeeded — or DownloadFailed, VerifyFailed, ApplyFailed, Failed with the reason.
    /// <para>
    /// The engine never flashes the device: in-field update is not in the stable ESP32 nanoFramework
    /// firmware. A verified firmware image is written to the board's storage and handed to the app's
    /// <see cref="InstallFirmware"/>; a verified config is handed to <see cref="ReceiveConfig"/> and kept
    /// in the store, so <see cref="ReadConfig"/> returns it after a restart. A file whose size or digest
    /// does not match is never handed over: it is deleted, reported VerifyFailed, and the previous
    /// version stays.
    /// </para>
    /// <para>
    /// One job at a time. A different offer while a job runs is refused: reported Failed ("busy") and
    /// counted — queuing it would let its signed URL expire, and the platforms offer again (re-push,
    /// Alink firmware/get, EZtCloud otaCheck). The same offer again (same kind, module, version, config
    /// id and digest) is not run twice: while it runs, a re-pushed URL replaces the old one for the
    /// next attempt (URLs are re-signed and expire); once applied, the re-push is answered with the
    /// final reports without downloading.
    /// </para>
    /// <para>
    /// A restart in the middle of a job: the store keeps the partial file and a job record (offer,
    /// bytes stored). At <see cref="Start"/> the job resumes with the saved URL from the stored bytes
    /// (their digest is rebuilt from the store) once the session is connected; if that URL has expired
    /// the platform's re-push supplies a fresh one, and a job that still cannot finish is cleaned up
    /// and reported failed. With <see cref="UpdateEngineOptions.ResumeAfterRestart"/> off it is cleaned
    /// up and reported failed at once.
    /// </para>
    /// </summary>
    public sealed partial class UpdateEngine
    {
        // Beyond the stall timeout, the time a store or the app's callback may take to let go.
        private const int StopWaitMs = 5000;

        private readonly object _sync = new object();
        private readonly DeviceClient _client;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly JsonWriter _recordWriter = new JsonWriter(512, 8192);

        private Thread _worker;
        private bool _started;
        private bool _stopRequested;
        private UpdateJob _next;
        private UpdateJob _current;
        private UpdateJob _lastApplied;

        public UpdateEngine(DeviceClient client, IHttpTransport http, IUpdateStore store, UpdateEngineOptions options)
        {
            if (client == null || http == null || store == null)
            {
                throw new ArgumentNullException(client == null ? "client" : http == null ? "http" : "store");
            }

            _client = client;
            Http = http;
            Store = store;
            Options = options == null ? new UpdateEngineOptions() : options;
            Counters = new UpdateCounters();
        }

        /// <summary>
        /// Every state of every job, as reported to the platform (on the engine's thread). A field, as the
        /// engine's other callbacks are: an event's accessors cost flash on the device, and += works the same.
        /// </summary>
        public UpdateStatusHandler StatusChanged;

        /// <summary>Installs verified firmware images. Without one, a firmware job ends ApplyFailed (the image stays stored).</summary>
        public FirmwareInstaller InstallFirmware;

        /// <summary>
        /// Receives verified configs. On the device the app can turn the bytes into its own class with
        /// nanoFramework.Json (off the hot path):
        /// <code>
        /// engine.ReceiveConfig = (offer, bytes) =&gt;
        /// {
        ///     string json = Encoding.UTF8.GetString(bytes, 0, bytes.Length);
        ///     var settings = (PumpSettings)JsonConvert.DeserializeObject(json, typeof(PumpSettings));
        ///     return pump.Apply(settings);
        /// };
        /// </code>
        /// Without a receiver a verified config is simply stored (read it with <see cref="ReadConfig"/>).
        /// </summary>
        public ConfigReceiver ReceiveConfig;

        public readonly UpdateEngineOptions Options;

        internal readonly IHttpTransport Http;

        internal readonly IUpdateStore Store;

        public readonly UpdateCounters Counters;

        /// <summary>Whether a job is running or about to.</summary>
        public bool IsBusy
        {
            get
            {
                lock (_sync)
                {
                    return _current != null || _next != null;
                }
            }
        }

        internal bool StopRequested
        {
            get
            {
                lock (_sync)
                {
                    return _stopRequested;
                }
            }
        }

        /// <summary>
        /// Listens for offers and starts the engine's thread. A job a restart interrupted is picked up
        /// from the store's record (see the class remarks).
        /// </summary>
        public void Start()
        {
            lock (_sync)
            {
                if (_started)
                {
                    return;
                }

                _started = true;
                _stopRequested = false;
            }

            Recover();
            _client.UpdateOffered += OnOffered;
            _worker = new Thread(Work);
            _worker.Start();
        }

        /// <summary>
        /// Stops listening and ends the engine's thread (a download blocked in the transport notices within
        /// the stall timeout). A job in progress is suspended, not failed: its staged bytes and record
        /// stay, and the next <see cref="Start"/> resumes it.
        /// </summary>
        public void Stop()
        {
            Thread worker;
            lock (_sync)
            {
                if (!_started)
                {
                    return;
                }

                _stopRequested = true;
                worker = _worker;
            }

            _client.UpdateOffered -= OnOffered;
            _wake.Set();
            if (worker != null && worker != Thread.CurrentThread)
            {
                // A download blocked in the transport notices the stop within its stall timeout.
                worker.Join(Options.StallTimeoutMs + StopWaitMs);
            }

            lock (_sync)
            {
                _started = false;
                _worker = null;
                _next = null;
            }
        }

        /// <summary>
        /// Hands an offer to the engine (what <see cref="DeviceClient.UpdateOffered"/> does). Returns true
        /// when a job will run for it; a refusal or a duplicate is reported and counted, and false returned.
        /// </summary>
        public bool Offer(UpdateOffer offer)
        {
            if (offer == null)
            {
                return false;
            }

            string problem = Check(offer);
            if (problem != null)
            {
                Interlocked.Increment(ref Counters.Refused);
                Report(offer, UpdateStatus.Failed, 0, "unusable offer: " + problem);
                return false;
            }

            string identity = UpdateJob.IdentityOf(offer);
            UpdateJob active;
            bool alreadyApplied = false;
            lock (_sync)
            {
                active = _current != null ? _current : _next;
                if (active == null)
                {
                    alreadyApplied = _lastApplied != null && _lastApplied.Identity == identity;
                    if (!alreadyApplied && _started && !_stopRequested)
                    {
                        _next = new UpdateJob(offer);
                        _wake.Set();
                        return true;
                    }
                }
            }

            if (active != null && active.Identity == identity)
            {
                Interlocked.Increment(ref Counters.Duplicates);
                bool fresh = active.ReplaceUrl(offer.Url);
                Log(active.Describe() + " offered again while running" + (fresh ? "; next attempt uses the new URL" : ""));
                if (fresh)
                {
                    _wake.Set();
                }

                return false;
            }

            if (alreadyApplied)
            {
                Interlocked.Increment(ref Counters.Duplicates);
                string detail = "already applied";
                if (offer.Kind == UpdateKind.Config)
                {
                    Report(offer, UpdateStatus.Verified, 100, detail);
                }

                Report(offer, UpdateStatus.Succeeded, 100, detail);
                return false;
            }

            Interlocked.Increment(ref Counters.Refused);
            Report(offer, UpdateStatus.Failed, 0, active != null ? "busy: " + active.Describe() + " is in progress" : "the update engine is not running");
            return false;
        }

        /// <summary>The last verified config in the store (it survives restarts), or null when there is none.</summary>
        public byte[] ReadConfig()
        {
            long length = Store.GetLength(UpdateKind.Config);
            if (length < 0)
            {
                return null;
            }

            return new StoredUpdate(Store, UpdateKind.Config, length).ReadAll();
        }

        /// <summary>
        /// Waits up to <paramref name="ms"/>, or with <paramref name="untilConnected"/> until the session is
        /// connected (looking every 100 ms); false as soon as the engine is stopping.
        /// </summary>
        internal bool Pause(int ms, bool untilConnected)
        {
            DeviceSession session = _client.Session;
            long deadline = session.Clock.NowMs + ms;
            while (!StopRequested)
            {
                long left = deadline - session.Clock.NowMs;
                if (left <= 0 || (untilConnected && session.IsConnected))
                {
                    return true;
                }

                session.Clock.Wait(_wake, untilConnected ? 100 : (int)left);
            }

            return false;
        }

        internal void Log(string message)
        {
            _client.Session.Write("ota: " + message);
        }

        /// <summary>The detail for a store that threw: what it was asked to do, and its message.</summary>
        internal static string StoreFailed(string action, Exception e)
        {
            return "store " + action + " failed: " + e.Message;
        }

        private void OnOffered(UpdateOffer offer)
        {
            Offer(offer);
        }

        /// <summary>Why an offer cannot be run at all, or null.</summary>
        private static string Check(UpdateOffer offer)
        {
            if (offer.Kind != UpdateKind.Firmware && offer.Kind != UpdateKind.Config)
            {
                return "unknown kind";
            }

            if (!UrlText.IsHttp(offer.Url))
            {
                return "no http(s) URL";
            }

            if (offer.Size < 0)
            {
                return "negative size";
            }

            return null;
        }

        private void Work()
        {
            while (true)
            {
                UpdateJob job;
                lock (_sync)
                {
                    if (_stopRequested)
                    {
                        return;
                    }

                    job = _next;
                    _next = null;
                    _current = job;
                }

                if (job == null)
                {
                    _wake.WaitOne(1000, false);
                    continue;
                }

                try
                {
                    RunJob(job);
                }
                catch (Exception e)
                {
                    // A bug or a store that throws where it should not: the job ends, the engine goes on.
                    Finish(job, UpdateStatus.Failed, "internal error: " + e.Message);
                }

                lock (_sync)
                {
                    _current = null;
                }
            }
        }

        /// <summary>Reads the job record: a pending job is queued to resume (or be failed), an applied one remembered.</summary>
        private void Recover()
        {
            byte[] record;
            try
            {
                record = Store.LoadRecord();
            }
            catch (Exception e)
            {
                Log(StoreFailed("record read", e));
                return;
            }

            string state;
            UpdateJob job = JobRecord.Read(record, out state);
            if (job == null)
            {
                if (record != null)
                {
                    Log("unreadable job record discarded");
                    Quietly(true, true);
                }

                return;
            }

            if (state == JobRecord.Applied)
            {
                _lastApplied = job;
                Quietly(true, false);
                return;
            }

            job.WasApplying = state == JobRecord.Applying;
            Log("found " + job.Describe() + (job.WasApplying ? " handed to the app before a restart" : " interrupted at " + job.Bytes.ToString() + " bytes"));
            lock (_sync)
            {
                _next = job;
            }
        }

        /// <summary>Best-effort clean-up that must not stop the engine.</summary>
        private void Quietly(bool abortStaging, bool deleteRecord)
        {
            try
            {
                if (abortStaging)
                {
                    Store.Abort();
                }

                if (deleteRecord)
                {
                    Store.DeleteRecord();
                }
            }
            catch (Exception e)
            {
                Log(StoreFailed("clean-up", e));
            }
        }
    }
}
