using System;
using System.Device.Gpio;
using IotDevice.Boards;
using IotDevice.Boards.Device;

namespace IotDevice.Samples
{
    /// <summary>Opens the board named in the settings and adds the sensors the settings switch on.</summary>
    public static class SampleBoard
    {
        public static Board Open(SampleSettings settings, GpioController gpio)
        {
            string name = settings.OptionalText(null, "board");
            BoardDefinition definition = KnownBoards.Find(name != null ? name : "ESP32-DevKitC");
            if (definition == null)
            {
                throw new ArgumentException("Unknown board '" + name + "' in settings.json.");
            }
            Board board = DeviceBoards.Open(definition, gpio);
            if (settings.Flag(null, "bme280", true) && definition.HasI2c)
            {
                board.Add(new Bme280Sensor(definition.I2cBusId, settings.Flag(null, "bme280At0x76", true)));
            }
            if (settings.Flag(null, "dht22", false))
            {
                Dht22Sensor dht = Dht22Sensor.OnBoard(definition, gpio);
                if (dht != null)
                {
                    board.Add(dht);
                }
                else
                {
                    Console.WriteLine("dht22 is on in settings.json, but " + definition.Name + " has no DHT22 pins");
                }
            }
            Console.WriteLine("Board: " + definition.Name + " with " + board.SensorCount.ToString() + " sensor(s)");
            return board;
        }
    }
}
