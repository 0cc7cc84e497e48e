using System;
using System.Threading;
using IotDevice.Client;

namespace IotDevice.Ota
{
    /// <summary>One job on the engine's thread: prepare → download → verify, then apply (UpdateEngine.Apply.cs).</summary>
    public sealed partial class UpdateEngine
    {
        private const int RehashChunk = 1024;

        private void RunJob(UpdateJob job)
        {
            Interlocked.Increment(ref Counters.Started);
            if (job.Recovered)
            {
                if (!Pause(Options.ConnectWaitMs, true))
                {
                    return;
                }

                if (job.WasApplying)
                {
                    ConcludeApplying(job);
                    return;
                }

                if (!Options.ResumeAfterRestart)
                {
                    Finish(job, UpdateStatus.Failed, "interrupted by a restart");
                    return;
                }
            }

            if (!Prepare(job))
            {
                return;
            }

            if (job.ReportedPercent == 0)
            {
                job.ReportedPercent = 1;
            }

            Report(job.Offer, UpdateStatus.Downloading, job.ReportedPercent, job.Describe());

            if (!(job.Total > 0 && job.Bytes == job.Total) && !job.Download(this))
            {
                if (job.FailureDetail != null)
                {
                    Finish(job, job.FailureStatus, job.FailureDetail);
                }
                else
                {
                    Suspend(job);
                }

                return;
            }

            if (job.ReportedPercent < 100)
            {
                // A download of unknown size reports its end here, so every job shows 100 % before Verified.
                job.ReportedPercent = 100;
                Report(job.Offer, UpdateStatus.Downloading, 100, null);
            }

            string mismatch = Verify(job);
            if (mismatch != null)
            {
                Finish(job, UpdateStatus.VerifyFailed, mismatch);
                return;
            }

            if (job.Offer.Kind == UpdateKind.Config)
            {
                ApplyConfig(job);
            }
            else
            {
                ApplyFirmware(job);
            }
        }

        /// <summary>Limits, digest, staging file (with the digest of resumed bytes rebuilt). False: the job has been finished.</summary>
        private bool Prepare(UpdateJob job)
        {
            UpdateOffer offer = job.Offer;
            long limit = Store.GetCapacity(offer.Kind);
            job.LimitReason = "store full";
            if (offer.Kind == UpdateKind.Config && (limit < 0 || Options.MaxConfigBytes < limit))
            {
                limit = Options.MaxConfigBytes;
                job.LimitReason = "config too large";
            }

            job.Limit = limit;
            if (offer.Size > 0 && limit >= 0 && offer.Size > limit)
            {
                Finish(job, UpdateStatus.ApplyFailed, job.LimitDetail(offer.Size));
                return false;
            }

            string digestProblem = DigestProblem(job);
            if (digestProblem != null)
            {
                Finish(job, UpdateStatus.VerifyFailed, digestProblem);
                return false;
            }

            job.Hash = UpdateDigest.CreateHash(job.Method);
            try
            {
                long kept = Store.Begin(offer.Kind, job.Total, job.Recovered ? job.Bytes : 0);
                job.Bytes = kept > 0 && Rehash(job, kept) ? kept : 0;
                if (kept > 0 && job.Bytes == 0)
                {
                    Store.Begin(offer.Kind, job.Total, 0);
                }
            }
            catch (Exception e)
            {
                Finish(job, UpdateStatus.ApplyFailed, StoreFailed("open", e));
                return false;
            }

            SaveRecord(job, JobRecord.Pending);
            return true;
        }

        /// <summary>Null when the offer's digest can be checked (or, unless required, is absent); otherwise why not.</summary>
        private string DigestProblem(UpdateJob job)
        {
            string digest = job.Offer.Digest == null ? string.Empty : job.Offer.Digest.Trim();
            if (job.Method == DigestMethod.None)
            {
                if (digest.Length > 0)
                {
                    return "unknown digest method (" + digest.Length.ToString() + " hex digits)";
                }

                return Options.RequireDigest ? "the offer has no digest" : null;
            }

            return digest.Length == 0 ? "the offer names " + UpdateDigest.Name(job.Method) + " but no digest" : null;
        }

        /// <summary>Feeds the staged bytes of a resumed job to its hash again (the hash state itself is not persisted).</summary>
        private bool Rehash(UpdateJob job, long length)
        {
            if (job.Hash == null)
            {
                return true;
            }

            byte[] chunk = new byte[RehashChunk];
            long position = 0;
            while (position < length)
            {
                int want = length - position < chunk.Length ? (int)(length - position) : chunk.Length;
                int read = Store.ReadPartial(position, chunk, 0, want);
                if (read <= 0)
                {
                    LogRestart("the staged file ended early", job);
                    job.Hash.Reset();
                    return false;
                }

                job.Hash.Update(chunk, 0, read);
                position += read;
            }

            return true;
        }

        /// <summary>Null when size and digest match; otherwise why not.</summary>
        private static string Verify(UpdateJob job)
        {
            UpdateOffer offer = job.Offer;
            if (offer.Size > 0 && job.Bytes != offer.Size)
            {
                return UpdateJob.SizeMismatch(offer.Size, job.Bytes);
            }

            if (job.Hash == null)
            {
                return null;
            }

            byte[] digest = new byte[job.Hash.HashSize];
            job.Hash.Final(digest, 0);
            if (UpdateDigest.Matches(job.Method, digest, offer.Digest))
            {
                return null;
            }

            return UpdateDigest.Name(job.Method) + " mismatch: expected " + offer.Digest.Trim() + ", got " + UpdateDigest.Format(job.Method, digest);
        }

        internal void LogRestart(string why, UpdateJob job)
        {
            Log(why + "; starting " + job.Describe() + " again from zero");
        }

        /// <summary>Stop during a job: keep the staged bytes and the record for the next start.</summary>
        private void Suspend(UpdateJob job)
        {
            try
            {
                Store.Close();
            }
            catch (Exception e)
            {
                Log(StoreFailed("close", e));
            }

            SaveRecord(job, JobRecord.Pending);
            Log(job.Describe() + " suspended at " + job.Bytes.ToString() + " bytes");
        }
    }
}
