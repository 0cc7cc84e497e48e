namespace IotDevice.Topics
{
    /// <summary>
    /// Classifying an inbound topic: the path every message takes. On the device's interpreter a native
    /// string call costs as much as dozens of IL instructions, and a field or array read as much as
    /// several, so the path is written out in one method, reads each field once, and asks the runtime
    /// for as few searches as the topic needs: the commonest topics take two or three.
    /// </summary>
    public sealed partial class TopicTable
    {
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
            // A topic whose argument is its last level: the last character the parser stops at is the '/'
            // that ends a run's prefix, and one comparison confirms the prefix.
            TopicMatch candidate = null;
            int from = _firstPrefixEnd;
            if (length - 1 > from)
            {
                // Only where a prefix can end, or after: a topic whose last such character comes earlier
                // has nothing to look for here.
                int last = topic.LastIndexOfAny(_stops, length - 1, length - from);
                int[] lastLevelRows = _lastLevelRows;
                int row = last >= 0 && last < lastLevelRows.Length && last < length - 1 ? lastLevelRows[last] : 0;
                if (row != 0 && topic.IndexOf(_runPrefixes[(row >> RunShift) & RunMask]) == 0)
                {
                    candidate = _rowMatches[row & RowMask];
                    if ((row & Shadowed) == 0)
                    {
                        return candidate;
                    }
                }
            }
            // Rows without an argument: a topic equal to one's is well formed and needs no other check.
            int hash = topic.GetHashCode();
            int[] slots = _fixedSlots;
            int mask = slots.Length - 1;
            int at = hash & mask;
            int slot;
            while ((slot = slots[at]) != 0)
            {
                if (((slot ^ hash) & SlotHashBits) == 0 && _topics[(slot & RowMask) - 1] == topic)
                {
                    return _rowMatches[(slot >> SlotWinnerShift) & RowMask];
                }
                at = (at + 1) & mask;
            }
            if (candidate != null)
            {
                return candidate;
            }
            TopicMatch match = MatchArgRows(topic, length);
            return match != null ? match : Explain(topic);
        }

        // Any other topic with an argument (one with a suffix, or a character the parser stops at in
        // it): the runs in table order.
        private TopicMatch MatchArgRows(string topic, int length)
        {
            for (int run = 0; run < _runShapes.Length; run++)
            {
                int shape = _runShapes[run];
                int prefixLength = shape & MaxPrefixLength;
                if (length <= prefixLength || topic.IndexOf(_runPrefixes[run], 0, prefixLength) != 0)
                {
                    continue;
                }
                // One search finds the first character after the prefix that the parser stops at: before
                // it the argument is clean; without one, no row with a suffix fits.
                int stop = topic.IndexOfAny(_stops, prefixLength, length - prefixLength);
                int end = (shape >> EndArgShift) & EndArgMask;
                for (int a = (shape >> FirstArgShift) & FirstArgMask; a < end; a++)
                {
                    int row = _argRows[a];
                    int argEnd = length - (row >> SuffixShift);
                    if (stop < 0 ? argEnd == length
                        : argEnd > prefixLength && ArgFits(topic, row, stop, prefixLength, argEnd)
                            && (argEnd == length || topic.IndexOf(_argSuffixes[a], argEnd, length - argEnd) == argEnd))
                    {
                        return _rowMatches[row & RowMask];
                    }
                }
                if (_runsExclusive)
                {
                    break;
                }
            }
            return null;
        }

        // Whether the argument [start, end) is one clean level (or, for a row whose argument spans levels,
        // clean levels none of them empty), given the first character from start on that may not be.
        private static bool ArgFits(string topic, int row, int stop, int start, int end)
        {
            if (stop >= end || topic.IndexOfAny(TopicText.NotInLevels, stop, end - stop) < 0)
            {
                return true;
            }
            // Several levels: nothing but '/' refused in them, none empty (the prefix ends with '/', so an
            // empty first level shows as "//" too).
            return (row & SpansLevels) != 0
                && topic.IndexOfAny(TopicText.NotInTopicNames, start, end - start) < 0
                && topic.IndexOf(EmptyLevel, start - 1, end - start + 1) < 0
                && topic.IndexOf('/', end - 1, 1) < 0;
        }
    }
}
