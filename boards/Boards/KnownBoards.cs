namespace IotDevice.Boards
{
    /// <summary>
    /// Definitions of common ESP32 boards with their usual wiring. Bus pins are the ones the board's own
    /// documentation or the Arduino/ESP-IDF examples use, moved where those sit on strapping pins;
    /// <see cref="BoardDefinition.Caveats"/> says where a fact depends on the board revision.
    /// </summary>
    public static class KnownBoards
    {
        /// <summary>Espressif ESP32-DevKitC (ESP32-WROOM-32 / WROVER).</summary>
        public static BoardDefinition Esp32DevKitC()
        {
            return new BoardDefinition("ESP32-DevKitC", Chip.Esp32)
                .I2c(1, 21, 22, false)
                // VSPI's usual pins, but CS on 27: the usual CS, GPIO 5, is a strapping pin.
                .Spi(1, 23, 19, 18, 27, false)
                .Led(26, LedKind.Gpio, false, false, "the DevKitC has only a power LED: wire one (with a resistor) to GPIO 26")
                // ADC1 channels 4–7; channels 0 and 3 (GPIO 36/39) stay free for the internal sensors.
                .Analog(32, "ADC1_CH4").Analog(33, "ADC1_CH5").Analog(34, "ADC1_CH6, input-only").Analog(35, "ADC1_CH7, input-only")
                // Both GPIO go to the DHT22's one data line (10 kΩ pull-up to 3.3 V): 4 starts a reading, 25 times the answer.
                .Dht22(4, 25, "DHT22 data line")
                .InternalSensors()
                .Caveat("GPIO 16/17 are free on WROOM modules but carry PSRAM on WROVER ones; they are treated as taken."
                    + " Clones (DOIT DevKit V1) put a blue LED on GPIO 2, a strapping pin.");
        }

        /// <summary>Espressif ESP32-S3-DevKitC-1 (ESP32-S3-WROOM-1/-1U).</summary>
        public static BoardDefinition Esp32S3DevKitC1()
        {
            return new BoardDefinition("ESP32-S3-DevKitC-1", Chip.Esp32S3)
                .I2c(1, 8, 9, false)
                // FSPI's IO_MUX pins.
                .Spi(1, 11, 13, 12, 10, false)
                .Led(48, LedKind.Ws2812, false, true, "addressable RGB LED on GPIO 48 (board v1.0); v1.1 moved it to GPIO 38")
                .Analog(1, "ADC1_CH0").Analog(2, "ADC1_CH1").Analog(4, "ADC1_CH3").Analog(5, "ADC1_CH4").Analog(6, "ADC1_CH5")
                .Dht22(15, 16, "DHT22 data line")
                .Caveat("The RGB LED is on GPIO 48 on v1.0 boards and GPIO 38 on v1.1."
                    + " GPIO 33–37 are taken on modules with octal PSRAM or flash (N8R8, N16R8)."
                    + " nanoFramework's logical ADC channel numbers on the S3 are not confirmed here.");
        }

        /// <summary>Espressif ESP32-C3-DevKitM-1 (ESP32-C3-MINI-1).</summary>
        public static BoardDefinition Esp32C3DevKitM1()
        {
            return new BoardDefinition("ESP32-C3-DevKitM-1", Chip.Esp32C3)
                // The Arduino default (SDA 8, SCL 9) sits on two strapping pins; 5/6 are free.
                .I2c(1, 5, 6, false)
                .Spi(1, 7, 3, 10, 4, false)
                .Led(8, LedKind.Ws2812, false, true, "addressable RGB LED on GPIO 8, a strapping pin the board pulls up as the chip needs")
                .Analog(0, "ADC1_CH0").Analog(1, "ADC1_CH1")
                .Caveat("Only eight GPIO are free of flash, USB, UART0 and strapping duties (0, 1, 3, 4, 5, 6, 7, 10):"
                    + " with I²C and SPI wired there is no pin left for a DHT22; use an I²C sensor."
                    + " nanoFramework's logical ADC channel numbers on the C3 are not confirmed here.");
        }

        /// <summary>M5Stack Core2 (ESP32-D0WDQ6-V3, 16 MB flash, 8 MB PSRAM).</summary>
        public static BoardDefinition M5StackCore2()
        {
            return new BoardDefinition("M5Stack Core2", Chip.Esp32)
                // Port A (red Grove socket): where external I²C sensors go.
                .I2c(1, 32, 33, false)
                // The display and TF card bus; MISO on input-only GPIO 38 is fine (it is an input).
                .Spi(1, 23, 38, 18, 5, true)
                .Pin(4, PinRole.SpiChipSelect, true, "TF card chip select")
                .Led(-1, LedKind.None, false, true, null)
                // Port B: bridge its two signal lines to the DHT22's data pin (36 is input-only: it is the echo).
                .Dht22(26, 36, "Port B")
                .Caveat("The green LED and the vibration motor are switched by the AXP192 power chip, not a GPIO."
                    + " The internal I²C bus (AXP192, touch, RTC, IMU) on GPIO 21/22, the speaker (GPIO 0/2/12) and"
                    + " the microphone (GPIO 0/34) are hard-wired and not listed. Port B (GPIO 26/36) carries the"
                    + " DHT22; a board without one can use GPIO 36 as an analog input (ADC1 channel 0) instead.");
        }

        /// <summary>Every board above, for listings and checks.</summary>
        public static BoardDefinition[] All()
        {
            return new BoardDefinition[] { Esp32DevKitC(), Esp32S3DevKitC1(), Esp32C3DevKitM1(), M5StackCore2() };
        }

        /// <summary>The board whose name matches (case-insensitive, ignoring '-' and spaces), or null.</summary>
        public static BoardDefinition Find(string name)
        {
            if (name == null)
            {
                return null;
            }
            string wanted = Simplify(name);
            BoardDefinition[] all = All();
            for (int i = 0; i < all.Length; i++)
            {
                if (Simplify(all[i].Name) == wanted)
                {
                    return all[i];
                }
            }
            return null;
        }

        private static string Simplify(string name)
        {
            char[] kept = name.ToCharArray(); // compacted in place; ToCharArray reads surrogate pairs right on the device
            int n = 0;
            for (int i = 0; i < kept.Length; i++)
            {
                char c = kept[i];
                if (c == '-' || c == ' ' || c == '_')
                {
                    continue;
                }
                kept[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
            }
            return new string(kept, 0, n);
        }
    }
}
