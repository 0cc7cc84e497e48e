using System;
using IotDevice.Dialects.Alink;
using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Topics
{
    [TestClass]
    public class AlinkTopicTests
    {
        private const string Sys = "/sys/a1X2bEnTest/example1/";
        private static TopicTable _table;

        [Setup]
        public void CreateTable()
        {
            _table = AlinkTopics.Create("a1X2bEnTest", "example1");
        }

        [TestMethod]
        public void Every_device_topic_of_the_spec_parses_and_builds()
        {
            string[] topics = new string[]
            {
                Sys + "thing/event/property/post",
                Sys + "thing/event/property/post_reply",
                Sys + "thing/event/property/batch/post",
                Sys + "thing/event/property/batch/post_reply",
                Sys + "thing/event/property/history/post",
                Sys + "thing/event/property/history/post_reply",
                Sys + "thing/service/property/set",
                Sys + "thing/service/property/set_reply",
                Sys + "thing/property/desired/get",
                Sys + "thing/property/desired/get_reply",
                Sys + "thing/property/desired/delete",
                Sys + "thing/property/desired/delete_reply",
                Sys + "thing/deviceinfo/update",
                Sys + "thing/deviceinfo/update_reply",
                Sys + "thing/deviceinfo/delete",
                Sys + "thing/deviceinfo/delete_reply",
                Sys + "thing/config/get",
                Sys + "thing/config/get_reply",
                Sys + "thing/config/push",
                Sys + "thing/config/push_reply",
                Sys + "thing/ota/firmware/get",
                Sys + "thing/ota/firmware/get_reply",
                Sys + "thing/model/up_raw",
                Sys + "thing/model/up_raw_reply",
                Sys + "thing/model/down_raw",
                Sys + "thing/model/down_raw_reply",
                Sys + "thing/event/alarm/post",
                Sys + "thing/event/alarm/post_reply",
                Sys + "thing/service/SetWeight_reply",
                Sys + "thing/service/SetWeight",
                Sys + "rrpc/request/1234567890",
                Sys + "rrpc/response/1234567890",
                "/ext/ntp/a1X2bEnTest/example1/request",
                "/ext/ntp/a1X2bEnTest/example1/response",
                "/ext/error/a1X2bEnTest/example1",
                "/ota/device/inform/a1X2bEnTest/example1",
                "/ota/device/upgrade/a1X2bEnTest/example1",
                "/ota/device/progress/a1X2bEnTest/example1",
                "/a1X2bEnTest/example1/user/get",
            };
            TopicKind[] kinds = new TopicKind[]
            {
                TopicKind.PropertyPost, TopicKind.PropertyPostReply,
                TopicKind.PropertyBatchPost, TopicKind.PropertyBatchPostReply,
                TopicKind.PropertyHistoryPost, TopicKind.PropertyHistoryPostReply,
                TopicKind.PropertySet, TopicKind.PropertySetReply,
                TopicKind.PropertyGet, TopicKind.PropertyGetReply,
                TopicKind.DesiredDelete, TopicKind.DesiredDeleteReply,
                TopicKind.DeviceInfoPost, TopicKind.DeviceInfoPostReply,
                TopicKind.DeviceInfoDelete, TopicKind.DeviceInfoDeleteReply,
                TopicKind.ConfigGet, TopicKind.ConfigGetReply,
                TopicKind.ConfigPush, TopicKind.ConfigPushReply,
                TopicKind.OtaFirmwareGet, TopicKind.OtaFirmwareGetReply,
                TopicKind.RawUp, TopicKind.RawUpReply, TopicKind.RawDown, TopicKind.RawDownReply,
                TopicKind.EventPost, TopicKind.EventPostReply,
                TopicKind.CommandReply, TopicKind.Command,
                TopicKind.SyncCommand, TopicKind.SyncCommandReply,
                TopicKind.NtpRequest, TopicKind.NtpResponse, TopicKind.ErrorNotice,
                TopicKind.OtaInform, TopicKind.OtaPush, TopicKind.OtaProgress,
                TopicKind.CustomTopic,
            };
            string[] args = new string[topics.Length];
            args[26] = "alarm";
            args[27] = "alarm";
            args[28] = "SetWeight";
            args[29] = "SetWeight";
            args[30] = "1234567890";
            args[31] = "1234567890";
            args[38] = "get";
            TopicAssert.SpecTopicsRoundTrip(_table, topics, kinds, args);
            Assert.AreEqual(topics.Length, _table.Count, "the table has exactly the spec's topics");
        }

        [TestMethod]
        public void Every_row_round_trips()
        {
            TopicAssert.EveryRowRoundTrips(_table, "Module1:Identifier_2");
        }

        [TestMethod]
        public void Custom_topics_keep_their_sub_levels()
        {
            string topic = _table.Build(TopicKind.CustomTopic, "update/error");
            Assert.AreEqual("/a1X2bEnTest/example1/user/update/error", topic);
            TopicMatch match = _table.Parse(topic);
            Assert.AreEqual((int)TopicKind.CustomTopic, (int)match.Kind);
            Assert.AreEqual("update/error", match.GetArg(topic));
        }

        [TestMethod]
        public void An_echoed_service_reply_is_not_taken_for_a_service_call()
        {
            TopicMatch match = _table.Parse(Sys + "thing/service/SetWeight_reply");
            Assert.AreEqual((int)TopicKind.CommandReply, (int)match.Kind);
            Assert.IsFalse(match.IsInbound);
            Assert.AreEqual("SetWeight", match.GetArg(Sys + "thing/service/SetWeight_reply"));
        }

        [TestMethod]
        public void Property_set_is_not_a_service_named_property()
        {
            Assert.AreEqual((int)TopicKind.PropertySet, (int)_table.Parse(Sys + "thing/service/property/set").Kind);
            Assert.AreEqual((int)TopicKind.PropertyPostReply, (int)_table.Parse(Sys + "thing/event/property/post_reply").Kind);
        }

        [TestMethod]
        public void Subscribes_wildcards_for_identifier_topics_without_duplicates()
        {
            TopicAssert.SameFilters(new string[]
            {
                Sys + "thing/event/property/batch/post_reply",
                Sys + "thing/event/property/history/post_reply",
                Sys + "thing/service/property/set",
                Sys + "thing/property/desired/get_reply",
                Sys + "thing/property/desired/delete_reply",
                Sys + "thing/deviceinfo/update_reply",
                Sys + "thing/deviceinfo/delete_reply",
                Sys + "thing/config/get_reply",
                Sys + "thing/config/push",
                Sys + "thing/ota/firmware/get_reply",
                Sys + "thing/event/+/post_reply",
                Sys + "thing/service/+",
                Sys + "rrpc/request/+",
                "/ext/ntp/a1X2bEnTest/example1/response",
                "/ext/error/a1X2bEnTest/example1",
                "/ota/device/upgrade/a1X2bEnTest/example1",
            }, _table.GetSubscribeFilters());
            Assert.AreEqual(Sys + "thing/model/down_raw", _table.FilterFor(TopicKind.RawDown));
            Assert.AreEqual("/a1X2bEnTest/example1/user/#", _table.FilterFor(TopicKind.CustomTopic));
        }

        [TestMethod]
        public void Another_device_or_product_is_not_ours()
        {
            TopicAssert.Rejected(_table, "/sys/a1X2bEnTest/example2/thing/service/property/set", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/sys/other/example1/thing/service/property/set", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/ota/device/upgrade/a1X2bEnTest/example2", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/ext/ntp/a1X2bEnTest/example2/response", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/shadow/get/a1X2bEnTest/example1", TopicStatus.NotOurs, TopicError.OtherDevice);
        }

        [TestMethod]
        public void Missing_and_extra_segments_are_malformed()
        {
            TopicAssert.Rejected(_table, Sys + "thing/event/alarm", TopicStatus.Malformed, TopicError.MissingSegment);
            TopicAssert.Rejected(_table, Sys + "rrpc/request", TopicStatus.Malformed, TopicError.MissingSegment);
            TopicAssert.Rejected(_table, "/ota/device/upgrade/a1X2bEnTest", TopicStatus.Malformed, TopicError.MissingSegment);
            TopicAssert.Rejected(_table, Sys + "thing/service/SetWeight/extra", TopicStatus.Malformed, TopicError.ExtraSegment);
            TopicAssert.Rejected(_table, "/ota/device/upgrade/a1X2bEnTest/example1/x", TopicStatus.Malformed, TopicError.ExtraSegment);
            TopicAssert.Rejected(_table, Sys + "thing/config/push/now", TopicStatus.Malformed, TopicError.ExtraSegment);
        }

        [TestMethod]
        public void A_bare_reply_suffix_is_not_a_service()
        {
            // "_reply" alone would be a reply to a service with an empty name.
            TopicMatch match = _table.Parse(Sys + "thing/service/_reply");
            Assert.AreEqual((int)TopicKind.Command, (int)match.Kind, "a service literally named _reply is a call");
            Assert.AreEqual("_reply", match.GetArg(Sys + "thing/service/_reply"));
        }

        [TestMethod]
        public void Identifiers_may_hold_what_a_reply_suffix_starts_with()
        {
            TopicAssert.Matches(_table, Sys + "thing/service/Set_Weight", TopicKind.Command, "Set_Weight");
            TopicAssert.Matches(_table, Sys + "thing/service/Set_Weight_reply", TopicKind.CommandReply, "Set_Weight");
            TopicAssert.Matches(_table, Sys + "thing/service/_reply_reply", TopicKind.CommandReply, "_reply");
            TopicAssert.Matches(_table, Sys + "thing/event/over_heat/post_reply", TopicKind.EventPostReply, "over_heat");
            TopicAssert.Matches(_table, Sys + "thing/event/over_heat/post", TopicKind.EventPost, "over_heat");
            TopicAssert.Matches(_table, Sys + "rrpc/request/id_1", TopicKind.SyncCommand, "id_1");
            TopicAssert.Matches(_table, Sys + "thing/service/Réglage", TopicKind.Command, "Réglage");
        }

        [TestMethod]
        public void Wildcards_and_control_characters_in_an_identifier_are_malformed()
        {
            TopicAssert.Rejected(_table, Sys + "thing/service/Set+Weight", TopicStatus.Malformed, TopicError.Wildcard);
            TopicAssert.Rejected(_table, Sys + "thing/service/SetWeight#", TopicStatus.Malformed, TopicError.Wildcard);
            TopicAssert.Rejected(_table, Sys + "thing/service/Set\u0001Weight", TopicStatus.Malformed, TopicError.InvalidCharacter);
            TopicAssert.Rejected(_table, Sys + "thing/service/SetWeight\u007f", TopicStatus.Malformed, TopicError.InvalidCharacter);
            TopicAssert.Rejected(_table, Sys + "thing/service/Set\u0001_reply", TopicStatus.Malformed, TopicError.InvalidCharacter);
            TopicAssert.Rejected(_table, Sys + "thing/event/al+rm/post_reply", TopicStatus.Malformed, TopicError.Wildcard);
            TopicAssert.Rejected(_table, Sys + "rrpc/request/1\u001f", TopicStatus.Malformed, TopicError.InvalidCharacter);
        }

        [TestMethod]
        public void An_empty_identifier_is_an_empty_segment()
        {
            TopicAssert.Rejected(_table, Sys + "thing/service/", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, Sys + "thing/event//post_reply", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, Sys + "rrpc/request/", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, "/a1X2bEnTest/example1/user/", TopicStatus.Malformed, TopicError.EmptySegment);
            TopicAssert.Rejected(_table, "/a1X2bEnTest/example1/user/a//b", TopicStatus.Malformed, TopicError.EmptySegment);
        }

        [TestMethod]
        public void A_service_call_of_another_device_is_not_ours()
        {
            TopicAssert.Rejected(_table, "/sys/a1X2bEnTest/example2/thing/service/SetWeight", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/sys/a1X2bEnTest/example10/thing/service/SetWeight", TopicStatus.NotOurs, TopicError.OtherDevice);
            TopicAssert.Rejected(_table, "/sys/a1X2bEnTesT/example1/rrpc/request/42", TopicStatus.NotOurs, TopicError.OtherDevice);
        }

        [TestMethod]
        public void A_topic_whose_last_level_follows_another_rows_prefix_is_not_taken_for_it()
        {
            // The last '/' of each sits where another row's prefix ends: the prefix comparison tells them apart.
            Assert.AreEqual((int)TopicKind.ConfigPush, (int)_table.Parse(Sys + "thing/config/push").Kind);
            Assert.AreEqual((int)TopicKind.OtaPush, (int)_table.Parse("/ota/device/upgrade/a1X2bEnTest/example1").Kind);
            TopicAssert.Rejected(_table, Sys + "thing/topic/x", TopicStatus.Unsupported, TopicError.UnknownTopic);
        }

        [TestMethod]
        public void Unknown_topic_under_our_identity_is_unsupported()
        {
            TopicAssert.Rejected(_table, Sys + "thing/topo/add", TopicStatus.Unsupported, TopicError.UnknownTopic);
        }

        [TestMethod]
        public void Arguments_that_would_break_the_topic_are_refused()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => _table.Build(TopicKind.EventPost, "a/b"));
            Assert.ThrowsException(typeof(ArgumentException), () => _table.Build(TopicKind.EventPost, "+"));
            Assert.ThrowsException(typeof(ArgumentException), () => _table.Build(TopicKind.EventPost, ""));
            Assert.ThrowsException(typeof(ArgumentException), () => _table.Build(TopicKind.CustomTopic, "a//b"));
            Assert.ThrowsException(typeof(ArgumentException), () => _table.Build(TopicKind.CustomTopic, "a/#"));
            Assert.ThrowsException(typeof(ArgumentException), () => _table.Get(TopicKind.EventPost));
        }
    }
}
