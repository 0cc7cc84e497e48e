namespace IotDevice.Dialects.EztCloud
{
    /// <summary>Data-stream handlers by full identifier (sub-levels included), with an optional catch-all (null).</summary>
    internal sealed class DataStreamRegistry
    {
        private readonly object _sync = new object();
        private string[] _ids = new string[4];
        private DataStreamHandler[] _handlers = new DataStreamHandler[4];
        private int _count;
        private DataStreamHandler _fallback;

        public void Set(string identifier, DataStreamHandler handler)
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
                    DataStreamHandler[] handlers = new DataStreamHandler[_count * 2];
                    System.Array.Copy(_ids, ids, _count);
                    System.Array.Copy(_handlers, handlers, _count);
                    _ids = ids;
                    _handlers = handlers;
                }
                _ids[_count] = identifier;
                _handlers[_count] = handler;
                _count++;
            }
        }

        /// <summary>The handler for <paramref name="identifier"/>, else the catch-all, else null.</summary>
        public DataStreamHandler Find(string identifier)
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
