using IotDevice.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Session
{
    /// <summary>
    /// Without packet details from the transport, the same dialect id on the same topic within the window
    /// is the same request (details known: see the dialects' redelivery tests).
    /// </summary>
    [TestClass]
    public class RedeliveryTests
    {
        [TestMethod]
        public void Without_packet_details_the_dialect_id_and_topic_decide()
        {
            DeviceSession session = new DeviceSession(new ThrowingTransport(), new TestDialect(), new SessionOptions());
            Assert.IsFalse(session.IsRedelivery("down/a", "\"17\""), "first time");
            Assert.IsTrue(session.IsRedelivery("down/a", "\"17\""), "again: a repeat");
            Assert.IsFalse(session.IsRedelivery("down/b", "\"17\""), "another topic");
            Assert.IsFalse(session.IsRedelivery("down/a", "\"18\""), "another id");
            Assert.IsFalse(session.IsRedelivery("down/a", null), "no id, no repeat");
            Assert.IsFalse(session.IsRedelivery("down/a", null));
            Assert.AreEqual(1L, session.Counters.Duplicates);
        }
    }
}
