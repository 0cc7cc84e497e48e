using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;


namespace IotDevice.BrokerHarness
{
    /// <summary>How to configure a test broker.</summary>
    public sealed class MosquittoSettings
    {
        /// <summary>User name → password; when set, anonymous clients are refused.</summary>
        public Dictionary<string, string> Users { get; set; }

        /// <summary>Serve TLS with these certificates instead of plain TCP.</summary>
        public TestCertificates Tls { get; set; }

        /// <summary>
        /// Keep sessions across a restart (saved after every change), so a client with a persistent
        /// session keeps its subscriptions and receives what was queued for it while the broker was down.
        /// </summary>
        public bool Persistent { get; set; }
    }

    /// <summary>
    /// A real mosquitto process on a free loopback port, with its own config in a temp folder. It can
    /// be stopped and started again on the same port (an outage) and paused with SIGSTOP (a broker
    /// that keeps the TCP connection but answers nothing). Whatever is still running is killed when the
    /// test process exits. Installs nothing: mosquitto must be on PATH or in /usr/sbin.
    /// </summary>
    public sealed class MosquittoBroker : IDisposable
    {
        public const string NotInstalledMessage = "mosquitto is not installed (apt-get install -y mosquitto)";

        private const int StartTimeoutMs = 10000;
        private const int SIGCONT = 18;
        private const int SIGSTOP = 19;

        private static readonly ConcurrentDictionary<MosquittoBroker, bool> Running = new ConcurrentDictionary<MosquittoBroker, bool>();

        private readonly string _executable;
        private readonly string _directory;
        private readonly string _configFile;
        private readonly StringBuilder _log = new StringBuilder();
        private Process _process;
        private bool _paused;

        static MosquittoBroker()
        {
            AppDomain.CurrentDomain.ProcessExit += (sender, args) =>
            {
                foreach (MosquittoBroker broker in Running.Keys)
                {
                    broker.Dispose();
                }
            };
        }

        private MosquittoBroker(string executable, MosquittoSettings settings)
        {
            _executable = executable;
            Port = FreePort.Next();
            _directory = Directory.CreateTempSubdirectory("iotdevice-mosquitto-").FullName;
            _configFile = Path.Combine(_directory, "mosquitto.conf");
            File.WriteAllText(_configFile, BuildConfig(settings ?? new MosquittoSettings()));
        }

        public string Host
        {
            get { return "127.0.0.1"; }
        }

        public int Port { get; }

        /// <summary>What mosquitto printed so far, for failure messages.</summary>
        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        /// <summary>Starts a broker and waits until it accepts connections.</summary>
        public static MosquittoBroker Start(MosquittoSettings settings = null)
        {
            string executable = FindExecutable("mosquitto", "/usr/sbin/mosquitto");
            if (executable == null)
            {
                throw new InvalidOperationException(NotInstalledMessage);
            }

            var broker = new MosquittoBroker(executable, settings);
            broker.Start();
            return broker;
        }

        /// <summary>Finds a program on PATH, else at <paramref name="fallback"/>; null when absent.</summary>
        public static string FindExecutable(string name, string fallback)
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return fallback != null && File.Exists(fallback) ? fallback : null;
        }

        /// <summary>(Re)starts the process on the same port and waits until it accepts connections.</summary>
        public void Start()
        {
            if (_process != null)
            {
                throw new InvalidOperationException("The broker is already running.");
            }

            var start = new ProcessStartInfo(_executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(_configFile);
            var process = new Process { StartInfo = start };
            process.OutputDataReceived += (sender, e) => AppendLog(e.Data);
            process.ErrorDataReceived += (sender, e) => AppendLog(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
            _paused = false;
            Running[this] = true;

            bool listening = WaitUntil(() => process.HasExited || Accepts(), StartTimeoutMs);
            if (!listening || process.HasExited)
            {
                Stop();
                throw new InvalidOperationException("mosquitto did not start listening on 127.0.0.1:" + Port + " within " + StartTimeoutMs + " ms. Its output:\n" + Log);
            }
        }

        /// <summary>Kills the process (like a crash); its clients see their connections close.</summary>
        public void Stop()
        {
            Process process = _process;
            if (process == null)
            {
                return;
            }

            _process = null;
            Running.TryRemove(this, out _);
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // It exited on its own in the meantime.
            }

            process.Dispose();
            _paused = false;
        }

        /// <summary>
        /// With <see cref="MosquittoSettings.Persistent"/>: waits until the broker has written its database
        /// after <paramref name="sinceUtc"/>, so state created before (a subscription) survives a kill.
        /// </summary>
        public void WaitUntilSaved(DateTime sinceUtc, int timeoutMs = 5000)
        {
            string database = Path.Combine(_directory, "mosquitto.db");
            bool saved = WaitUntil(() => File.Exists(database) && File.GetLastWriteTimeUtc(database) > sinceUtc, timeoutMs);
            if (!saved)
            {
                throw new InvalidOperationException("mosquitto did not save its database within " + timeoutMs + " ms (is the broker persistent?)");
            }
        }

        /// <summary>SIGSTOP: the kernel still holds the connections, but the broker answers nothing.</summary>
        public void Pause()
        {
            Signal(SIGSTOP);
            _paused = true;
        }

        /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
        public void Resume()
        {
            Signal(SIGCONT);
            _paused = false;
        }

        public void Dispose()
        {
            if (_paused)
            {
                Resume();
            }

            Stop();
            try
            {
                Directory.Delete(_directory, true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }

        private static bool WaitUntil(Func<bool> condition, int timeoutMs)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.ElapsedMilliseconds >= timeoutMs)
                {
                    return false;
                }

                Thread.Sleep(10);
            }

            return true;
        }

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int SendSignal(int pid, int signal);

