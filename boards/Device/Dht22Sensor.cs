using System.Device.Gpio;
using Iot.Device.DHTxx;
using IotDevice.Client;
using UnitsNet;

namespace IotDevice.Boards.Device
{
    /// <summary>
    /// An AM2302/DHT22 on one GPIO through nanoFramework's Iot.Device.Dhtxx binding: temperature (°C) and
    /// humidity (%). The sensor answers at most every 2 s and its one-wire timing is tight, so a failed
    /// read (checksum, timeout) is normal now and then: it is reported as a failure, not an exception.
    /// </summary>
    public sealed class Dht22Sensor : ISensor
    {
        private readonly Dht22 _sensor;

        public Dht22Sensor(GpioController gpio, int pin)
        {
            _sensor = new Dht22(pin, PinNumberingScheme.Logical, gpio, false);
        }

        public string Name
        {
            get { return "DHT22"; }
        }

        public int ValueCount
        {
            get { return 2; }
        }

        public string LastError { get; private set; }

        public bool Read(PropertyReport report)
        {
            Temperature temperature = _sensor.Temperature;
            bool ok = _sensor.IsLastReadSuccessful;
            RelativeHumidity humidity = _sensor.Humidity;
            if (!ok || !_sensor.IsLastReadSuccessful || double.IsNaN(temperature.DegreesCelsius) || double.IsNaN(humidity.Percent))
            {
                LastError = "no valid answer (checksum or timing); the DHT22 needs 2 s between reads";
                return false;
            }
            report.Add(SensorIds.Temperature, SensorIds.OneDecimal(temperature.DegreesCelsius));
            report.Add(SensorIds.Humidity, SensorIds.OneDecimal(humidity.Percent));
            LastError = null;
            return true;
        }
    }
}
