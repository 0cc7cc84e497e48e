using System;
using System.Collections;
using IotDevice.Dialects;

namespace IotDevice.Topics
{
    /// <summary>
    /// A dialect's topic table compiled for one device identity. It builds the topic strings of the
    /// rows without an argument (once, here) and classifies inbound topics without allocating. The three
    /// dialects differ only in the rows they pass in.
    /// <para>Classifying is shaped for the device's interpreter, where every IL instruction costs and
    /// the runtime's string searches run natively, and the common topics take two or three of them
    /// whatever the size of the table: a topic whose argument is its last level (a service call, a
    /// data stream) by one search from its end and one prefix comparison; a topic without an argument
    /// by its hash code and one string comparison. Any other topic with an argument is tried against
    /// each run of rows that share a prefix, one prefix comparison a run and a search or two in the run
    /// that has it. Only a topic that matches nothing walks the rows segment by segment, to say why.</para>
    /// <para>What the table holds is kept small, as the device's heap is: their topic strings, one
    /// answer per row and per failure, and a few arrays of numbers. The rows' templates come from the
    /// dialect's <see cref="TopicDefinitionSource"/> again when a rarer question needs them (a filter,
    /// the reason of a failure).</para>
    /// </summary>
    public sealed partial class TopicTable
    {
        /// <summary>Longest topic accepted or built by default (Alink allows 128 bytes; MQTT far more).</summary>
        public const int DefaultMaxTopicLength = 256;

        // Stands for the argument while a row's text around it is worked out; never in a real topic.
        private const string ArgMark = "\u0001";
        private const char ArgMarkChar = (char)1;

        // Kept in a field: loading a string literal makes a new string each time on the device.
        private static readonly string EmptyLevel = "//";

        // Limits that let rows and runs be packed into numbers (see below).
        private const int MaxRows = 1000;
        private const int MaxArgRows = 63;

        // A row with an argument in one number: the table row, whether the argument may span levels,
        // whether some row's own topic also fits it (see Shadowed), its run, and the length of the text
        // after the argument (highest, so that a shift alone reads it).
        private const int RowMask = 0xFFF;
        private const int SpansLevels = 1 << 12;
        private const int Shadowed = 1 << 13;
        private const int RunShift = 14;
        private const int RunMask = 0x3F;
        private const int SuffixShift = 20;
        private const int MaxSuffixLength = TopicMatch.MaxCharactersAfterArg;
        private const int LastLevelRow = 1 << 30;

        // A run in one number: the length of its prefix and the range of its rows with an argument.
        private const int MaxPrefixLength = TopicMatch.MaxArgStart;
        private const int FirstArgShift = 12;
        private const int FirstArgMask = 0x3F;
        private const int EndArgShift = 18;
        private const int EndArgMask = 0x7F;

        // A slot of the fixed-topic set: the row whose topic it holds plus one, the row that wins that
        // topic, and the top 8 bits of the topic's hash code.
        private const int SlotWinnerShift = 12;
        private const int SlotHashBits = unchecked((int)0xFF000000);

        // The rows as given, kept as templates and numbers rather than as definition objects.
        private readonly TopicDefinitionSource _source;
        private readonly int[] _rowFlags;
        private readonly string[] _identityNames;
        private readonly string[] _identityValues;
        private readonly int _maxTopicLength;
        private readonly int[] _rowByKind;

        // Each row's topic, or null for a row with an argument.
        private readonly string[] _topics;

        // What Parse hands back: one match per row, one failure per TopicError.
        private readonly TopicMatch[] _rowMatches;
        private readonly TopicMatch[] _failures;

        // The rows without an argument, found by the topic's hash code (computed natively, over the whole
        // string): an open-addressed set of 2^n slots, each 0 (empty) or a row packed as above (an array
        // of numbers takes 4 bytes a slot; one of references a heap block). A topic is compared with a
        // row's only when the hash bits agree.
        private readonly int[] _fixedSlots;

