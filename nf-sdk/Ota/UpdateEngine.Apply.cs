using System;
using IotDevice.Client;

namespace IotDevice.Ota
{
    /// <summary>The end of a job: the verified file stored and handed to the app, or the job failed and cleaned up.</summary>
    public sealed partial class UpdateEngine
    {
        /// <summary>A config is handed over from the staging file and stored only once the app took it.</summary>
        private void ApplyConfig(UpdateJob job)
        {
            byte[] config = new byte[(int)job.Bytes];
            int done = 0;
            while (done < config.Length)
            {
                int read = _store.ReadPartial(done, config, done, config.Length - done);
                if (read <= 0)
                {
                    Finish(job, UpdateStatus.ApplyFailed, "reading the staged config failed");
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
                    refusal = receiver(job.Offer, config) ? null : "the app did not accept it";
                }
                catch (Exception e)
                {
                    refusal = "the app failed to apply it: " + e.Message;
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
                FinishStored(job, "no firmware installer is set; the verified image stays in the store");
                return;
            }

            SaveRecord(job, JobRecord.Applying);
            string refusal;
            try
            {
                StoredUpdate image = new StoredUpdate(_store, UpdateKind.Firmware, _store.GetLength(UpdateKind.Firmware));
                refusal = installer(job.Offer, image) ? null : "the app did not install it";
            }
            catch (Exception e)
            {
                refusal = "the app failed to install it: " + e.Message;
            }

            if (refusal != null)
            {
                FinishStored(job, refusal);
                return;
            }

            Succeed(job, job.Describe());
        }

        /// <summary>The staged file replaces the current one; false (and the job finished) when the store fails.</summary>
        private bool CommitStaged(UpdateJob job)
        {
            try
            {
                _store.Commit();
                return true;
            }
            catch (Exception e)
            {
                Finish(job, UpdateStatus.ApplyFailed, "storing the verified file failed: " + e.Message);
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
                try
                {
                    if (_store.Begin(UpdateKind.Config, job.Total, job.Bytes) != job.Bytes || job.Bytes == 0)
                    {
                        Finish(job, UpdateStatus.ApplyFailed, "the verified config was lost in a restart");
                        return;
                    }
                }
                catch (Exception e)
                {
                    Finish(job, UpdateStatus.ApplyFailed, "the verified config was lost in a restart: " + e.Message);
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
            Counters.AddSucceeded();
            EndJob(job);
            Report(job.Offer, UpdateStatus.Succeeded, 100, detail);
        }

        /// <summary>Ends a job that failed: nothing staged is kept, the record goes back to the last applied job.</summary>
        private void Finish(UpdateJob job, UpdateStatus status, string detail)
        {
            Quietly(true, false);
            RestoreRecord();
            Counters.AddFailed();
            EndJob(job);
            Report(job.Offer, status, job.ReportedPercent, detail);
        }

        /// <summary>A verified firmware image is already committed; only the app's part failed.</summary>
        private void FinishStored(UpdateJob job, string detail)
        {
            RestoreRecord();
            Counters.AddFailed();
            EndJob(job);
            Report(job.Offer, UpdateStatus.ApplyFailed, 100, detail);
        }

        /// <summary>The job is over before its last report goes out, so an offer that follows the report is not refused as busy.</summary>
        private void EndJob(UpdateJob job)
        {
            lock (_sync)
            {
                if (_current == job)
                {
                    _current = null;
                }
            }
        }

        private void RestoreRecord()
        {
            UpdateJob applied;
            lock (_sync)
            {
                applied = _lastApplied;
            }

            if (applied != null)
            {
                SaveRecord(applied, JobRecord.Applied);
            }
            else
            {
                Quietly(false, true);
            }
        }
    }
}
