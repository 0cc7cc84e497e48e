using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Dialects.EztCloud
{
    /// <summary>A command id is echoed in the reply, so it is bounded; a redelivered command runs once.</summary>
    [TestClass]
    public class EztCloudCommandIdTests
    {
        [TestMethod]
        public void A_5000_digit_id_is_refused_with_its_length_and_a_64_character_one_echoed()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                int runs = 0;
                device.Client.OnCommand("ping", c => runs++);
                device.Deliver("command_send", "{\"method\":\"ping\",\"params\":{},\"id\":" + new string('7', 5000) + "}");
                Assert.AreEqual(0, runs);
                Assert.AreEqual(0, device.CountOn("command_reply"), "nothing echoed");
                Assert.AreEqual("5|command id is 5000 characters long, more than the 64 an id may have", device.LastRejection());

                string longest = new string('k', 64);
                device.Deliver("command_send", "{\"method\":\"ping\",\"params\":{},\"id\":\"" + longest + "\"}");
                Assert.AreEqual(1, runs);
                Assert.AreEqual("{\"method\":\"ping\",\"params\":{},\"id\":\"" + longest + "\"}", device.Last("command_reply"));
            }
            finally
            {
                device.Stop();
            }
        }

        [TestMethod]
        public void A_redelivered_command_runs_once()
        {
            EztDevice device = EztDevice.Started();
            try
            {
                int runs = 0;
                device.Client.OnCommand("ping", c => runs++);
                string command = "{\"method\":\"ping\",\"params\":{},\"id\":98310}";
                device.Deliver("command_send", command);
                device.Transport.Redeliver(EztDevice.Topic("command_send"), command, device.Transport.LastInboundId);
                Assert.AreEqual(1, runs);
                Assert.AreEqual(1, device.CountOn("command_reply"));
                Assert.AreEqual(1L, device.Session.Counters.Duplicates);
            }
            finally
            {
                device.Stop();
            }
        }
    }
}
