using System;
using System.Text;
using System.Threading;
using IotDevice.Client;
using IotDevice.DeviceBenchmarks.Dialects;
using IotDevice.DeviceBenchmarks.Measuring;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.DeviceBenchmarks.Clients
{
    /// <summary>
    /// What a connected client of one dialect holds, and how many threads it took to get there: the
    /// free heap (after a full collection) before the dialect and client are made and after they have
    /// connected, sent 20 reports (taking the platform's answers where it gives any) and answered 5
    /// downlinks over <see cref="InMemoryTransport"/>. The
    /// transport and the app's report exist before the first figure, so they are not counted. Its topic table is measured
    /// alone the same way. Threads are counted by thread ids: the runtime gives every new thread the
    /// next id, so the id of a thread object made after the work less the one made before, less one,
    /// is how many threads were created in between (the runtime's own timer thread included, the first
    /// time a timer fires). Each figure is read once the free heap has settled (see
    /// <see cref="Heap.Settled"/>): not while the client made before is still giving its thread back,
    /// nor while this one's worker is still handling the last answer.
    /// </summary>
    internal sealed class ClientFootprint
    {
        public const int Reports = 20;
        public const int Downlinks = 5;

        private const int WaitLimitMs = 10000;

        // Kept reachable while their size is read.
        private static TopicTable _table;
        private static DeviceClient _client;

        public ClientFootprint(DialectBench dialect)
        {
            long free = Heap.Settled();
            _table = dialect.CreateTopics();
            TopicTableBytes = free - Heap.Settled();
            _table = null;

            InMemoryTransport transport = new InMemoryTransport(dialect);
            Sample sample = new Sample();
            // The app's report is the app's: filled once here, so the room it makes as values arrive is
            // not counted as the client's.
            PropertyReport report = sample.Fill(new PropertyReport(8));
            byte[][] downlinks = new byte[Downlinks][];
            for (int i = 0; i < Downlinks; i++)
            {
                downlinks[i] = Encoding.UTF8.GetBytes(dialect.Downlink(i));
            }
            string downlinkTopic = dialect.DownlinkTopic;

            free = Heap.Settled();
            int firstThreadId = NextThreadId();
            _client = new DeviceClient(transport, dialect.CreateDialect(), new SessionOptions());
            dialect.Listen(_client);
            _client.Start();
            WaitUntilAnnounced(dialect.Name);
            for (int i = 0; i < Reports; i++)
            {
                _client.ReportProperties(sample.Fill(report));
            }
            for (int i = 0; i < Downlinks; i++)
            {
                transport.Deliver(downlinkTopic, downlinks[i]);
            }
            WaitUntilReceived(dialect.Name);
            WaitUntilAnswered(transport, dialect.Name);
            ThreadsStarted = NextThreadId() - firstThreadId - 1;
            ClientBytes = free - Heap.Settled();
            RequestsWaiting = _client.Session.PendingCount;
            Rejected = _client.Session.Counters.Rejected;

            _client.Stop();
            _client = null;
        }

        public long ClientBytes { get; }

        public long TopicTableBytes { get; }

        public int ThreadsStarted { get; }

        /// <summary>
        /// Requests still waiting for the platform's reply when the heap was read (counted in it): none
        /// once the in-memory platform has answered what the dialect waits for.
        /// </summary>
        public int RequestsWaiting { get; }

        /// <summary>Downlinks the client refused (the figures mean little unless this is 0).</summary>
        public long Rejected { get; }

        private static int NextThreadId()
        {
            return new Thread(Idle).ManagedThreadId;
        }

        private static void Idle()
        {
        }

        private static void WaitUntilAnnounced(string dialect)
        {
            for (int waited = 0; !_client.Session.IsAnnounced; waited += 10)
            {
                Fail(waited, dialect + " did not connect and announce itself");
                Thread.Sleep(10);
            }
        }

        private static void WaitUntilReceived(string dialect)
        {
            for (int waited = 0; _client.Session.Counters.MessagesIn < Downlinks; waited += 10)
            {
                Fail(waited, dialect + " did not take its downlinks");
                Thread.Sleep(10);
            }
            // Let the session's worker finish what the last downlink started.
            Thread.Sleep(100);
        }

        private static void WaitUntilAnswered(InMemoryTransport transport, string dialect)
        {
            for (int waited = 0; ; waited += 10)
            {
                transport.DeliverAnswers();
                if (_client.Session.PendingCount == 0)
                {
                    return;
                }
                Fail(waited, dialect + " did not take the platform's answers");
                Thread.Sleep(10);
            }
        }

        private static void Fail(int waited, string what)
        {
            if (waited >= WaitLimitMs)
            {
                throw new InvalidOperationException(what + " within " + (WaitLimitMs / 1000).ToString() + " s");
            }
        }
    }
}
