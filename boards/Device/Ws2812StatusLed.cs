using Iot.Device.Ws28xx.Esp32;

namespace IotDevice.Boards.Device
{
    /// <summary>
    /// The single addressable RGB LED of the ESP32-S3/C3 dev boards, driven through the RMT peripheral by
    /// nanoFramework's Ws28xx binding: "on" is a dim green (full brightness is glaring), "off" is black.
    /// </summary>
    public sealed class Ws2812StatusLed : IStatusLed
    {
        private const byte Level = 24;

        private readonly object _sync = new object();
        private readonly Ws2812c _strip;
        private bool _on;

        public Ws2812StatusLed(int pin)
        {
            _strip = new Ws2812c(pin, 1, 1);
            Set(false);
        }

        public bool IsOn
        {
            get { lock (_sync) { return _on; } }
        }

        public void Set(bool on)
        {
            lock (_sync)
            {
                _on = on;
                _strip.Image.SetPixel(0, 0, 0, on ? Level : (byte)0, 0);
                _strip.Update();
            }
        }

        public bool Toggle()
        {
            lock (_sync)
            {
                Set(!_on);
                return _on;
            }
        }
    }
}
