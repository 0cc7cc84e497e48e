using System;
using System.Collections.Concurrent;
using System.Threading;

namespace IotDevice.Platforms.Mqtt
{
    /// <summary>
    /// The thread a simulated transport raises its events on, one at a time and in order, as the real
    /// transports do: a handler may publish from inside an event without deadlocking the broker, and a
    /// handler that throws does not stop the thread.
    /// </summary>
    internal sealed class TransportEvents : IDisposable
    {
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();
        private readonly Thread _thread;

        public TransportEvents(string name)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = name };
            _thread.Start();
        }

        /// <summary>Queues an event; dropped once the transport is disposed (nobody listens any more).</summary>
        public void Raise(Action raise)
        {
            try
            {
                _queue.Add(raise);
            }
            catch (InvalidOperationException)
            {
            }
        }

        public void Dispose()
        {
            _queue.CompleteAdding();
            if (Thread.CurrentThread != _thread)
            {
                _thread.Join(2000);
            }
        }

        private void Run()
        {
            foreach (Action action in _queue.GetConsumingEnumerable())
            {
                try
                {
                    action();
                }
                catch (Exception)
                {
                    // A handler's failure must not stop the transport's thread (the real transports behave alike).
                }
            }
        }
    }
}
