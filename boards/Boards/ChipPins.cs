namespace IotDevice.Boards
{
    /// <summary>
    /// What each GPIO of a chip can do, from Espressif's datasheets: which pins exist, which are
    /// input-only, which are sampled at reset (strapping), which the module already uses (flash, PSRAM,
    /// USB, the serial port nanoFramework talks over), and which ADC1 channel a pin carries.
    /// </summary>
    public sealed class ChipPins
    {
        private static readonly ChipPins Esp32Pins = new ChipPins(
            Chip.Esp32,
            new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33, 34, 35, 36, 37, 38, 39 },
            new int[] { 34, 35, 36, 37, 38, 39 },
            new int[] { 0, 2, 5, 12, 15 },
            // 1/3: UART0, nanoFramework's wire protocol; 6–11: SPI flash; 16/17: PSRAM on WROVER modules.
            new int[] { 1, 3, 6, 7, 8, 9, 10, 11, 16, 17 },
            new string[] { "UART0 TX", "UART0 RX", "flash", "flash", "flash", "flash", "flash", "flash", "PSRAM", "PSRAM" },
            // ADC1 channel n is on adc1Pins[n].
            new int[] { 36, 37, 38, 39, 32, 33, 34, 35 },
            true);

        private static readonly ChipPins Esp32S3Pins = new ChipPins(
            Chip.Esp32S3,
            Range(0, 21, 26, 48),
            new int[0],
            new int[] { 0, 3, 45, 46 },
            // 19/20: USB; 26–32: flash; 33–37: octal flash/PSRAM on R8 modules; 43/44: UART0.
            new int[] { 19, 20, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 43, 44 },
            new string[] { "USB D-", "USB D+", "flash", "flash", "flash", "flash", "flash", "flash", "flash", "octal PSRAM", "octal PSRAM", "octal PSRAM", "octal PSRAM", "octal PSRAM", "UART0 TX", "UART0 RX" },
            new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 },
            false);

        private static readonly ChipPins Esp32C3Pins = new ChipPins(
            Chip.Esp32C3,
            Range(0, 21, -1, -1),
            new int[0],
            new int[] { 2, 8, 9 },
            // 11: VDD_SPI; 12–17: flash; 18/19: USB; 20/21: UART0 (the dev board's USB bridge).
            new int[] { 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21 },
            new string[] { "VDD_SPI", "flash", "flash", "flash", "flash", "flash", "flash", "USB D-", "USB D+", "UART0 RX", "UART0 TX" },
            new int[] { 0, 1, 2, 3, 4 },
            false);

        private readonly int[] _pins;
        private readonly int[] _inputOnly;
        private readonly int[] _strapping;
        private readonly int[] _reserved;
        private readonly string[] _reservedFor;
        private readonly int[] _adc1;

        private ChipPins(Chip chip, int[] pins, int[] inputOnly, int[] strapping, int[] reserved, string[] reservedFor, int[] adc1, bool internalSensors)
        {
            Chip = chip;
            _pins = pins;
            _inputOnly = inputOnly;
            _strapping = strapping;
            _reserved = reserved;
            _reservedFor = reservedFor;
            _adc1 = adc1;
            HasInternalSensorChannels = internalSensors;
        }

        /// <summary>
        /// Logical ADC channel of the internal temperature sensor on the original ESP32 (nanoFramework's
        /// numbering; docs esp32_pin_out.md). It shares hardware with ADC1 channels 0 and 3.
        /// </summary>
        public const int TemperatureChannel = 8;

        /// <summary>Logical ADC channel of the Hall sensor on the original ESP32 (shares ADC1 channels 0 and 3).</summary>
        public const int HallChannel = 9;

        public Chip Chip { get; }

        /// <summary>True on the original ESP32: internal temperature and Hall sensor on logical ADC channels 8 and 9.</summary>
        public bool HasInternalSensorChannels { get; }

        public static ChipPins For(Chip chip)
        {
            switch (chip)
            {
                case Chip.Esp32:
                    return Esp32Pins;
                case Chip.Esp32S3:
                    return Esp32S3Pins;
                case Chip.Esp32C3:
                    return Esp32C3Pins;
                default:
                    return null;
            }
        }

        public bool Exists(int pin)
        {
            return IndexOf(_pins, pin) >= 0;
        }

        public bool IsInputOnly(int pin)
        {
            return IndexOf(_inputOnly, pin) >= 0;
        }

        /// <summary>Sampled at reset to choose the boot mode or flash voltage: a wrong level stops the board booting.</summary>
        public bool IsStrapping(int pin)
        {
            return IndexOf(_strapping, pin) >= 0;
        }

        /// <summary>What the module uses the pin for (flash, PSRAM, USB, UART0), or null when it is free.</summary>
        public string ReservedFor(int pin)
        {
            int i = IndexOf(_reserved, pin);
            return i < 0 ? null : _reservedFor[i];
        }

        /// <summary>The ADC1 channel on <paramref name="pin"/>, or -1 (ADC2 does not count: Wi-Fi owns it).</summary>
        public int Adc1Channel(int pin)
        {
            return IndexOf(_adc1, pin);
        }

        /// <summary>The pin carrying ADC1 <paramref name="channel"/>, or -1.</summary>
        public int PinOfAdc1Channel(int channel)
        {
            return channel >= 0 && channel < _adc1.Length ? _adc1[channel] : -1;
        }

        private static int IndexOf(int[] values, int value)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == value)
                {
                    return i;
                }
            }
            return -1;
        }

        // from..to plus from2..to2 (skipped when from2 is negative).
        private static int[] Range(int from, int to, int from2, int to2)
        {
            int count = to - from + 1 + (from2 < 0 ? 0 : to2 - from2 + 1);
            int[] pins = new int[count];
            int n = 0;
            for (int p = from; p <= to; p++)
            {
                pins[n++] = p;
            }
            for (int p = from2; from2 >= 0 && p <= to2; p++)
            {
                pins[n++] = p;
            }
            return pins;
        }
    }
}
