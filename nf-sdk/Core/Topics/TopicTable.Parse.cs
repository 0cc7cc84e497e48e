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
            // that ends a run's prefix, and one comparison confirms the prefix, which the row's answer
            // keeps (a row met for the first time makes both). Searched for only where a prefix can end,
            // or after. Few locals, each reused: the interpreter sets every one up at each call.
            TopicMatch match;
            TopicMatch[] answers;
            int[] numbers;
            int entry;
            int answer;
            int at = _firstPrefixEnd;
            if (length - 1 > at)
            {
                entry = topic.LastIndexOfAny(_stops, length - 1, length - at);
                numbers = _lastLevelRows;
                at = entry - at;
                if ((uint)at < (uint)numbers.Length && entry < length - 1 && (entry = numbers[at]) != 0)
                {
                    answers = _answers;
                    answer = (int)((uint)entry >> AnswerShift);
                    match = answer < answers.Length ? answers[answer] : null;
                    if (match == null)
                    {
                        match = RowMatch(entry & RowMask);
                    }
                    if (topic.IndexOf(match.Text) == 0)
                    {
                        return match;
                    }
                }
            }
            // Rows without an argument: a topic equal to one's is well formed and needs no other check. The
            // row's topic is kept with its answer, as above.
            int hash = topic.GetHashCode();
            numbers = _fixedSlots;
            int mask = numbers.Length - 1;
            at = hash & mask;
            while ((entry = numbers[at]) != 0)
            {
                if (((entry ^ hash) & SlotHashBits) == 0)
                {
                    answers = _answers;
                    answer = (int)((uint)entry >> AnswerShift);
                    match = answer < answers.Length ? answers[answer] : null;
                    if (match == null)
                    {
                        match = RowMatch((entry & SlotRowMask) - 1);
                    }
                    if (match.Text == topic)
                    {
                        return match;
                    }
                }
                at = (at + 1) & mask;
            }
            match = MatchArgRows(topic, length);
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
                if ((shape & RunsExclusive) != 0)
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
