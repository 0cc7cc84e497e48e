using System;
using IotDevice.DeviceBenchmarks.Dialects;
using IotDevice.Topics;

namespace IotDevice.DeviceBenchmarks.Topics
{
    /// <summary>Classifying one inbound command topic: the dialect's topic table against Split('/').</summary>
    internal sealed class ClassifyTopic
    {
        private readonly DialectBench _dialect;
        private readonly TopicTable _table;
        private readonly string _topic;
        private int _result;

        public ClassifyTopic(DialectBench dialect)
        {
            _dialect = dialect;
            _table = dialect.CreateTopics();
            _topic = dialect.InboundTopic;
            if (!_table.Parse(_topic).IsMatch || dialect.ClassifyBySplit(_topic) <= 0)
            {
                throw new InvalidOperationException(dialect.Name + ": both ways must recognise " + _topic);
            }
        }

        public void WithTable()
        {
            _result = (int)_table.Parse(_topic).Kind;
        }

        public void WithSplit()
        {
            _result = _dialect.ClassifyBySplit(_topic);
        }
    }
}
