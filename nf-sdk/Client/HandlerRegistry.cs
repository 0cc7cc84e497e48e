using System;

namespace IotDevice.Client
{
    /// <summary>
    /// Handlers by identifier, with an optional catch-all (identifier null). A short array rather than a
    /// hash table: devices register a handful, and it keeps the core free of the collections package.
    /// </summary>
    public sealed class HandlerRegistry
    {
        private readonly object _sync = new object();
        private string[] _ids = new string[4];
        private CommandHandler[] _handlers = new CommandHandler[4];
        private int _count;
        private CommandHandler _fallback;

        /// <summary>Sets the handler for <paramref name="identifier"/> (null: every identifier without its own).</summary>
        public void Set(string identifier, CommandHandler handler)
        {
            lock (_sync)
            {
                if (identifier == null)
                {
                    _fallback = handler;
                    return;
                }
                for (int i = 0; i < _count; i++)
                {
                    if (_ids[i] == identifier)
                    {
                        _handlers[i] = handler;
                        return;
                    }
                }
                if (_count == _ids.Length)
                {
                    string[] ids = new string[_count * 2];
                    CommandHandler[] handlers = new CommandHandler[_count * 2];
                    Array.Copy(_ids, ids, _count);
                    Array.Copy(_handlers, handlers, _count);
                    _ids = ids;
                    _handlers = handlers;
                }
                _ids[_count] = identifier;
                _handlers[_count] = handler;
                _count++;
            }
        }

        /// <summary>True when a handler (own or catch-all) exists for <paramref name="identifier"/>.</summary>
        public bool Has(string identifier)
        {
            return Find(identifier) != null;
        }

        /// <summary>
        /// Runs the handler for the command's identifier. False when there is none; a handler that
        /// throws leaves <see cref="CommandContext.DeviceError"/> and its message in the context.
        /// </summary>
        public bool Dispatch(CommandContext command)
        {
            CommandHandler handler = Find(command.Identifier);
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

        private CommandHandler Find(string identifier)
        {
            lock (_sync)
            {
                for (int i = 0; i < _count; i++)
                {
                    if (_ids[i] == identifier)
                    {
                        return _handlers[i];
                    }
                }
                return _fallback;
            }
        }
    }
}
