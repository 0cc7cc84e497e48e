using IotDevice.Dialects;
using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Topics
{
    /// <summary>
    /// The first row in table order that fits a topic owns it, whichever way the parser finds it: fixed
    /// rows against rows with an argument, rows whose prefixes nest, rows that share a prefix.
    /// </summary>
    [TestClass]
    public class TopicTableOrderTests
    {
        private static readonly string[] IdentityNames = new string[] { "device" };

        [TestMethod]
        public void An_earlier_row_with_an_argument_wins_a_later_fixed_rows_topic()
        {
            TopicTable table = Table(
                TopicDefinition.Subscribe(TopicKind.Command, "{device}/svc/{name}"),
                TopicDefinition.Subscribe(TopicKind.PropertySet, "{device}/svc/set"));
            TopicAssert.Matches(table, "d1/svc/set", TopicKind.Command, "set");
            TopicAssert.Matches(table, "d1/svc/run", TopicKind.Command, "run");
        }

        [TestMethod]
        public void An_earlier_fixed_row_wins_its_topic_from_a_later_row_with_an_argument()
        {
            TopicTable table = Table(
                TopicDefinition.Subscribe(TopicKind.PropertySet, "{device}/svc/set"),
                TopicDefinition.Subscribe(TopicKind.Command, "{device}/svc/{name}"));
            TopicMatch match = table.Parse("d1/svc/set");
            Assert.AreEqual((int)TopicKind.PropertySet, (int)match.Kind);
            Assert.IsFalse(match.HasArg);
            TopicAssert.Matches(table, "d1/svc/run", TopicKind.Command, "run");
        }

        [TestMethod]
        public void Rows_whose_prefixes_nest_are_tried_in_table_order()
        {
            TopicTable wide = Table(
                TopicDefinition.Subscribe(TopicKind.Command, "{device}/cmd/{path#}"),
                TopicDefinition.Subscribe(TopicKind.DataSet, "{device}/cmd/set/{name}"));
            TopicAssert.Matches(wide, "d1/cmd/set/x", TopicKind.Command, "set/x");
            TopicAssert.Matches(wide, "d1/cmd/y", TopicKind.Command, "y");

            TopicTable narrow = Table(
                TopicDefinition.Subscribe(TopicKind.DataSet, "{device}/cmd/set/{name}"),
                TopicDefinition.Subscribe(TopicKind.Command, "{device}/cmd/{path#}"));
            TopicAssert.Matches(narrow, "d1/cmd/set/x", TopicKind.DataSet, "x");
            TopicAssert.Matches(narrow, "d1/cmd/set/x/y", TopicKind.Command, "set/x/y");
            TopicAssert.Matches(narrow, "d1/cmd/y", TopicKind.Command, "y");
        }

        [TestMethod]
        public void Rows_that_share_a_prefix_are_tried_in_table_order()
        {
            TopicTable table = Table(
                TopicDefinition.Subscribe(TopicKind.EventPostReply, "{device}/ev/{id}/ack"),
                TopicDefinition.Subscribe(TopicKind.EventPost, "{device}/ev/{id#}"));
            TopicAssert.Matches(table, "d1/ev/a/ack", TopicKind.EventPostReply, "a");
            TopicAssert.Matches(table, "d1/ev/a/b", TopicKind.EventPost, "a/b");
            TopicAssert.Matches(table, "d1/ev/a", TopicKind.EventPost, "a");

            TopicTable reversed = Table(
                TopicDefinition.Subscribe(TopicKind.EventPost, "{device}/ev/{id#}"),
                TopicDefinition.Subscribe(TopicKind.EventPostReply, "{device}/ev/{id}/ack"));
            TopicAssert.Matches(reversed, "d1/ev/a/ack", TopicKind.EventPost, "a/ack");
        }

        [TestMethod]
        public void A_topic_two_rows_share_belongs_to_the_first()
        {
            TopicTable table = Table(
                TopicDefinition.Publish(TopicKind.PropertyPost, "{device}/p"),
                TopicDefinition.Subscribe(TopicKind.PropertySet, "{device}/p"));
            Assert.AreEqual((int)TopicKind.PropertyPost, (int)table.Parse("d1/p").Kind);
        }

        private static TopicTable Table(TopicDefinition first, TopicDefinition second)
        {
            return new TopicTable(Dialect.None, new TopicDefinition[] { first, second }, IdentityNames, new string[] { "d1" });
        }
    }
}
