using IotDevice.Boards;
using nanoFramework.TestFramework;

namespace IotDevice.UnitTests.Boards
{
    [TestClass]
    public class BoardPinMapTests
    {
        private static void AssertSound(BoardDefinition board)
        {
            string[] problems = BoardCheck.Problems(board);
            string all = "";
            for (int i = 0; i < problems.Length; i++)
            {
                all += problems[i] + "; ";
            }
            Assert.AreEqual(0, problems.Length, all);
        }

        private static string OnlyProblem(BoardDefinition board)
        {
            string[] problems = BoardCheck.Problems(board);
            Assert.AreEqual(1, problems.Length, problems.Length > 1 ? problems[0] + " | " + problems[1] : "no problem found");
            return problems[0];
        }

        [TestMethod]
        public void Esp32_DevKitC_pin_map_is_sound()
        {
            BoardDefinition board = KnownBoards.Esp32DevKitC();
            AssertSound(board);
            Assert.AreEqual(21, board.PinFor(PinRole.I2cData));
            Assert.AreEqual(22, board.PinFor(PinRole.I2cClock));
            Assert.IsTrue(board.UsesInternalSensors);
        }

        [TestMethod]
        public void Esp32_S3_DevKitC_1_pin_map_is_sound()
        {
            BoardDefinition board = KnownBoards.Esp32S3DevKitC1();
            AssertSound(board);
            Assert.AreEqual((int)LedKind.Ws2812, (int)board.LedKind);
            Assert.AreEqual(48, board.PinFor(PinRole.StatusLed));
        }

        [TestMethod]
        public void Esp32_C3_DevKitM_1_pin_map_is_sound()
        {
            BoardDefinition board = KnownBoards.Esp32C3DevKitM1();
            AssertSound(board);
            // The RGB LED sits on strapping pin 8: allowed only because the board wires it.
            Assert.IsTrue(board.ChipPins.IsStrapping(board.PinFor(PinRole.StatusLed)));
            Assert.AreEqual(-1, board.PinFor(PinRole.SensorData));
        }

        [TestMethod]
        public void M5Stack_Core2_pin_map_is_sound()
        {
            BoardDefinition board = KnownBoards.M5StackCore2();
            AssertSound(board);
            // MISO on an input-only pin is fine: it is an input.
            Assert.IsTrue(board.ChipPins.IsInputOnly(board.PinFor(PinRole.SpiMiso)));
            Assert.AreEqual((int)LedKind.None, (int)board.LedKind);
            Assert.AreEqual(2, board.PinsFor(PinRole.SpiChipSelect).Length);
        }

        [TestMethod]
        public void No_known_board_uses_a_pin_twice_or_a_module_pin()
        {
            BoardDefinition[] boards = KnownBoards.All();
            Assert.AreEqual(4, boards.Length);
            for (int b = 0; b < boards.Length; b++)
            {
                BoardDefinition board = boards[b];
                for (int i = 0; i < board.Count; i++)
                {
                    PinAssignment a = board.AssignmentAt(i);
                    Assert.IsNull(board.ChipPins.ReservedFor(a.Pin), board.Name + " GPIO " + a.Pin.ToString());
                    for (int j = i + 1; j < board.Count; j++)
                    {
                        Assert.AreNotEqual(a.Pin, board.AssignmentAt(j).Pin, board.Name);
                    }
                    if (a.Role == PinRole.Analog)
                    {
                        Assert.IsTrue(board.ChipPins.Adc1Channel(a.Pin) >= 0, board.Name + " GPIO " + a.Pin.ToString());
                    }
                }
            }
        }

        [TestMethod]
        public void Boards_are_found_by_loose_name()
        {
            Assert.AreEqual("ESP32-S3-DevKitC-1", KnownBoards.Find("esp32 s3 devkitc 1").Name);
            Assert.AreEqual("M5Stack Core2", KnownBoards.Find("m5stack-core2").Name);
            Assert.IsNull(KnownBoards.Find("arduino-uno"));
            Assert.IsNull(KnownBoards.Find(null));
        }

