using System;
using System.Threading;
using IotDevice.Client;
using IotDevice.Transport;

namespace IotDevice.Ota
{
    // The job's download: streams the file into the staging file, hashing as the bytes arrive, so no
    // image is ever held in RAM. Follows a bounded number of redirects, resumes with an HTTP Range after
    // a dropped or stalled connection (the hash carries on), starts again from zero when the server
    // ignores the Range, and checks the size against the offer and the Content-Length as it goes.
    // Transient faults (network, stall, 5xx, 408, 429, a short body) are retried; other statuses end
    // the job. The job is the transport's body sink.
    internal sealed partial class UpdateJob : IHttpBodySink
    {
        // A guard against a server that feeds a byte per connection forever.
        private const int MaxAttempts = 100;

        // Set when the download starts.
        private UpdateEngine _engine;

        // The response being read.
        private int _status;
        private long _contentLength;
        private string _location;
        private long _received;

        /// <summary>The most bytes the file may have (the store's capacity or the config limit); negative for no limit.</summary>
        public long Limit;

        /// <summary>What a file over <see cref="Limit"/> is reported as.</summary>
        public string LimitReason;

        public UpdateStatus FailureStatus;

        public string FailureDetail;

        /// <summary>
        /// Downloads what is not staged yet, up to <see cref="Limit"/>. True once every byte is staged and
        /// hashed; false when given up (see <see cref="FailureDetail"/>) or stopping.
        /// </summary>
        public bool Download(UpdateEngine engine)
        {
            _engine = engine;
            int failuresInRow = 0;
            string reason = null;
            for (int attempt = 1; ; attempt++)
            {
                if (_engine.StopRequested)
                {
                    return false;
                }

                long before = Bytes;
                bool retry = Attempt(out reason);
                if (FailureDetail != null || _engine.StopRequested)
                {
                    return false;
                }

                if (!retry)
                {
                    return true;
                }

                bool freshUrl = TakeUrlReplaced();
                failuresInRow = Bytes > before || freshUrl ? 0 : failuresInRow + 1;
                if (failuresInRow > _engine.Options.MaxRetries || attempt >= MaxAttempts)
                {
                    Fail(UpdateStatus.DownloadFailed, "gave up after " + attempt.ToString() + " attempts: " + reason);
                    return false;
                }

                _engine.SaveRecord(this, JobRecord.Pending);
                _engine.Log(Describe() + " interrupted at " + Bytes.ToString() + " bytes (" + reason + "); retrying");
                if (!_engine.Pause(_engine.Options.RetryDelayMs, false))
                {
                    return false;
                }
            }
        }

        /// <summary>One request (and its redirects). True: try again (reason says why); false: done or failed.</summary>
        private bool Attempt(out string reason)
        {
            reason = null;
            string url = Url;
            for (int redirects = 0; ; redirects++)
            {
                long rangeStart = Bytes;
                if (rangeStart > 0 && redirects == 0)
                {
                    Interlocked.Increment(ref _engine.Counters.Resumes);
                }

                _status = 0;
                _contentLength = -1;
                _location = null;
                _received = 0;
                HttpOutcome outcome = _engine.Http.Get(url, rangeStart > 0 ? rangeStart : -1, this, _engine.Options.StallTimeoutMs);
                if (FailureDetail != null || _engine.StopRequested)
                {
                    return false;
                }

                if (_status != 301 && _status != 302 && _status != 303 && _status != 307 && _status != 308)
                {
                    return Classify(outcome, out reason);
                }

                string next = UrlText.Resolve(url, _location);
                if (next == null || !UrlText.IsHttp(next))
                {
                    Fail(UpdateStatus.DownloadFailed, "HTTP " + _status.ToString() + " without a usable Location");
                    return false;
                }

                if (redirects >= _engine.Options.MaxRedirects)
                {
                    Fail(UpdateStatus.DownloadFailed, "more than " + _engine.Options.MaxRedirects.ToString() + " redirects");
                    return false;
                }

                url = next;
            }
        }

