namespace IotDevice.Boards
{
    /// <summary>One GPIO and what it is used for on a board.</summary>
    public sealed class PinAssignment
    {
        public PinAssignment(int pin, PinRole role, bool hardWired, string note)
        {
            Pin = pin;
            Role = role;
            HardWired = hardWired;
            Note = note;
        }

        /// <summary>The GPIO number (the ESP32's own numbering, which nanoFramework uses).</summary>
        public int Pin { get; }

        public PinRole Role { get; }

        /// <summary>
        /// Wired on the board itself (its LED, display bus): the board's designers chose it, so a strapping
        /// pin is acceptable there. Pins the firmware author wires are never strapping pins.
        /// </summary>
        public bool HardWired { get; }

        /// <summary>Where the fact comes from or what is uncertain about it; may be null.</summary>
        public string Note { get; }
    }
}
