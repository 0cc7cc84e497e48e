using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace IotDevice.IntegrationTests.Dialects.FastBee
{
    /// <summary>The credentials of one CONNECT as the gate read them off the wire.</summary>
    public sealed class ConnectAttempt
    {
        public string ClientId;
        public string Username;
        public string Password;
        public int KeepAliveSeconds;
        public bool Accepted;
        public string Verdict;
        public long ExpireTimeMs;
        public long ServerTimeMs;
    }

    /// <summary>
    /// FastBee's broker-side authentication in front of mosquitto (which cannot check FastBee passwords):
    /// a loopback TCP proxy that reads each client's CONNECT, asks the verifier, and either answers
    /// CONNACK 4 "bad user name or password" and closes (as FastBee's Netty broker does) or forwards the
    /// CONNECT to the broker and relays both ways. It can refuse everyone for a while (Blocked) and cut
    /// every relayed connection at once (SeverAll).
    /// </summary>
    public sealed class FastBeeAuthGate : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly string _brokerHost;
        private readonly int _brokerPort;
        private readonly Func<ConnectAttempt, bool> _verify;
        private readonly Thread _acceptThread;
        private readonly List<Socket> _sockets = new List<Socket>();
        private readonly List<ConnectAttempt> _attempts = new List<ConnectAttempt>();
        private volatile bool _disposed;

        public FastBeeAuthGate(string brokerHost, int brokerPort, Func<ConnectAttempt, bool> verify)
        {
            _brokerHost = brokerHost;
            _brokerPort = brokerPort;
            _verify = verify;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "fastbee gate " + Port };
            _acceptThread.Start();
        }

        public string Host => "127.0.0.1";

        public int Port { get; }

        /// <summary>While set, connections are closed at once, before any CONNECT is read.</summary>
        public volatile bool Blocked;

        public ConnectAttempt[] Attempts
        {
            get { lock (_attempts) { return _attempts.ToArray(); } }
        }

        /// <summary>Resets both sides of every relayed connection (a network failure for the device).</summary>
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
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    // Already closed.
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
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    return;
                }
                if (Blocked)
                {
                    client.Close();
                    continue;
                }
                new Thread(() => Admit(client)) { IsBackground = true, Name = "fastbee gate admit" }.Start();
            }
        }

        private void Admit(Socket client)
        {
            try
            {
                client.ReceiveTimeout = 5000;
                byte[] connect = ReadPacket(client);
                if (connect == null || connect[0] >> 4 != 1)
                {
                    client.Close();
                    return;
                }
                ConnectAttempt attempt = Parse(connect);
                attempt.Accepted = _verify(attempt);
                lock (_attempts)
                {
                    _attempts.Add(attempt);
                }
                if (!attempt.Accepted)
                {
                    client.Send(new byte[] { 0x20, 0x02, 0x00, 0x04 });
                    client.Shutdown(SocketShutdown.Both);
                    client.Close();
                    return;
                }
                var broker = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    broker.Connect(_brokerHost, _brokerPort);
                }
                catch (SocketException)
                {
                    broker.Close();
                    client.Close();
                    return;
                }
                broker.Send(connect);
                client.ReceiveTimeout = 0;
                lock (_sockets)
                {
                    _sockets.Add(client);
                    _sockets.Add(broker);
                }
                Pump(client, broker);
                Pump(broker, client);
            }
            catch (Exception e) when (e is SocketException || e is IOException || e is ObjectDisposedException)
            {
                client.Close();
            }
        }

        private static void Pump(Socket from, Socket to)
        {
            new Thread(() =>
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
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    // Severed or closed: the other pump notices on its own.
                }
            }) { IsBackground = true, Name = "fastbee gate pump" }.Start();
        }

        // One whole MQTT packet (fixed header included), or null when the client closed first.
        private static byte[] ReadPacket(Socket socket)
        {
            var packet = new MemoryStream();
            int first = ReadByte(socket);
            if (first < 0)
            {
                return null;
            }
            packet.WriteByte((byte)first);
            int length = 0;
            int multiplier = 1;
            for (int i = 0; i < 4; i++)
            {
                int digit = ReadByte(socket);
                if (digit < 0)
                {
                    return null;
                }
                packet.WriteByte((byte)digit);
                length += (digit & 0x7F) * multiplier;
                multiplier *= 128;
                if ((digit & 0x80) == 0)
                {
                    break;
                }
            }
            var body = new byte[length];
            int have = 0;
            while (have < length)
            {
                int read = socket.Receive(body, have, length - have, SocketFlags.None);
                if (read <= 0)
                {
                    return null;
                }
                have += read;
            }
            packet.Write(body, 0, length);
            return packet.ToArray();
        }

        private static int ReadByte(Socket socket)
        {
            var one = new byte[1];
            return socket.Receive(one) == 1 ? one[0] : -1;
        }

        // MQTT 3.1.1 CONNECT: protocol name, level, flags, keep-alive, then client id, will, user name, password.
        private static ConnectAttempt Parse(byte[] packet)
        {
            int pos = 1;
            while ((packet[pos] & 0x80) != 0)
            {
                pos++;
            }
            pos++;
            pos += 2 + (packet[pos] << 8 | packet[pos + 1]); // protocol name
            pos++; // level
            int flags = packet[pos++];
            var attempt = new ConnectAttempt { KeepAliveSeconds = packet[pos] << 8 | packet[pos + 1] };
            pos += 2;
            attempt.ClientId = ReadString(packet, ref pos);
            if ((flags & 0x04) != 0)
            {
                ReadString(packet, ref pos);
                ReadString(packet, ref pos);
            }
            if ((flags & 0x80) != 0)
            {
                attempt.Username = ReadString(packet, ref pos);
            }
            if ((flags & 0x40) != 0)
            {
                attempt.Password = ReadString(packet, ref pos);
            }
            return attempt;
        }

        private static string ReadString(byte[] packet, ref int pos)
        {
            int length = packet[pos] << 8 | packet[pos + 1];
            string text = Encoding.UTF8.GetString(packet, pos + 2, length);
            pos += 2 + length;
            return text;
        }
    }
}
