using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// Only a message the transport marks as redelivered (DUP) can be a repeat: without that mark, an id
    /// used before is a new request, which must run (with the mark: see the dialects' redelivery tests).
    /// </summary>
    [TestClass]
    public class RedeliveryTests
    {
        [TestMethod]
        public void Without_the_dup_flag_the_same_id_is_never_taken_for_a_repeat()
        {
            DeviceSession session = new DeviceSession(new ThrowingTransport(), new TestDialect(), new SessionOptions());
            Assert.IsFalse(session.IsRedelivery("down/a", "\"17\""));
            Assert.IsFalse(session.IsRedelivery("down/a", "\"17\""), "the same id again, not marked as a redelivery");
            Assert.IsFalse(session.IsRedelivery("down/a", null), "no id, no repeat");
            Assert.AreEqual(0L, session.Counters.Duplicates);
        }
    }
}
