using System;
using System.Collections;
using IotDevice.Dialects;

namespace IotDevice.Topics
{
    /// <summary>
    /// A dialect's topic table compiled for one device identity. It works out, once, where each row's
    /// topic can be found and classifies inbound topics without allocating. The three dialects differ
    /// only in the rows they pass in.
    /// <para>Classifying is shaped for the device's interpreter, where every IL instruction costs and
    /// the runtime's string searches run natively, and the common topics take two or three of them
    /// whatever the size of the table: a topic whose argument is its last level (a service call, a
    /// data stream) by one search from its end and one prefix comparison; a topic without an argument
    /// by its hash code and one string comparison. Any other topic with an argument is tried against
    /// each run of rows that share a prefix, one prefix comparison a run and a search or two in the run
    /// that has it. Only a topic that matches nothing walks the rows segment by segment, to say why.</para>
    /// <para>What the table holds is kept small, as the device's heap is: a few arrays of numbers made
    /// when it is built, and the text of the rows the device has used, made the first time each is used
    /// (a row's topic, the text before and after an argument) and kept with the row's answer. The rows'
    /// templates come from the dialect's <see cref="TopicDefinitionSource"/> again when that text is
    /// made or a rarer question needs them (a filter, the reason of a failure).</para>
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

        // Shared by every table: what a table without rows of a sort or without answers yet holds.
        private static readonly int[] NoNumbers = new int[0];
        private static readonly TopicMatch[] NoAnswers = new TopicMatch[0];

        // Taken only to add an answer, so that two threads never give two answers one place.
        private static readonly object AnswerLock = new object();

        // Limits that let rows and runs be packed into numbers (see below). A row's answer is found by
        // a number of 7 bits, and every row and every failure may have one.
        private const int MaxRows = 100;
        private const int MaxArgRows = 63;

        // A row as the table keeps it: the definition's own number (kind, direction, subscribe flag; see
        // TopicDefinition.Packed) and, above it, where its answer is among the answers given so far
        // (plus one; 0 while it has none).
        private const int AnswerShift = 25;
        private const int DefinitionMask = (1 << AnswerShift) - 1;
        private const int AnswerGrowth = 4;

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

        // A last-level row (see _lastLevelRows) is such a number with LastLevelRow set and, above it,
        // where the row's answer is (as in a row's number): its suffix length, always 0, makes the room.
        private const int LastLevelRow = 1 << SuffixShift;

        // A run in one number: the length of its prefix and the range of its rows with an argument.
        private const int MaxPrefixLength = TopicMatch.MaxArgStart;
        private const int FirstArgShift = 12;
        private const int FirstArgMask = 0x3F;
        private const int EndArgShift = 18;
        private const int EndArgMask = 0x7F;

        // Set in every run's number when no run's prefix begins another's (see below).
        private const int RunsExclusive = 1 << 30;

        // A slot of the fixed-topic set: the row whose topic it holds plus one, the row that wins that
        // topic, 8 bits of the topic's hash code (above those that choose its slot), and where the row's
        // answer is (as in a row's number).
        private const int SlotRowMask = 0x7F;
        private const int SlotWinnerShift = 7;
        private const int SlotHashBits = 0xFF0000;

        // Where a row's answer is, in the top bits of every number that says: a row's, a slot's and a
        // last-level row's, so that a fast path reads it with one shift.

        // The rows as given, kept as numbers rather than as definition objects or text.
        private readonly TopicDefinitionSource _source;
        private readonly int[] _rows;
        private readonly string[] _identityNames;
        private readonly string[] _identityValues;

        private readonly int _maxTopicLength;

        // The answers given so far, rows' and failures' alike, in the order first given from place 1 on
        // (place 0 stays empty, so that "none yet", 0, reads as null); a row's number says where its own
        // is. Grown under AnswerLock, read without it.
        private TopicMatch[] _answers;

        // The rows without an argument, found by the topic's hash code (computed natively, over the whole
        // string): an open-addressed set of 2^n slots, each 0 (empty) or a row packed as above (an array
        // of numbers takes 4 bytes a slot; one of references a heap block). A topic is compared with a
        // row's, kept with the row's answer, only when the hash bits agree.
        private readonly int[] _fixedSlots;

        // The rows with an argument, in table order, packed as above.
        private readonly int[] _argRows;

