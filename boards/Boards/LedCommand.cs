using IotDevice.Client;
using IotDevice.Json;

namespace IotDevice.Boards
{
    /// <summary>
    /// The status-LED command every sample handles, whatever the dialect's shape:
    /// FastBee <c>[{"id":"led","value":"1"}]</c> (the value itself), Alink and EZtCloud <c>{"on":true}</c>
    /// (a parameters object), or no value / <c>{}</c> to toggle. The new state goes into the command's
    /// output as <c>led</c>, which each dialect sends back its own way.
    /// </summary>
    public static class LedCommand
    {
        /// <summary>The identifier to register: the thing-model id of the LED (property, service or method).</summary>
        public const string Identifier = SensorIds.Led;

        /// <summary>A handler bound to <paramref name="led"/>, for DeviceClient.OnCommand / OnPropertySet.</summary>
        public static CommandHandler For(IStatusLed led)
        {
            return new LedCommandHandler(led).Handle;
        }

        /// <summary>Applies the command to <paramref name="led"/>; a value that is not a switch is refused with 460.</summary>
        public static void Apply(CommandContext command, IStatusLed led)
        {
            JsonElement value = command.Value;
            if (value.Kind == JsonKind.Object)
            {
                JsonElement on = value.Get("on");
                if (!on.Exists)
                {
                    on = value.Get(SensorIds.Led);
                }
                value = on;
            }
            bool wanted;
            if (!value.Exists || value.Kind == JsonKind.None || value.Kind == JsonKind.Null)
            {
                wanted = !led.IsOn;
            }
            else if (!value.TryGetBoolean(out wanted))
            {
                command.Code = CommandContext.InvalidParameters;
                command.Message = "led expects true/false, 1/0 or on/off";
                return;
            }
            led.Set(wanted);
            command.Output.Add(SensorIds.Led, led.IsOn);
        }
    }

    // A delegate needs an instance method to carry the LED (no closures over locals are needed then).
    internal sealed class LedCommandHandler
    {
        private readonly IStatusLed _led;

        public LedCommandHandler(IStatusLed led)
        {
            _led = led;
        }

        public void Handle(CommandContext command)
        {
            LedCommand.Apply(command, _led);
        }
    }
}
