using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace IotDevice.IntegrationTests.Support
{
    /// <summary>A packet as the fake broker read it off the wire.</summary>
    public sealed class RawPacket
    {
        public int Type;
        public int Flags;
        public byte[] Body;
    }

    /// <summary>
    /// A scripted "broker" on a raw TcpListener, for what a real broker never sends: garbage, cut-off
    /// packets, lying lengths. Each accepted connection runs the script on a background thread; a
    /// script failure is kept for the test to assert, and every read is bounded.
    /// </summary>
    public sealed class FakeBroker : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Action<FakeBrokerConnection> _script;
        private readonly Thread _acceptThread;
        private readonly ManualResetEventSlim _scriptEnded = new ManualResetEventSlim(false);
        private int _connectionCount;
        private volatile bool _disposed;

        public FakeBroker(Action<FakeBrokerConnection> script)
        {
            _script = script;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "fake broker " + Port };
            _acceptThread.Start();
        }

        public string Host
        {
            get { return "127.0.0.1"; }
        }

        public int Port { get; }

        public int ConnectionCount
        {
            get { return Volatile.Read(ref _connectionCount); }
        }

        /// <summary>What went wrong in the last script run, if anything.</summary>
        public Exception ScriptFailure { get; private set; }

        /// <summary>Waits for a script run to end; false after the timeout.</summary>
        public bool WaitForScript(int timeoutMs = Eventually.DefaultTimeoutMs)
        {
            return _scriptEnded.Wait(timeoutMs);
        }

        public void Dispose()
        {
            _disposed = true;
            _listener.Stop();
            _acceptThread.Join(2000);
        }

        private void AcceptLoop()
        {
            while (!_disposed)
            {
                Socket socket;
                try
                {
                    socket = _listener.AcceptSocket();
                }
                catch (SocketException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _connectionCount);
                var worker = new Thread(() => Run(socket)) { IsBackground = true, Name = "fake broker connection" };
                worker.Start();
            }
        }

        private void Run(Socket socket)
        {
            try
            {
                using (var connection = new FakeBrokerConnection(socket))
                {
                    _script(connection);
                }
            }
            catch (Exception ex)
            {
                ScriptFailure = ex;
            }
            finally
            {
                _scriptEnded.Set();
            }
        }
    }

    /// <summary>One client connection to the fake broker, as the script sees it.</summary>
    public sealed class FakeBrokerConnection : IDisposable
    {
        public const int Connect = 1;
        public const int Publish = 3;
        public const int PubAck = 4;
        public const int Subscribe = 8;
        public const int PingReq = 12;
        public const int Disconnect = 14;

        private const int ReadTimeoutMs = 5000;

        private readonly Socket _socket;
        private readonly NetworkStream _stream;

        public FakeBrokerConnection(Socket socket)
        {
            _socket = socket;
            _socket.ReceiveTimeout = ReadTimeoutMs;
            _stream = new NetworkStream(socket, true);
        }

        /// <summary>Reads CONNECT and answers with an accepting CONNACK.</summary>
        public void AcceptConnect()
        {
            Expect(Connect);
            Send(0x20, 0x02, 0x00, 0x00);
        }

        /// <summary>Reads a SUBSCRIBE of one filter and grants it QoS 1; returns the SUBSCRIBE.</summary>
        public RawPacket AcceptSubscribe()
        {
            RawPacket subscribe = Expect(Subscribe);
            Send(0x90, 0x03, subscribe.Body[0], subscribe.Body[1], 0x01);
            return subscribe;
        }

        /// <summary>Sends a PUBLISH at QoS 0 (packet id 0) or 1.</summary>
        public void SendPublish(string topic, byte[] payload, ushort packetId, bool duplicate = false)
        {
            byte[] topicBytes = System.Text.Encoding.UTF8.GetBytes(topic);
            int idBytes = packetId == 0 ? 0 : 2;
            int remaining = 2 + topicBytes.Length + idBytes + payload.Length;
            var packet = new MemoryStream();
            packet.WriteByte((byte)(0x30 | (packetId == 0 ? 0 : 0x02) | (duplicate ? 0x08 : 0)));
            do
            {
                int digit = remaining % 128;
                remaining /= 128;
                packet.WriteByte((byte)(remaining > 0 ? digit | 0x80 : digit));
            }
            while (remaining > 0);
            packet.WriteByte((byte)(topicBytes.Length >> 8));
            packet.WriteByte((byte)topicBytes.Length);
            packet.Write(topicBytes, 0, topicBytes.Length);
            if (packetId != 0)
            {
                packet.WriteByte((byte)(packetId >> 8));
                packet.WriteByte((byte)packetId);
            }

            packet.Write(payload, 0, payload.Length);
            Send(packet.ToArray());
        }

        /// <summary>Reads packets until the PUBACK of <paramref name="packetId"/>, skipping others (the client's own publishes).</summary>
        public void ExpectPubAck(ushort packetId)
        {
            while (true)
            {
                RawPacket packet = ReadPacket();
                if (packet == null)
                {
                    throw new InvalidOperationException("The client closed the connection; expected the PUBACK of " + packetId + ".");
                }

                if (packet.Type == PubAck && ((packet.Body[0] << 8) | packet.Body[1]) == packetId)
                {
                    return;
                }
            }
        }

        /// <summary>Reads the next packet and checks its type.</summary>
        public RawPacket Expect(int type)
        {
            RawPacket packet = ReadPacket();
            if (packet == null)
            {
                throw new InvalidOperationException("The client closed the connection; expected packet type " + type + ".");
            }

            if (packet.Type != type)
            {
                throw new InvalidOperationException("Expected packet type " + type + ", received " + packet.Type + ".");
            }

            return packet;
        }

        /// <summary>The next whole packet, or null when the client closed the connection.</summary>
        public RawPacket ReadPacket()
        {
            int first = _stream.ReadByte();
            if (first < 0)
            {
                return null;
            }

            int length = 0;
            int multiplier = 1;
            for (int i = 0; i < 4; i++)
            {
                int digit = _stream.ReadByte();
                if (digit < 0)
                {
                    throw new EndOfStreamException("The client closed the connection inside a fixed header.");
                }

                length += (digit & 0x7F) * multiplier;
                multiplier *= 128;
                if ((digit & 0x80) == 0)
                {
                    break;
                }
            }

            var body = new byte[length];
            _stream.ReadExactly(body, 0, length);
            return new RawPacket { Type = first >> 4, Flags = first & 0x0F, Body = body };
        }

        /// <summary>Waits (bounded) until the client closes its side; true when it did.</summary>
        public bool WaitForClientClose()
        {
            try
            {
                while (ReadPacket() != null)
                {
                }

                return true;
            }
            catch (IOException)
            {
                // A reset counts as closed; a read timeout does not.
                return !_socket.Connected || _socket.Poll(0, SelectMode.SelectRead);
            }
        }

        public void Send(params byte[] bytes)
        {
            _stream.Write(bytes, 0, bytes.Length);
            _stream.Flush();
        }

        public void Dispose()
        {
            _stream.Dispose();
        }
    }
}