        // What a single level may not hold, and the first character of every suffix: the characters
        // where the parser must look closer.
        private readonly char[] _stops;

        // The rows with an argument in runs: consecutive ones with the same text before the argument
        // (the prefix), compared once for the whole run. Each run's shape, packed as above, and its
        // prefix, made the first time a topic is compared with it.
        // When no run's prefix begins another's (RunsExclusive), a topic has the prefix of one run at
        // most, and the search stops at the first whose prefix it has; otherwise every run is tried, in
        // table order.
        private readonly int[] _runShapes;
        private string[] _runPrefixes;

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
            _rows = new int[definitions.Length];
            for (int i = 0; i < definitions.Length; i++)
            {
                _rows[i] = definitions[i].Packed;
            }
            _identityNames = identityNames;
            _identityValues = identityValues;
            _maxTopicLength = maxTopicLength;
            _answers = NoAnswers;

            // The rows' text is worked out here only to number it: none of it is kept.
            TopicPattern[] patterns = Compile(definitions);
            string[] topics = new string[patterns.Length];
            int argRowCount = 0;
            for (int i = 0; i < patterns.Length; i++)
            {
                string topic = patterns[i].Fixed;
                if (topic != null && topic.Length > maxTopicLength)
                {
                    throw new ArgumentException("The identity makes topic '" + topic + "' longer than "
                        + maxTopicLength.ToString() + " characters.");
                }
                topics[i] = topic;
                argRowCount += topic == null ? 1 : 0;
            }
            if (patterns.Length > MaxRows || argRowCount > MaxArgRows)
            {
                throw new ArgumentException("A topic table holds at most " + MaxRows.ToString() + " rows, "
                    + MaxArgRows.ToString() + " of them with an argument.");
            }
            _argRows = argRowCount == 0 ? NoNumbers : new int[argRowCount];
            string[] prefixes = new string[argRowCount];
            string[] suffixes = new string[argRowCount];
            int a = 0;
            for (int i = 0; i < patterns.Length; i++)
            {
                if (topics[i] != null)
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
                suffixes[a] = after == 0 ? null : marked.Substring(at + ArgMark.Length);
                _argRows[a] = i | (after << SuffixShift) | (patterns[i].ArgSpansLevels ? SpansLevels : 0);
                a++;
            }
            string[] runPrefixes = Runs(prefixes, _argRows);
            bool exclusive = Exclusive(runPrefixes);
            _runShapes = RunShapes(runPrefixes, _argRows, exclusive);
            _stops = Stops(suffixes);
            MarkShadowedRows(patterns, topics);
            _lastLevelRows = LastLevelRows(_runShapes, _argRows, exclusive, out _firstPrefixEnd);
            _fixedSlots = FixedSlots(patterns, topics, patterns.Length - argRowCount);
        }

        public readonly Dialect Dialect;

        /// <summary>Number of rows in the table.</summary>
        public int Count
        {
            get { return _rows.Length; }
        }

        public int MaxTopicLength
        {
            get { return _maxTopicLength; }
        }

        /// <summary>
        /// This device's value of the identity placeholder at <paramref name="index"/> (in the order of the
        /// names the table was made with). A dialect reads its identity here rather than keeping a second
        /// reference to it.
        /// </summary>
        public string IdentityValue(int index)
        {
            return _identityValues[index];
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
            return ArgSlot(RequireRow(kind)) >= 0;
        }

        /// <summary>
        /// The topic of a kind without a variable segment. It is built the first time it is asked for (or
        /// its topic arrives) and kept with the row's answer: later calls hand back the same string and
        /// allocate nothing. A table holds the topics the device uses, not every row's.
        /// </summary>
        public string Get(TopicKind kind)
        {
            int row = RequireRow(kind);
            if (ArgSlot(row) >= 0)
            {
                throw new ArgumentException("The " + KindName(kind) + " topic needs its " + Pattern(row).ArgName + "; use Build.");
            }
            return RowMatch(row).Text;
        }

        /// <summary>
        /// The topic of a kind without a variable segment, as <see cref="Get"/> gives it, for a topic the
        /// device sends rarely (once a connection): made anew for each call and not kept, unless the row is
        /// in use already, whose kept text is given. Each new one asks the definition source again, so it
        /// leaves garbage where <see cref="Get"/> would hold the text and its answer for good.
        /// </summary>
        public string Compose(TopicKind kind)
        {
            int row = RequireRow(kind);
            if (ArgSlot(row) >= 0)
            {
                throw new ArgumentException("The " + KindName(kind) + " topic needs its " + Pattern(row).ArgName + "; use Build.");
            }
            TopicMatch kept = AnswerAt(row);
            return kept != null ? kept.Text : Pattern(row).Fixed;
        }

        /// <summary>The topic of a kind with a variable segment, e.g. an Alink event's identifier.</summary>
        public string Build(TopicKind kind, string arg)
        {
            int row = RequireRow(kind);
            int a = ArgSlot(row);
            if (a < 0)
            {
                return RowMatch(row).Text;
            }
            bool spansLevels = (_argRows[a] & SpansLevels) != 0;
            if (!TopicText.IsValidSegmentValue(arg, spansLevels))
            {
                throw new ArgumentException("The " + Pattern(row).ArgName + " '" + arg
                    + "' cannot go into a topic: it must be non-empty, without '+', '#', control characters"
                    + (spansLevels ? " or empty levels." : " or '/'."));
            }
            string text = RowMatch(row).Text;
            string topic = KeepsPrefix(a) ? text + arg : RunPrefix((_argRows[a] >> RunShift) & RunMask) + arg + text;
            if (topic.Length > MaxTopicLength)
            {
                throw new ArgumentException("Topic '" + topic + "' is longer than " + MaxTopicLength.ToString() + " characters.");
            }
            return topic;
        }

        /// <summary>
        /// The length of the topic of a kind less its argument's: what a topic <see cref="Build"/> makes
        /// will measure with the argument's length added. Worked out from numbers the table holds for a
        /// row with an argument, without making its text.
        /// </summary>
        public int LengthWithoutArg(TopicKind kind)
        {
            int row = RequireRow(kind);
            int a = ArgSlot(row);
            if (a < 0)
            {
                return RowMatch(row).Text.Length;
            }
            return (_runShapes[(_argRows[a] >> RunShift) & RunMask] & MaxPrefixLength) + ((_argRows[a] >> SuffixShift) & MaxSuffixLength);
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
            TopicError error = TopicText.CheckTopicName(topic, MaxTopicLength);
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

        // A row's answer: made the first time it is given (a device meets few of its dialect's rows, and
        // each answer and its text is heap it would otherwise hold from the start), then kept.
        private TopicMatch RowMatch(int row)
        {
            TopicMatch match = AnswerAt(row);
            if (match != null)
            {
                return match;
            }
            return ArgSlot(row) >= 0 ? ArgAnswer(row) : FixedAnswer(row);
        }

        // The answer kept for a row, or null. Read without the lock: an answer, once in its place, stays
        // there in every later array, and a reader that sees an older array takes the slower way.
        private TopicMatch AnswerAt(int row)
        {
            TopicMatch[] answers = _answers;
            int at = (int)((uint)_rows[row] >> AnswerShift);
            return at < answers.Length ? answers[at] : null;
        }

        // A row without an argument answers as the row that wins its topic (itself, unless an earlier row
        // with an argument also fits it) and keeps the topic, which the parser confirms a match by.
        private TopicMatch FixedAnswer(int row)
        {
            string topic = Pattern(row).Fixed;
            int winner = row;
            int[] slots = _fixedSlots;
            for (int at = 0; at < slots.Length; at++)
            {
                if ((slots[at] & SlotRowMask) == row + 1)
                {
                    winner = (slots[at] >> SlotWinnerShift) & SlotRowMask;
                }
            }
            return Remember(row, Answer(winner, topic));
        }

        // A row with an argument keeps the text after the argument, which the parser compares and Build
        // appends; a row with nothing after the argument the text before it, which the parser confirms
        // a topic's last level by.
        private TopicMatch ArgAnswer(int row)
        {
            int argRow = _argRows[ArgSlot(row)];
            int after = (argRow >> SuffixShift) & MaxSuffixLength;
            string marked = Pattern(row).Format(ArgMark);
            string text = after > 0 ? marked.Substring(marked.Length - after)
                : marked.Substring(0, _runShapes[(argRow >> RunShift) & RunMask] & MaxPrefixLength);
            return Remember(row, Answer(row, text));
        }

        /// <summary>True when a row with an argument keeps the text before it in its answer.</summary>
        private bool KeepsPrefix(int argSlot)
        {
            return ((_argRows[argSlot] >> SuffixShift) & MaxSuffixLength) == 0;
        }

        private TopicMatch Answer(int row, string text)
        {
            int packed = _rows[row];
            TopicKind kind = TopicDefinition.KindOf(packed);
            TopicDirection direction = TopicDefinition.DirectionOf(packed);
            int a = ArgSlot(row);
            if (a < 0)
            {
                return new TopicMatch(TopicStatus.Matched, TopicError.None, Dialect, kind, direction, false, 0, 0, text);
            }
            int run = (_argRows[a] >> RunShift) & RunMask;
            return new TopicMatch(TopicStatus.Matched, TopicError.None, Dialect, kind, direction, true,
                _runShapes[run] & MaxPrefixLength, (_argRows[a] >> SuffixShift) & MaxSuffixLength, text);
        }

        private TopicMatch Failure(TopicError error)
        {
            TopicMatch[] answers = _answers;
            for (int i = 1; i < answers.Length; i++)
            {
                TopicMatch match = answers[i];
                if (match != null && match.Error == error)
                {
                    return match;
                }
            }
            TopicStatus status = error == TopicError.OtherDevice ? TopicStatus.NotOurs
                : error == TopicError.UnknownTopic ? TopicStatus.Unsupported : TopicStatus.Malformed;
            return Remember(-1, new TopicMatch(status, error, Dialect, TopicKind.None, TopicDirection.None, false, 0, 0, null));
        }

        // Adds an answer for a row (or, with row -1, a failure) unless another thread added one first, in
        // which case that one is kept and given. The array grows a few places at a time.
        private TopicMatch Remember(int row, TopicMatch answer)
        {
            lock (AnswerLock)
            {
                TopicMatch[] answers = _answers;
                int at = 1;
                while (at < answers.Length && answers[at] != null)
                {
                    TopicMatch given = answers[at];
                    if (row < 0 ? given.Error == answer.Error : at == (int)((uint)_rows[row] >> AnswerShift))
                    {
                        return given;
                    }
                    at++;
                }
                if (at >= answers.Length)
                {
                    TopicMatch[] grown = new TopicMatch[at + AnswerGrowth];
                    Array.Copy(answers, grown, answers.Length);
                    answers = grown;
                }
                answers[at] = answer;
                _answers = answers;
                if (row >= 0)
                {
                    _rows[row] |= at << AnswerShift;
                    int[] slots = _fixedSlots;
                    for (int i = 0; i < slots.Length; i++)
                    {
                        if ((slots[i] & SlotRowMask) == row + 1)
                        {
                            slots[i] |= at << AnswerShift;
                        }
                    }
                    int[] lastLevelRows = _lastLevelRows;
                    for (int i = 0; i < lastLevelRows.Length; i++)
                    {
                        if (lastLevelRows[i] != 0 && (lastLevelRows[i] & RowMask) == row)
                        {
                            lastLevelRows[i] |= at << AnswerShift;
                        }
                    }
                }
                return answer;
            }
        }

        // A run's prefix, made the first time a topic is compared with it. Two threads may both make it;
        // either is right.
        private string RunPrefix(int run)
        {
            string[] prefixes = _runPrefixes;
            if (prefixes == null)
            {
                prefixes = new string[_runShapes.Length];
                _runPrefixes = prefixes;
            }
            string prefix = prefixes[run];
            if ((object)prefix == null)
            {
                int shape = _runShapes[run];
                string marked = Pattern(_argRows[(shape >> FirstArgShift) & FirstArgMask] & RowMask).Format(ArgMark);
                prefix = marked.Substring(0, shape & MaxPrefixLength);
                prefixes[run] = prefix;
            }
            return prefix;
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
            bool same = definitions != null && definitions.Length == _rows.Length;
            for (int i = 0; same && i < definitions.Length; i++)
            {
                same = definitions[i] != null && definitions[i].Packed == (_rows[i] & DefinitionMask);
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
            // A walk over a few dozen numbers, once per topic sent: cheaper than an index the table holds.
            int[] rows = _rows;
            for (int row = 0; row < rows.Length; row++)
            {
                if (TopicDefinition.KindOf(rows[row]) == kind && kind != TopicKind.None)
                {
                    return row;
                }
            }
            return -1;
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
