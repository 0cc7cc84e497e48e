using IotDevice.Client;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Config pushes whose <c>push_reply</c> waits for the app's verdict (ReportUpdate). A few slots:
    /// when full, the oldest is given up (and the caller logs it) rather than growing.
    /// </summary>
    internal sealed class ConfigPushes
    {
        private readonly object _sync = new object();
        private readonly UpdateOffer[] _offers;

        public ConfigPushes(int capacity)
        {
            _offers = new UpdateOffer[capacity];
        }

        /// <summary>Keeps <paramref name="offer"/>; returns the one given up to make room, or null.</summary>
        public UpdateOffer Add(UpdateOffer offer)
        {
            lock (_sync)
            {
                for (int i = 0; i < _offers.Length; i++)
                {
                    if (_offers[i] == null)
                    {
                        _offers[i] = offer;
                        return null;
                    }
                }
                UpdateOffer oldest = _offers[0];
                for (int i = 1; i < _offers.Length; i++)
                {
                    _offers[i - 1] = _offers[i];
                }
                _offers[_offers.Length - 1] = offer;
                return oldest;
            }
        }

        /// <summary>Removes <paramref name="offer"/> (by reference); false when it was not waiting.</summary>
        public bool Take(UpdateOffer offer)
        {
            lock (_sync)
            {
                for (int i = 0; i < _offers.Length; i++)
                {
                    if (_offers[i] == offer)
                    {
                        for (int j = i + 1; j < _offers.Length; j++)
                        {
                            _offers[j - 1] = _offers[j];
                        }
                        _offers[_offers.Length - 1] = null;
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
