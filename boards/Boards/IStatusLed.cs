namespace IotDevice.Boards
{
    /// <summary>The board's status LED: on, off, toggled. Boards without one get a <see cref="RememberedLed"/>.</summary>
    public interface IStatusLed
    {
        bool IsOn { get; }

        void Set(bool on);

        /// <summary>Switches it and returns the new state.</summary>
        bool Toggle();
    }

    /// <summary>An LED that only remembers its state: boards without a drivable LED, and the simulator.</summary>
    public sealed class RememberedLed : IStatusLed
    {
        private readonly object _sync = new object();
        private bool _on;

        /// <summary>How many times the state changed.</summary>
        public int Changes { get; private set; }

        public bool IsOn
        {
            get { lock (_sync) { return _on; } }
        }

        public void Set(bool on)
        {
            lock (_sync)
            {
                if (_on != on)
                {
                    _on = on;
                    Changes++;
                }
            }
        }

        public bool Toggle()
        {
            lock (_sync)
            {
                _on = !_on;
                Changes++;
                return _on;
            }
        }
    }
}
