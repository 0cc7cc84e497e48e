using System.Collections;

namespace IotDevice.Boards
{
    /// <summary>
    /// Checks a board definition against its chip: every pin exists and is free of the module's own
    /// duties (flash, PSRAM, USB, UART0), no pin is used twice, outputs and bus lines are never on
    /// input-only pins, strapping pins are left to the board's own wiring, analog inputs sit on ADC1
    /// (ADC2 is unusable while Wi-Fi runs) and the ESP32's internal sensors do not collide with the ADC1
    /// channels they share.
    /// </summary>
    public static class BoardCheck
    {
        /// <summary>Every problem found, one sentence each; empty when the definition is sound.</summary>
        public static string[] Problems(BoardDefinition board)
        {
            ArrayList problems = new ArrayList();
            ChipPins chip = board.ChipPins;
            for (int i = 0; i < board.Count; i++)
            {
                PinAssignment a = board.AssignmentAt(i);
                string what = board.Name + ": GPIO " + a.Pin.ToString() + " (" + RoleName(a.Role) + ")";
                if (!chip.Exists(a.Pin))
                {
                    problems.Add(what + " does not exist on this chip");
                    continue;
                }
                string reserved = chip.ReservedFor(a.Pin);
                if (reserved != null)
                {
                    problems.Add(what + " is taken by the module (" + reserved + ")");
                }
                if (NeedsOutput(a.Role) && chip.IsInputOnly(a.Pin))
                {
                    problems.Add(what + " is input-only and cannot drive this signal");
                }
                if (chip.IsStrapping(a.Pin) && !a.HardWired)
                {
                    problems.Add(what + " is a strapping pin: a level on it at reset can stop the board booting");
                }
                if (a.Role == PinRole.Analog && chip.Adc1Channel(a.Pin) < 0)
                {
                    problems.Add(what + " has no ADC1 channel (ADC2 cannot be read while Wi-Fi is on)");
                }
                for (int j = 0; j < i; j++)
                {
                    if (board.AssignmentAt(j).Pin == a.Pin)
                    {
                        problems.Add(what + " is already used as " + RoleName(board.AssignmentAt(j).Role));
                        break;
                    }
                }
            }
            CheckPairs(board, problems);
            CheckInternalSensors(board, chip, problems);
            string[] result = new string[problems.Count];
            problems.CopyTo(result);
            return result;
        }

        /// <summary>True for signals the ESP32 drives (everything but MISO, analog inputs and the DHT22's echo).</summary>
        public static bool NeedsOutput(PinRole role)
        {
            return role != PinRole.SpiMiso && role != PinRole.Analog && role != PinRole.SensorEcho;
        }

        /// <summary>A readable name (enum names print as numbers on the device).</summary>
        public static string RoleName(PinRole role)
        {
            switch (role)
            {
                case PinRole.I2cData:
                    return "I2C SDA";
                case PinRole.I2cClock:
                    return "I2C SCL";
                case PinRole.SpiMosi:
                    return "SPI MOSI";
                case PinRole.SpiMiso:
                    return "SPI MISO";
                case PinRole.SpiClock:
                    return "SPI SCK";
                case PinRole.SpiChipSelect:
                    return "SPI CS";
                case PinRole.StatusLed:
                    return "status LED";
                case PinRole.Analog:
                    return "analog input";
                case PinRole.SensorData:
                    return "DHT22 data";
                case PinRole.SensorEcho:
                    return "DHT22 echo";
                default:
                    return "role " + ((int)role).ToString();
            }
        }

        private static void CheckPairs(BoardDefinition board, ArrayList problems)
        {
            bool sda = board.PinFor(PinRole.I2cData) >= 0;
            bool scl = board.PinFor(PinRole.I2cClock) >= 0;
            if (sda != scl)
            {
                problems.Add(board.Name + ": I2C needs both SDA and SCL");
            }
            bool sck = board.PinFor(PinRole.SpiClock) >= 0;
            bool mosi = board.PinFor(PinRole.SpiMosi) >= 0;
            bool miso = board.PinFor(PinRole.SpiMiso) >= 0;
            if ((sck || mosi || miso) && !(sck && mosi && miso))
            {
                problems.Add(board.Name + ": SPI needs SCK, MOSI and MISO");
            }
            bool data = board.PinFor(PinRole.SensorData) >= 0;
            bool echo = board.PinFor(PinRole.SensorEcho) >= 0;
            if (data != echo)
            {
                problems.Add(board.Name + ": a DHT22 on the ESP32 needs a data pin and an echo pin wired to its data line");
            }
            if (board.LedKind != LedKind.None && board.PinFor(PinRole.StatusLed) < 0)
            {
                problems.Add(board.Name + ": the status LED has no pin");
            }
        }

        private static void CheckInternalSensors(BoardDefinition board, ChipPins chip, ArrayList problems)
        {
            if (!board.UsesInternalSensors)
            {
                return;
            }
            if (!chip.HasInternalSensorChannels)
            {
                problems.Add(board.Name + ": only the original ESP32 has the internal temperature/Hall ADC channels");
                return;
            }
            int[] analog = board.PinsFor(PinRole.Analog);
            for (int i = 0; i < analog.Length; i++)
            {
                int channel = chip.Adc1Channel(analog[i]);
                if (channel == 0 || channel == 3)
                {
                    problems.Add(board.Name + ": GPIO " + analog[i].ToString() + " (ADC1 channel " + channel.ToString()
                        + ") cannot be read together with the internal temperature/Hall channels");
                }
            }
        }
    }
}
