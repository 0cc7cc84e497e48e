using System;
using IotDevice.Dialects.EztCloud;
using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Topics
{
    [TestClass]
    public class EztCloudTopicTests
    {
        private static TopicTable _table;

        [Setup]
        public void CreateTable()
        {
            _table = EztCloudTopics.Create("DU_JEwVTAmL3m");
        }

        [TestMethod]
        public void Every_device_topic_of_the_spec_parses_and_builds()
        {
            string[] topics = new string[]
            {
                "attributes/DU_JEwVTAmL3m",
                "attributes_response/DU_JEwVTAmL3m",
                "attributes_get/DU_JEwVTAmL3m",
                "attributes_get_response/DU_JEwVTAmL3m",
                "attributes_push/DU_JEwVTAmL3m",
                "event_report/DU_JEwVTAmL3m",
                "event_response/DU_JEwVTAmL3m",
                "command_send/DU_JEwVTAmL3m",
                "command_reply/DU_JEwVTAmL3m",
                "data/DU_JEwVTAmL3m/modbus",
                "data_set/DU_JEwVTAmL3m/modbus",
            };
            TopicKind[] kinds = new TopicKind[]
            {
                TopicKind.PropertyPost, TopicKind.PropertyPostReply, TopicKind.PropertyGet,
                TopicKind.PropertyGetReply, TopicKind.PropertySet, TopicKind.EventPost, TopicKind.EventPostReply,
                TopicKind.Command, TopicKind.CommandReply, TopicKind.DataPost, TopicKind.DataSet,
            };
            string[] args = new string[topics.Length];
            args[9] = "modbus";
            args[10] = "modbus";
            TopicAssert.SpecTopicsRoundTrip(_table, topics, kinds, args);
            Assert.AreEqual(topics.Length, _table.Count, "the table has exactly the spec's topics");
        }

        [TestMethod]
        public void Every_row_round_trips()
        {
            TopicAssert.EveryRowRoundTrips(_table, "line-1/temperature");
        }

        [TestMethod]
        public void Subscribes_every_downlink_and_all_data_streams()
        {
            TopicAssert.SameFilters(new string[]
            {
                "attributes_response/DU_JEwVTAmL3m",
                "attributes_get_response/DU_JEwVTAmL3m",
                "attributes_push/DU_JEwVTAmL3m",
                "event_response/DU_JEwVTAmL3m",
                "command_send/DU_JEwVTAmL3m",
                "data_set/DU_JEwVTAmL3m/#",
            }, _table.GetSubscribeFilters());
        }

        [TestMethod]
        public void Another_username_or_root_is_not_ours()
        {
            TopicAssert.Rejected(_table, "command_send/DU_other", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "command/send/DU_JEwVTAmL3m", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/command_send/DU_JEwVTAmL3m", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "data_set/DU_other/modbus", TopicStatus.NotOurs, TopicError.OtherDevice);
        }

        [TestMethod]
        public void Missing_and_extra_segments_are_malformed()
        {
            TopicAssert.Rejected(_table, "command_send", TopicStatus.Malformed, TopicError.MissingSegment);
            TopicAssert.Rejected(_table, "data_set/DU_JEwVTAmL3m", TopicStatus.Malformed, TopicError.MissingSegment);
            TopicAssert.Rejected(_table, "command_send/DU_JEwVTAmL3m/extra", TopicStatus.Malformed, TopicError.ExtraSegment);
        }

        [TestMethod]
        public void Data_streams_keep_their_sub_levels()
        {
            TopicAssert.Matches(_table, "data_set/DU_JEwVTAmL3m/modbus", TopicKind.DataSet, "modbus");
            TopicAssert.Matches(_table, "data_set/DU_JEwVTAmL3m/line-1/temperature", TopicKind.DataSet, "line-1/temperature");
            TopicAssert.Matches(_table, "data_set/DU_JEwVTAmL3m/a/b/c", TopicKind.DataSet, "a/b/c");
            TopicAssert.Matches(_table, "data/DU_JEwVTAmL3m/line_1", TopicKind.DataPost, "line_1");
        }

        [TestMethod]
        public void Empty_levels_in_a_data_stream_are_malformed()
        {
            TopicAssert.Rejected(_table, "data_set/DU_JEwVTAmL3m//modbus", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, "data_set/DU_JEwVTAmL3m/modbus/", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, "data_set/DU_JEwVTAmL3m/a//b", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, "data_set/DU_JEwVTAmL3m/", TopicStatus.Malformed, TopicError.EmptySegment);
        }

        [TestMethod]
        public void Wildcards_and_control_characters_in_a_data_stream_are_malformed()
        {
            TopicAssert.Rejected(_table, "data_set/DU_JEwVTAmL3m/mod+bus", TopicStatus.Malformed, TopicError.Wildcard);
            TopicAssert.Rejected(_table, "data_set/DU_JEwVTAmL3m/a/#", TopicStatus.Malformed, TopicError.Wildcard);
            TopicAssert.Rejected(_table, "data_set/DU_JEwVTAmL3m/mod\tbus", TopicStatus.Malformed, TopicError.InvalidCharacter);
            TopicAssert.Rejected(_table, "data_set/DU_JEwVTAmL3m/a/b\u0002", TopicStatus.Malformed, TopicError.InvalidCharacter);
        }

        [TestMethod]
        public void Username_that_would_break_topics_is_refused()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => EztCloudTopics.Create("DU_a/b"));
            Assert.ThrowsException(typeof(ArgumentException), () => EztCloudTopics.Create("DU_#"));
            Assert.ThrowsException(typeof(ArgumentException), () => EztCloudTopics.Create(""));
        }
    }
}
