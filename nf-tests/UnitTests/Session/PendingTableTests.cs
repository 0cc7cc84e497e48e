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
            PendingRequest first = table.Register(101, 7, 101, 5000);
            PendingRequest second = table.Register(102, 7, 102, 5000);
            Assert.AreEqual(2, table.Count);
            Assert.IsNull(table.Complete(7, 103), "an unknown id completes nothing");
            Assert.AreSame(second, table.Complete(7, 102));
            Assert.IsNull(table.Complete(7, 102), "a second reply with the same id finds nothing");
            Assert.AreSame(first, table.Complete(7, 101));
            Assert.AreEqual(0, table.Count);
        }

        [TestMethod]
        public void A_reply_counts_only_for_its_own_kind()
        {
            PendingTable table = new PendingTable(4);
            table.Register(1, 10, 5, 5000);
            Assert.IsNull(table.Complete(11, 5), "the same id on another reply kind");
            Assert.IsNotNull(table.Complete(10, 5));
        }

        [TestMethod]
        public void A_reply_without_an_id_completes_the_one_request_of_its_kind()
        {
            PendingTable table = new PendingTable(4);
            PendingRequest time = table.Register(9, 20, 0, 5000);
            Assert.IsNull(table.Register(10, 20, 0, 5000), "one request of a kind without ids waits at a time");
            PendingRequest taken = table.Complete(20, 0);
            Assert.AreSame(time, taken);
            Assert.AreEqual(9L, taken.Id, "the entry keeps the id the app was given");
        }

        [TestMethod]
        public void When_full_registration_is_refused_and_nothing_grows()
        {
            PendingTable table = new PendingTable(2);
            Assert.IsNotNull(table.Register(1, 3, 1, 5000));
            Assert.IsNotNull(table.Register(2, 3, 2, 5000));
            Assert.IsNull(table.Register(3, 3, 3, 5000));
            Assert.AreEqual(2, table.Count);
            Assert.AreEqual(2, table.Capacity);
            table.Complete(3, 1);
            Assert.IsNotNull(table.Register(3, 3, 3, 5000), "a freed slot is reused");
        }

        [TestMethod]
        public void A_duplicate_reply_key_is_refused()
        {
            PendingTable table = new PendingTable(4);
            Assert.IsNotNull(table.Register(5, 3, 5, 5000));
            Assert.IsNull(table.Register(6, 3, 5, 5000));
        }

        [TestMethod]
        public void Entries_expire_at_their_deadline_in_any_order()
        {
            PendingTable table = new PendingTable(4);
            table.Register(1, 3, 1, 3000);
            table.Register(2, 3, 2, 1000);
            Assert.AreEqual(1000L, table.NextDeadline());
            Assert.IsNull(table.TakeExpired(999));
            PendingRequest expired = table.TakeExpired(1000);
            Assert.AreEqual(2L, expired.Id);
            Assert.IsNull(table.TakeExpired(2999));
            Assert.AreEqual(1L, table.TakeExpired(5000).Id);
            Assert.AreEqual(long.MaxValue, table.NextDeadline());
        }

        [TestMethod]
        public void Delivery_entries_are_never_completed_by_a_reply_and_are_removed_by_reference()
        {
            PendingTable table = new PendingTable(4);
            PendingRequest a = table.Register(1, 0, 0, 5000);
            PendingRequest b = table.Register(2, 0, 0, 5000);
            Assert.IsNotNull(b, "several reports may wait for their PUBACK at once");
            Assert.IsTrue(a.ByDelivery);
            Assert.IsNull(table.Complete(0, 0), "only the PUBACK completes a report");
            Assert.IsTrue(table.Remove(a));
            Assert.IsFalse(table.Remove(a));
            Assert.AreEqual(1, table.Count);
        }
    }
}