        private string BuildConfig(MosquittoSettings settings)
        {
            var config = new StringBuilder();
            config.AppendLine("listener " + Port + " 127.0.0.1");
            if (settings.Persistent)
            {
                config.AppendLine("persistence true");
                config.AppendLine("persistence_location " + _directory + "/");
                config.AppendLine("autosave_interval 1");
                config.AppendLine("autosave_on_changes true");
            }
            else
            {
                config.AppendLine("persistence false");
            }
            config.AppendLine("log_dest stderr");
            // Without it, small request/reply exchanges wait on delayed ACKs (tens of ms each).
            config.AppendLine("set_tcp_nodelay true");
            // When run as root, stay root so the files in the private temp folder stay readable.
            config.AppendLine("user root");
            if (settings.Users != null && settings.Users.Count > 0)
            {
                config.AppendLine("allow_anonymous false");
                config.AppendLine("password_file " + WritePasswordFile(settings.Users));
            }
            else
            {
                config.AppendLine("allow_anonymous true");
            }

            if (settings.Tls != null)
            {
                config.AppendLine("cafile " + WriteFile("ca.pem", settings.Tls.CaPem));
                config.AppendLine("certfile " + WriteFile("server.pem", settings.Tls.ServerCertificatePem));
                config.AppendLine("keyfile " + WriteFile("server-key.pem", settings.Tls.ServerKeyPem));
            }

            return config.ToString();
        }

        private string WritePasswordFile(Dictionary<string, string> users)
        {
            string tool = FindExecutable("mosquitto_passwd", "/usr/bin/mosquitto_passwd");
            if (tool == null)
            {
                throw new InvalidOperationException(NotInstalledMessage + " (mosquitto_passwd is missing)");
            }

            string file = Path.Combine(_directory, "passwords");
            bool first = true;
            foreach (KeyValuePair<string, string> user in users)
            {
                var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
                start.ArgumentList.Add("-b");
                if (first)
                {
                    start.ArgumentList.Add("-c");
                }

                start.ArgumentList.Add(file);
                start.ArgumentList.Add(user.Key);
                start.ArgumentList.Add(user.Value);
                using (Process process = Process.Start(start))
                {
                    string errors = process.StandardError.ReadToEnd();
                    if (!process.WaitForExit(10000) || process.ExitCode != 0)
                    {
                        throw new InvalidOperationException("mosquitto_passwd failed: " + errors);
                    }
                }

                first = false;
            }

            return file;
        }

        private string WriteFile(string name, string text)
        {
            string file = Path.Combine(_directory, name);
            File.WriteAllText(file, text);
            return file;
        }

        private void AppendLog(string line)
        {
            if (line == null)
            {
                return;
            }

            lock (_log)
            {
                // Bounded: a long test must not hoard the broker's chatter.
                if (_log.Length < 64 * 1024)
                {
                    _log.AppendLine(line);
                }
            }
        }

        private bool Accepts()
        {
            try
            {
                using (var client = new TcpClient())
                {
                    return client.ConnectAsync(Host, Port).Wait(500) && client.Connected;
                }
            }
            catch (AggregateException)
            {
                return false;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private void Signal(int signal)
        {
            Process process = _process;
            if (process == null)
            {
                throw new InvalidOperationException("The broker is not running.");
            }

            if (SendSignal(process.Id, signal) != 0)
            {
                throw new InvalidOperationException("kill(" + process.Id + ", " + signal + ") failed with errno " + Marshal.GetLastWin32Error());
            }
        }
    }
}
