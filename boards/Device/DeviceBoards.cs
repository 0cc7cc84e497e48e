using System.Device.Adc;
using System.Device.Gpio;
using nanoFramework.Hardware.Esp32;

namespace IotDevice.Boards.Device
{
    /// <summary>
    /// Turns a <see cref="BoardDefinition"/> into a running board on the ESP32: routes its I²C and SPI pins
    /// (Configuration.SetPinFunction, before any bus is opened), opens its status LED, and adds the
    /// internal sensors where the board uses them. The app then adds its external sensors:
    /// <code>
    /// Board board = DeviceBoards.Open(KnownBoards.Esp32DevKitC(), gpio);
    /// board.Add(new Bme280Sensor(board.Definition.I2cBusId, true));
    /// </code>
    /// </summary>
    public static class DeviceBoards
    {
        /// <summary>Throws ArgumentException with the problems when the definition does not fit its chip.</summary>
        public static Board Open(BoardDefinition definition, GpioController gpio)
        {
            string[] problems = BoardCheck.Problems(definition);
            if (problems.Length > 0)
            {
                throw new System.ArgumentException(problems[0]);
            }
            RoutePins(definition);
            Board board = new Board(definition, OpenLed(definition, gpio));
            if (definition.UsesInternalSensors)
            {
                board.Add(new Esp32InternalSensors(new AdcController()));
            }
            return board;
        }

        /// <summary>Routes the board's I²C (bus 1 or 2) and SPI (bus 1 or 2) signals to its pins.</summary>
        public static void RoutePins(BoardDefinition definition)
        {
            if (definition.HasI2c)
            {
                bool second = definition.I2cBusId == 2;
                Configuration.SetPinFunction(definition.PinFor(PinRole.I2cData), second ? DeviceFunction.I2C2_DATA : DeviceFunction.I2C1_DATA);
                Configuration.SetPinFunction(definition.PinFor(PinRole.I2cClock), second ? DeviceFunction.I2C2_CLOCK : DeviceFunction.I2C1_CLOCK);
            }
            if (definition.HasSpi)
            {
                bool second = definition.SpiBusId == 2;
                Configuration.SetPinFunction(definition.PinFor(PinRole.SpiMosi), second ? DeviceFunction.SPI2_MOSI : DeviceFunction.SPI1_MOSI);
                Configuration.SetPinFunction(definition.PinFor(PinRole.SpiMiso), second ? DeviceFunction.SPI2_MISO : DeviceFunction.SPI1_MISO);
                Configuration.SetPinFunction(definition.PinFor(PinRole.SpiClock), second ? DeviceFunction.SPI2_CLOCK : DeviceFunction.SPI1_CLOCK);
            }
        }

        private static IStatusLed OpenLed(BoardDefinition definition, GpioController gpio)
        {
            int pin = definition.PinFor(PinRole.StatusLed);
            switch (definition.LedKind)
            {
                case LedKind.Gpio:
                    return new GpioStatusLed(gpio, pin, definition.LedActiveLow);
                case LedKind.Ws2812:
                    return new Ws2812StatusLed(pin);
                default:
                    return new RememberedLed();
            }
        }
    }
}
