using System;

namespace IotDevice.Client
{
    /// <summary>Handlers by identifier, with an optional catch-all (identifier null).</summary>
    public sealed class HandlerRegistry
    {
        // Kept as the map's array itself (see IdentifierMap), not a map object: a field and an object less.
        private object[] _handlers;

        /// <summary>Sets the handler for <paramref name="identifier"/> (null: every identifier without its own).</summary>
        public void Set(string identifier, CommandHandler handler)
        {
            lock (IdentifierMap.Lock)
            {
                _handlers = IdentifierMap.With(_handlers, identifier, handler);
            }
        }

        /// <summary>True when a handler (own or catch-all) exists for <paramref name="identifier"/>.</summary>
        public bool Has(string identifier)
        {
            return IdentifierMap.Find(_handlers, identifier) != null;
        }

        /// <summary>
        /// Runs the handler for the command's identifier. False when there is none; a handler that
        /// throws leaves <see cref="CommandContext.DeviceError"/> and its message in the context.
        /// </summary>
        public bool Dispatch(CommandContext command)
        {
            CommandHandler handler = (CommandHandler)IdentifierMap.Find(_handlers, command.Identifier);
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
