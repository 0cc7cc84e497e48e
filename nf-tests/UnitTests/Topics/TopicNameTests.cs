using IotDevice.Dialects.FastBee;
using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Topics
{
    /// <summary>Structural checks every dialect shares: what makes an inbound topic malformed.</summary>
    [TestClass]
    public class TopicNameTests
    {
        private static TopicTable _table;

        [Setup]
        public void CreateTable()
        {
            _table = FastBeeTopics.Create("41", "D6329VL548866");
        }

        [TestMethod]
        public void Empty_and_null_topics_are_malformed()
        {
            TopicAssert.Rejected(_table, null, TopicStatus.Malformed, TopicError.Empty);
            TopicAssert.Rejected(_table, "", TopicStatus.Malformed, TopicError.Empty);
        }

        [TestMethod]
        public void Wildcards_are_malformed_in_a_topic_name()
        {
            TopicAssert.Rejected(_table, "/41/D6329VL548866/function/+", TopicStatus.Malformed, TopicError.Wildcard);
            TopicAssert.Rejected(_table, "/41/+/function/get", TopicStatus.Malformed, TopicError.Wildcard);
            TopicAssert.Rejected(_table, "/41/D6329VL548866/#", TopicStatus.Malformed, TopicError.Wildcard);
        }

        [TestMethod]
        public void Empty_segments_are_malformed()
        {
            TopicAssert.Rejected(_table, "/41//function/get", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, "//41/D6329VL548866/function/get", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, "/41/D6329VL548866/function/get/", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, "/", TopicStatus.Malformed, TopicError.EmptySegment);
        }

        [TestMethod]
        public void Control_characters_are_malformed()
        {
            // Not U+0000: a device string ends there, so such a topic reaches the parser already cut short.
            TopicAssert.Rejected(_table, "/41/D6329VL548866/function/get\u0001", TopicStatus.Malformed, TopicError.InvalidCharacter);
            TopicAssert.Rejected(_table, "/41/D6329VL548866/function/get\u001f", TopicStatus.Malformed, TopicError.InvalidCharacter);
            TopicAssert.Rejected(_table, "/41/D6329VL548866/function/get\u007f", TopicStatus.Malformed, TopicError.InvalidCharacter);
            TopicAssert.Rejected(_table, "/41/D6329VL548866/func\ntion/get", TopicStatus.Malformed, TopicError.InvalidCharacter);
        }

        [TestMethod]
        public void Over_long_topics_are_malformed()
        {
            string topic = "/41/D6329VL548866/function/";
            while (topic.Length <= TopicTable.DefaultMaxTopicLength)
            {
                topic += "x";
            }
            TopicAssert.Rejected(_table, topic, TopicStatus.Malformed, TopicError.TooLong);
        }

        [TestMethod]
        public void Topic_at_the_length_limit_is_still_classified()
        {
            string topic = "/41/D6329VL548866/";
            while (topic.Length < TopicTable.DefaultMaxTopicLength)
            {
                topic += "y";
            }
            TopicAssert.Rejected(_table, topic, TopicStatus.Unsupported, TopicError.UnknownTopic);
        }

        [TestMethod]
        public void Filter_matching_follows_mqtt()
        {
            Assert.IsTrue(TopicText.FilterMatches("a/+/c", "a/b/c"));
            Assert.IsFalse(TopicText.FilterMatches("a/+/c", "a/b/d/c"));
            Assert.IsTrue(TopicText.FilterMatches("a/#", "a/b/c"));
            Assert.IsTrue(TopicText.FilterMatches("a/#", "a"));
            Assert.IsTrue(TopicText.FilterMatches("#", "/41/x"));
            Assert.IsTrue(TopicText.FilterMatches("/sys/pk/dn/thing/event/+/post_reply", "/sys/pk/dn/thing/event/property/post_reply"));
            Assert.IsFalse(TopicText.FilterMatches("/sys/pk/dn/thing/event/+/post_reply", "/sys/pk/dn/thing/event/property/batch/post_reply"));
            Assert.IsFalse(TopicText.FilterMatches("a/b", "a/bc"));
            Assert.IsFalse(TopicText.FilterMatches("a/b/c", "a/b"));
        }
    }
}
