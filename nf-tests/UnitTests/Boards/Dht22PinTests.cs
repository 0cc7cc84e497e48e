using IotDevice.Boards;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Boards
{
    [TestClass]
    public class Dht22PinTests
    {
        [TestMethod]
        public void Boards_with_a_dht22_give_it_a_data_pin_and_an_echo_pin()
        {
            Assert.AreEqual(4, KnownBoards.Esp32DevKitC().PinFor(PinRole.SensorData));
            Assert.AreEqual(25, KnownBoards.Esp32DevKitC().PinFor(PinRole.SensorEcho));
            Assert.AreEqual(16, KnownBoards.Esp32S3DevKitC1().PinFor(PinRole.SensorEcho));
            Assert.AreEqual(36, KnownBoards.M5StackCore2().PinFor(PinRole.SensorEcho));
            Assert.IsTrue(KnownBoards.M5StackCore2().HasDht22);
            Assert.IsFalse(KnownBoards.Esp32C3DevKitM1().HasDht22);
        }

        [TestMethod]
        public void The_echo_pin_may_be_input_only_the_data_pin_may_not()
        {
            Assert.AreEqual(0, BoardCheck.Problems(new BoardDefinition("ok", Chip.Esp32).Dht22(26, 36, null)).Length);
            string[] problems = BoardCheck.Problems(new BoardDefinition("bad", Chip.Esp32).Dht22(36, 26, null));
            Assert.AreEqual(1, problems.Length);
            Assert.Contains("GPIO 36 (DHT22 data) is input-only", problems[0]);
        }

        [TestMethod]
        public void Half_a_dht22_is_found()
        {
            string[] problems = BoardCheck.Problems(new BoardDefinition("bad", Chip.Esp32).Pin(4, PinRole.SensorData, false, null));
            Assert.AreEqual(1, problems.Length);
            Assert.Contains("needs a data pin and an echo pin", problems[0]);
            problems = BoardCheck.Problems(new BoardDefinition("bad", Chip.Esp32).Pin(25, PinRole.SensorEcho, false, null));
            Assert.AreEqual(1, problems.Length);
            Assert.Contains("needs a data pin and an echo pin", problems[0]);
        }

        [TestMethod]
        public void The_echo_pin_is_checked_like_the_others()
        {
            Assert.Contains("GPIO 15 (DHT22 echo) is a strapping pin", BoardCheck.Problems(new BoardDefinition("bad", Chip.Esp32).Dht22(4, 15, null))[0]);
            Assert.Contains("GPIO 7 (DHT22 echo) is taken by the module (flash)", BoardCheck.Problems(new BoardDefinition("bad", Chip.Esp32).Dht22(4, 7, null))[0]);
            Assert.Contains("GPIO 4 (DHT22 echo) is already used as DHT22 data", BoardCheck.Problems(new BoardDefinition("bad", Chip.Esp32).Dht22(4, 4, null))[0]);
        }
    }
}
