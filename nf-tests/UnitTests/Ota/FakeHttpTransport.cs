using System.Collections;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.UnitTests.Ota
{
    /// <summary>What the fake server does with one request.</summary>
    internal enum FakeBehaviour
    {
        /// <summary>200 with the whole image, or 206 from the requested byte.</summary>
        Serve,

        /// <summary>Sends Limit bytes, then the link breaks (NetworkError).</summary>
        CutAfter,

        /// <summary>Sends Limit bytes, then nothing comes (Stalled).</summary>
        StallAfter,

        /// <summary>Sends Limit bytes, then closes cleanly although Content-Length promised more (as nanoFramework sees a cut).</summary>
        ShortBody,

        /// <summary>Answers 200 with the whole image whatever range was asked for.</summary>
        IgnoreRange,

        /// <summary>Answers Status with no body (errors, or redirects with Location).</summary>
        Status,

        /// <summary>Sends Limit bytes, then waits until Release (a device losing power mid-download).</summary>
        HoldAfter,

        /// <summary>Like Serve, but Content-Length says ContentLength.</summary>
        WrongLength,

        /// <summary>Like Serve, without a Content-Length.</summary>
        NoLength,

        /// <summary>Waits until Release before answering Status (a slow server the platform re-pushes during).</summary>
        GateStatus,
    }

    /// <summary>One scripted answer.</summary>
    internal sealed class FakeStep
    {
        public FakeBehaviour Behaviour;
        public int Limit;
        public int Status;
        public string Location;
        public long ContentLength;
    }

    /// <summary>
    /// An IHttpTransport that plays a scripted server for one image: each request takes the next step
    /// of the script (Serve once it runs out), streams the image in chunks like a real transport, and
    /// is recorded ("url|rangeStart") so tests can check what was asked for.
    /// </summary>
    internal sealed class FakeHttpTransport : IHttpTransport
    {
        private readonly object _sync = new object();
        private readonly ArrayList _script = new ArrayList();
        private readonly ArrayList _requests = new ArrayList();
        private readonly ManualResetEvent _released = new ManualResetEvent(false);

        public FakeHttpTransport(byte[] image, int chunkSize)
        {
            Image = image;
            ChunkSize = chunkSize;
        }

        public byte[] Image;

        public int ChunkSize;

        /// <summary>Body bytes handed to sinks, over all requests.</summary>
        public long BytesServed;

        /// <summary>Set once a HoldAfter step has sent its bytes and is waiting.</summary>
        public bool Holding;

        public string LastError { get; private set; }

        public FakeHttpTransport Then(FakeBehaviour behaviour, int limit)
        {
            FakeStep step = new FakeStep();
            step.Behaviour = behaviour;
            step.Limit = limit;
            lock (_sync)
            {
                _script.Add(step);
            }

            return this;
        }

        public FakeHttpTransport ThenStatus(int status, string location)
        {
            FakeStep step = new FakeStep();
            step.Behaviour = FakeBehaviour.Status;
            step.Status = status;
            step.Location = location;
            lock (_sync)
            {
                _script.Add(step);
            }

            return this;
        }

        public FakeHttpTransport ThenGate(int status)
        {
            FakeStep step = new FakeStep();
            step.Behaviour = FakeBehaviour.GateStatus;
            step.Status = status;
            lock (_sync)
            {
                _script.Add(step);
            }

            return this;
        }

        public FakeHttpTransport ThenWrongLength(long contentLength)
        {
            FakeStep step = new FakeStep();
            step.Behaviour = FakeBehaviour.WrongLength;
            step.ContentLength = contentLength;
            lock (_sync)
            {
                _script.Add(step);
            }

            return this;
        }

        /// <summary>Lets a HoldAfter step end (as a broken link).</summary>
        public void Release()
        {
            _released.Set();
        }

        public string[] Requests()
        {
            lock (_sync)
            {
                string[] copy = new string[_requests.Count];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = (string)_requests[i];
                }

                return copy;
            }
        }

        public HttpOutcome Get(string url, long rangeStart, IHttpBodySink sink, int stallTimeoutMs)
        {
            FakeStep step;
            lock (_sync)
            {
                _requests.Add(url + "|" + rangeStart.ToString());
                step = _script.Count > 0 ? (FakeStep)_script[0] : null;
                if (step != null)
                {
                    _script.RemoveAt(0);
                }
            }

            LastError = null;
            if (step == null)
            {
                step = new FakeStep();
                step.Behaviour = FakeBehaviour.Serve;
            }

            if (step.Behaviour == FakeBehaviour.GateStatus)
            {
                Holding = true;
                _released.WaitOne(10000, false);
                sink.OnResponse(step.Status, 0, null);
                return HttpOutcome.Completed;
            }

            if (step.Behaviour == FakeBehaviour.Status)
            {
                sink.OnResponse(step.Status, 0, step.Location);
                return HttpOutcome.Completed;
            }

            bool ranged = rangeStart > 0 && step.Behaviour != FakeBehaviour.IgnoreRange;
            int start = ranged ? (int)rangeStart : 0;
            long length = Image.Length - start;
            if (step.Behaviour == FakeBehaviour.WrongLength)
            {
                length = step.ContentLength;
            }
            else if (step.Behaviour == FakeBehaviour.NoLength)
            {
                length = -1;
            }

            if (!sink.OnResponse(ranged ? 206 : 200, length, null))
            {
                return HttpOutcome.Aborted;
            }

            bool limited = step.Behaviour == FakeBehaviour.CutAfter || step.Behaviour == FakeBehaviour.StallAfter
                || step.Behaviour == FakeBehaviour.ShortBody || step.Behaviour == FakeBehaviour.HoldAfter;
            int end = limited && start + step.Limit < Image.Length ? start + step.Limit : Image.Length;
            for (int offset = start; offset < end; offset += ChunkSize)
            {
                int count = end - offset < ChunkSize ? end - offset : ChunkSize;
                lock (_sync)
                {
                    BytesServed += count;
                }

                if (!sink.OnData(Image, offset, count))
                {
                    return HttpOutcome.Aborted;
                }
            }

            switch (step.Behaviour)
            {
                case FakeBehaviour.CutAfter:
                    LastError = "connection reset by the fake server";
                    return HttpOutcome.NetworkError;
                case FakeBehaviour.StallAfter:
                    LastError = "no data from the fake server";
                    return HttpOutcome.Stalled;
                case FakeBehaviour.HoldAfter:
                    Holding = true;
                    _released.WaitOne(10000, false);
                    LastError = "the fake server went away";
                    return HttpOutcome.NetworkError;
                default:
                    return HttpOutcome.Completed;
            }
        }
    }
}
