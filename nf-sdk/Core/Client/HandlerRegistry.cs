using System;

namespace IotDevice.Client
{
    /// <summary>Handlers by identifier, with an optional catch-all (identifier null).</summary>
    public sealed class HandlerRegistry
    {
        private readonly IdentifierMap _handlers = new IdentifierMap();

        /// <summary>Sets the handler for <paramref name="identifier"/> (null: every identifier without its own).</summary>
        public void Set(string identifier, CommandHandler handler)
        {
            _handlers.Set(identifier, handler);
        }

        /// <summary>True when a handler (own or catch-all) exists for <paramref name="identifier"/>.</summary>
        public bool Has(string identifier)
        {
            return _handlers.Find(identifier) != null;
        }

        /// <summary>
        /// Runs the handler for the command's identifier. False when there is none; a handler that
        /// throws leaves <see cref="CommandContext.DeviceError"/> and its message in the context.
        /// </summary>
        public bool Dispatch(CommandContext command)
        {
            CommandHandler handler = (CommandHandler)_handlers.Find(command.Identifier);
            if (handler == null)
            {
                return false;
            }
            try
            {
                handler(command);
            }
            catch (Exception e)
            {
                command.Code = CommandContext.DeviceError;
                command.Message = "handler failed: " + e.Message;
            }
            return true;
        }
    }
}
