using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using IotDevice.Boards;
using IotDevice.VirtualDevice.Cli;
using IotDevice.VirtualDevice.Output;
using IotDevice.VirtualDevice.Profiles;
using IotDevice.VirtualDevice.Runs;
using IotDevice.VirtualDevice.Simulate;

namespace IotDevice.VirtualDevice
{
    /// <summary>
    /// The command line of the virtual device. Exit codes: 0 every conversation completed (or, with a
    /// broker, the device connected and reported), 1 a conversation failed, 2 bad arguments. The
    /// <c>simulate</c> command runs a local platform instead (<see cref="Simulate.SimulateCommand"/>).
    /// </summary>
    public static class VirtualDeviceApp
    {
        public const int Ok = 0;
        public const int ConversationFailed = 1;
        public const int BadArguments = 2;

        public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancel) =>
            Run(args, null, output, error, interactive, cancel);

        /// <param name="input">Commands typed to the local platform (simulate mode); null for none.</param>
        public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error, bool interactive, CancellationToken cancel)
        {
            var dialect = new Option<string>("--dialect", "-d")
            {
                Description = "fastbee, alink, eztcloud, or all (one after another). Default: all with the simulator; required with --broker.",
            };
            dialect.AcceptOnlyFromAmong("all", RunSettings.FastBee, RunSettings.Alink, RunSettings.EztCloud);
            var broker = new Option<string>("--broker", "-b")
            {
                Description = "A real broker or platform, mqtt://host[:port] or mqtts://host[:port] (TLS; Alink then signs securemode=2, else 3). "
                    + "Default: the built-in platform simulator.",
            };
            var caFile = new Option<FileInfo>("--ca-file") { Description = "PEM file of the CA that signs the broker's certificate (needed for mqtts://)." };
            var board = new Option<string>("--board") { Description = "Board whose pin map the simulated device has: " + BoardNames() + ".", DefaultValueFactory = _ => "ESP32-DevKitC" };
            var reports = new Option<int?>("--reports") { Description = "Property reports to send. Default: 3 with the simulator; with --broker, until Ctrl+C." };
            var interval = new Option<double?>("--interval") { Description = "Seconds between reports. Default: 0.3 with the simulator, 5 with --broker." };
            var timeout = new Option<double>("--timeout") { Description = "Seconds one step (or connecting to a broker) may take.", DefaultValueFactory = _ => 10 };
            var identity = new IdentityOptions(device: true);

            var root = new RootCommand("Runs the IotDevice SDK as a simulated ESP32. Without --broker it talks to a built-in simulator of each platform "
                + "and prints the whole conversation: connect, announce, time sync, sensor reports, an LED command and an OTA update. "
                + "'simulate' runs a platform for real devices instead.")
            {
                dialect, broker, caFile, board, reports, interval, timeout,
            };
            identity.AddTo(root);

            int exitCode = Ok;
            root.SetAction(parse =>
            {
                RunSettings settings = identity.Read(parse);
                string problem = Complete(settings, parse.GetValue(dialect), parse.GetValue(broker), parse.GetValue(caFile), parse.GetValue(board),
                    parse.GetValue(reports), parse.GetValue(interval), parse.GetValue(timeout));
                if (problem != null)
                {
                    error.WriteLine("error: " + problem);
                    exitCode = BadArguments;
                    return BadArguments;
                }
                exitCode = Execute(settings, output, error, interactive, cancel);
                return exitCode;
            });
            root.Subcommands.Add(SimulateCommand.Create(input, output, error, interactive, cancel, code => exitCode = code));

            ParseResult result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                foreach (var parseError in result.Errors)
                {
                    error.WriteLine("error: " + parseError.Message);
                }
                error.WriteLine("Run with --help to see the options.");
                return BadArguments;
            }
            int invoked = result.Invoke(new InvocationConfiguration { Output = output, Error = error });
            return invoked == Ok ? exitCode : invoked;
        }

        // Turns the raw values into settings; returns the first problem, or null.
        private static string Complete(RunSettings settings, string dialect, string broker, FileInfo caFile, string boardName,
            int? reports, double? interval, double timeout)
        {
            if (broker != null)
            {
                settings.Broker = BrokerAddress.Parse(broker, out string problem);
                if (settings.Broker == null)
                {
                    return problem;
                }
                if (dialect == null || dialect == "all")
                {
                    return "with --broker choose the platform's dialect: --dialect fastbee, alink or eztcloud";
                }
            }
            settings.Dialects = dialect == null || dialect == "all"
                ? new[] { RunSettings.FastBee, RunSettings.Alink, RunSettings.EztCloud }
                : new[] { dialect };
            if (caFile != null)
            {
                if (!caFile.Exists)
                {
                    return "the CA file '" + caFile.FullName + "' does not exist";
                }
                settings.CaPem = File.ReadAllText(caFile.FullName);
            }
            if (settings.Broker != null && settings.Broker.UseTls && settings.CaPem == null)
            {
                return "mqtts:// needs --ca-file with the CA that signs the broker's certificate";
            }
            settings.Board = KnownBoards.Find(boardName);
            if (settings.Board == null)
            {
                return "unknown board '" + boardName + "'; known boards: " + BoardNames();
            }
            if (reports < 0 || (settings.Broker == null && reports == 0))
            {
                return "--reports must be at least 1 (0 means 'until Ctrl+C' and needs --broker)";
            }
            settings.Reports = reports ?? (settings.Broker == null ? 3 : 0);
            if (interval < 0.05 || interval > 3600)
            {
                return "--interval must be between 0.05 and 3600 seconds";
            }
            settings.IntervalMs = (int)((interval ?? (settings.Broker == null ? 0.3 : 5)) * 1000);
            if (timeout < 0.5 || timeout > 600)
            {
                return "--timeout must be between 0.5 and 600 seconds";
            }
            settings.StepTimeoutMs = (int)(timeout * 1000);
            foreach (string name in settings.Dialects)
            {
                string dialectProblem = Profile(name, settings).CheckArguments();
                if (dialectProblem != null)
                {
                    return dialectProblem;
                }
            }
            return null;
        }

        private static int Execute(RunSettings settings, TextWriter output, TextWriter error, bool interactive, CancellationToken cancel)
        {
            ConversationView view = ConversationView.Create(output, interactive);
            int failed = 0;
            foreach (string name in settings.Dialects)
            {
                DialectProfile profile = Profile(name, settings);
                try
                {
                    bool ok = settings.Broker == null
                        ? new SimulatedConversation(profile, settings, view).Run()
                        : new BrokerRun(profile, settings, view, cancel).Run();
                    if (!ok)
                    {
                        failed++;
                    }
                }
                catch (ArgumentException e)
                {
                    // The dialect refused the identity or endpoint (its message never carries a secret).
                    error.WriteLine("error: " + profile.Name + ": " + e.Message);
                    return BadArguments;
                }
                if (cancel.IsCancellationRequested)
                {
                    break;
                }
            }
            if (failed > 0)
            {
                error.WriteLine("error: " + failed + " of " + settings.Dialects.Length + " conversation(s) failed");
                return ConversationFailed;
            }
            return Ok;
        }

        internal static DialectProfile Profile(string name, RunSettings settings) => name switch
        {
            RunSettings.FastBee => new FastBeeProfile(settings),
            RunSettings.Alink => new AlinkProfile(settings),
            _ => new EztCloudProfile(settings),
        };

        internal static string BoardNames() => string.Join(", ", Array.ConvertAll(KnownBoards.All(), b => b.Name));
    }
}
