using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// Opens the byte stream under CONNECT: DNS, TCP and, when asked, TLS pinned to the configured CA.
    /// Every step honours the connect deadline; failures come back as a result and a sentence.
    /// </summary>
    internal static class MqttLinkOpener
    {
        /// <summary>Accepted with <paramref name="link"/> set, or the failure and why.</summary>
        public static MqttConnectResult Open(MqttConnectOptions options, CancellationToken deadline, out MqttLink link, out string error)
        {
            link = null;
            X509Certificate2Collection trustedCas = null;
            if (options.UseTls)
            {
                trustedCas = ParseCas(options.CaCertificatePem, out error);
                if (trustedCas == null)
                {
                    return MqttConnectResult.InvalidOptions;
                }
            }

            string endpoint = options.Host + ":" + options.Port;
            IPAddress[] addresses;
            MqttConnectResult result = Resolve(options.Host, deadline, out addresses, out error);
            if (result != MqttConnectResult.Accepted)
            {
                return result;
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                // MQTT packets are small and latency matters more than coalescing them.
                socket.NoDelay = true;

                // A broker that stops reading must not block a sender for ever, keep-alive or not.
                socket.SendTimeout = options.ConnectTimeoutMs;
                socket.ConnectAsync(addresses, options.Port, deadline).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                socket.Close();
                if (deadline.IsCancellationRequested)
                {
                    error = "timed out connecting to " + endpoint + " (ConnectTimeoutMs " + options.ConnectTimeoutMs + ")";
                    return MqttConnectResult.Timeout;
                }

                error = "cannot connect to " + endpoint + ": " + ex.Message;
                return MqttConnectResult.NetworkError;
            }

            var network = new NetworkStream(socket, true);
            if (!options.UseTls)
            {
                link = new MqttLink(socket, network);
                error = null;
                return MqttConnectResult.Accepted;
            }

            string serverName = options.ServerName ?? options.Host;
            var check = new ServerCertificateCheck(trustedCas, serverName);
            var tls = new SslStream(network, false, check.Validate);
            var tlsOptions = new SslClientAuthenticationOptions
            {
                TargetHost = serverName,
                CertificateChainPolicy = check.Policy,
            };
            try
            {
                tls.AuthenticateAsClientAsync(tlsOptions, deadline).GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                tls.Dispose();
                socket.Close();
                if (check.Failure != null)
                {
                    error = "TLS handshake with " + endpoint + " failed: " + check.Failure;
                    return MqttConnectResult.TlsError;
                }

                if (deadline.IsCancellationRequested)
                {
                    error = "timed out in the TLS handshake with " + endpoint + " (ConnectTimeoutMs " + options.ConnectTimeoutMs + ")";
                    return MqttConnectResult.Timeout;
                }

                error = "TLS handshake with " + endpoint + " failed: " + Describe(ex);
                return ex is AuthenticationException || ex is IOException ? MqttConnectResult.TlsError : MqttConnectResult.NetworkError;
            }

            link = new MqttLink(socket, tls);
            error = null;
            return MqttConnectResult.Accepted;
        }

        private static MqttConnectResult Resolve(string host, CancellationToken deadline, out IPAddress[] addresses, out string error)
        {
            error = null;
            IPAddress literal;
            if (IPAddress.TryParse(host, out literal))
            {
                addresses = new[] { literal };
                return MqttConnectResult.Accepted;
            }

            try
            {
                addresses = Dns.GetHostAddressesAsync(host, deadline).WaitAsync(deadline).GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                addresses = null;
                if (deadline.IsCancellationRequested)
                {
                    error = "timed out resolving '" + host + "'";
                    return MqttConnectResult.Timeout;
                }

                error = "cannot resolve '" + host + "': " + ex.Message;
                return MqttConnectResult.NetworkError;
            }

            // A socket without IPv6 support cannot try IPv6 addresses at all.
            if (!Socket.OSSupportsIPv6)
            {
                var ipv4 = new List<IPAddress>();
                foreach (IPAddress address in addresses)
                {
                    if (address.AddressFamily == AddressFamily.InterNetwork)
                    {
                        ipv4.Add(address);
                    }
                }

                addresses = ipv4.ToArray();
            }

            if (addresses.Length == 0)
            {
                error = "'" + host + "' has no usable address";
                return MqttConnectResult.NetworkError;
            }

            return MqttConnectResult.Accepted;
        }

        private static X509Certificate2Collection ParseCas(string pem, out string error)
        {
            var cas = new X509Certificate2Collection();
            try
            {
                cas.ImportFromPem(pem);
            }
            catch (CryptographicException ex)
            {
                error = "invalid connect options: CaCertificatePem is not a valid PEM certificate (" + ex.Message + ")";
                return null;
            }

            if (cas.Count == 0)
            {
                error = "invalid connect options: CaCertificatePem holds no '-----BEGIN CERTIFICATE-----' block";
                return null;
            }

            error = null;
            return cas;
        }

        /// <summary>An exception message with its cause, for LastError and ConnectionLost reasons.</summary>
        public static string Describe(Exception ex)
        {
            return ex.InnerException == null || ex.Message.Contains(ex.InnerException.Message, StringComparison.Ordinal)
                ? ex.Message
                : ex.Message + " (" + ex.InnerException.Message + ")";
        }
    }
}