        // The rows with an argument, in table order, packed as above, and the text after the argument.
        private readonly int[] _argRows;
        private readonly string[] _argSuffixes;

        // What a single level may not hold, and the first character of every suffix: the characters
        // where the parser must look closer.
        private readonly char[] _stops;

        // The rows with an argument in runs: consecutive ones with the same text before the argument
        // (the prefix), compared once for the whole run. Each run's prefix and its shape, packed as above.
        // When no run's prefix begins another's, a topic has the prefix of one run at most, and the
        // search stops at the first whose prefix it has; otherwise every run is tried, in table order.
        private readonly string[] _runPrefixes;
        private readonly int[] _runShapes;
        private readonly bool _runsExclusive;

        // The common shape of an inbound topic with an argument, its last level being the argument: by
        // where the prefix ends (its '/'), counted from the first such position, the first row without a
        // suffix of the first run whose prefix ends there (packed as above, with LastLevelRow set; 0 for
        // none). The first position is int.MaxValue where there is none (as when runs are not exclusive).
        private readonly int[] _lastLevelRows;
        private readonly int _firstPrefixEnd;

        /// <param name="identityNames">Placeholder names used by the templates, e.g. "productKey".</param>
        /// <param name="identityValues">This device's values for them, in the same order.</param>
        public TopicTable(Dialect dialect, TopicDefinition[] definitions, string[] identityNames, string[] identityValues)
            : this(dialect, definitions, identityNames, identityValues, DefaultMaxTopicLength)
        {
        }

        /// <summary>A table that keeps the rows given (see <see cref="TopicDefinitionSource"/> for one that does not).</summary>
        public TopicTable(Dialect dialect, TopicDefinition[] definitions, string[] identityNames, string[] identityValues,
            int maxTopicLength)
            : this(dialect, definitions == null ? null : new TopicDefinitionSource(new KeptDefinitions(definitions).Get),
                identityNames, identityValues, maxTopicLength)
        {
        }

        /// <summary>A table that asks <paramref name="definitions"/> for its rows when it needs their text, holding none.</summary>
        public TopicTable(Dialect dialect, TopicDefinitionSource definitions, string[] identityNames, string[] identityValues)
            : this(dialect, definitions, identityNames, identityValues, DefaultMaxTopicLength)
        {
        }

