using System;

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
        /// Classifies an inbound topic: the row's match, or a failure with its reason. The result is one of
        /// the table's own, shared by every call. Only the first topic of a row (or the first failure of a
        /// reason) allocates: the answer, and the text it is confirmed by, made from the rows the
        /// table's source gives again. No topic makes it throw; a source that no longer gives the rows the
        /// table was built from does (<see cref="InvalidOperationException"/>), as for every question
        /// that needs the rows.
        /// </summary>
        public TopicMatch Parse(string topic)
        {
            if (topic == null)
            {
                return Failure(TopicError.Empty);
            }
            // An empty topic goes on to be explained like any other that fits no row.
            int length = topic.Length;
            if (length > _maxTopicLength)
            {
                return Failure(TopicError.TooLong);
            }
            // A topic whose argument is its last level: the last character the parser stops at is the '/'
            // that ends a run's prefix, and one comparison confirms the prefix. Searched for only where a
            // prefix can end, or after.
            int from = _firstPrefixEnd;
            if (length - 1 > from)
            {
                int last = topic.LastIndexOfAny(_stops, length - 1, length - from);
                int[] lastLevelRows = _lastLevelRows;
                if ((uint)(last - from) < (uint)lastLevelRows.Length && last < length - 1)
                {
                    int row = lastLevelRows[last - from];
                    if (row != 0)
                    {
                        // The row's answer keeps its prefix; a row met for the first time makes both.
                        TopicMatch[] answers = _answers;
                        int answer = ((row >> LastLevelAnswerShift) & AnswerMask) - 1;
                        TopicMatch match = (uint)answer < (uint)answers.Length ? answers[answer] : null;
                        if (match == null)
                        {
                            match = RowMatch(row & RowMask);
                        }
                        if (topic.IndexOf(match.Text) == 0)
                        {
                            return match;
                        }
                    }
                }
            }
            // Rows without an argument: a topic equal to one's is well formed and needs no other check. The
            // row's topic is kept with its answer; a row met for the first time makes both.
            int hash = topic.GetHashCode();
            int[] slots = _fixedSlots;
            int mask = slots.Length - 1;
            int at = hash & mask;
            int slot;
            while ((slot = slots[at]) != 0)
            {
                if (((slot ^ hash) & SlotHashBits) == 0)
                {
                    TopicMatch[] answers = _answers;
                    int answer = ((slot >> SlotAnswerShift) & AnswerMask) - 1;
                    TopicMatch match = (uint)answer < (uint)answers.Length ? answers[answer] : null;
                    if (match == null)
                    {
                        match = RowMatch((slot & SlotRowMask) - 1);
                    }
                    if (match.Text == topic)
                    {
                        return match;
                    }
                }
                at = (at + 1) & mask;
            }
            TopicMatch found = MatchArgRows(topic, length);
            return found != null ? found : Explain(topic);
        }

        // Any other topic with an argument (one with a suffix, or a character the parser stops at in
        // it): the runs in table order.
        private TopicMatch MatchArgRows(string topic, int length)
        {
            for (int run = 0; run < _runShapes.Length; run++)
            {
                int shape = _runShapes[run];
                int prefixLength = shape & MaxPrefixLength;
                if (length <= prefixLength || topic.IndexOf(RunPrefix(run), 0, prefixLength) != 0)
                {
                    continue;
                }
                // The first character after the prefix that the parser stops at: without one, the rest is
                // one clean level that no suffix fits; before it, an argument is clean. Where an argument
                // goes past it, the first character a level cannot hold decides, searched for once.
                int stop = topic.IndexOfAny(_stops, prefixLength, length - prefixLength);
                int refused = stop;
                bool refusedKnown = false;
                int end = (shape >> EndArgShift) & EndArgMask;
                for (int a = (shape >> FirstArgShift) & FirstArgMask; a < end; a++)
                {
                    int row = _argRows[a];
                    int argEnd = length - ((row >> SuffixShift) & MaxSuffixLength);
                    if (argEnd <= prefixLength || (stop < 0 && argEnd < length))
                    {
                        continue;
                    }
                    if (stop >= 0 && stop < argEnd)
                    {
                        if ((row & SpansLevels) != 0)
                        {
                            if (!LevelsFit(topic, prefixLength, stop, argEnd))
                            {
                                continue;
                            }
                        }
                        else
                        {
                            if (!refusedKnown)
                            {
                                refused = topic.IndexOfAny(TopicText.NotInLevels, stop, length - stop);
                                refusedKnown = true;
                            }
                            if (refused >= 0 && refused < argEnd)
                            {
                                continue;
                            }
                        }
                    }
                    TopicMatch match = RowMatch(row & RowMask);
                    if (argEnd == length || topic.IndexOf(match.Text, argEnd, length - argEnd) == argEnd)
                    {
                        return match;
                    }
                }
                if (_runsExclusive)
                {
                    break;
                }
            }
            return null;
        }

        // An argument [start, end) over several levels, clean before stop: nothing but '/' refused in it,
        // and no level empty (the prefix ends with '/', so an empty first level shows as "//" too).
        private static bool LevelsFit(string topic, int start, int stop, int end)
        {
            return topic.IndexOfAny(TopicText.NotInTopicNames, stop, end - stop) < 0
                && topic.IndexOf(EmptyLevel, start - 1, end - start + 1) < 0
                && topic.IndexOf('/', end - 1, 1) < 0;
        }
    }
}
