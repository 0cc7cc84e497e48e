using System.Net;
using System.Net.Sockets;

namespace IotDevice.BrokerHarness
{
    /// <summary>Loopback ports nobody is listening on, so parallel runs and leftovers never collide.</summary>
    public static class FreePort
    {
        /// <summary>A port the OS just handed out on 127.0.0.1 and released again.</summary>
        public static int Next()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