        public TopicTable(Dialect dialect, TopicDefinitionSource source, string[] identityNames, string[] identityValues,
            int maxTopicLength)
        {
            TopicDefinition[] definitions = source == null ? null : source();
            if (definitions == null || identityNames == null || identityValues == null || identityNames.Length != identityValues.Length)
            {
                throw new ArgumentException("A topic table needs its definitions and one value per identity name.");
            }
            for (int i = 0; i < identityValues.Length; i++)
            {
                if (!TopicText.IsValidSegmentValue(identityValues[i], false))
                {
                    throw new ArgumentException("The " + identityNames[i] + " '" + identityValues[i]
                        + "' cannot be a topic level: it must be non-empty, without '/', '+', '#' or control characters.");
                }
            }
            Dialect = dialect;
            _source = source;
            _rowFlags = new int[definitions.Length];
            for (int i = 0; i < definitions.Length; i++)
            {
                _rowFlags[i] = definitions[i].Packed;
            }
            _identityNames = identityNames;
            _identityValues = identityValues;
            _maxTopicLength = maxTopicLength;
            _rowByKind = RowByKind(definitions);

            _failures = new TopicMatch[(int)TopicError.UnknownTopic + 1];

            TopicPattern[] patterns = Compile(definitions);
            _topics = new string[patterns.Length];
            _rowMatches = new TopicMatch[patterns.Length];
            int argRowCount = 0;
            for (int i = 0; i < patterns.Length; i++)
            {
                string topic = patterns[i].Fixed;
                if (topic != null && topic.Length > maxTopicLength)
                {
                    throw new ArgumentException("The identity makes topic '" + topic + "' longer than "
                        + maxTopicLength.ToString() + " characters.");
                }
                _topics[i] = topic;
                argRowCount += topic == null ? 1 : 0;
            }
            if (patterns.Length > MaxRows || argRowCount > MaxArgRows)
            {
                throw new ArgumentException("A topic table holds at most " + MaxRows.ToString() + " rows, "
                    + MaxArgRows.ToString() + " of them with an argument.");
            }
            _argRows = new int[argRowCount];
            _argSuffixes = new string[argRowCount];
            string[] prefixes = new string[argRowCount];
            int a = 0;
            for (int i = 0; i < patterns.Length; i++)
            {
                if (_topics[i] != null)
                {
                    continue;
                }
                string marked = patterns[i].Format(ArgMark);
                int at = marked.IndexOf(ArgMarkChar);
                int after = marked.Length - at - ArgMark.Length;
                if (at > MaxPrefixLength || after > MaxSuffixLength)
                {
                    throw new ArgumentException("The identity makes the topics of row " + i.ToString() + " too long to classify.");
                }
                prefixes[a] = marked.Substring(0, at);
                _argSuffixes[a] = after == 0 ? null : marked.Substring(at + ArgMark.Length);
                _argRows[a] = i | (after << SuffixShift) | (patterns[i].ArgSpansLevels ? SpansLevels : 0);
                a++;
            }
            _runPrefixes = Runs(prefixes, _argRows);
            _runShapes = RunShapes(_runPrefixes, _argRows);
            _runsExclusive = Exclusive(_runPrefixes);
            _stops = Stops(_argSuffixes);
            MarkShadowedRows(patterns);
            _lastLevelRows = LastLevelRows(_runShapes, _argRows, _runsExclusive, out _firstPrefixEnd);
            _fixedSlots = FixedSlots(patterns, patterns.Length - argRowCount);
        }

        public readonly Dialect Dialect;

        /// <summary>Number of rows in the table.</summary>
        public int Count
        {
            get { return _rowFlags.Length; }
        }

        public int MaxTopicLength
        {
            get { return _maxTopicLength; }
        }

        /// <summary>The row at <paramref name="index"/> (for listing the table).</summary>
        public TopicDefinition DefinitionAt(int index)
        {
            return Definitions()[index];
        }

        /// <summary>The topic (or, for a row with an argument, the template filled in), for display.</summary>
        public string DisplayAt(int index)
        {
            TopicPattern pattern = Pattern(index);
            return pattern.Fixed != null ? pattern.Fixed : pattern.Format("{" + pattern.ArgName + "}");
        }

        /// <summary>True when this dialect has a topic of that kind.</summary>
        public bool Has(TopicKind kind)
        {
            return RowOf(kind) >= 0;
        }

        /// <summary>True when the topic of that kind has a variable segment (<see cref="Build"/> fills it).</summary>
        public bool NeedsArg(TopicKind kind)
        {
            return _topics[RequireRow(kind)] == null;
        }

        /// <summary>The topic of a kind without a variable segment; built once, never allocates.</summary>
        public string Get(TopicKind kind)
        {
            int row = RequireRow(kind);
            string topic = _topics[row];
            if (topic == null)
            {
                throw new ArgumentException("The " + KindName(kind) + " topic needs its " + Pattern(row).ArgName + "; use Build.");
            }
            return topic;
        }

        /// <summary>The topic of a kind with a variable segment, e.g. an Alink event's identifier.</summary>
        public string Build(TopicKind kind, string arg)
        {
            int row = RequireRow(kind);
            if (_topics[row] != null)
            {
                return _topics[row];
            }
            int a = ArgSlot(row);
            bool spansLevels = (_argRows[a] & SpansLevels) != 0;
            if (!TopicText.IsValidSegmentValue(arg, spansLevels))
            {
                throw new ArgumentException("The " + Pattern(row).ArgName + " '" + arg
                    + "' cannot go into a topic: it must be non-empty, without '+', '#', control characters"
                    + (spansLevels ? " or empty levels." : " or '/'."));
            }
            string topic = _runPrefixes[(_argRows[a] >> RunShift) & RunMask] + arg + _argSuffixes[a];
            if (topic.Length > _maxTopicLength)
            {
                throw new ArgumentException("Topic '" + topic + "' is longer than " + _maxTopicLength.ToString() + " characters.");
            }
            return topic;
        }

