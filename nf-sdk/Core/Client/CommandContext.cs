using IotDevice.Dialects;
using IotDevice.Json;

namespace IotDevice.Client
{
    /// <summary>
    /// A command or property change from the platform, as a handler sees it. The handler reads
    /// <see cref="Identifier"/> and <see cref="Value"/>, does the work, and fills <see cref="Output"/>
    /// (reply data, or the values now in effect) and <see cref="Code"/>. The dialect then replies in its
    /// own way: Alink and EZtCloud with a reply message, FastBee by reporting the resulting values.
    /// </summary>
    public sealed class CommandContext
    {
        /// <summary>Success, as every dialect spells it.</summary>
        public const int Ok = 200;

        /// <summary>The device failed internally (Alink 400).</summary>
        public const int DeviceError = 400;

        /// <summary>The request's parameters are not acceptable (Alink 460).</summary>
        public const int InvalidParameters = 460;

        /// <summary>The device is busy (Alink 429).</summary>
        public const int Busy = 429;

        public CommandContext(Dialect dialect, string identifier, JsonElement value, PropertyReport output)
        {
            Dialect = dialect;
            Identifier = identifier;
            Value = value;
            Output = output;
            Code = Ok;
        }

        public readonly Dialect Dialect;

        /// <summary>The property, service, function or method identifier.</summary>
        public readonly string Identifier;

        /// <summary>The new value (property set, FastBee function) or the parameters object (command).</summary>
        public readonly JsonElement Value;

        /// <summary>What the handler returns: output parameters, or the values now in effect.</summary>
        public readonly PropertyReport Output;

        /// <summary>The result code; <see cref="Ok"/> unless the handler says otherwise.</summary>
        public int Code;

        /// <summary>Optional text for the platform's log.</summary>
        public string Message;

        public bool Succeeded
        {
            get { return Code == Ok; }
        }
    }

    /// <summary>Handles one command or property change; exceptions become <see cref="CommandContext.DeviceError"/>.</summary>
    public delegate void CommandHandler(CommandContext command);
}
