using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace IotDevice.IntegrationTests.Support
{
    /// <summary>
    /// A loopback TCP relay in front of a broker: clients connect to <see cref="Port"/>, bytes are
    /// copied both ways, and <see cref="SeverAll"/> resets every relayed connection at once. That is a
    /// network failure as both ends see it (the broker publishes the will, the client loses its link)
    /// without touching the client's code or the broker process.
    /// </summary>
    public sealed class TcpRelay : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly string _targetHost;
        private readonly int _targetPort;
        private readonly Thread _acceptThread;
        private readonly List<Socket> _sockets = new List<Socket>();
        private volatile bool _disposed;

        public TcpRelay(string targetHost, int targetPort)
        {
            _targetHost = targetHost;
            _targetPort = targetPort;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "tcp relay " + Port };
            _acceptThread.Start();
        }

        public string Host
        {
            get { return "127.0.0.1"; }
        }

        public int Port { get; }

        /// <summary>Resets (RST, no FIN) both sides of every relayed connection.</summary>
        public void SeverAll()
        {
            Socket[] sockets;
            lock (_sockets)
            {
                sockets = _sockets.ToArray();
                _sockets.Clear();
            }

            foreach (Socket socket in sockets)
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                }
                catch (SocketException)
                {
                    // Already closed by the other side.
                }
                catch (ObjectDisposedException)
                {
                    // Already closed by a pump.
                }

                socket.Close();
            }
        }

        public void Dispose()
        {
            _disposed = true;
            _listener.Stop();
            SeverAll();
            _acceptThread.Join(2000);
        }

        private void AcceptLoop()
        {
            while (!_disposed)
            {
                Socket client;
                try
                {
                    client = _listener.AcceptSocket();
                }
                catch (SocketException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    server.Connect(_targetHost, _targetPort);
                }
                catch (SocketException)
                {
                    client.Close();
                    server.Close();
                    continue;
                }

                lock (_sockets)
                {
                    _sockets.Add(client);
                    _sockets.Add(server);
                }

                StartPump(client, server);
                StartPump(server, client);
            }
        }

        private static void StartPump(Socket from, Socket to)
        {
            var thread = new Thread(() =>
            {
                var buffer = new byte[16384];
                try
                {
                    int read;
                    while ((read = from.Receive(buffer)) > 0)
                    {
                        to.Send(buffer, 0, read, SocketFlags.None);
                    }

                    to.Shutdown(SocketShutdown.Send);
                }
                catch (SocketException)
                {
                    // Severed or closed: the other pump notices on its own.
                }
                catch (ObjectDisposedException)
                {
                    // Severed.
                }
            })
            {
                IsBackground = true,
                Name = "tcp relay pump",
            };
            thread.Start();
        }
    }
}