        [TestMethod]
        public void Input_only_pins_never_drive_a_bus_or_led()
        {
            string problem = OnlyProblem(new BoardDefinition("bad", Chip.Esp32).I2c(1, 34, 22, false));
            Assert.Contains("GPIO 34 (I2C SDA) is input-only", problem);
            problem = OnlyProblem(new BoardDefinition("bad", Chip.Esp32).Led(39, LedKind.Gpio, false, false, null));
            Assert.Contains("input-only", problem);
        }

        [TestMethod]
        public void A_pin_used_twice_is_found()
        {
            string problem = OnlyProblem(new BoardDefinition("bad", Chip.Esp32).I2c(1, 21, 22, false).Dht22(21, 25, null));
            Assert.Contains("GPIO 21 (DHT22 data) is already used as I2C SDA", problem);
        }

        [TestMethod]
        public void Strapping_pins_are_left_to_the_board()
        {
            Assert.Contains("strapping", OnlyProblem(new BoardDefinition("bad", Chip.Esp32).Dht22(12, 25, null)));
            Assert.Contains("strapping", OnlyProblem(new BoardDefinition("bad", Chip.Esp32C3).I2c(1, 8, 5, false)));
            Assert.AreEqual(0, BoardCheck.Problems(new BoardDefinition("ok", Chip.Esp32).Led(2, LedKind.Gpio, false, true, null)).Length);
        }

        [TestMethod]
        public void Flash_psram_usb_and_missing_pins_are_refused()
        {
            Assert.Contains("taken by the module (flash)", OnlyProblem(new BoardDefinition("bad", Chip.Esp32).Dht22(6, 25, null)));
            Assert.Contains("PSRAM", OnlyProblem(new BoardDefinition("bad", Chip.Esp32).Dht22(16, 25, null)));
            Assert.Contains("USB", OnlyProblem(new BoardDefinition("bad", Chip.Esp32S3).Dht22(20, 16, null)));
            Assert.Contains("does not exist", OnlyProblem(new BoardDefinition("bad", Chip.Esp32).Dht22(20, 25, null)));
            Assert.Contains("does not exist", OnlyProblem(new BoardDefinition("bad", Chip.Esp32C3).Dht22(22, 4, null)));
        }

        [TestMethod]
        public void Analog_inputs_must_be_on_adc1()
        {
            // GPIO 25 is ADC2: unusable while Wi-Fi runs.
            Assert.Contains("no ADC1 channel", OnlyProblem(new BoardDefinition("bad", Chip.Esp32).Analog(25, null)));
            Assert.AreEqual(6, KnownBoards.Esp32DevKitC().ChipPins.Adc1Channel(34));
            Assert.AreEqual(36, ChipPins.For(Chip.Esp32).PinOfAdc1Channel(0));
            Assert.AreEqual(4, ChipPins.For(Chip.Esp32S3).Adc1Channel(5));
            Assert.AreEqual(-1, ChipPins.For(Chip.Esp32C3).Adc1Channel(5));
        }

        [TestMethod]
        public void Internal_sensors_exclude_adc1_channels_0_and_3_and_exist_only_on_the_esp32()
        {
            Assert.Contains("ADC1 channel 3", OnlyProblem(new BoardDefinition("bad", Chip.Esp32).Analog(39, null).InternalSensors()));
            Assert.Contains("only the original ESP32", OnlyProblem(new BoardDefinition("bad", Chip.Esp32S3).InternalSensors()));
        }

        [TestMethod]
        public void Half_a_bus_is_found()
        {
            Assert.Contains("SDA and SCL", OnlyProblem(new BoardDefinition("bad", Chip.Esp32).Pin(21, PinRole.I2cData, false, null)));
            Assert.Contains("SCK, MOSI and MISO", OnlyProblem(new BoardDefinition("bad", Chip.Esp32).Pin(18, PinRole.SpiClock, false, null)));
        }
    }
}
