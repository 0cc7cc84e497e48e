using System.Net;
using IotDevice.VirtualDevice.Cli;

namespace IotDevice.VirtualDevice.Simulate
{
    /// <summary>What the simulate command line asked for, checked.</summary>
    internal sealed class SimulateSettings
    {
        /// <summary>The device the platform knows (identity and secrets).</summary>
        public RunSettings Device { get; set; }

        public string Dialect { get; set; }

        /// <summary>The address the MQTT and HTTP ports listen on.</summary>
        public IPAddress Listen { get; set; }

        public int Port { get; set; }

        public int HttpPort { get; set; }

        /// <summary>The host name or address devices reach this machine by (in URLs and hints).</summary>
        public string PublicHost { get; set; }

        /// <summary>A folder served at the root of the HTTP port, and where relative file names resolve; null: only offered files are served.</summary>
        public string FilesFolder { get; set; }

        /// <summary>Serve MQTT over TLS.</summary>
        public bool Tls { get; set; }

        /// <summary>A given certificate (PEM with <see cref="KeyFile"/>, or PKCS#12); null makes one in <see cref="TlsFolder"/>.</summary>
        public string CertificateFile { get; set; }

        public string KeyFile { get; set; }

        /// <summary>Where a made certificate and its CA are kept between runs.</summary>
        public string TlsFolder { get; set; }

        /// <summary>Commands run first (already parsed), or null.</summary>
        public PlatformCommand[] Script { get; set; }
    }
}
