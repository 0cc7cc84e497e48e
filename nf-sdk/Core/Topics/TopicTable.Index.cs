#pragma warning disable NF1015 // a suffix's first character is the template's own text, never half of a pair

using System;

namespace IotDevice.Topics
{
    /// <summary>
    /// What the table works out once, when it is built, so that classifying does little: the runs of rows
    /// with an argument, the characters the parser stops at, the rows a topic's last level can be found
    /// by, the rows whose topic a fixed row also fits, and the set of fixed topics.
    /// </summary>
    public sealed partial class TopicTable
    {
        // Groups consecutive rows with the same prefix into runs, notes each row's run, and returns one
        // prefix string per run.
        private static string[] Runs(string[] prefixes, int[] argRows)
        {
            int count = 0;
            for (int a = 0; a < prefixes.Length; a++)
            {
                count += a == 0 || prefixes[a] != prefixes[a - 1] ? 1 : 0;
            }
            string[] runs = new string[count];
            int run = -1;
            for (int a = 0; a < prefixes.Length; a++)
            {
                if (a == 0 || prefixes[a] != prefixes[a - 1])
                {
                    runs[++run] = prefixes[a];
                }
                argRows[a] |= run << RunShift;
            }
            return runs;
        }

        // The characters a single level may not hold, and the first character of each suffix.
        private static char[] Stops(string[] suffixes)
        {
            char[] stops = TopicText.NotInLevels;
            for (int a = 0; a < suffixes.Length; a++)
            {
                string suffix = suffixes[a];
                if (suffix != null && !Contains(stops, suffix[0]))
                {
                    char[] more = new char[stops.Length + 1];
                    Array.Copy(stops, more, stops.Length);
                    more[stops.Length] = suffix[0];
                    stops = more;
                }
            }
            return stops;
        }

        private static bool Contains(char[] characters, char c)
        {
            for (int i = 0; i < characters.Length; i++)
            {
                if (characters[i] == c)
                {
                    return true;
                }
            }
            return false;
        }

        // True when no run's prefix begins another's: then a topic has the prefix of one run at most.
        private static bool Exclusive(string[] runPrefixes)
        {
            for (int i = 0; i < runPrefixes.Length; i++)
            {
                for (int j = 0; j < runPrefixes.Length; j++)
                {
                    if (i != j && runPrefixes[j].IndexOf(runPrefixes[i]) == 0)
                    {
                        return false;
                    }
                }
            }
            return true;
        }

        // Each run's prefix length and the range of its rows, and whether the runs are exclusive.
        private static int[] RunShapes(string[] runPrefixes, int[] argRows, bool exclusive)
        {
            int[] shapes = runPrefixes.Length == 0 ? NoNumbers : new int[runPrefixes.Length];
            for (int a = argRows.Length - 1; a >= 0; a--)
            {
                int run = (argRows[a] >> RunShift) & RunMask;
                int end = shapes[run] == 0 ? a + 1 : (shapes[run] >> EndArgShift) & EndArgMask;
                shapes[run] = runPrefixes[run].Length | (a << FirstArgShift) | (end << EndArgShift) | (exclusive ? RunsExclusive : 0);
            }
            return shapes;
        }

        // For each position where a prefix ends, from the first such position on, the first row without a
        // suffix of the first run whose prefix ends there. A topic whose last level follows that prefix,
        // holding nothing the parser stops at, fits that row and no earlier one (a suffix would start
        // with a character it stops at). A row that some fixed topic also fits is left to the slower
        // path, which looks at those first.
        private static int[] LastLevelRows(int[] runShapes, int[] argRows, bool exclusive, out int first)
        {
            int[] rowOfRun = new int[runShapes.Length];
            first = int.MaxValue;
            int end = 0;
            for (int run = 0; run < runShapes.Length && exclusive; run++)
            {
                int shape = runShapes[run];
                int last = (shape & MaxPrefixLength) - 1;
                int a = (shape >> FirstArgShift) & FirstArgMask;
                int runEnd = (shape >> EndArgShift) & EndArgMask;
                while (a < runEnd && (argRows[a] >> SuffixShift) != 0)
                {
                    a++;
                }
                if (last > 0 && a < runEnd && (argRows[a] & Shadowed) == 0)
                {
                    rowOfRun[run] = argRows[a] | LastLevelRow;
                    first = last < first ? last : first;
                    end = last >= end ? last + 1 : end;
                }
            }
            int[] rows = end > first ? new int[end - first] : NoNumbers;
            for (int run = 0; run < runShapes.Length; run++)
            {
                int at = (runShapes[run] & MaxPrefixLength) - 1 - first;
                if (rowOfRun[run] != 0 && rows[at] == 0)
                {
                    rows[at] = rowOfRun[run];
                }
            }
            return rows;
        }

        // A row with an argument that a fixed row's topic also fits: when a topic fits it, the parser
        // looks among the fixed topics too, and the row that comes first in the table wins.
        private void MarkShadowedRows(TopicPattern[] patterns, string[] topics)
        {
            for (int a = 0; a < _argRows.Length; a++)
            {
                TopicPattern pattern = patterns[_argRows[a] & RowMask];
                for (int row = 0; row < topics.Length; row++)
                {
                    if (topics[row] != null && pattern.Matches(topics[row]))
                    {
                        _argRows[a] |= Shadowed;
                        break;
                    }
                }
            }
        }

        // The set of topics of the rows without an argument, by hash code, at most three quarters full
        // (a probe past a slot whose hash bits differ costs one array read). The first
        // row in table order that matches a topic owns it, even one with an argument (an earlier
        // "service/{id}" row takes "service/x"); a topic two rows share is kept once.
        private static int[] FixedSlots(TopicPattern[] patterns, string[] topics, int count)
        {
            int size = 4;
            while (size * 3 < count * 4)
            {
                size <<= 1;
            }
            int[] slots = new int[size];
            for (int row = 0; row < topics.Length; row++)
            {
                string topic = topics[row];
                if (topic == null)
                {
                    continue;
                }
                int hash = topic.GetHashCode();
                int at = hash & (size - 1);
                while (slots[at] != 0 && topics[(slots[at] & SlotRowMask) - 1] != topic)
                {
                    at = (at + 1) & (size - 1);
                }
                if (slots[at] != 0)
                {
                    continue;
                }
                int winner = 0;
                while (winner < row && (topics[winner] != null || !patterns[winner].Matches(topic)))
                {
                    winner++;
                }
                slots[at] = (hash & SlotHashBits) | (winner << SlotWinnerShift) | (row + 1);
            }
            return slots;
        }
    }
}