        /// <summary>The subscription filter for a kind, e.g. to subscribe an optional topic.</summary>
        public string FilterFor(TopicKind kind)
        {
            return Pattern(RequireRow(kind)).ToFilter();
        }

        /// <summary>
        /// The filters the session subscribes after every connect: every default row, arguments as
        /// wildcards, without filters another one already covers. Made anew each call.
        /// </summary>
        public string[] GetSubscribeFilters()
        {
            return DefaultFilters(Compile(Definitions()));
        }

        // The slow path, for topics that match no row: the name's own faults first, then every row walked
        // segment by segment to tell a missing or extra level from another device's topic and an unknown
        // one of this device. It compiles the templates again: a rejected message may allocate.
        private TopicMatch Explain(string topic)
        {
            TopicError error = TopicText.CheckTopicName(topic, _maxTopicLength);
            if (error != TopicError.None)
            {
                return Failure(error);
            }
            TopicPattern[] patterns = Compile(Definitions());
            bool ours = false;
            bool tooShort = false;
            bool tooLong = false;
            for (int i = 0; i < patterns.Length; i++)
            {
                TopicPattern pattern = patterns[i];
                int position = 0;
                int argStart;
                int argLength;
                int outcome = pattern.Match(topic, ref position, 0, pattern.ScopeLength, false, out argStart, out argLength);
                if (outcome != TopicPattern.Matched)
                {
                    tooShort |= outcome == TopicPattern.TopicTooShort;
                    continue;
                }
                ours = true;
                outcome = pattern.Match(topic, ref position, pattern.ScopeLength, pattern.SegmentCount, true, out argStart, out argLength);
                if (outcome == TopicPattern.Matched)
                {
                    return RowMatch(i);
                }
                tooShort |= outcome == TopicPattern.TopicTooShort;
                tooLong |= outcome == TopicPattern.TopicTooLong;
            }
            error = tooShort ? TopicError.MissingSegment : tooLong ? TopicError.ExtraSegment
                : ours ? TopicError.UnknownTopic : TopicError.OtherDevice;
            return Failure(error);
        }

        // The answers are made the first time they are given: a device meets few of its dialect's rows
        // and refusals, and each answer is heap it would otherwise hold from the start. Two threads may
        // both make one; either is right.
        private TopicMatch RowMatch(int row)
        {
            TopicMatch match = _rowMatches[row];
            if (match != null)
            {
                return match;
            }
            int packed = _rowFlags[row];
            TopicKind kind = TopicDefinition.KindOf(packed);
            TopicDirection direction = TopicDefinition.DirectionOf(packed);
            if (_topics[row] != null)
            {
                match = new TopicMatch(TopicStatus.Matched, TopicError.None, Dialect, kind, direction, false, 0, 0);
            }
            else
            {
                int a = ArgSlot(row);
                string suffix = _argSuffixes[a];
                match = new TopicMatch(TopicStatus.Matched, TopicError.None, Dialect, kind, direction, true,
                    _runPrefixes[(_argRows[a] >> RunShift) & RunMask].Length, suffix == null ? 0 : suffix.Length);
            }
            _rowMatches[row] = match;
            return match;
        }

        private TopicMatch Failure(TopicError error)
        {
            TopicMatch match = _failures[(int)error];
            if (match == null)
            {
                TopicStatus status = error == TopicError.OtherDevice ? TopicStatus.NotOurs
                    : error == TopicError.UnknownTopic ? TopicStatus.Unsupported : TopicStatus.Malformed;
                match = new TopicMatch(status, error, Dialect, TopicKind.None, TopicDirection.None, false, 0, 0);
                _failures[(int)error] = match;
            }
            return match;
        }

