using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Topics
{
    /// <summary>Shared checks for the per-dialect topic tests.</summary>
    internal static class TopicAssert
    {
        /// <summary>
        /// Each literal topic of the spec parses to its kind, with the expected argument, and the table
        /// builds exactly that string back.
        /// </summary>
        public static void SpecTopicsRoundTrip(TopicTable table, string[] topics, TopicKind[] kinds, string[] args)
        {
            Assert.AreEqual(topics.Length, kinds.Length, "test data: one kind per topic");
            for (int i = 0; i < topics.Length; i++)
            {
                TopicMatch match = table.Parse(topics[i]);
                Assert.AreEqual((int)TopicStatus.Matched, (int)match.Status, "status of " + topics[i]);
                Assert.AreEqual((int)kinds[i], (int)match.Kind, "kind of " + topics[i]);
                string built = args[i] == null ? table.Get(kinds[i]) : table.Build(kinds[i], args[i]);
                Assert.AreEqual(topics[i], built, "built topic for " + topics[i]);
                if (args[i] == null)
                {
                    // Not AreEqual(null, null): on the device a null read from a string[] does not equal another null.
                    Assert.IsNull(match.GetArg(topics[i]), "argument of " + topics[i]);
                }
                else
                {
                    Assert.AreEqual(args[i], match.GetArg(topics[i]), "argument of " + topics[i]);
                }
                if (args[i] != null)
                {
                    Assert.IsTrue(match.ArgEquals(topics[i], args[i]), "ArgEquals for " + topics[i]);
                }
            }
        }

        /// <summary>Every row of the table: built (with a sample argument where needed), then parsed back to itself.</summary>
        public static void EveryRowRoundTrips(TopicTable table, string sampleArg)
        {
            for (int i = 0; i < table.Count; i++)
            {
                TopicDefinition row = table.DefinitionAt(i);
                bool needsArg = table.NeedsArg(row.Kind);
                string topic = needsArg ? table.Build(row.Kind, sampleArg) : table.Get(row.Kind);
                TopicMatch match = table.Parse(topic);
                Assert.AreEqual((int)TopicStatus.Matched, (int)match.Status, "status of " + topic);
                Assert.AreEqual((int)row.Kind, (int)match.Kind, "kind of " + topic);
                Assert.AreEqual((int)row.Direction, (int)match.Direction, "direction of " + topic);
                Assert.AreEqual(needsArg ? sampleArg : null, match.GetArg(topic), "argument of " + topic);
            }
        }

        /// <summary>The topic parses to the kind, with that argument, which ArgEquals also finds.</summary>
        public static void Matches(TopicTable table, string topic, TopicKind kind, string arg)
        {
            TopicMatch match = table.Parse(topic);
            Assert.AreEqual((int)TopicStatus.Matched, (int)match.Status, "status of " + topic);
            Assert.AreEqual((int)kind, (int)match.Kind, "kind of " + topic);
            Assert.AreEqual(arg, match.GetArg(topic), "argument of " + topic);
            Assert.IsTrue(match.ArgEquals(topic, arg), "ArgEquals for " + topic);
        }

        public static void Rejected(TopicTable table, string topic, TopicStatus status, TopicError error)
        {
            TopicMatch match = table.Parse(topic);
            Assert.AreEqual((int)status, (int)match.Status, "status of '" + topic + "'");
            Assert.AreEqual((int)error, (int)match.Error, "error of '" + topic + "'");
            Assert.AreEqual((int)TopicKind.None, (int)match.Kind, "kind of '" + topic + "'");
            Assert.IsFalse(match.IsMatch);
        }

        public static void SameFilters(string[] expected, string[] actual)
        {
            Assert.AreEqual(expected.Length, actual.Length, "number of subscription filters");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], "filter " + i.ToString());
            }
        }
    }
}
