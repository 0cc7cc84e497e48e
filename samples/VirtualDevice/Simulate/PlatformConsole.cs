using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Threading;
using IotDevice.Platforms;
using IotDevice.Platforms.Http;
using IotDevice.VirtualDevice.Output;
using IotDevice.VirtualDevice.Profiles;

namespace IotDevice.VirtualDevice.Simulate
{
    /// <summary>
    /// Drives the local platform: runs a script's commands in order (the first that fails ends the run),
    /// then the commands typed at the console (a failure is shown and the console goes on) until 'quit',
    /// the end of a script that quits, or Ctrl+C.
    /// </summary>
    internal sealed class PlatformConsole
    {
        private readonly LocalPlatform _platform;
        private readonly DialectProfile _profile;
        private readonly ConversationView _view;
        private readonly string _folder;
        private Func<bool> _lastAnswer;
        private string _lastAnswerWhat;
        private string _offeredVersion;

        public PlatformConsole(LocalPlatform platform, DialectProfile profile, ConversationView view, string folder)
        {
            _platform = platform;
            _profile = profile;
            _view = view;
            _folder = folder ?? Directory.GetCurrentDirectory();
        }

        /// <summary>Runs the script, then the console; true unless a script command failed.</summary>
        public bool Run(PlatformCommand[] script, TextReader input, CancellationToken cancel)
        {
            foreach (PlatformCommand command in script ?? Array.Empty<PlatformCommand>())
            {
                if (cancel.IsCancellationRequested)
                {
                    return true;
                }
                _view.Note("script line " + command.Line + ": " + command);
                string problem = Execute(command, cancel, out bool quit);
                if (problem != null)
                {
                    _view.Failure("script line " + command.Line + ": " + problem);
                    return false;
                }
                if (quit)
                {
                    return true;
                }
            }
            if (script != null && script.Length > 0)
            {
                _view.Note("script done; the console takes commands now");
            }
            BlockingCollection<string> lines = ReadInBackground(input);
            try
            {
                while (lines.TryTake(out string line, Timeout.Infinite, cancel))
                {
                    PlatformCommand command = PlatformCommand.Parse(line, 0, out string problem);
                    if (command != null)
                    {
                        problem = Execute(command, cancel, out bool quit);
                        if (quit)
                        {
                            return true;
                        }
                    }
                    if (problem != null)
                    {
                        _view.Failure(problem);
                    }
                }
                // The input ended: keep serving until Ctrl+C.
                cancel.WaitHandle.WaitOne();
            }
            catch (OperationCanceledException)
            {
            }
            return true;
        }

        /// <summary>Null when the command did its work, otherwise why not.</summary>
        private string Execute(PlatformCommand command, CancellationToken cancel, out bool quit)
        {
            quit = false;
            try
            {
                return Perform(command, cancel, out quit);
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException)
            {
                return command.Verb + " failed: " + e.Message;
            }
        }

        private string Perform(PlatformCommand command, CancellationToken cancel, out bool quit)
        {
            quit = false;
            PlatformSimulator simulator = _platform.Simulator;
            switch (command.Verb)
            {
                case "set":
                    _view.Note("platform: set " + command.Target + " = " + command.Rest);
                    return Remember(_profile.SetProperty(simulator, command.Target, command.Rest), "the property set");
                case "call":
                    _view.Note("platform: call " + command.Target + (command.Rest == null ? "" : " " + command.Rest));
                    return Remember(_profile.CallCommand(simulator, command.Target, command.Rest), "the call of " + command.Target);
                case "firmware":
                    return OfferFirmware(command.Target, command.Rest);
                case "config":
                    return PushConfig(command.Rest);
                case "wait":
                    return Wait(command.Target, command.Seconds, cancel);
                case "sleep":
                    cancel.WaitHandle.WaitOne(TimeSpan.FromSeconds(command.Seconds));
                    return null;
                case "status":
                    _view.Note(_platform.Devices + " device(s) connected; " + simulator.Messages.Length + " messages received");
                    return null;
                case "help":
                    foreach (string line in PlatformCommand.Help.Split('\n'))
                    {
                        _view.Note(line);
                    }
                    return null;
                default:
                    quit = true;
                    return null;
            }
        }

