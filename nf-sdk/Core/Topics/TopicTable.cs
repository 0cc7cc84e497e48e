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
    /// the runtime's string searches run natively: a topic without a variable segment is found among the
    /// rows of its length by one string comparison; a row with one is tried with a prefix and a suffix
    /// search. Only a topic that matches nothing walks the rows segment by segment, to say why.</para>
    /// <para>What the table holds is kept small, as the device's heap is: the rows, their topic strings,
    /// one answer per row and per failure, and a few arrays of numbers. The compiled templates are made
    /// again when a rarer question needs them (a filter, the reason of a failure).</para>
    /// </summary>
    public sealed class TopicTable
    {
        /// <summary>Longest topic accepted or built by default (Alink allows 128 bytes; MQTT far more).</summary>
        public const int DefaultMaxTopicLength = 256;

        // Stands for the argument while a row's text around it is worked out; never in a real topic.
        private const string ArgMark = "\u0001";
        private const char ArgMarkChar = (char)1;

        // Kept in a field: loading a string literal makes a new string each time on the device.
        private static readonly string EmptyLevel = "//";

        // The rows as given, kept as templates and numbers rather than as definition objects.
        private readonly string[] _templates;
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

        // Rows without an argument, shortest topic first, as row numbers (an array of numbers takes a few
        // bytes a slot, one of references a heap block): a topic is compared (natively) only with the rows
        // of its own length. Each keeps the row that wins it.
        private readonly int _fixedCount;
        private readonly int[] _fixedRows;
        private readonly int[] _fixedLengths;
        private readonly int[] _fixedWinners;

        // Rows with an argument, in table order: the text before and after it, and their lengths
        // (a string's Length counts its UTF-8 characters on the device: asked once, kept).
        private readonly int[] _argRows;
        private readonly string[] _argPrefixes;
        private readonly string[] _argSuffixes;
        private readonly int[] _argLengths;

        /// <param name="identityNames">Placeholder names used by the templates, e.g. "productKey".</param>
        /// <param name="identityValues">This device's values for them, in the same order.</param>
        public TopicTable(Dialect dialect, TopicDefinition[] definitions, string[] identityNames, string[] identityValues)
            : this(dialect, definitions, identityNames, identityValues, DefaultMaxTopicLength)
        {
        }

        public TopicTable(Dialect dialect, TopicDefinition[] definitions, string[] identityNames, string[] identityValues,
            int maxTopicLength)
        {
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
            _templates = new string[definitions.Length];
            _rowFlags = new int[definitions.Length];
            for (int i = 0; i < definitions.Length; i++)
            {
                TopicDefinition row = definitions[i];
                _templates[i] = row.Template;
                _rowFlags[i] = row.Packed;
            }
            _identityNames = identityNames;
            _identityValues = identityValues;
            _maxTopicLength = maxTopicLength;
            _rowByKind = RowByKind(definitions);

            _failures = new TopicMatch[(int)TopicError.UnknownTopic + 1];
            for (int e = 1; e < _failures.Length; e++)
            {
                TopicError error = (TopicError)e;
                TopicStatus status = error == TopicError.OtherDevice ? TopicStatus.NotOurs
                    : error == TopicError.UnknownTopic ? TopicStatus.Unsupported : TopicStatus.Malformed;
                _failures[e] = new TopicMatch(status, error, dialect, TopicKind.None, TopicDirection.None, false, 0, 0);
            }

            TopicPattern[] patterns = Compile();
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
            _argRows = new int[argRowCount];
            _argPrefixes = new string[argRowCount];
            _argSuffixes = new string[argRowCount];
            _argLengths = new int[argRowCount];
            int a = 0;
            for (int i = 0; i < patterns.Length; i++)
            {
                TopicDefinition row = definitions[i];
                if (_topics[i] != null)
                {
                    _rowMatches[i] = new TopicMatch(TopicStatus.Matched, TopicError.None, dialect, row.Kind, row.Direction, false, 0, 0);
                    continue;
                }
                string marked = patterns[i].Format(ArgMark);
                int at = marked.IndexOf(ArgMarkChar);
                int after = marked.Length - at - ArgMark.Length;
                _argRows[a] = i;
                _argPrefixes[a] = marked.Substring(0, at);
                _argSuffixes[a] = marked.Substring(at + ArgMark.Length);
                // Prefix and suffix lengths, and whether the argument may span levels, in one number.
                _argLengths[a] = at | (after << 12) | (patterns[i].ArgSpansLevels ? 1 << 24 : 0);
                _rowMatches[i] = new TopicMatch(TopicStatus.Matched, TopicError.None, dialect, row.Kind, row.Direction, true, at, after);
                a++;
            }
            _fixedRows = new int[patterns.Length - argRowCount];
            _fixedLengths = new int[_fixedRows.Length];
            _fixedWinners = new int[_fixedRows.Length];
            _fixedCount = SortFixedRows();
        }

        public Dialect Dialect { get; }

        /// <summary>Number of rows in the table.</summary>
        public int Count
        {
            get { return _templates.Length; }
        }

        public int MaxTopicLength
        {
            get { return _maxTopicLength; }
        }

        /// <summary>The row at <paramref name="index"/> (for listing the table).</summary>
        public TopicDefinition DefinitionAt(int index)
        {
            return Definition(index);
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
            bool spansLevels = (_argLengths[a] & (1 << 24)) != 0;
            if (!TopicText.IsValidSegmentValue(arg, spansLevels))
            {
                throw new ArgumentException("The " + Pattern(row).ArgName + " '" + arg
                    + "' cannot go into a topic: it must be non-empty, without '+', '#', control characters"
                    + (spansLevels ? " or empty levels." : " or '/'."));
            }
            string topic = _argPrefixes[a] + arg + _argSuffixes[a];
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
            return DefaultFilters(Compile());
        }

        /// <summary>
        /// Classifies an inbound topic: the row's match, or a failure with its reason. Never throws and
        /// never allocates; the result is one of the table's own, shared by every call.
        /// </summary>
        public TopicMatch Parse(string topic)
        {
            if (topic == null)
            {
                return _failures[(int)TopicError.Empty];
            }
            int length = topic.Length;
            if (length == 0 || length > _maxTopicLength)
            {
                return _failures[(int)(length == 0 ? TopicError.Empty : TopicError.TooLong)];
            }
            // A row's own topic is well formed: a topic equal to one needs no other check.
            int low = 0;
            int high = _fixedCount;
            while (low < high)
            {
                int middle = (low + high) >> 1;
                if (_fixedLengths[middle] < length)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            for (int i = low; i < _fixedCount && _fixedLengths[i] == length; i++)
            {
                if (_topics[_fixedRows[i]] == topic)
                {
                    return _rowMatches[_fixedWinners[i]];
                }
            }
            // Rows with an argument; rows in a run with the same prefix compare it once.
            string checkedPrefix = null;
            bool prefixMatched = false;
            for (int i = 0; i < _argRows.Length; i++)
            {
                int lengths = _argLengths[i];
                int prefixLength = lengths & 0xFFF;
                int argLength = length - prefixLength - ((lengths >> 12) & 0xFFF);
                if (argLength <= 0)
                {
                    continue;
                }
                string prefix = _argPrefixes[i];
                if ((object)prefix != (object)checkedPrefix)
                {
                    checkedPrefix = prefix;
                    prefixMatched = topic.IndexOf(prefix) == 0;
                }
                if (prefixMatched && ArgRowMatches(i, topic, length, prefixLength, argLength))
                {
                    return _rowMatches[_argRows[i]];
                }
            }
            return Explain(topic);
        }

        // After the prefix: the suffix, and a well-formed argument between (one level unless it spans levels).
        private bool ArgRowMatches(int index, string topic, int length, int prefixLength, int argLength)
        {
            int suffixLength = (_argLengths[index] >> 12) & 0xFFF;
            if (suffixLength > 0 && topic.IndexOf(_argSuffixes[index], length - suffixLength, suffixLength) < 0)
            {
                return false;
            }
            if ((_argLengths[index] & (1 << 24)) != 0)
            {
                // Several levels, none of them empty.
                if (topic.IndexOf(EmptyLevel, prefixLength, argLength) >= 0 || topic.IndexOf('/', length - 1) >= 0)
                {
                    return false;
                }
            }
            else if (topic.IndexOf('/', prefixLength, argLength) >= 0)
            {
                return false;
            }
            return topic.IndexOfAny(TopicText.NotInTopicNames, prefixLength, argLength) < 0;
        }

        // The whole row test, for building the table.
        private bool ArgRowMatches(int index, string topic)
        {
            int lengths = _argLengths[index];
            int prefixLength = lengths & 0xFFF;
            int argLength = topic.Length - prefixLength - ((lengths >> 12) & 0xFFF);
            return argLength > 0 && topic.IndexOf(_argPrefixes[index]) == 0 && ArgRowMatches(index, topic, topic.Length, prefixLength, argLength);
        }

        // The rows without an argument, shortest first, table order among equals. The first row in
        // table order that matches a topic owns it, even one with an argument (an earlier
        // "service/{id}" row takes "service/x"); a topic two rows share is kept once.
        private int SortFixedRows()
        {
            int count = 0;
            for (int i = 0; i < _topics.Length; i++)
            {
                string topic = _topics[i];
                if (topic == null || IndexOfFixed(topic, count) >= 0)
                {
                    continue;
                }
                int winner = i;
                for (int a = 0; a < _argRows.Length && _argRows[a] < i; a++)
                {
                    if (ArgRowMatches(a, topic))
                    {
                        winner = _argRows[a];
                        break;
                    }
                }
                int at = count;
                while (at > 0 && _fixedLengths[at - 1] > topic.Length)
                {
                    _fixedRows[at] = _fixedRows[at - 1];
                    _fixedLengths[at] = _fixedLengths[at - 1];
                    _fixedWinners[at] = _fixedWinners[at - 1];
                    at--;
                }
                _fixedRows[at] = i;
                _fixedLengths[at] = topic.Length;
                _fixedWinners[at] = winner;
                count++;
            }
            return count;
        }

        private int IndexOfFixed(string topic, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (_topics[_fixedRows[i]] == topic)
                {
                    return i;
                }
            }
            return -1;
        }

        // The slow path, for topics that match no row: the name's own faults first, then every row walked
        // segment by segment to tell a missing or extra level from another device's topic and an unknown
        // one of this device. It compiles the templates again: a rejected message may allocate.
        private TopicMatch Explain(string topic)
        {
            TopicError error = TopicText.CheckTopicName(topic, _maxTopicLength);
            if (error != TopicError.None)
            {
                return _failures[(int)error];
            }
            TopicPattern[] patterns = Compile();
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
                    return _rowMatches[i];
                }
                tooShort |= outcome == TopicPattern.TopicTooShort;
                tooLong |= outcome == TopicPattern.TopicTooLong;
            }
            error = tooShort ? TopicError.MissingSegment : tooLong ? TopicError.ExtraSegment
                : ours ? TopicError.UnknownTopic : TopicError.OtherDevice;
            return _failures[(int)error];
        }

        private TopicPattern[] Compile()
        {
            TopicPattern[] patterns = new TopicPattern[_templates.Length];
            for (int i = 0; i < patterns.Length; i++)
            {
                patterns[i] = new TopicPattern(Definition(i), _identityNames, _identityValues);
            }
            return patterns;
        }

        private TopicPattern Pattern(int row)
        {
            return new TopicPattern(Definition(row), _identityNames, _identityValues);
        }

        private TopicDefinition Definition(int row)
        {
            return new TopicDefinition(_rowFlags[row], _templates[row]);
        }

        private int ArgSlot(int row)
        {
            for (int a = 0; a < _argRows.Length; a++)
            {
                if (_argRows[a] == row)
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
