using System;
using System.Threading;
using IotDevice.Dialects;
using IotDevice.Dialects.Alink;
using IotDevice.Dialects.EztCloud;
using IotDevice.Dialects.FastBee;
using IotDevice.Topics;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Topics
{
    /// <summary>
    /// A table answers each row, and each refusal, with one match made the first time it is needed, and
    /// builds a row's topic the first time it is asked for, then keeps it.
    /// </summary>
    [TestClass]
    public class TopicAnswerTests
    {
        [TestMethod]
        public void A_table_gives_the_identity_it_was_made_with()
        {
            TopicTable table = AlinkTopics.Create("a1X2bEnTest", "example1");
            Assert.AreEqual("a1X2bEnTest", table.IdentityValue(0));
            Assert.AreEqual("example1", table.IdentityValue(1));
            Assert.AreEqual("DU_JEwVTAmL3m", EztCloudTopics.Create("DU_JEwVTAmL3m").IdentityValue(0));
        }

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

        [TestMethod]
        public void A_topic_the_device_publishes_is_built_once_and_the_same_string_given_after()
        {
            TopicTable table = AlinkTopics.Create("a1X2bEnTest", "example1");
            string post = table.Get(TopicKind.PropertyPost);
            Assert.AreEqual("/sys/a1X2bEnTest/example1/thing/event/property/post", post);
            Assert.AreSame(post, table.Get(TopicKind.PropertyPost));
            Assert.AreSame(post, table.Build(TopicKind.PropertyPost, null));

            // A row first met as an inbound topic keeps the topic it was confirmed by, and Get gives it.
            string reply = "/sys/a1X2bEnTest/example1/thing/event/property/post_reply";
            TopicMatch match = table.Parse(reply);
            Assert.AreEqual((int)TopicKind.PropertyPostReply, (int)match.Kind);
            Assert.AreEqual(reply, table.Get(TopicKind.PropertyPostReply));
            Assert.AreSame(match, table.Parse(reply));
            Assert.AreSame(table.Get(TopicKind.PropertyPostReply), table.Get(TopicKind.PropertyPostReply));
        }

        [TestMethod]
        public void A_rarely_sent_topic_is_composed_for_each_send_and_not_kept_unless_the_row_is_in_use()
        {
            // Not kept shows as the rows asked for again at every Compose; kept, as no more asking.
            _sourceCalls = 0;
            TopicTable table = new TopicTable(Dialect.FastBee, CountedRows, new string[] { "device" }, new string[] { "d1" });
            int afterBuild = _sourceCalls;
            Assert.AreEqual("d1/info/post", table.Compose(TopicKind.DeviceInfoPost));
            Assert.AreEqual("d1/info/post", table.Compose(TopicKind.DeviceInfoPost));
            Assert.AreEqual(afterBuild + 2, _sourceCalls, "each Compose makes the topic anew");

            // Once the row is in use its kept text is given, the same as Get's, without asking again.
            string kept = table.Get(TopicKind.DeviceInfoPost);
            int afterGet = _sourceCalls;
            Assert.AreEqual("d1/info/post", kept);
            Assert.AreEqual(kept, table.Compose(TopicKind.DeviceInfoPost));
            Assert.AreEqual(afterGet, _sourceCalls);

            // Rows with an argument still need Build.
            Assert.ThrowsException(typeof(ArgumentException), () => table.Compose(TopicKind.EventPost));
            TopicTable fastBee = FastBeeTopics.Create("41", "D6329VL548866");
            Assert.AreEqual("/41/D6329VL548866/info/post", fastBee.Compose(TopicKind.DeviceInfoPost));
            Assert.AreEqual("/41/D6329VL548866/ntp/post", fastBee.Compose(TopicKind.NtpRequest));
        }

        private static int _sourceCalls;

        private static TopicDefinition[] CountedRows()
        {
            _sourceCalls++;
            return new TopicDefinition[]
            {
                TopicDefinition.Publish(TopicKind.DeviceInfoPost, "{device}/info/post"),
                TopicDefinition.Publish(TopicKind.EventPost, "{device}/event/{eventId}/post"),
            };
        }

        [TestMethod]
        public void A_topic_with_an_argument_is_built_from_kept_text_around_it()
        {
            TopicTable table = AlinkTopics.Create("a1X2bEnTest", "example1");
            Assert.AreEqual("/sys/a1X2bEnTest/example1/thing/service/Reboot_reply", table.Build(TopicKind.CommandReply, "Reboot"));
            Assert.AreEqual("/sys/a1X2bEnTest/example1/thing/service/SetWeight_reply", table.Build(TopicKind.CommandReply, "SetWeight"));
            Assert.AreEqual("/sys/a1X2bEnTest/example1/thing/service/Reboot", table.Build(TopicKind.Command, "Reboot"));
            Assert.AreEqual("/sys/a1X2bEnTest/example1/thing/event/alarm/post_reply", table.Build(TopicKind.EventPostReply, "alarm"));
            Assert.AreEqual("/a1X2bEnTest/example1/user/a/b", table.Build(TopicKind.CustomTopic, "a/b"));
            // Built again after classifying, the same text comes out.
            TopicAssert.Matches(table, "/sys/a1X2bEnTest/example1/thing/service/Reboot", TopicKind.Command, "Reboot");
            Assert.AreEqual("/sys/a1X2bEnTest/example1/thing/service/Stop", table.Build(TopicKind.Command, "Stop"));
        }

        [TestMethod]
        public void The_length_without_the_argument_is_what_a_built_topic_adds_its_argument_to()
        {
            TopicTable[] tables = new TopicTable[]
            {
                AlinkTopics.Create("a1X2bEnTest", "example1"),
                FastBeeTopics.Create("41", "D6329VL548866"),
                EztCloudTopics.Create("DU_JEwVTAmL3m"),
            };
            for (int t = 0; t < tables.Length; t++)
            {
                TopicTable table = tables[t];
                for (int i = 0; i < table.Count; i++)
                {
                    TopicKind kind = table.DefinitionAt(i).Kind;
                    int expected = table.NeedsArg(kind) ? table.Build(kind, "abc").Length - 3 : table.Get(kind).Length;
                    Assert.AreEqual(expected, table.LengthWithoutArg(kind), "row " + i.ToString() + " of table " + t.ToString());
                }
            }
        }

        [TestMethod]
        public void Refusals_answer_with_one_match_per_reason_beside_the_rows()
        {
            TopicTable table = FastBeeTopics.Create("41", "D6329VL548866");
            TopicMatch unknown = table.Parse("/41/D6329VL548866/nothing/get");
            TopicMatch other = table.Parse("/41/other/function/get");
            TopicMatch command = table.Parse("/41/D6329VL548866/function/get");
            Assert.AreEqual((int)TopicError.UnknownTopic, (int)unknown.Error);
            Assert.AreEqual((int)TopicError.OtherDevice, (int)other.Error);
            Assert.AreEqual((int)TopicKind.Command, (int)command.Kind);
            Assert.AreSame(unknown, table.Parse("/41/D6329VL548866/else/get"));
            Assert.AreSame(other, table.Parse("/42/D6329VL548866/function/get"));
            Assert.AreSame(command, table.Parse("/41/D6329VL548866/function/get"));
            Assert.AreSame(table.Parse(null), table.Parse(null));
            Assert.AreEqual((int)TopicError.Empty, (int)table.Parse(null).Error);
        }

        [TestMethod]
        public void A_table_numbers_its_answers_for_up_to_100_rows_and_refuses_more()
        {
            string[] names = new string[] { "device" };
            string[] values = new string[] { "d1" };
            TopicDefinition[] rows = new TopicDefinition[100];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = TopicDefinition.Subscribe(i % 2 == 0 ? TopicKind.Command : TopicKind.PropertySet, "{device}/r" + i.ToString());
            }
            TopicTable table = new TopicTable(Dialect.None, rows, names, values);
            for (int i = rows.Length - 1; i >= 0; i--)
            {
                Assert.AreEqual((int)rows[i].Kind, (int)table.Parse("d1/r" + i.ToString()).Kind, "row " + i.ToString());
            }
            Assert.AreEqual((int)TopicError.UnknownTopic, (int)table.Parse("d1/r100").Error);
            Assert.AreEqual((int)TopicKind.Command, (int)table.Parse("d1/r0").Kind);

            TopicDefinition[] tooMany = new TopicDefinition[101];
            for (int i = 0; i < tooMany.Length; i++)
            {
                tooMany[i] = TopicDefinition.Subscribe(TopicKind.Command, "{device}/r" + i.ToString());
            }
            Assert.ThrowsException(typeof(ArgumentException), () => new TopicTable(Dialect.None, tooMany, names, values));
        }

        private static readonly object FailureLock = new object();
        private static int _failures;

        [TestMethod]
        public void Answers_made_at_once_on_several_threads_each_go_to_their_own_row()
        {
            TopicTable table = null;
            for (int round = 0; round < 10; round++)
            {
                table = AlinkTopics.Create("a1X2bEnTest", "example1");
                TopicKind[] kinds = new TopicKind[table.Count];
                for (int i = 0; i < kinds.Length; i++)
                {
                    kinds[i] = table.DefinitionAt(i).Kind;
                }
                _failures = 0;
                ManualResetEvent go = new ManualResetEvent(false);
                Thread[] threads = new Thread[6];
                for (int t = 0; t < threads.Length; t++)
                {
                    // Half the threads walk the rows forwards, half backwards, all from the same gate.
                    int step = t % 2 == 0 ? 1 : -1;
                    threads[t] = new Thread(() =>
                    {
                        go.WaitOne();
                        ClassifyEveryRow(table, kinds, step);
                    });
                    threads[t].Start();
                }
                go.Set();
                for (int t = 0; t < threads.Length; t++)
                {
                    threads[t].Join();
                }
                Assert.AreEqual(0, _failures, "round " + round.ToString());
            }
            TopicAssert.EveryRowRoundTrips(table, "x1");
        }

        // Every row, in the order given: its topic built, classified back, and again.
        private static void ClassifyEveryRow(TopicTable table, TopicKind[] kinds, int step)
        {
            for (int n = 0; n < kinds.Length; n++)
            {
                TopicKind kind = kinds[step > 0 ? n : kinds.Length - 1 - n];
                bool right;
                try
                {
                    string topic = table.NeedsArg(kind) ? table.Build(kind, "x1") : table.Get(kind);
                    TopicMatch first = table.Parse(topic);
                    TopicMatch again = table.Parse(topic);
                    right = first.Kind == kind && (object)first == (object)again
                        && (!table.NeedsArg(kind) || first.ArgEquals(topic, "x1"));
                }
                catch (Exception)
                {
                    // An exception on a thread of its own would end the test run, not fail the test.
                    right = false;
                }
                if (!right)
                {
                    lock (FailureLock)
                    {
                        _failures++;
                    }
                }
            }
        }
    }
}
