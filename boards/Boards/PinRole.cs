namespace IotDevice.Boards
{
    /// <summary>What a pin is wired to on a board.</summary>
    public enum PinRole
    {
        I2cData = 1,
        I2cClock = 2,
        SpiMosi = 3,
        SpiMiso = 4,
        SpiClock = 5,
        SpiChipSelect = 6,
        StatusLed = 7,

        /// <summary>An analog input, read through ADC1 (ADC2 cannot be read while Wi-Fi is on).</summary>
        Analog = 8,

        /// <summary>
        /// A DHT22's data line as the ESP32 drives it: pulled low to start a reading (the binding's
        /// "trigger" pin). On the ESP32 the answer is read through a second pin, <see cref="SensorEcho"/>.
        /// </summary>
        SensorData = 9,

        /// <summary>
        /// The second pin wired to the same DHT22 data line, read by the RMT receiver (the binding's "echo"
        /// pin). Only read, so an input-only GPIO will do.
        /// </summary>
        SensorEcho = 10,
    }

    /// <summary>How the status LED is driven.</summary>
    public enum LedKind
    {
        /// <summary>No LED the firmware can drive (M5Stack Core2: its LED hangs off the power chip).</summary>
        None = 0,

        /// <summary>A plain LED on a GPIO.</summary>
        Gpio = 1,

        /// <summary>One addressable RGB LED (WS2812) on a GPIO, driven through the RMT peripheral.</summary>
        Ws2812 = 2,
    }
}
