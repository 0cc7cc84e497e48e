using System;
using System.Device.Adc;
using IotDevice.Client;

namespace IotDevice.Boards.Device
{
    /// <summary>
    /// The original ESP32's internal temperature sensor and Hall sensor, which nanoFramework exposes as
    /// logical ADC channels 8 and 9 (docs esp32_pin_out.md). The values are raw ADC counts: the
    /// temperature sensor is uncalibrated and varies from chip to chip, so report trends, not degrees.
    /// They share hardware with ADC1 channels 0 and 3 (GPIO 36/39): <see cref="BoardCheck"/> keeps those free.
    /// </summary>
    public sealed class Esp32InternalSensors : ISensor
    {
        private readonly AdcChannel _temperature;
        private readonly AdcChannel _hall;

        public Esp32InternalSensors(AdcController adc)
        {
            _temperature = adc.OpenChannel(ChipPins.TemperatureChannel);
            _hall = adc.OpenChannel(ChipPins.HallChannel);
        }

        public string Name
        {
            get { return "ESP32 internal"; }
        }

        public int ValueCount
        {
            get { return 2; }
        }

        public string LastError { get; private set; }

        public bool Read(PropertyReport report)
        {
            int temperature;
            int hall;
            try
            {
                temperature = _temperature.ReadValue();
                hall = _hall.ReadValue();
            }
            catch (Exception e)
            {
                // Newer firmware built on ESP-IDF 5 dropped the Hall sensor; the channel then fails to read.
                LastError = "ADC read failed: " + e.Message;
                return false;
            }
            report.Add(SensorIds.ChipTemperature, (double)temperature);
            report.Add(SensorIds.Hall, (double)hall);
            LastError = null;
            return true;
        }
    }
}
