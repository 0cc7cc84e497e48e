using System;
using System.Collections;
using IotDevice.Dialects;

namespace IotDevice.Topics
{
    /// <summary>
    /// A dialect's topic table compiled for one device identity. It builds the topic strings the device
    /// publishes to (once, here) and classifies inbound topics without allocating. The three dialects
    /// differ only in the rows they pass in.
    /// </summary>
    public sealed class TopicTable
    {
        /// <summary>Longest topic accepted or built by default (Alink allows 128 bytes; MQTT far more).</summary>
        public const int DefaultMaxTopicLength = 256;

        private readonly TopicPattern[] _patterns;
        private readonly int[][] _scopeGroups;
        private readonly int[] _indexByKind;
        private readonly string[] _subscribeFilters;
        private readonly int _maxTopicLength;

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
            _maxTopicLength = maxTopicLength;
            _patterns = new TopicPattern[definitions.Length];
            for (int i = 0; i < definitions.Length; i++)
            {
                _patterns[i] = new TopicPattern(definitions[i], identityNames, identityValues);
                string fixedTopic = _patterns[i].Fixed;
                if (fixedTopic != null && fixedTopic.Length > maxTopicLength)
                {
                    throw new ArgumentException("The identity makes topic '" + fixedTopic + "' longer than "
                        + maxTopicLength.ToString() + " characters.");
                }
            }
            _indexByKind = IndexByKind(_patterns);
            _scopeGroups = GroupByScope(_patterns);
            _subscribeFilters = DefaultFilters(_patterns);
        }

        public Dialect Dialect { get; }

        /// <summary>Number of rows in the table.</summary>
        public int Count
        {
            get { return _patterns.Length; }
        }

        public int MaxTopicLength
        {
            get { return _maxTopicLength; }
        }

        /// <summary>The row at <paramref name="index"/> (for listing the table).</summary>
        public TopicDefinition DefinitionAt(int index)
        {
            return _patterns[index].Definition;
        }

        /// <summary>The topic (or, for a row with an argument, the filter) of row <paramref name="index"/>, for display.</summary>
        public string DisplayAt(int index)
        {
            TopicPattern pattern = _patterns[index];
            return pattern.Fixed != null ? pattern.Fixed : pattern.Format("{" + pattern.ArgName + "}");
        }

        /// <summary>True when this dialect has a topic of that kind.</summary>
        public bool Has(TopicKind kind)
        {
            return IndexOf(kind) >= 0;
        }

        /// <summary>True when the topic of that kind has a variable segment (<see cref="Build"/> fills it).</summary>
        public bool NeedsArg(TopicKind kind)
        {
            return PatternFor(kind).ArgIndex >= 0;
        }

        /// <summary>The topic of a kind without a variable segment; built once, never allocates.</summary>
        public string Get(TopicKind kind)
        {
            TopicPattern pattern = PatternFor(kind);
            if (pattern.Fixed == null)
            {
                throw new ArgumentException("The " + KindName(kind) + " topic needs its " + pattern.ArgName + "; use Build.");
            }
            return pattern.Fixed;
        }

        /// <summary>The topic of a kind with a variable segment, e.g. an Alink event's identifier.</summary>
        public string Build(TopicKind kind, string arg)
        {
            TopicPattern pattern = PatternFor(kind);
            if (pattern.ArgIndex < 0)
            {
                return pattern.Fixed;
            }
            if (!TopicText.IsValidSegmentValue(arg, pattern.ArgSpansLevels))
            {
                throw new ArgumentException("The " + pattern.ArgName + " '" + arg
                    + "' cannot go into a topic: it must be non-empty, without '+', '#', control characters"
                    + (pattern.ArgSpansLevels ? " or empty levels." : " or '/'."));
            }
            string topic = pattern.Format(arg);
            if (topic.Length > _maxTopicLength)
            {
                throw new ArgumentException("Topic '" + topic + "' is longer than " + _maxTopicLength.ToString() + " characters.");
            }
            return topic;
        }

        /// <summary>The subscription filter for a kind, e.g. to subscribe an optional topic.</summary>
        public string FilterFor(TopicKind kind)
        {
            return PatternFor(kind).ToFilter();
        }

        /// <summary>
        /// The filters the session subscribes after every connect: every default row, arguments as
        /// wildcards, without filters another one already covers. A new array each call.
        /// </summary>
        public string[] GetSubscribeFilters()
        {
            string[] copy = new string[_subscribeFilters.Length];
            Array.Copy(_subscribeFilters, copy, copy.Length);
            return copy;
        }

