using System;
using IotDevice.Client;
using IotDevice.Session;

namespace IotDevice.Ota
{
    /// <summary>What a job tells the outside: reports to the platform and the app, and the job record.</summary>
    public sealed partial class UpdateEngine
    {
        /// <summary>After each stored chunk: report Downloading when a new progress step is reached.</summary>
        internal void OnBytesStored(UpdateJob job)
        {
            if (job.Total <= 0)
            {
                return;
            }

            int step = Options.ProgressStepPercent < 1 ? 1 : Options.ProgressStepPercent;
            int percent = job.Bytes >= job.Total ? 100 : (int)(job.Bytes * 100 / job.Total);
            int mark = percent >= 100 ? 100 : percent / step * step;
            if (mark <= job.ReportedPercent)
            {
                return;
            }

            job.ReportedPercent = mark;
            SaveRecord(job, JobRecord.Pending);
            Report(job.Offer, UpdateStatus.Downloading, mark, null);
        }

        internal void SaveRecord(UpdateJob job, string state)
        {
            try
            {
                if (JobRecord.Write(_recordWriter, job, state))
                {
                    Store.SaveRecord(_recordWriter.Buffer, _recordWriter.Length);
                }
                else
                {
                    Log("job record too large: a restart cannot resume this job");
                }
            }
            catch (Exception e)
            {
                Log(StoreFailed("record save", e));
            }
        }

        private void Report(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            Log(UpdateStatusText.Describe(status) + (status == UpdateStatus.Downloading ? " " + percent.ToString() + "%" : "") + (detail != null ? ": " + detail : ""));
            try
            {
                _client.ReportUpdate(offer, status, percent, detail);
            }
            catch (Exception e)
            {
                Log("dialect report failed: " + e.Message);
            }

            UpdateStatusHandler handler = StatusChanged;
            if (handler != null)
            {
                try
                {
                    handler(offer, status, percent, detail);
                }
                catch (Exception e)
                {
                    Log("status handler failed: " + e.Message);
                }
            }
        }
    }
}
