using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace IotDevice.VirtualDevice.Simulate
{
    /// <summary>
    /// One command to the local platform, typed at the console or read from a script (one per line,
    /// blank lines and lines starting with '#' ignored):
    /// <code>
    /// set &lt;property&gt; &lt;value&gt;            set a property on the device
    /// call &lt;service&gt; [&lt;parameters&gt;]     call a service or command
    /// firmware &lt;version&gt; &lt;file&gt;        offer a firmware file (size and digest computed)
    /// config &lt;file&gt;                    push a remote config file
    /// wait connected|reported|answered|updated [seconds]
    /// sleep &lt;seconds&gt;
    /// status | help | quit
    /// </code>
    /// </summary>
    internal sealed class PlatformCommand
    {
        public const double DefaultWaitSeconds = 30;

        public static readonly string[] WaitTargets = { "connected", "reported", "answered", "updated" };

        public const string Help =
            "set <property> <value>          set a property on the device (JSON value, or text)\n"
            + "call <service> [<parameters>]   call a service or command (JSON parameters)\n"
            + "firmware <version> <file>       offer a firmware file; size and digests are computed\n"
            + "config <file>                   push a remote config file (Alink)\n"
            + "wait connected|reported|answered|updated [seconds]\n"
            + "                                wait until a device announced itself, a report came, the last\n"
            + "                                set/call/config was answered, or the offered version was reported\n"
            + "sleep <seconds>                 pause a script\n"
            + "status                          devices connected and messages seen\n"
            + "quit                            stop the platform";

        private PlatformCommand(string verb, string target, string rest, double seconds, int line)
        {
            Verb = verb;
            Target = target;
            Rest = rest;
            Seconds = seconds;
            Line = line;
        }

        /// <summary>set, call, firmware, config, wait, sleep, status, help or quit.</summary>
        public string Verb { get; }

        /// <summary>The property, service, version, file or wait target.</summary>
        public string Target { get; }

        /// <summary>The rest of the line: a value, parameters or a file name; null when absent.</summary>
        public string Rest { get; }

        /// <summary>For wait and sleep.</summary>
        public double Seconds { get; }

        /// <summary>The line in its script (0 at the console).</summary>
        public int Line { get; }

        public override string ToString() => Verb + (Target == null ? "" : " " + Target) + (Rest == null ? "" : " " + Rest)
            + (Verb == "wait" || Verb == "sleep" ? " " + Seconds.ToString(CultureInfo.InvariantCulture) + " s" : "");

        /// <summary>The command on <paramref name="text"/>; null for a blank or comment line, or with <paramref name="problem"/> set.</summary>
        public static PlatformCommand Parse(string text, int line, out string problem)
        {
            problem = null;
            string trimmed = (text ?? "").Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                return null;
            }
            string verb = Word(ref trimmed).ToLowerInvariant();
            string target = Word(ref trimmed);
            string rest = trimmed.Length == 0 ? null : trimmed;
            switch (verb)
            {
                case "set":
                    return target != null && rest != null ? new PlatformCommand(verb, target, rest, 0, line) : Bad(out problem, "set <property> <value>");
                case "call":
                    return target != null ? new PlatformCommand(verb, target, rest, 0, line) : Bad(out problem, "call <service> [<parameters>]");
                case "firmware":
                    return target != null && rest != null ? new PlatformCommand(verb, target, rest, 0, line) : Bad(out problem, "firmware <version> <file>");
                case "config":
                    return target != null ? new PlatformCommand(verb, null, rest == null ? target : target + " " + rest, 0, line) : Bad(out problem, "config <file>");
                case "wait":
                    if (target == null || Array.IndexOf(WaitTargets, target.ToLowerInvariant()) < 0)
                    {
                        return Bad(out problem, "wait " + string.Join("|", WaitTargets) + " [seconds]");
                    }
                    return TrySeconds(rest, DefaultWaitSeconds, out double wait) ? new PlatformCommand(verb, target.ToLowerInvariant(), null, wait, line)
                        : Bad(out problem, "wait " + target + " [seconds]: '" + rest + "' is not a number of seconds (0.1–3600)");
                case "sleep":
                    return target != null && rest == null && TrySeconds(target, -1, out double sleep) && sleep >= 0 ? new PlatformCommand(verb, null, null, sleep, line)
                        : Bad(out problem, "sleep <seconds> (0.1–3600)");
                case "status":
                case "help":
                case "quit":
                    return target == null ? new PlatformCommand(verb, null, null, 0, line) : Bad(out problem, verb + " takes nothing after it");
                case "exit":
                    return new PlatformCommand("quit", null, null, 0, line);
                default:
                    return Bad(out problem, "unknown command '" + verb + "'; 'help' lists them");
            }
        }

        /// <summary>Every command of a script file; null with <paramref name="problem"/> naming the first bad line.</summary>
        public static PlatformCommand[] ParseScript(string path, out string problem)
        {
            var commands = new List<PlatformCommand>();
            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                PlatformCommand command = Parse(lines[i], i + 1, out string lineProblem);
                if (lineProblem != null)
                {
                    problem = path + " line " + (i + 1) + ": " + lineProblem;
                    return null;
                }
                if (command != null)
                {
                    commands.Add(command);
                }
            }
            problem = null;
            return commands.ToArray();
        }

        private static PlatformCommand Bad(out string problem, string usage)
        {
            problem = usage.StartsWith("unknown", StringComparison.Ordinal) || usage.Contains(':') ? usage : "usage: " + usage;
            return null;
        }

        private static bool TrySeconds(string text, double fallback, out double seconds)
        {
            seconds = fallback;
            if (text == null)
            {
                return fallback >= 0;
            }
            return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds) && seconds >= 0.1 && seconds <= 3600;
        }

        // The next space-separated word, taken off the front of the text; null when there is none.
        private static string Word(ref string text)
        {
            if (text.Length == 0)
            {
                return null;
            }
            int space = text.IndexOfAny(new[] { ' ', '\t' });
            string word = space < 0 ? text : text.Substring(0, space);
            text = space < 0 ? "" : text.Substring(space + 1).TrimStart();
            return word;
        }
    }
}
