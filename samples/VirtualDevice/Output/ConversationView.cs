using System;
using System.Diagnostics;
using System.Text;
using Spectre.Console;

namespace IotDevice.VirtualDevice.Output
{
    /// <summary>
    /// The live transcript: one line per message sent (green) or received (blue), per state change
    /// (yellow) and per SDK log line (grey), with the time since the start; an OTA progress bar that
    /// redraws in place on a terminal and prints a line per step otherwise. Thread-safe: the session,
    /// the transport and the OTA engine all write to it.
    /// </summary>
    internal sealed class ConversationView
    {
        private const int MinPayloadChars = 40;
        private const int BarWidth = 24;

        private readonly object _gate = new object();
        private readonly IAnsiConsole _console;
        private readonly bool _redraw;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string _bar;

        public ConversationView(IAnsiConsole console, bool interactive)
        {
            _console = console;
            _redraw = interactive;
            if (!interactive)
            {
                // A log or a pipe: one line per event, never wrapped.
                _console.Profile.Width = 4000;
            }
        }

        /// <summary>A view writing to <paramref name="output"/>: colours and a redrawn bar on a terminal, plain lines otherwise.</summary>
        public static ConversationView Create(System.IO.TextWriter output, bool interactive)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
            });
            return new ConversationView(console, interactive);
        }

        public void Title(string text)
        {
            lock (_gate)
            {
                EndBar();
                if (_redraw)
                {
                    _console.Write(new Rule("[bold]" + Markup.Escape(text) + "[/]") { Justification = Justify.Left });
                }
                else
                {
                    // The log width is unbounded (lines never wrap), so a rule would fill it: keep titles to 80.
                    _console.WriteLine("── " + text + " " + new string('─', Math.Max(3, 76 - text.Length)));
                }
            }
        }

        public void Sent(string topic, byte[] payload, int length) => Traffic("green", "→", topic, payload, length);

        public void Received(string topic, byte[] payload) => Traffic("deepskyblue1", "←", topic, payload, payload.Length);

        public void State(string text) => Line("yellow", "◆", text);

        public void Log(string text)
        {
            // The progress bar shows the download steps the OTA engine also logs.
            if (!text.StartsWith("ota: downloading", StringComparison.Ordinal))
            {
                Line("grey", "·", text);
            }
        }

        public void Note(string text) => Line("white", "•", text);

        public void Success(string text) => Line("green bold", "✓", text);

        public void Failure(string text) => Line("red bold", "✗", text);

        /// <summary>Draws the progress bar of a download (redrawn in place on a terminal).</summary>
        public void Progress(string label, int percent)
        {
            percent = Math.Clamp(percent, 0, 100);
            int filled = percent * BarWidth / 100;
            string bar = "  " + label + " [" + new string('█', filled) + new string('░', BarWidth - filled) + "] " + percent + "%";
            lock (_gate)
            {
                if (_redraw)
                {
                    _bar = bar;
                    DrawBar();
                    if (percent == 100)
                    {
                        EndBar();
                    }
                }
                else
                {
                    _console.MarkupLine("[magenta]" + Markup.Escape(bar) + "[/]");
                }
            }
        }

        private void Traffic(string colour, string arrow, string topic, byte[] payload, int length)
        {
            string text = Encoding.UTF8.GetString(payload, 0, Math.Min(length, payload.Length));
            string head = Stamp() + " " + arrow + " " + topic + "  ";
            // On a terminal a message keeps to one line; in a log it is written whole.
            int room = Math.Max(MinPayloadChars, _console.Profile.Width - head.Length - 8);
            if (text.Length > room)
            {
                string size = "… (" + length + " bytes)";
                text = text.Substring(0, Math.Max(0, room - size.Length)) + size;
            }
            else if (text.Length == 0)
            {
                text = "(empty)";
            }
            string line = head + text;
            Write("[" + colour + "]" + Markup.Escape(line) + "[/]");
        }

        private void Line(string style, string mark, string text)
        {
            Write("[" + style + "]" + Markup.Escape(Stamp() + " " + mark + " " + text) + "[/]");
        }

        private void Write(string markup)
        {
            lock (_gate)
            {
                bool bar = _bar != null;
                if (bar)
                {
                    _console.Write(new Text("\r" + new string(' ', _bar.Length) + "\r"));
                }
                _console.MarkupLine(markup);
                if (bar)
                {
                    DrawBar();
                }
            }
        }

        private void DrawBar() => _console.Write(new Text("\r" + _bar, new Style(Color.Magenta1)));

        private void EndBar()
        {
            if (_bar != null)
            {
                _console.WriteLine();
                _bar = null;
            }
        }

        private string Stamp() => (_clock.ElapsedMilliseconds / 1000.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture).PadLeft(7) + "s";
    }
}
