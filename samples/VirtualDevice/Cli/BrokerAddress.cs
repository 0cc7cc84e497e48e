using System;

namespace IotDevice.VirtualDevice.Cli
{
    /// <summary>A broker given as <c>mqtt://host[:port]</c> (TCP, 1883) or <c>mqtts://host[:port]</c> (TLS, 8883).</summary>
    internal sealed class BrokerAddress
    {
        private BrokerAddress(string host, int port, bool tls)
        {
            Host = host;
            Port = port;
            UseTls = tls;
        }

        public string Host { get; }

        public int Port { get; }

        public bool UseTls { get; }

        public override string ToString() => (UseTls ? "mqtts://" : "mqtt://") + Host + ":" + Port;

        /// <summary>The address, or null with <paramref name="problem"/> saying what is wrong with the text.</summary>
        public static BrokerAddress Parse(string text, out string problem)
        {
            problem = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                problem = "the broker URL is empty; expected mqtt://host:port or mqtts://host:port";
                return null;
            }
            bool tls;
            string rest;
            if (text.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase))
            {
                tls = false;
                rest = text.Substring(7);
            }
            else if (text.StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase))
            {
                tls = true;
                rest = text.Substring(8);
            }
            else
            {
                problem = "'" + text + "' is not a broker URL: it must start with mqtt:// or mqtts://";
                return null;
            }
            rest = rest.TrimEnd('/');
            if (rest.Contains('/') || rest.Contains('@') || rest.Contains('?'))
            {
                problem = "'" + text + "' has a path, query or user part; give only mqtt(s)://host:port (credentials go in --username/--password)";
                return null;
            }
            string host = rest;
            int port = tls ? 8883 : 1883;
            int colon = rest.LastIndexOf(':');
            if (colon >= 0 && !(rest.StartsWith("[", StringComparison.Ordinal) && rest.EndsWith("]", StringComparison.Ordinal)))
            {
                host = rest.Substring(0, colon);
                string portText = rest.Substring(colon + 1);
                if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535)
                {
                    problem = "'" + portText + "' in '" + text + "' is not a TCP port (1–65535)";
                    return null;
                }
            }
            host = host.Trim('[', ']');
            if (host.Length == 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                problem = "'" + text + "' has no valid host name";
                return null;
            }
            return new BrokerAddress(host, port, tls);
        }
    }
}
