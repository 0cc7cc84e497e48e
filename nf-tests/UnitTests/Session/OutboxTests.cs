using System;
using IotDevice.Session;
using IotDevice.Transport;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    [TestClass]
    public class OutboxTests
    {
        private static OutboundMessage Message(string name, int size)
        {
            return new OutboundMessage("t/" + name, new byte[size], MqttQos.AtLeastOnce, false, name);
        }

        [TestMethod]
        public void Messages_leave_in_order_and_only_on_acknowledgement()
        {
            Outbox outbox = new Outbox(8, 1000);
            outbox.Enqueue(Message("a", 10));
            outbox.Enqueue(Message("b", 10));
            OutboundMessage a = outbox.NextUnsent();
            Assert.AreEqual("a", (string)a.State);
            outbox.MarkSent(a, 1);
            OutboundMessage b = outbox.NextUnsent();
            Assert.AreEqual("b", (string)b.State);
            outbox.MarkSent(b, 2);
            Assert.IsNull(outbox.NextUnsent());
            Assert.AreEqual(2, outbox.InFlight);
            Assert.AreSame(a, outbox.Acknowledge(1));
            Assert.IsNull(outbox.Acknowledge(1), "a duplicate PUBACK removes nothing");
            Assert.AreEqual(1, outbox.Count);
            Assert.AreEqual(10, outbox.Bytes);
        }

        [TestMethod]
        public void After_a_disconnect_unacknowledged_messages_go_out_again_in_order()
        {
            Outbox outbox = new Outbox(8, 1000);
            outbox.Enqueue(Message("a", 1));
            outbox.Enqueue(Message("b", 1));
            outbox.Enqueue(Message("c", 1));
            outbox.MarkSent(outbox.NextUnsent(), 11);
            outbox.MarkSent(outbox.NextUnsent(), 12);
            outbox.Acknowledge(11);
            outbox.MarkAllUnsent();
            Assert.AreEqual(0, outbox.InFlight);
            OutboundMessage next = outbox.NextUnsent();
            Assert.AreEqual("b", (string)next.State);
            outbox.MarkSent(next, 1);
            Assert.AreEqual(2, next.Attempts, "b goes out a second time");
            Assert.AreEqual("c", (string)outbox.NextUnsent().State);
        }

        [TestMethod]
        public void Limits_and_counts_keep_their_whole_range()
        {
            // The outbox keeps its two limits in one field and its count and in-flight count in another.
            Outbox wide = new Outbox(int.MaxValue, int.MaxValue);
            Assert.AreEqual(int.MaxValue, wide.MaxMessages);
            Assert.AreEqual(int.MaxValue, wide.MaxBytes);

            Outbox outbox = new Outbox(7, 1000);
            Assert.AreEqual(7, outbox.MaxMessages);
            Assert.AreEqual(1000, outbox.MaxBytes);
            OutboundMessage a = Message("a", 10);
            OutboundMessage b = Message("b", 10);
            outbox.Enqueue(a);
            outbox.Enqueue(b);
            outbox.Enqueue(Message("c", 10));
            outbox.MarkSent(a, 1);
            outbox.MarkSent(a, 2); // a resend of the same message is still one in flight
            outbox.MarkSent(b, 3);
            Assert.AreEqual(3, outbox.Count);
            Assert.AreEqual(2, outbox.InFlight);
            Assert.AreSame(a, outbox.Acknowledge(2));
            Assert.AreEqual(2, outbox.Count);
            Assert.AreEqual(1, outbox.InFlight);
            outbox.MarkAllUnsent();
            Assert.AreEqual(2, outbox.Count);
            Assert.AreEqual(0, outbox.InFlight);
            Assert.IsTrue(outbox.Remove(b));
            Assert.AreEqual(1, outbox.Count);
            Assert.AreEqual(0, outbox.InFlight);
        }

        [TestMethod]
        public void Overflow_by_count_drops_exactly_the_oldest()
        {
            Outbox outbox = new Outbox(3, 1000);
            Assert.IsNull(outbox.Enqueue(Message("1", 1)));
            outbox.Enqueue(Message("2", 1));
            outbox.Enqueue(Message("3", 1));
            OutboundMessage[] dropped = outbox.Enqueue(Message("4", 1));
            Assert.AreEqual(1, dropped.Length);
            Assert.AreEqual("1", (string)dropped[0].State);
            Assert.AreEqual(3, outbox.Count);
            Assert.AreEqual("2", (string)outbox.NextUnsent().State);
        }

        [TestMethod]
        public void Overflow_by_bytes_drops_as_many_as_needed()
        {
            Outbox outbox = new Outbox(10, 100);
            outbox.Enqueue(Message("a", 40));
            outbox.Enqueue(Message("b", 40));
            outbox.Enqueue(Message("c", 10));
            OutboundMessage[] dropped = outbox.Enqueue(Message("d", 90));
            Assert.AreEqual(2, dropped.Length, "a and b make room; c (10) and d (90) fill it exactly");
            Assert.AreEqual("a", (string)dropped[0].State);
            Assert.AreEqual("b", (string)dropped[1].State);
            Assert.AreEqual(2, outbox.Count);
            Assert.AreEqual(100, outbox.Bytes);
            dropped = outbox.Enqueue(Message("e", 1));
            Assert.AreEqual(1, dropped.Length, "one byte more pushes out the oldest, c");
            Assert.AreEqual("c", (string)dropped[0].State);
        }

        [TestMethod]
        public void A_message_larger_than_the_outbox_is_refused()
        {
            Outbox outbox = new Outbox(10, 100);
            outbox.Enqueue(Message("a", 10));
            Assert.ThrowsException(typeof(ArgumentException), () => outbox.Enqueue(Message("big", 101)));
            Assert.AreEqual(1, outbox.Count, "nothing was dropped for a message that cannot fit");
        }

        [TestMethod]
        public void Sequence_numbers_increase_and_wrap_around_the_ring()
        {
            Outbox outbox = new Outbox(2, 1000);
            long last = 0;
            for (int i = 0; i < 7; i++)
            {
                outbox.Enqueue(Message(i.ToString(), 1));
                OutboundMessage m = outbox.NextUnsent();
                outbox.MarkSent(m, (ushort)(i + 1));
                Assert.IsTrue(m.Sequence > last);
                last = m.Sequence;
                Assert.AreSame(m, outbox.Acknowledge((ushort)(i + 1)));
            }
            Assert.AreEqual(0, outbox.Count);
            Assert.AreEqual(0, outbox.Bytes);
        }

        [TestMethod]
        public void Acknowledging_out_of_order_keeps_the_rest_in_order()
        {
            Outbox outbox = new Outbox(4, 1000);
            outbox.Enqueue(Message("a", 1));
            outbox.Enqueue(Message("b", 1));
            outbox.Enqueue(Message("c", 1));
            outbox.MarkSent(outbox.NextUnsent(), 1);
            outbox.MarkSent(outbox.NextUnsent(), 2);
            outbox.MarkSent(outbox.NextUnsent(), 3);
            Assert.AreEqual("b", (string)outbox.Acknowledge(2).State);
            outbox.MarkAllUnsent();
            Assert.AreEqual("a", (string)outbox.NextUnsent().State);
            outbox.MarkSent(outbox.NextUnsent(), 4);
            Assert.AreEqual("c", (string)outbox.NextUnsent().State);
        }
    }
}
