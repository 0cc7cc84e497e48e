using System;

namespace IotDevice.Boards
{
    /// <summary>
    /// A board as data: its chip and which GPIO carries what (I²C, SPI, status LED, analog inputs, a
    /// DHT22's two pins). Built once with the fluent methods, then only read. <see cref="BoardCheck"/>
    /// says whether the pins make sense for the chip; the device glue opens buses on them.
    /// </summary>
    public sealed class BoardDefinition
    {
        private PinAssignment[] _pins = new PinAssignment[8];
        private int _count;

        public BoardDefinition(string name, Chip chip)
        {
            if (name == null || name.Length == 0)
            {
                throw new ArgumentException("A board needs a name.");
            }
            if (ChipPins.For(chip) == null)
            {
                throw new ArgumentException("Unknown chip for board '" + name + "'.");
            }
            Name = name;
            Chip = chip;
            I2cBusId = 1;
            SpiBusId = 1;
        }

        public string Name { get; }

        public Chip Chip { get; }

        public ChipPins ChipPins
        {
            get { return ChipPins.For(Chip); }
        }

        /// <summary>nanoFramework's I²C bus number the pins are routed to (I2C1 unless the board says otherwise).</summary>
        public int I2cBusId { get; private set; }

        /// <summary>nanoFramework's SPI bus number (SPI1 unless the board says otherwise).</summary>
        public int SpiBusId { get; private set; }

        public LedKind LedKind { get; private set; }

        /// <summary>The LED lights when its pin is driven low.</summary>
        public bool LedActiveLow { get; private set; }

        /// <summary>Read the ESP32's internal temperature and Hall sensor (logical ADC channels 8 and 9).</summary>
        public bool UsesInternalSensors { get; private set; }

        /// <summary>What is uncertain about this definition (revisions, unverified defaults); null when nothing is.</summary>
        public string Caveats { get; private set; }

        public int Count
        {
            get { return _count; }
        }

        public PinAssignment AssignmentAt(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }
            return _pins[index];
        }

        /// <summary>The first pin with <paramref name="role"/>, or -1 when the board has none.</summary>
        public int PinFor(PinRole role)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_pins[i].Role == role)
                {
                    return _pins[i].Pin;
                }
            }
            return -1;
        }

        /// <summary>Every pin with <paramref name="role"/>, in the order they were added.</summary>
        public int[] PinsFor(PinRole role)
        {
            int n = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_pins[i].Role == role)
                {
                    n++;
                }
            }
            int[] pins = new int[n];
            n = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_pins[i].Role == role)
                {
                    pins[n++] = _pins[i].Pin;
                }
            }
            return pins;
        }

        public bool HasI2c
        {
            get { return PinFor(PinRole.I2cData) >= 0 && PinFor(PinRole.I2cClock) >= 0; }
        }

        public bool HasSpi
        {
            get { return PinFor(PinRole.SpiClock) >= 0 && PinFor(PinRole.SpiMosi) >= 0; }
        }

        public BoardDefinition I2c(int bus, int data, int clock, bool hardWired)
        {
            I2cBusId = bus;
            Pin(data, PinRole.I2cData, hardWired, null);
            return Pin(clock, PinRole.I2cClock, hardWired, null);
        }

        public BoardDefinition Spi(int bus, int mosi, int miso, int clock, int chipSelect, bool hardWired)
        {
            SpiBusId = bus;
            Pin(mosi, PinRole.SpiMosi, hardWired, null);
            Pin(miso, PinRole.SpiMiso, hardWired, null);
            Pin(clock, PinRole.SpiClock, hardWired, null);
            return Pin(chipSelect, PinRole.SpiChipSelect, hardWired, null);
        }

        /// <summary>The status LED; <paramref name="kind"/> None leaves the pin out.</summary>
        public BoardDefinition Led(int pin, LedKind kind, bool activeLow, bool hardWired, string note)
        {
            LedKind = kind;
            LedActiveLow = activeLow;
            return kind == LedKind.None ? this : Pin(pin, PinRole.StatusLed, hardWired, note);
        }

        public BoardDefinition Analog(int pin, string note)
        {
            return Pin(pin, PinRole.Analog, false, note);
        }

        /// <summary>
        /// A DHT22 on two GPIO joined to its one data line, as nanoFramework's ESP32 binding needs: the
        /// ESP32 starts a reading on <paramref name="dataPin"/> and the RMT receiver times the answer on
        /// <paramref name="echoPin"/>.
        /// </summary>
        public BoardDefinition Dht22(int dataPin, int echoPin, string note)
        {
            Pin(dataPin, PinRole.SensorData, false, note);
            return Pin(echoPin, PinRole.SensorEcho, false, note);
        }

        /// <summary>True when the board has both pins a DHT22 needs.</summary>
        public bool HasDht22
        {
            get { return PinFor(PinRole.SensorData) >= 0 && PinFor(PinRole.SensorEcho) >= 0; }
        }

        public BoardDefinition InternalSensors()
        {
            UsesInternalSensors = true;
            return this;
        }

        public BoardDefinition Caveat(string text)
        {
            Caveats = Caveats == null ? text : Caveats + " " + text;
            return this;
        }

        public BoardDefinition Pin(int pin, PinRole role, bool hardWired, string note)
        {
            if (_count == _pins.Length)
            {
                PinAssignment[] grown = new PinAssignment[_count * 2];
                Array.Copy(_pins, grown, _count);
                _pins = grown;
            }
            _pins[_count++] = new PinAssignment(pin, role, hardWired, note);
            return this;
        }
    }
}
