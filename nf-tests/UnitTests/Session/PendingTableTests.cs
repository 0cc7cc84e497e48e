using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    [TestClass]
    public class PendingTableTests
    {
        [TestMethod]
        public void A_reply_completes_the_entry_with_the_same_id_only()
        {
            PendingTable table = new PendingTable(4);
            PendingRequest first = table.Register(PendingKeyKind.ReplyId, 101, 7, 5000, "first");
            PendingRequest second = table.Register(PendingKeyKind.ReplyId, 102, 7, 5000, "second");
            Assert.AreEqual(2, table.Count);
            Assert.IsNull(table.Complete(PendingKeyKind.ReplyId, 103), "an unknown id completes nothing");
            Assert.AreSame(second, table.Complete(PendingKeyKind.ReplyId, 102));
            Assert.IsNull(table.Complete(PendingKeyKind.ReplyId, 102), "a second reply with the same id finds nothing");
            Assert.AreSame(first, table.Complete(PendingKeyKind.ReplyId, 101));
            Assert.AreEqual(0, table.Count);
        }

        [TestMethod]
        public void Key_kinds_do_not_mix()
        {
            PendingTable table = new PendingTable(4);
            table.Register(PendingKeyKind.ReplyKind, 10, 10, 5000, null);
            Assert.IsNull(table.Complete(PendingKeyKind.ReplyId, 10));
            Assert.IsNotNull(table.Complete(PendingKeyKind.ReplyKind, 10));
        }

        [TestMethod]
        public void When_full_registration_is_refused_and_nothing_grows()
        {
            PendingTable table = new PendingTable(2);
            Assert.IsNotNull(table.Register(PendingKeyKind.ReplyId, 1, 0, 5000, null));
            Assert.IsNotNull(table.Register(PendingKeyKind.ReplyId, 2, 0, 5000, null));
            Assert.IsNull(table.Register(PendingKeyKind.ReplyId, 3, 0, 5000, null));
            Assert.AreEqual(2, table.Count);
            Assert.AreEqual(2, table.Capacity);
            table.Complete(PendingKeyKind.ReplyId, 1);
            Assert.IsNotNull(table.Register(PendingKeyKind.ReplyId, 3, 0, 5000, null), "a freed slot is reused");
        }

        [TestMethod]
        public void A_duplicate_id_is_refused()
        {
            PendingTable table = new PendingTable(4);
            Assert.IsNotNull(table.Register(PendingKeyKind.ReplyId, 5, 0, 5000, null));
            Assert.IsNull(table.Register(PendingKeyKind.ReplyId, 5, 0, 5000, null));
        }

        [TestMethod]
        public void Entries_expire_at_their_deadline_in_any_order()
        {
            PendingTable table = new PendingTable(4);
            table.Register(PendingKeyKind.ReplyId, 1, 0, 3000, "late");
            table.Register(PendingKeyKind.ReplyId, 2, 0, 1000, "early");
            Assert.AreEqual(1000L, table.NextDeadline());
            Assert.IsNull(table.TakeExpired(999));
            PendingRequest expired = table.TakeExpired(1000);
            Assert.AreEqual("early", (string)expired.State);
            Assert.IsNull(table.TakeExpired(2999));
            Assert.AreEqual("late", (string)table.TakeExpired(5000).State);
            Assert.AreEqual(long.MaxValue, table.NextDeadline());
        }

        [TestMethod]
        public void Delivery_entries_are_removed_by_reference()
        {
            PendingTable table = new PendingTable(4);
            PendingRequest a = table.Register(PendingKeyKind.Delivery, 0, 0, 5000, null);
            PendingRequest b = table.Register(PendingKeyKind.Delivery, 0, 0, 5000, null);
            Assert.IsNotNull(b, "several requests may wait for their PUBACK at once");
            Assert.IsTrue(table.Remove(a));
            Assert.IsFalse(table.Remove(a));
            Assert.AreEqual(1, table.Count);
        }
    }
}
