using IotDevice.Dialects.Alink;
using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Topics
{
    /// <summary>A table answers each row, and each refusal, with one match made the first time it is needed.</summary>
    [TestClass]
    public class TopicAnswerTests
    {
        [TestMethod]
        public void A_row_answers_with_the_same_match_every_time()
        {
            TopicTable table = AlinkTopics.Create("a1X2bEnTest", "example1");
            string[] topics = new string[]
            {
                "/sys/a1X2bEnTest/example1/thing/service/SetWeight",
                "/sys/a1X2bEnTest/example1/thing/service/property/set",
                "/sys/a1X2bEnTest/example1/thing/event/alarm/post_reply",
                "/sys/a1X2bEnTest/example1/thing/nothing",
                "",
            };
            for (int i = 0; i < topics.Length; i++)
            {
                TopicMatch first = table.Parse(topics[i]);
                Assert.AreSame(first, table.Parse(topics[i]), topics[i]);
            }
            TopicAssert.Matches(table, topics[0], TopicKind.Command, "SetWeight");
            TopicAssert.Matches(table, topics[2], TopicKind.EventPostReply, "alarm");
            Assert.AreSame(table.Parse(topics[0]), table.Parse("/sys/a1X2bEnTest/example1/thing/service/Reboot"));
        }
    }
}
