using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IotDevice.Platforms;
using IotDevice.Platforms.Endpoint;
using IotDevice.Platforms.Http;
using IotDevice.VirtualDevice.Output;
using IotDevice.VirtualDevice.Profiles;

namespace IotDevice.VirtualDevice.Simulate
{
    /// <summary>
    /// A dialect's platform on this machine for real devices: the embedded broker on the MQTT port
    /// (checking logins as the platform does), the dialect's platform simulator inside it, and the
    /// download server (files and the platform's HTTP endpoints) on the HTTP port. Everything either side
    /// says shows in the transcript: ← what the platform received, → what it sent.
    /// </summary>
    internal sealed class LocalPlatform : IDisposable
    {
        private readonly DialectProfile _profile;
        private readonly SimulateSettings _settings;
        private readonly ConversationView _view;
        private EmbeddedBroker _broker;
        private FileHttpServer _http;
        private PlatformSimulator _simulator;

        public LocalPlatform(DialectProfile profile, SimulateSettings settings, ConversationView view)
        {
            _profile = profile;
            _settings = settings;
            _view = view;
        }

        public PlatformSimulator Simulator => _simulator;

        /// <summary>Devices connected now.</summary>
        public int Devices => _broker?.ConnectedClients ?? 0;

        /// <summary>The CA file devices must trust (TLS with a made certificate), or null.</summary>
        public string CaFile { get; private set; }

        public string MqttUrl => (_settings.Tls ? "mqtts://" : "mqtt://") + Host(_settings.PublicHost) + ":" + _settings.Port;

        public string HttpUrl => _http.UrlOf("/");

        /// <summary>Opens both ports; null when it runs, otherwise why it cannot.</summary>
        public string Start()
        {
            X509Certificate2 certificate = null;
            if (_settings.Tls)
            {
                try
                {
                    if (_settings.CertificateFile != null)
                    {
                        certificate = ServerCertificates.Load(_settings.CertificateFile, _settings.KeyFile);
                    }
                    else
                    {
                        certificate = ServerCertificates.Ensure(_settings.TlsFolder, CertificateNames(), out string caFile);
                        CaFile = caFile;
                    }
                }
                catch (Exception e) when (e is CryptographicException || e is IOException || e is UnauthorizedAccessException)
                {
                    return "the TLS certificate cannot be used: " + e.Message;
                }
            }
            _broker = new EmbeddedBroker(_settings.Listen, _settings.Port, certificate);
            _broker.Authenticate = _profile.CheckLogin;
            _broker.OneConnectionPerDevice = _profile.OneConnectionPerDevice;
            _broker.Replaced += (old, current) => _view.State("device " + old + " is closed: the device logged in again as " + current);
            _broker.Connecting += OnConnecting;
            _broker.Disconnected += (clientId, reason) => _view.State("device " + clientId + " disconnected (" + reason + ")");
            _broker.Subscribed += (clientId, filter) => _view.Log(clientId + " subscribed " + filter);
            _broker.Published += (clientId, topic, payload) => _view.Received(topic, payload);
            _simulator = _profile.CreatePlatform(_broker.Platform);
            _simulator.Sent += message => _view.Sent(message.Topic, message.Payload, message.Payload.Length);

            _http = new FileHttpServer(_settings.Listen, _settings.HttpPort, _settings.FilesFolder, _settings.PublicHost);
            _http.Served += OnServed;
            if (_profile.HttpRoute != null)
            {
                _http.Route(_profile.HttpRoute, query => _profile.AnswerHttp(_simulator, query));
            }
            try
            {
                _broker.Start();
                _simulator.Start();
                _http.Start();
            }
            catch (InvalidOperationException e)
            {
                return e.Message;
            }
            return null;
        }

        /// <summary>Serves <paramref name="file"/> under <c>/{kind}/{name}</c> and returns the URL devices download it from.</summary>
        public string Offer(string kind, string file)
        {
            string path = "/" + kind + "/" + Uri.EscapeDataString(Path.GetFileName(file));
            _http.Offer(Uri.UnescapeDataString(path), file);
            return _http.UrlOf(path);
        }

        public void Dispose()
        {
            _simulator?.Dispose();
            _broker?.Dispose();
            _http?.Dispose();
        }

        private void OnConnecting(ConnectAttempt attempt)
        {
            string who = "device " + attempt.ClientId + " from " + attempt.Remote + (attempt.Tls ? " over TLS" : "");
            if (attempt.Verdict.Accepted)
            {
                _view.State(who + ": login " + attempt.Verdict);
            }
            else
            {
                _view.Failure(who + ": login " + attempt.Verdict);
            }
        }

        private void OnServed(HttpExchange exchange)
        {
            _view.Log("HTTP " + exchange.Method + " " + exchange.PathAndQuery + (exchange.Range == null ? "" : " (" + exchange.Range + ")")
                + " → " + exchange.Status + ", " + exchange.Bytes + " bytes" + (exchange.Problem == null ? "" : "; " + exchange.Problem));
        }

        // The names a device may use for this machine: the public host, loopback, and the machine's name.
        private IEnumerable<string> CertificateNames()
        {
            yield return _settings.PublicHost;
            yield return "localhost";
            yield return IPAddress.Loopback.ToString();
            yield return Dns.GetHostName();
        }

        private static string Host(string host) => host.Contains(':') ? "[" + host + "]" : host;
    }
}