        /// <summary>Classifies an inbound topic. Never throws and never allocates.</summary>
        public TopicMatch Parse(string topic)
        {
            TopicError error = TopicText.CheckTopicName(topic, _maxTopicLength);
            if (error != TopicError.None)
            {
                return TopicMatch.Failure(TopicStatus.Malformed, error, Dialect);
            }
            // First pass: rows whose length rules them out are skipped, which is most of them.
            // Only a topic that matches nothing pays for the second pass, which explains why.
            TopicMatch match;
            if (TryMatch(topic, true, out match))
            {
                return match;
            }
            TryMatch(topic, false, out match);
            return match;
        }

        private bool TryMatch(string topic, bool skipByLength, out TopicMatch result)
        {
            bool ours = false;
            bool tooShort = false;
            bool tooLong = false;
            for (int g = 0; g < _scopeGroups.Length; g++)
            {
                int[] group = _scopeGroups[g];
                TopicPattern scope = _patterns[group[0]];
                int afterScope = 0;
                int argStart;
                int argLength;
                int outcome = scope.Match(topic, ref afterScope, 0, scope.ScopeLength, false, out argStart, out argLength);
                if (outcome == TopicPattern.TopicTooShort)
                {
                    tooShort = true;
                }
                if (outcome != TopicPattern.Matched)
                {
                    continue;
                }
                ours = true;
                for (int i = 0; i < group.Length; i++)
                {
                    TopicPattern pattern = _patterns[group[i]];
                    if (skipByLength && pattern.CannotMatchLength(topic.Length))
                    {
                        continue;
                    }
                    int position = afterScope;
                    outcome = pattern.Match(topic, ref position, pattern.ScopeLength, pattern.SegmentCount, true, out argStart, out argLength);
                    if (outcome == TopicPattern.Matched)
                    {
                        TopicDefinition row = pattern.Definition;
                        result = new TopicMatch(TopicStatus.Matched, TopicError.None, Dialect, row.Kind, row.Direction, argStart, argLength);
                        return true;
                    }
                    tooShort |= outcome == TopicPattern.TopicTooShort;
                    tooLong |= outcome == TopicPattern.TopicTooLong;
                }
            }
            if (tooShort)
            {
                result = TopicMatch.Failure(TopicStatus.Malformed, TopicError.MissingSegment, Dialect);
            }
            else if (tooLong)
            {
                result = TopicMatch.Failure(TopicStatus.Malformed, TopicError.ExtraSegment, Dialect);
            }
            else
            {
                result = ours
                    ? TopicMatch.Failure(TopicStatus.Unsupported, TopicError.UnknownTopic, Dialect)
                    : TopicMatch.Failure(TopicStatus.NotOurs, TopicError.OtherDevice, Dialect);
            }
            return false;
        }

        private int IndexOf(TopicKind kind)
        {
            int k = (int)kind;
            return k > 0 && k < _indexByKind.Length ? _indexByKind[k] : -1;
        }

        private TopicPattern PatternFor(TopicKind kind)
        {
            int index = IndexOf(kind);
            if (index < 0)
            {
                throw new ArgumentException("The " + Dialect.ToString() + " dialect has no " + KindName(kind) + " topic.");
            }
            return _patterns[index];
        }

        private static string KindName(TopicKind kind)
        {
            // Enum names are not available on nanoFramework (ToString gives the number).
            return "kind " + ((int)kind).ToString();
        }

        private static int[] IndexByKind(TopicPattern[] patterns)
        {
            int max = 0;
            for (int i = 0; i < patterns.Length; i++)
            {
                int k = (int)patterns[i].Definition.Kind;
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
            for (int i = 0; i < patterns.Length; i++)
            {
                int k = (int)patterns[i].Definition.Kind;
                if (index[k] < 0)
                {
                    index[k] = i;
                }
            }
            return index;
        }

        // Rows that share an identity prefix ("/sys/{pk}/{dn}") form a group, in table order, so the parser
        // compares that prefix once per group instead of once per row.
        private static int[][] GroupByScope(TopicPattern[] patterns)
        {
            ArrayList groups = new ArrayList();
            for (int i = 0; i < patterns.Length; i++)
            {
                ArrayList target = null;
                for (int g = 0; g < groups.Count; g++)
                {
                    ArrayList candidate = (ArrayList)groups[g];
                    if (patterns[(int)candidate[0]].SameScopeAs(patterns[i]))
                    {
                        target = candidate;
                        break;
                    }
                }
                if (target == null)
                {
                    target = new ArrayList();
                    groups.Add(target);
                }
                target.Add(i);
            }
            int[][] result = new int[groups.Count][];
            for (int g = 0; g < groups.Count; g++)
            {
                ArrayList members = (ArrayList)groups[g];
                result[g] = new int[members.Count];
                for (int m = 0; m < members.Count; m++)
                {
                    result[g][m] = (int)members[m];
                }
            }
            return result;
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
