using IotDevice.Boards;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Boards
{
    [TestClass]
    public class Dht22FrameTests
    {
        private static string Decode(byte b0, byte b1, byte b2, byte b3, byte checksum, out double celsius, out double humidity)
        {
            return Dht22Frame.Decode(new byte[] { b0, b1, b2, b3, checksum }, out celsius, out humidity);
        }

        [TestMethod]
        public void The_datasheet_example_reads_65_2_percent_and_35_1_degrees()
        {
            double celsius;
            double humidity;
            Assert.IsNull(Decode(0x02, 0x8C, 0x01, 0x5F, 0xEE, out celsius, out humidity));
            Assert.AreEqual(35.1, celsius);
            Assert.AreEqual(65.2, humidity);
        }

        [TestMethod]
        public void The_top_bit_of_the_temperature_is_its_sign()
        {
            double celsius;
            double humidity;
            Assert.IsNull(Decode(0x01, 0xF4, 0x80, 0x65, 0xDA, out celsius, out humidity));
            Assert.AreEqual(-10.1, celsius);
            Assert.AreEqual(50.0, humidity);
        }

        [TestMethod]
        public void A_dry_mild_room_is_a_reading()
        {
            // 20.0 % at 22.0 °C: both high bytes are zero, which the ESP32 binding counts as a failure.
            double celsius;
            double humidity;
            Assert.IsNull(Decode(0x00, 0xC8, 0x00, 0xDC, 0xA4, out celsius, out humidity));
            Assert.AreEqual(22.0, celsius);
            Assert.AreEqual(20.0, humidity);
        }

        [TestMethod]
        public void Silence_is_no_reading_never_zero_degrees()
        {
            double celsius;
            double humidity;
            Assert.Contains("no answer", Decode(0, 0, 0, 0, 0, out celsius, out humidity));
            Assert.Contains("no answer", Dht22Frame.Decode(null, out celsius, out humidity));
            Assert.Contains("no answer", Dht22Frame.Decode(new byte[4], out celsius, out humidity));
        }

        [TestMethod]
        public void A_checksum_mismatch_is_no_reading()
        {
            double celsius = 1;
            double humidity = 1;
            Assert.Contains("checksum", Decode(0x02, 0x8C, 0x01, 0x5F, 0xEF, out celsius, out humidity));
            Assert.AreEqual(0.0, celsius);
            Assert.AreEqual(0.0, humidity);
            Assert.Contains("checksum", Decode(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, out celsius, out humidity));
        }

        [TestMethod]
        public void Values_outside_the_sensors_range_are_no_reading()
        {
            double celsius;
            double humidity;
            Assert.Contains("humidity 100.1 %", Decode(0x03, 0xE9, 0x00, 0x64, 0x50, out celsius, out humidity));
            Assert.Contains("temperature 85.0 °C", Decode(0x01, 0xF4, 0x03, 0x52, 0x4A, out celsius, out humidity));
            Assert.IsNull(Decode(0x01, 0xF4, 0x03, 0x20, 0x18, out celsius, out humidity));
            Assert.AreEqual(80.0, celsius);
        }
    }
}
