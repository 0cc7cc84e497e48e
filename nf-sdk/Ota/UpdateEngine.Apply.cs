using System;
using System.Threading;
using IotDevice.Client;

namespace IotDevice.Ota
{
    /// <summary>The end of a job: the verified file stored and handed to the app, or the job failed and cleaned up.</summary>
    public sealed partial class UpdateEngine
    {
        // One wording for configs and firmware alike.
        private const string AppRefused = "the app did not accept it";
        private const string AppFailed = "the app failed to apply it: ";

        /// <summary>A config is handed over from the staging file and stored only once the app took it.</summary>
        private void ApplyConfig(UpdateJob job)
        {
            byte[] config = new byte[(int)job.Bytes];
            int done = 0;
            while (done < config.Length)
            {
                int read = Store.ReadPartial(done, config, done, config.Length - done);
                if (read <= 0)
                {
                    Finish(job, UpdateStatus.ApplyFailed, "the staged file ended early");
                    return;
                }

                done += read;
            }

            Report(job.Offer, UpdateStatus.Verified, 100, job.Describe());
            SaveRecord(job, JobRecord.Applying);
            ConfigReceiver receiver = ReceiveConfig;
            string refusal = null;
            if (receiver != null)
            {
                try
                {
                    refusal = receiver(job.Offer, config) ? null : AppRefused;
                }
                catch (Exception e)
                {
                    refusal = AppFailed + e.Message;
                }
            }

            if (refusal != null)
            {
                Finish(job, UpdateStatus.ApplyFailed, refusal);
                return;
            }

            if (CommitStaged(job))
            {
                Succeed(job, job.Describe());
            }
        }

        /// <summary>A firmware image is stored first (verified), then given to the app to install.</summary>
        private void ApplyFirmware(UpdateJob job)
        {
            if (!CommitStaged(job))
            {
                return;
            }

            Report(job.Offer, UpdateStatus.Verified, 100, job.Describe());
            FirmwareInstaller installer = InstallFirmware;
            if (installer == null)
            {
                Finish(job, UpdateStatus.ApplyFailed, "no firmware installer; the image stays stored");
                return;
            }

            SaveRecord(job, JobRecord.Applying);
            string refusal;
            try
            {
                StoredUpdate image = new StoredUpdate(Store, UpdateKind.Firmware, Store.GetLength(UpdateKind.Firmware));
                refusal = installer(job.Offer, image) ? null : AppRefused;
            }
            catch (Exception e)
            {
                refusal = AppFailed + e.Message;
            }

            if (refusal != null)
            {
                Finish(job, UpdateStatus.ApplyFailed, refusal);
                return;
            }

            Succeed(job, job.Describe());
        }

        /// <summary>The staged file replaces the current one; false (and the job finished) when the store fails.</summary>
        private bool CommitStaged(UpdateJob job)
        {
            try
            {
                Store.Commit();
                return true;
            }
            catch (Exception e)
            {
                Finish(job, UpdateStatus.ApplyFailed, StoreFailed("commit", e));
                return false;
            }
        }

        /// <summary>
        /// The app had the verified file when the device restarted — most likely its apply restarted it.
        /// Handing it over again could restart it forever, so the update counts as applied (a config is
        /// stored first); the dialect's version report after the restart tells the platform the rest.
        /// </summary>
        private void ConcludeApplying(UpdateJob job)
        {
            if (job.Offer.Kind == UpdateKind.Config)
            {
                string lost = null;
                try
                {
                    if (Store.Begin(UpdateKind.Config, job.Total, job.Bytes) != job.Bytes || job.Bytes == 0)
                    {
                        lost = string.Empty;
                    }
                }
                catch (Exception e)
                {
                    lost = ": " + e.Message;
                }

                if (lost != null)
                {
                    Finish(job, UpdateStatus.ApplyFailed, "verified config lost in a restart" + lost);
                    return;
                }

                if (!CommitStaged(job))
                {
                    return;
                }
            }

            Succeed(job, "applied before a restart");
        }

        private void Succeed(UpdateJob job, string detail)
        {
            lock (_sync)
            {
                _lastApplied = job;
            }

            SaveRecord(job, JobRecord.Applied);
            Interlocked.Increment(ref Counters.Succeeded);
            EndJob(job);
            Report(job.Offer, UpdateStatus.Succeeded, 100, detail);
        }

        /// <summary>
        /// Ends a job that failed: nothing staged is kept (a firmware image the app failed to install is
        /// already committed, and stays), the record goes back to the last applied job.
        /// </summary>
        private void Finish(UpdateJob job, UpdateStatus status, string detail)
        {
            UpdateJob applied;
            lock (_sync)
            {
                applied = _lastApplied;
            }

            Quietly(true, applied == null);
            if (applied != null)
            {
                SaveRecord(applied, JobRecord.Applied);
            }

            Interlocked.Increment(ref Counters.Failed);
            EndJob(job);
            Report(job.Offer, status, job.ReportedPercent, detail);
        }

        /// <summary>
        /// The job is over before its last report goes out, so an offer that follows the report is not
        /// refused as busy. Its hash goes: the engine remembers the last applied job, and a SHA-256 with its
        /// schedule is some 400 B of heap.
        /// </summary>
        private void EndJob(UpdateJob job)
        {
            job.Hash = null;
            lock (_sync)
            {
                if (_current == job)
                {
                    _current = null;
                }
            }
        }
    }
}
