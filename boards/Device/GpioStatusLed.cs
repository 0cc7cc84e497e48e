using System.Device.Gpio;

namespace IotDevice.Boards.Device
{
    /// <summary>A plain LED on a GPIO (active high, or active low where the board wires it to 3.3 V).</summary>
    public sealed class GpioStatusLed : IStatusLed
    {
        private readonly object _sync = new object();
        private readonly GpioPin _pin;
        private readonly bool _activeLow;
        private bool _on;

        public GpioStatusLed(GpioController gpio, int pin, bool activeLow)
        {
            _pin = gpio.OpenPin(pin, PinMode.Output);
            _activeLow = activeLow;
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
                _pin.Write(on != _activeLow ? PinValue.High : PinValue.Low);
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
