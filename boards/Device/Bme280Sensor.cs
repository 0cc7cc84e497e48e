using System;
using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using IotDevice.Client;

namespace IotDevice.Boards.Device
{
    /// <summary>
    /// A Bosch BME280 on I²C through nanoFramework's Iot.Device.Bmxx80 binding: temperature (°C),
    /// humidity (%) and pressure (hPa), one decimal each. The binding does the measuring (a forced
    /// measurement per read); this class only turns its result into report values and failures.
    /// </summary>
    public sealed class Bme280Sensor : ISensor
    {
        private readonly Bme280 _sensor;

        /// <param name="busId">nanoFramework's I²C bus (the board's <see cref="BoardDefinition.I2cBusId"/>), pins already routed.</param>
        /// <param name="secondaryAddress">True for 0x76 (SDO to GND, most breakout boards), false for 0x77.</param>
        public Bme280Sensor(int busId, bool secondaryAddress)
        {
            int address = secondaryAddress ? Bmx280Base.SecondaryI2cAddress : Bmx280Base.DefaultI2cAddress;
            I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(busId, address));
            _sensor = new Bme280(device);
            _sensor.TemperatureSampling = Sampling.Standard;
            _sensor.PressureSampling = Sampling.Standard;
            _sensor.HumiditySampling = Sampling.Standard;
        }

        public string Name
        {
            get { return "BME280"; }
        }

        public int ValueCount
        {
            get { return 3; }
        }

        public string LastError { get; private set; }

        public bool Read(PropertyReport report)
        {
            Bme280ReadResult result;
            try
            {
                result = _sensor.Read();
            }
            catch (Exception e)
            {
                // An I²C error (no answer, wrong address) surfaces as an exception from the bus.
                LastError = "I2C read failed: " + e.Message;
                return false;
            }
            if (!result.TemperatureIsValid || !result.PressureIsValid || !result.HumidityIsValid)
            {
                LastError = "the sensor returned no valid measurement";
                return false;
            }
            report.Add(SensorIds.Temperature, SensorIds.OneDecimal(result.Temperature.DegreesCelsius));
            report.Add(SensorIds.Humidity, SensorIds.OneDecimal(result.Humidity.Percent));
            report.Add(SensorIds.Pressure, SensorIds.OneDecimal(result.Pressure.Hectopascals));
            LastError = null;
            return true;
        }
    }
}
