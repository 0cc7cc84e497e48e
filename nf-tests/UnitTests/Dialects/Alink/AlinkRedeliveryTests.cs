using IotDevice.Session;
using IotDevice.UnitTests.Session;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.Alink
{
    /// <summary>
    /// A service call whose PUBACK was lost with the link comes back after the reconnect, DUP set, under
    /// the same packet id: its handler runs once.
    /// </summary>
    [TestClass]
    public class AlinkRedeliveryTests
    {
        private const string Topic = AlinkDevice.Sys + "thing/service/Open";
        private const string Call = "{\"id\":\"4242\",\"params\":{}}";

        [TestMethod]
        public void A_redelivered_service_call_runs_once_and_a_new_message_with_the_same_id_runs_again()
        {
            AlinkDevice alink = new AlinkDevice().Start(0);
            DeviceRig device = alink.Rig;
            try
            {
                int runs = 0;
                device.Client.OnCommand("Open", c => runs++);
                device.Deliver(Topic, Call);
                ushort packetId = device.Transport.LastInboundId;
                device.Transport.Redeliver(Topic, Call, packetId);
                Assert.AreEqual(1, runs, "the redelivery is not handled again");
                Assert.AreEqual(1, device.Sent().Length, "nor answered again");
                Assert.AreEqual(1L, device.Client.Session.Counters.Duplicates);
                Assert.AreEqual(0L, device.Client.Session.Counters.Rejected);

                device.Transport.Redeliver(Topic, Call, (ushort)(packetId + 100));
                Assert.AreEqual(2, runs, "another packet: another message");
                device.Deliver(Topic, Call);
                Assert.AreEqual(3, runs, "not a redelivery (no DUP): the platform sent it again itself");
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
