using System;
using IotDevice.Dialects;
using IotDevice.Dialects.Alink;
using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Topics
{
    /// <summary>A table that asks a source for its rows answers as one given the rows, and refuses rows that changed.</summary>
    [TestClass]
    public class TopicDefinitionSourceTests
    {
        private static readonly string[] IdentityNames = new string[] { "device" };
        private static int _calls;

        [TestMethod]
        public void A_table_from_a_source_answers_as_one_from_the_rows()
        {
            string[] values = new string[] { "a1X2bEnTest", "example1" };
            TopicTable fromSource = AlinkTopics.Create(values[0], values[1]);
            TopicTable fromRows = new TopicTable(Dialect.Alink, AlinkTopics.Definitions(), AlinkTopics.IdentityNames, values);
            Assert.AreEqual(fromRows.Count, fromSource.Count);
            string[] expected = fromRows.GetSubscribeFilters();
            string[] actual = fromSource.GetSubscribeFilters();
            Assert.AreEqual(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i]);
            }
            for (int i = 0; i < fromRows.Count; i++)
            {
                Assert.AreEqual(fromRows.DefinitionAt(i).Template, fromSource.DefinitionAt(i).Template);
                Assert.AreEqual(fromRows.DisplayAt(i), fromSource.DisplayAt(i));
            }
            string unknown = "/sys/a1X2bEnTest/example1/thing/nothing";
            Assert.AreEqual((int)fromRows.Parse(unknown).Error, (int)fromSource.Parse(unknown).Error);
            Assert.AreEqual((int)TopicError.UnknownTopic, (int)fromSource.Parse(unknown).Error);
        }

        [TestMethod]
        public void Rows_that_change_after_the_table_was_built_are_refused()
        {
            _calls = 0;
            TopicTable table = new TopicTable(Dialect.FastBee, Shifting, IdentityNames, new string[] { "d1" });
            // The table asks for the rows again the first time a row's topic is needed, classifying too.
            Assert.ThrowsException(typeof(InvalidOperationException), () => table.Parse("d1/set"));
            Assert.ThrowsException(typeof(InvalidOperationException), () => table.Get(TopicKind.PropertySet));
            Assert.ThrowsException(typeof(InvalidOperationException), () => table.GetSubscribeFilters());
        }

        // The first call gives one row, every later call another kind: a source a table must not trust.
        private static TopicDefinition[] Shifting()
        {
            _calls++;
            return new TopicDefinition[]
            {
                TopicDefinition.Subscribe(_calls == 1 ? TopicKind.PropertySet : TopicKind.Command, "{device}/set"),
            };
        }
    }
}