        private TopicPattern[] Compile(TopicDefinition[] definitions)
        {
            TopicPattern[] patterns = new TopicPattern[definitions.Length];
            for (int i = 0; i < patterns.Length; i++)
            {
                patterns[i] = new TopicPattern(definitions[i], _identityNames, _identityValues);
            }
            return patterns;
        }

        private TopicPattern Pattern(int row)
        {
            return new TopicPattern(Definitions()[row], _identityNames, _identityValues);
        }

        /// <summary>The rows again, from the source; refused if they are not the rows the table was built from.</summary>
        private TopicDefinition[] Definitions()
        {
            TopicDefinition[] definitions = _source();
            bool same = definitions != null && definitions.Length == _rowFlags.Length;
            for (int i = 0; same && i < definitions.Length; i++)
            {
                same = definitions[i] != null && definitions[i].Packed == _rowFlags[i];
            }
            if (!same)
            {
                throw new InvalidOperationException("The topic definitions changed after the table was built.");
            }
            return definitions;
        }

        /// <summary>Rows given as an array, kept and handed back.</summary>
        private sealed class KeptDefinitions
        {
            private readonly TopicDefinition[] _definitions;

            public KeptDefinitions(TopicDefinition[] definitions)
            {
                _definitions = definitions;
            }

            public TopicDefinition[] Get()
            {
                return _definitions;
            }
        }

        private int ArgSlot(int row)
        {
            for (int a = 0; a < _argRows.Length; a++)
            {
                if ((_argRows[a] & RowMask) == row)
                {
                    return a;
                }
            }
            return -1;
        }

        private int RowOf(TopicKind kind)
        {
            int k = (int)kind;
            return k > 0 && k < _rowByKind.Length ? _rowByKind[k] : -1;
        }

        private int RequireRow(TopicKind kind)
        {
            int row = RowOf(kind);
            if (row < 0)
            {
                throw new ArgumentException("The " + Dialect.ToString() + " dialect has no " + KindName(kind) + " topic.");
            }
            return row;
        }

        private static string KindName(TopicKind kind)
        {
            // Enum names are not available on nanoFramework (ToString gives the number).
            return "kind " + ((int)kind).ToString();
        }

        private static int[] RowByKind(TopicDefinition[] definitions)
        {
            int max = 0;
            for (int i = 0; i < definitions.Length; i++)
            {
                int k = (int)definitions[i].Kind;
                if (k > max)
                {
                    max = k;
                }
            }
            int[] index = new int[max + 1];
            for (int k = 0; k < index.Length; k++)
            {
                index[k] = -1;
            }
            for (int i = 0; i < definitions.Length; i++)
            {
                int k = (int)definitions[i].Kind;
                if (index[k] < 0)
                {
                    index[k] = i;
                }
            }
            return index;
        }

        private static string[] DefaultFilters(TopicPattern[] patterns)
        {
            ArrayList filters = new ArrayList();
            for (int i = 0; i < patterns.Length; i++)
            {
                if (patterns[i].Definition.SubscribeByDefault)
                {
                    string filter = patterns[i].ToFilter();
                    if (filter != null)
                    {
                        filters.Add(filter);
                    }
                }
            }
            ArrayList kept = new ArrayList();
            for (int i = 0; i < filters.Count; i++)
            {
                string filter = (string)filters[i];
                if (!CoveredByAnother(filters, i) && !kept.Contains(filter))
                {
                    kept.Add(filter);
                }
            }
            string[] result = new string[kept.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string)kept[i];
            }
            return result;
        }

        // A plain filter that a wildcard filter in the list also matches would only bring duplicates.
        private static bool CoveredByAnother(ArrayList filters, int index)
        {
            string filter = (string)filters[index];
            if (filter.IndexOf('+') >= 0 || filter.IndexOf('#') >= 0)
            {
                return false;
            }
            for (int j = 0; j < filters.Count; j++)
            {
                string other = (string)filters[j];
                if (j != index && other != filter && TopicText.FilterMatches(other, filter))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
