using System;

#pragma warning disable NF1015 // topic syntax and templates are ASCII; other characters only ever fail to match

namespace IotDevice.Topics
{
    /// <summary>
    /// A topic template compiled for one device identity: an array of segments, each a literal (identity
    /// values already filled in), a one-segment argument, an argument with a literal suffix, or the
    /// trailing rest. Matching walks the topic string in place, segment by segment.
    /// </summary>
    internal sealed class TopicPattern
    {
        // Segment types.
        private const byte Literal = 0;
        private const byte Arg = 1;
        private const byte ArgWithSuffix = 2;
        private const byte Rest = 3;

        // Match outcomes.
        internal const int Matched = 0;
        internal const int Mismatch = 1;
        internal const int TopicTooShort = 2;
        internal const int TopicTooLong = 3;

        private readonly string[] _segments;
        private readonly byte[] _types;

        internal TopicPattern(TopicDefinition definition, string[] identityNames, string[] identityValues)
        {
            Definition = definition;
            string[] parts = SplitLevels(definition.Template);
            _segments = new string[parts.Length];
            _types = new byte[parts.Length];
            ArgIndex = -1;
            for (int i = 0; i < parts.Length; i++)
            {
                CompileSegment(parts[i], i, parts.Length, identityNames, identityValues);
            }
            if (ScopeLength == 0)
            {
                throw new ArgumentException("Topic template has no identity placeholder: " + definition.Template);
            }
            if (ArgIndex < 0)
            {
                Fixed = Format(null);
            }
        }

        internal readonly TopicDefinition Definition;

        /// <summary>The topic string when the template has no argument; otherwise null.</summary>
        internal readonly string Fixed;

        /// <summary>Index of the argument segment, or -1.</summary>
        internal int ArgIndex;

        internal string ArgName;

        internal bool ArgSpansLevels
        {
            get { return ArgIndex >= 0 && _types[ArgIndex] == Rest; }
        }

        /// <summary>
        /// Number of leading segments up to the last identity value: the part that says "this device".
        /// Patterns with the same scope share it, so the parser checks it once for all of them.
        /// </summary>
        internal int ScopeLength;

        internal int SegmentCount
        {
            get { return _segments.Length; }
        }

        /// <summary>True when the whole of <paramref name="topic"/> (a well-formed one) fits this template.</summary>
        internal bool Matches(string topic)
        {
            int position = 0;
            int argStart;
            int argLength;
            return Match(topic, ref position, 0, _segments.Length, true, out argStart, out argLength) == Matched;
        }

        /// <summary>
        /// Matches <paramref name="topic"/> from segment <paramref name="firstSegment"/>, which starts at
        /// character <paramref name="position"/>, up to segment <paramref name="endSegment"/> (exclusive).
        /// With <paramref name="wholeTopic"/> the topic must end there too; otherwise it is a prefix match.
        /// On success <paramref name="position"/> is just past the last matched segment's separator.
        /// </summary>
        internal int Match(string topic, ref int position, int firstSegment, int endSegment, bool wholeTopic,
            out int argStart, out int argLength)
        {
            argStart = 0;
            argLength = 0;
            int length = topic.Length;
            int pos = position;
            for (int i = firstSegment; i < endSegment; i++)
            {
                if (pos > length)
                {
                    return TopicTooShort;
                }
                byte type = _types[i];
                if (type == Rest)
                {
                    // Levels were validated non-empty already; the rest is everything left.
                    argStart = pos;
                    argLength = length - pos;
                    position = length + 1;
                    return Matched;
                }
                if (type == Literal)
                {
                    // Compare in place, then require the level to end there: no scan for the '/' first.
                    string literal = _segments[i];
                    int literalEnd = pos + literal.Length;
                    if (literalEnd > length || (literalEnd < length && topic[literalEnd] != '/')
                        || !TopicText.RegionEquals(topic, pos, literal.Length, literal))
                    {
                        return Mismatch;
                    }
                    pos = literalEnd + 1;
                    continue;
                }
                int end = pos;
                while (end < length && topic[end] != '/')
                {
                    end++;
                }
                int segmentLength = end - pos;
                if (type == Arg)
                {
                    argStart = pos;
                    argLength = segmentLength;
                }
                else
                {
                    string suffix = _segments[i];
                    int argLen = segmentLength - suffix.Length;
                    if (argLen <= 0 || !TopicText.RegionEquals(topic, end - suffix.Length, suffix.Length, suffix))
                    {
                        return Mismatch;
                    }
                    argStart = pos;
                    argLength = argLen;
                }
                pos = end + 1;
            }
            position = pos;
            if (wholeTopic && pos <= length)
            {
                return TopicTooLong;
            }
            return Matched;
        }

        /// <summary>Builds the topic; <paramref name="arg"/> fills the argument placeholder.</summary>
        internal string Format(string arg)
        {
            return Join(arg, null);
        }

        /// <summary>The MQTT subscription filter: the argument becomes '+' or '#'. Null if it cannot be one.</summary>
        internal string ToFilter()
        {
            if (ArgIndex < 0)
            {
                return Fixed;
            }
            byte type = _types[ArgIndex];
            if (type == ArgWithSuffix)
            {
                return null;
            }
            return Join(null, type == Rest ? "#" : "+");
        }

        private string Join(string arg, string wildcard)
        {
            string result = string.Empty;
            for (int i = 0; i < _segments.Length; i++)
            {
                string segment;
                if (_types[i] == Literal)
                {
                    segment = _segments[i];
                }
                else if (wildcard != null)
                {
                    segment = wildcard;
                }
                else
                {
                    segment = _types[i] == ArgWithSuffix ? arg + _segments[i] : arg;
                }
                result = i == 0 ? segment : result + "/" + segment;
            }
            return result;
        }

        private void CompileSegment(string part, int index, int count, string[] identityNames, string[] identityValues)
        {
            if (part.Length == 0 || part[0] != '{')
            {
                _segments[index] = part;
                _types[index] = Literal;
                return;
            }
            int close = part.IndexOf('}');
            if (close < 0)
            {
                throw new ArgumentException("Unclosed placeholder in topic template: " + Definition.Template);
            }
            string name = part.Substring(1, close - 1);
            string after = part.Substring(close + 1);
            for (int n = 0; n < identityNames.Length; n++)
            {
                if (identityNames[n] == name)
                {
                    _segments[index] = identityValues[n] + after;
                    _types[index] = Literal;
                    ScopeLength = index + 1;
                    return;
                }
            }
            if (ArgIndex >= 0)
            {
                throw new ArgumentException("Topic template has two arguments: " + Definition.Template);
            }
            ArgIndex = index;
            if (name.Length > 1 && name[name.Length - 1] == '#')
            {
                if (index != count - 1 || after.Length > 0)
                {
                    throw new ArgumentException("A multi-level argument must end the template: " + Definition.Template);
                }
                ArgName = name.Substring(0, name.Length - 1);
                _types[index] = Rest;
                _segments[index] = null;
            }
            else
            {
                ArgName = name;
                _types[index] = after.Length > 0 ? ArgWithSuffix : Arg;
                _segments[index] = after;
            }
        }

        private static string[] SplitLevels(string template)
        {
            int count = 1;
            for (int i = 0; i < template.Length; i++)
            {
                if (template[i] == '/')
                {
                    count++;
                }
            }
            string[] parts = new string[count];
            int start = 0;
            int part = 0;
            for (int i = 0; i <= template.Length; i++)
            {
                if (i == template.Length || template[i] == '/')
                {
                    parts[part++] = template.Substring(start, i - start);
                    start = i + 1;
                }
            }
            return parts;
        }
    }
}
