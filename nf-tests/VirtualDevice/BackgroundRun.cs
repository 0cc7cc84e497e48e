using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace IotDevice.VirtualDevice.Tests
{
    /// <summary>
    /// The virtual device's entry point running in-process in the background (a local platform, or a device
    /// that reports until stopped): its output can be read while it runs, and Stop is Ctrl+C.
    /// </summary>
    internal sealed class BackgroundRun : IDisposable
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly LockedWriter _output = new LockedWriter();
        private readonly LockedWriter _error = new LockedWriter();
        private readonly Task<int> _run;

        private BackgroundRun(TextReader input, string[] args)
        {
            _run = Task.Run(() => VirtualDeviceApp.Run(args, input, _output, _error, false, _cancel.Token));
        }

        public string Output => _output.ToString();

        public string Error => _error.ToString();

        public bool Finished => _run.IsCompleted;

        public static BackgroundRun Start(params string[] args) => new BackgroundRun(null, args);

        public static BackgroundRun Start(TextReader input, params string[] args) => new BackgroundRun(input, args);

        /// <summary>Waits until the output holds <paramref name="text"/>; false on timeout or when the run ended without it.</summary>
        public bool WaitFor(string text, int timeoutMs)
        {
            var clock = Stopwatch.StartNew();
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                if (clock.ElapsedMilliseconds > timeoutMs || (_run.IsCompleted && !Output.Contains(text, StringComparison.Ordinal)))
                {
                    return false;
                }
                Thread.Sleep(20);
            }
            return true;
        }

        /// <summary>Ctrl+C, then the exit code; fails the test when the run does not end in time.</summary>
        public int Stop(int timeoutMs = 10000)
        {
            _cancel.Cancel();
            return ExitCode(timeoutMs);
        }

        /// <summary>The exit code once the run ends by itself; fails the test when it does not end in time.</summary>
        public int ExitCode(int timeoutMs)
        {
            if (!_run.Wait(timeoutMs))
            {
                _cancel.Cancel();
                Assert.Fail("The run did not end within " + timeoutMs + " ms:\n" + this);
            }
            return _run.Result;
        }

        public void Dispose()
        {
            _cancel.Cancel();
            _run.Wait(10000);
            _cancel.Dispose();
        }

        public override string ToString() => Output + "\n--- stderr ---\n" + Error;

        private sealed class LockedWriter : TextWriter
        {
            private readonly StringBuilder _text = new StringBuilder();

            public override Encoding Encoding => Encoding.UTF8;

            public override void Write(char value)
            {
                lock (_text)
                {
                    _text.Append(value);
                }
            }

            public override void Write(string value)
            {
                lock (_text)
                {
                    _text.Append(value);
                }
            }

            public override void Write(char[] buffer, int index, int count)
            {
                lock (_text)
                {
                    _text.Append(buffer, index, count);
                }
            }

            public override string ToString()
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }
    }
}
