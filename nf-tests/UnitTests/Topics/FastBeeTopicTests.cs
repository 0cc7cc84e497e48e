using System;
using IotDevice.Dialects;
using IotDevice.Dialects.FastBee;
using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Topics
{
    [TestClass]
    public class FastBeeTopicTests
    {
        private static TopicTable _table;

        [Setup]
        public void CreateTable()
        {
            _table = FastBeeTopics.Create("41", "D6329VL548866");
        }

        [TestMethod]
        public void Every_device_topic_of_the_spec_parses_and_builds()
        {
            string[] topics = new string[]
            {
                "/41/D6329VL548866/property/post",
                "/41/D6329VL548866/event/post",
                "/41/D6329VL548866/monitor/post",
                "/41/D6329VL548866/info/post",
                "/41/D6329VL548866/ntp/post",
                "/41/D6329VL548866/upgrade/reply",
                "/41/D6329VL548866/function/get",
                "/41/D6329VL548866/info/get",
                "/41/D6329VL548866/ntp/get",
                "/41/D6329VL548866/monitor/get",
                "/41/D6329VL548866/upgrade/get",
                "/41/D6329VL548866/ota/get",
                "/41/D6329VL548866/function/post",
                "/41/D6329VL548866/property/get",
                "/41/D6329VL548866/property-online/get",
                "/41/D6329VL548866/function-online/get",
            };
            TopicKind[] kinds = new TopicKind[]
            {
                TopicKind.PropertyPost, TopicKind.EventPost, TopicKind.MonitorPost, TopicKind.DeviceInfoPost,
                TopicKind.NtpRequest, TopicKind.OtaReply, TopicKind.Command, TopicKind.DeviceInfoRequest,
                TopicKind.NtpResponse, TopicKind.MonitorRequest, TopicKind.OtaPush, TopicKind.OtaPushLegacy,
                TopicKind.FunctionPostDeprecated, TopicKind.PropertyGetDeprecated,
                TopicKind.PropertyOnlineGetDeprecated, TopicKind.FunctionOnlineGetDeprecated,
            };
            TopicAssert.SpecTopicsRoundTrip(_table, topics, kinds, new string[topics.Length]);
            Assert.AreEqual(topics.Length, _table.Count, "the table has exactly the spec's topics");
        }

        [TestMethod]
        public void Every_row_round_trips()
        {
            TopicAssert.EveryRowRoundTrips(_table, null);
        }

        [TestMethod]
        public void Subscribes_the_current_topics_and_both_ota_pushes()
        {
            TopicAssert.SameFilters(new string[]
            {
                "/41/D6329VL548866/function/get",
                "/41/D6329VL548866/info/get",
                "/41/D6329VL548866/ntp/get",
                "/41/D6329VL548866/monitor/get",
                "/41/D6329VL548866/upgrade/get",
                "/41/D6329VL548866/ota/get",
            }, _table.GetSubscribeFilters());
        }

        [TestMethod]
        public void Published_topics_are_reported_as_outbound()
        {
            TopicMatch match = _table.Parse("/41/D6329VL548866/property/post");
            Assert.IsFalse(match.IsInbound);
            Assert.IsTrue(_table.Parse("/41/D6329VL548866/function/get").IsInbound);
        }

        [TestMethod]
        public void Another_device_or_product_is_not_ours()
        {
            TopicAssert.Rejected(_table, "/41/D6329VL548867/function/get", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/42/D6329VL548866/function/get", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/41/d6329vl548866/function/get", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "41/D6329VL548866/function/get", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/sys/41/D6329VL548866/function/get", TopicStatus.NotOurs, TopicError.OtherDevice);
        }

        [TestMethod]
        public void Missing_and_extra_segments_are_malformed()
        {
            TopicAssert.Rejected(_table, "/41/D6329VL548866/function", TopicStatus.Malformed, TopicError.MissingSegment);
            TopicAssert.Rejected(_table, "/41/D6329VL548866", TopicStatus.Malformed, TopicError.MissingSegment);
            TopicAssert.Rejected(_table, "/41", TopicStatus.Malformed, TopicError.MissingSegment);
            TopicAssert.Rejected(_table, "/41/D6329VL548866/function/get/x", TopicStatus.Malformed, TopicError.ExtraSegment);
            TopicAssert.Rejected(_table, "/41/D6329VL548866/ota/get/1/2", TopicStatus.Malformed, TopicError.ExtraSegment);
        }

        [TestMethod]
        public void Unknown_topic_under_our_identity_is_unsupported()
        {
            TopicAssert.Rejected(_table, "/41/D6329VL548866/status/post", TopicStatus.Unsupported, TopicError.UnknownTopic);
            TopicAssert.Rejected(_table, "/41/D6329VL548866/function/set", TopicStatus.Unsupported, TopicError.UnknownTopic);
        }

        [TestMethod]
        public void Device_number_with_reserved_characters_is_refused()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => FastBeeTopics.Create("41", "D63&29"));
            Assert.ThrowsException(typeof(ArgumentException), () => FastBeeTopics.Create("41", "D63/29"));
            Assert.ThrowsException(typeof(ArgumentException), () => FastBeeTopics.Create("41", "D63+29"));
            Assert.ThrowsException(typeof(ArgumentException), () => FastBeeTopics.Create("41", "D63#29"));
            Assert.ThrowsException(typeof(ArgumentException), () => FastBeeTopics.Create("", "D6329"));
            Assert.ThrowsException(typeof(ArgumentException), () => FastBeeTopics.Create("41", null));
        }

        [TestMethod]
        public void Asking_for_a_topic_the_dialect_lacks_is_a_clear_error()
        {
            Assert.IsFalse(_table.Has(TopicKind.ConfigPush));
            Assert.ThrowsException(typeof(ArgumentException), () => _table.Get(TopicKind.ConfigPush));
            Assert.AreEqual((int)Dialect.FastBee, (int)_table.Parse("/41/D6329VL548866/ntp/get").Dialect);
        }
    }
}
