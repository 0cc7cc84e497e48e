using IotDevice.Transport;

namespace IotDevice.VirtualDevice.Profiles
{
    /// <summary>Where the device connects and how it downloads: the built-in simulator or a real broker.</summary>
    internal sealed class DeviceEndpoint
    {
        public string Host { get; set; }

        public int Port { get; set; }

        public bool UseTls { get; set; }

        public string CaPem { get; set; }

        public IHttpTransport Http { get; set; }

        /// <summary>The base URL of the platform's own HTTP endpoints (FastBee's time), when the run knows it.</summary>
        public string PlatformHttp { get; set; }
    }
}
