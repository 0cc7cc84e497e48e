using System;
using System.Globalization;
using System.Threading;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// Keep-alive for one connection (spec 3.1.2.10). It sends PINGREQ when nothing was sent for the
    /// keep-alive period, and also when nothing was received for that long, so a client that only
    /// publishes still asks the broker for a sign of life. The link is declared dead once nothing at
    /// all arrived for 1.5 × keep-alive: a silent broker is noticed no later than that, and a ping
    /// always has at least half a period to be answered.
    /// </summary>
    internal sealed class KeepAliveMonitor : IDisposable
    {
        private readonly int _keepAliveSeconds;
        private readonly long _keepAliveMs;
        private readonly long _deadAfterMs;
        private readonly long _tickMs;
        private readonly Func<bool> _trySendPing;
        private readonly Action<string> _declareDead;
        private readonly Timer _timer;
        private long _lastSentMs;
        private long _lastReceivedMs;
        private int _pingOutstanding;
        private int _stopped;

        /// <param name="trySendPing">Sends PINGREQ unless another send is under way; false when it did not.</param>
        /// <param name="declareDead">Ends the connection with the given reason.</param>
        public KeepAliveMonitor(int keepAliveSeconds, Func<bool> trySendPing, Action<string> declareDead)
        {
            _keepAliveSeconds = keepAliveSeconds;
            _keepAliveMs = keepAliveSeconds * 1000L;
            _deadAfterMs = _keepAliveMs * 3 / 2;

            // Upper bound between checks: how late a ping may be, and how soon a skipped one is retried.
            _tickMs = Math.Clamp(_keepAliveMs / 10, 20, 1000);
            _trySendPing = trySendPing;
            _declareDead = declareDead;
            _lastSentMs = _lastReceivedMs = Environment.TickCount64;
            _timer = new Timer(Tick);
        }

        public void Start()
        {
            Schedule(_tickMs);
        }

        public void NoteSent()
        {
            Volatile.Write(ref _lastSentMs, Environment.TickCount64);
        }

        /// <summary>Any complete packet from the broker proves it alive and answers an outstanding ping.</summary>
        public void NoteReceived()
        {
            Volatile.Write(ref _lastReceivedMs, Environment.TickCount64);
            Volatile.Write(ref _pingOutstanding, 0);
        }

        public void Dispose()
        {
            Interlocked.Exchange(ref _stopped, 1);
            _timer.Dispose();
        }

        private void Tick(object state)
        {
            if (Volatile.Read(ref _stopped) != 0)
            {
                return;
            }

            long now = Environment.TickCount64;
            long lastReceived = Volatile.Read(ref _lastReceivedMs);
            long lastSent = Volatile.Read(ref _lastSentMs);
            long silentMs = now - lastReceived;
            if (silentMs >= _deadAfterMs)
            {
                if (Interlocked.Exchange(ref _stopped, 1) == 0)
                {
                    _declareDead("keep-alive timeout: nothing received from the broker for "
                        + (silentMs / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " s (keep-alive " + _keepAliveSeconds + " s)");
                }

                return;
            }

            // Marked before sending: the PINGRESP may arrive before the send call even returns.
            bool idle = now - lastSent >= _keepAliveMs || silentMs >= _keepAliveMs;
            bool pingNow = idle && Interlocked.CompareExchange(ref _pingOutstanding, 1, 0) == 0;
            long nextPingDue = pingNow || Volatile.Read(ref _pingOutstanding) != 0
                ? long.MaxValue
                : Math.Min(lastSent, lastReceived) + _keepAliveMs;

            // Wake exactly at the dead line, so detection is not late by a tick. Scheduled before the
            // ping, because a ping stuck in a full socket buffer must not stop the dead-line check.
            Schedule(Math.Min(Math.Min(lastReceived + _deadAfterMs, nextPingDue) - now, _tickMs));
            if (pingNow && !_trySendPing())
            {
                Volatile.Write(ref _pingOutstanding, 0);
            }
        }

        private void Schedule(long delayMs)
        {
            try
            {
                _timer.Change(Math.Max(delayMs, 1), Timeout.Infinite);
            }
            catch (ObjectDisposedException)
            {
                // Stopped meanwhile.
            }
        }
    }
}