        private string Remember(Func<bool> answered, string what)
        {
            _lastAnswer = answered;
            _lastAnswerWhat = what;
            return null;
        }

        private string OfferFirmware(string version, string file)
        {
            string problem = _profile.CheckVersion(version);
            if (problem != null)
            {
                return problem;
            }
            problem = Read(file, out string path, out byte[] content);
            if (problem != null)
            {
                return problem;
            }
            var image = new FirmwareImage(version, content);
            string url = _platform.Offer("firmware", path);
            _view.Note("platform: offer firmware " + version + " (" + image.Size + " bytes, md5 " + image.Md5 + ", sha256 " + image.Sha256 + ") at " + url);
            _profile.OfferFirmware(_platform.Simulator, image, url);
            _offeredVersion = version;
            return null;
        }

        private string PushConfig(string file)
        {
            string problem = Read(file, out string path, out byte[] content);
            if (problem != null)
            {
                return problem;
            }
            var config = new FirmwareImage(new FirmwareImage("", content).Sha256.Substring(0, 12), content);
            string url = _platform.Offer("config", path);
            Func<bool> answered = _profile.PushConfig(_platform.Simulator, config, url);
            if (answered == null)
            {
                return _profile.Name + " has no remote configuration: set properties instead";
            }
            _view.Note("platform: push config " + config.Version + " (" + config.Size + " bytes, sha256 " + config.Sha256 + ") at " + url);
            return Remember(answered, "the config push");
        }

        private string Wait(string what, double seconds, CancellationToken cancel)
        {
            Func<bool> done;
            switch (what)
            {
                case "connected":
                    done = () => _platform.Devices > 0 && _platform.Simulator.On(_profile.AnnounceTopic).Length > 0;
                    break;
                case "reported":
                    done = () => _platform.Simulator.On(_profile.ReportTopic).Length > 0;
                    break;
                case "answered":
                    if (_lastAnswer == null)
                    {
                        return "wait answered: nothing was set, called or pushed yet";
                    }
                    done = _lastAnswer;
                    what = _lastAnswerWhat + " answered";
                    break;
                default:
                    if (_offeredVersion == null)
                    {
                        return "wait updated: no firmware was offered yet";
                    }
                    string version = _offeredVersion;
                    done = () => _profile.UpdateConfirmed(_platform.Simulator, version);
                    what = "firmware " + version + " reported";
                    break;
            }
            var clock = Stopwatch.StartNew();
            while (!Holds(done))
            {
                if (clock.Elapsed.TotalSeconds > seconds)
                {
                    return "wait: " + what + " did not happen within " + seconds + " s";
                }
                if (cancel.WaitHandle.WaitOne(50))
                {
                    return null;
                }
            }
            _view.Note(what + " after " + clock.ElapsedMilliseconds + " ms");
            return null;
        }

        private string Read(string file, out string path, out byte[] content)
        {
            path = Path.GetFullPath(Path.Combine(_folder, file));
            content = null;
            try
            {
                content = File.ReadAllBytes(path);
                return content.Length == 0 ? "'" + path + "' is empty" : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return "cannot read '" + path + "': " + e.Message;
            }
        }

        private static bool Holds(Func<bool> condition)
        {
            try
            {
                return condition();
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.Text.Json.JsonException || e is System.Collections.Generic.KeyNotFoundException)
            {
                return false;
            }
        }

        // Console lines arrive on a thread of their own, so Ctrl+C is never stuck behind a blocking read.
        private static BlockingCollection<string> ReadInBackground(TextReader input)
        {
            var lines = new BlockingCollection<string>();
            if (input == null)
            {
                lines.CompleteAdding();
                return lines;
            }
            var reader = new Thread(() =>
            {
                try
                {
                    string line;
                    while ((line = input.ReadLine()) != null)
                    {
                        lines.Add(line);
                    }
                }
                catch (IOException)
                {
                }
                lines.CompleteAdding();
            })
            { IsBackground = true, Name = "platform-console" };
            reader.Start();
            return lines;
        }
    }
}
