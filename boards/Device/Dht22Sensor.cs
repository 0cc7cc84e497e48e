using System;
using System.Device.Gpio;
using IotDevice.Client;
using IotDevice.Session;

namespace IotDevice.Boards.Device
{
    /// <summary>
    /// An AM2302/DHT22 through nanoFramework's ESP32 binding (Iot.Device.Dhtxx.Esp32), which needs two
    /// GPIO on the sensor's one data line: the data pin starts a reading, the echo pin feeds the RMT
    /// receiver that times the answer (the plain Iot.Device.Dhtxx binding cannot keep the timing on an
    /// ESP32). Temperature (°C) and humidity (%), one decimal each.
    /// A read that fails, comes within 2 s of the previous one (or of opening), or gives a value outside
    /// the sensor's range is "no reading": nothing is reported and <see cref="LastError"/> says why.
    /// </summary>
    public sealed class Dht22Sensor : ISensor
    {
        // The DHT22 measures at most every 2 s (datasheet); sooner, the binding repeats its last frame.
        private const int ReadIntervalMs = 2000;

        private readonly FrameReader _sensor;
        private readonly ReadPacer _pacer;
        private readonly byte[] _frame = new byte[Dht22Frame.Length];

        /// <param name="dataPin">The board's <see cref="PinRole.SensorData"/> pin.</param>
        /// <param name="echoPin">The board's <see cref="PinRole.SensorEcho"/> pin, wired to the same data line.</param>
        public Dht22Sensor(GpioController gpio, int dataPin, int echoPin)
        {
            _sensor = new FrameReader(echoPin, dataPin, gpio);
            _pacer = new ReadPacer(ReadIntervalMs, SystemClock.Instance.NowMs);
        }

        /// <summary>Opens the DHT22 on the board's two pins; null when the board has none.</summary>
        public static Dht22Sensor OnBoard(BoardDefinition board, GpioController gpio)
        {
            return board.HasDht22 ? new Dht22Sensor(gpio, board.PinFor(PinRole.SensorData), board.PinFor(PinRole.SensorEcho)) : null;
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
            long now = SystemClock.Instance.NowMs;
            if (!_pacer.TryStart(now))
            {
                LastError = "too soon: the DHT22 measures every 2 s (next reading in " + _pacer.WaitMs(now).ToString() + " ms)";
                return false;
            }
            try
            {
                _sensor.Measure(_frame);
            }
            catch (Exception e)
            {
                // The RMT receiver or the GPIO can refuse (pin in use, channel busy).
                LastError = "read failed: " + e.Message;
                return false;
            }
            double celsius;
            double humidity;
            string problem = Dht22Frame.Decode(_frame, out celsius, out humidity);
            if (problem != null)
            {
                LastError = problem;
                return false;
            }
            report.Add(SensorIds.Temperature, SensorIds.OneDecimal(celsius));
            report.Add(SensorIds.Humidity, SensorIds.OneDecimal(humidity));
            LastError = null;
            return true;
        }

        /// <summary>
        /// The binding's DHT22 with its last frame made readable: the binding keeps the five bytes in a
        /// protected buffer and reports a failed read as 0 °C, so the frame is decoded here instead.
        /// </summary>
        private sealed class FrameReader : Iot.Device.DHTxx.Esp32.Dht22
        {
            public FrameReader(int echoPin, int dataPin, GpioController gpio)
                : base(echoPin, dataPin, PinNumberingScheme.Logical, gpio, false)
            {
            }

            /// <summary>Takes one measurement and copies the frame it left (all zero when nothing answered).</summary>
            public void Measure(byte[] frame)
            {
                // Reading the property is what runs the measurement; its value is decoded from the frame.
                UnitsNet.Temperature ignored = Temperature;
                byte[] last = _readBuff;
                for (int i = 0; i < frame.Length; i++)
                {
                    frame[i] = last != null && i < last.Length ? last[i] : (byte)0;
                }
            }
        }
    }
}