        private bool Classify(HttpOutcome outcome, out string reason)
        {
            reason = null;
            switch (outcome)
            {
                case HttpOutcome.InvalidUrl:
                    Fail(UpdateStatus.DownloadFailed, "not a usable URL: " + _engine.Http.LastError);
                    return false;
                case HttpOutcome.Stalled:
                    reason = "stalled: " + _engine.Http.LastError;
                    return true;
                case HttpOutcome.NetworkError:
                    reason = "network error: " + _engine.Http.LastError;
                    return true;
            }

            if (_status == 200 || _status == 206)
            {
                // Short of this response's Content-Length, or of the whole file.
                bool shortOfLength = _contentLength >= 0 && _received < _contentLength;
                long end = shortOfLength ? _received : Bytes;
                long expected = shortOfLength ? _contentLength : Total;
                if (end < expected)
                {
                    reason = "body ended at " + end.ToString() + " of " + expected.ToString() + " bytes";
                    return true;
                }

                return false;
            }

            if (_status == 416)
            {
                if (Total > 0 && Bytes == Total)
                {
                    return false;
                }

                RestartFromZero();
                reason = "server refused the range";
                return true;
            }

            reason = "HTTP " + _status.ToString();
            if (_status >= 500 || _status == 408 || _status == 429)
            {
                return true;
            }

            if (TakeUrlReplaced())
            {
                // The platform re-pushed this offer with a fresh URL; the refused one may have expired.
                return true;
            }

            Fail(UpdateStatus.DownloadFailed, reason);
            return false;
        }

        public bool OnResponse(int statusCode, long contentLength, string location)
        {
            _status = statusCode;
            _contentLength = contentLength;
            _location = location;
            if (statusCode != 200 && statusCode != 206)
            {
                return false; // redirects and errors: the body is not needed
            }

            if (statusCode == 200 && Bytes > 0)
            {
                Interlocked.Increment(ref _engine.Counters.RangeIgnored);
                _engine.LogRestart("server ignored the range", this);
                RestartFromZero();
                if (FailureDetail != null)
                {
                    return false;
                }
            }

            if (contentLength >= 0)
            {
                long end = Bytes + contentLength;
                if (Offer.Size > 0 && end != Offer.Size)
                {
                    Fail(UpdateStatus.VerifyFailed, SizeMismatch(Offer.Size, end));
                    return false;
                }

                if (Total == 0)
                {
                    Total = end;
                }
            }

            if (Limit >= 0 && Total > Limit)
            {
                Fail(UpdateStatus.ApplyFailed, LimitDetail(Total));
                return false;
            }

            return true;
        }

        public bool OnData(byte[] buffer, int offset, int count)
        {
            if (_engine.StopRequested)
            {
                return false;
            }

            long after = Bytes + count;
            if (Offer.Size > 0 && after > Offer.Size)
            {
                Fail(UpdateStatus.VerifyFailed, SizeMismatch(Offer.Size, after));
                return false;
            }

            if (Limit >= 0 && after > Limit)
            {
                Fail(UpdateStatus.ApplyFailed, LimitDetail(after));
                return false;
            }

            try
            {
                _engine.Store.Write(buffer, offset, count);
            }
            catch (Exception e)
            {
                Fail(UpdateStatus.ApplyFailed, UpdateEngine.StoreFailed("write", e));
                return false;
            }

            if (Hash != null)
            {
                Hash.Update(buffer, offset, count);
            }

            Bytes = after;
            _received += count;
            _engine.OnBytesStored(this);
            return true;
        }

        private void RestartFromZero()
        {
            if (Hash != null)
            {
                Hash.Reset();
            }

            Bytes = 0;
            try
            {
                _engine.Store.Begin(Offer.Kind, Total, 0);
            }
            catch (Exception e)
            {
                Fail(UpdateStatus.ApplyFailed, UpdateEngine.StoreFailed("restart", e));
            }
        }

        /// <summary>A file larger than <see cref="Limit"/>, found before or during the download.</summary>
        internal string LimitDetail(long bytes)
        {
            return LimitReason + ": " + bytes.ToString() + " bytes do not fit in " + Limit.ToString();
        }

        /// <summary>A size other than the offer's, found from the Content-Length, as bytes arrive, or at the end.</summary>
        internal static string SizeMismatch(long announced, long actual)
        {
            return "size mismatch: the offer announced " + announced.ToString() + " bytes, got " + actual.ToString();
        }

        private void Fail(UpdateStatus status, string detail)
        {
            if (FailureDetail == null)
            {
                FailureStatus = status;
                FailureDetail = detail;
            }
        }
    }
}
