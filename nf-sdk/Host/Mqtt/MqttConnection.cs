using System;
using System.Threading;
using IotDevice.Transport;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// One MQTT session on one socket, from CONNACK to close: the send lock, the receive thread, the
    /// keep-alive and the packet ids in flight. A transport makes a new one for every Connect, so
    /// nothing left over from a dead socket can leak into the next.
    /// </summary>
    internal sealed partial class MqttConnection
    {
        /// <summary>How long Disconnect waits for a busy sender, and then for the broker to close.</summary>
        private const int DisconnectGraceMs = 1000;

        private readonly MqttLink _link;
        private readonly MqttPacketReader _reader;
        private readonly IMqttConnectionEvents _events;
        private readonly PacketIdTracker _packetIds;
        private readonly KeepAliveMonitor _keepAlive;
        private readonly Thread _receiveThread;
        private readonly object _sendLock = new object();
        private readonly object _gate = new object();

        /// <summary>Held by the receive thread while it handles one packet (handler, then PUBACK).</summary>
        private readonly object _dispatchLock = new object();
        private readonly ManualResetEventSlim _finished = new ManualResetEventSlim(false);
        private bool _ended;
        private bool _closedByUser;
        private bool _disconnectSent;
        private string _endReason;

        private MqttConnection(MqttLink link, MqttPacketReader reader, MqttConnectOptions options, bool sessionPresent, ushort lastPacketId, IMqttConnectionEvents events)
        {
            _link = link;
            _reader = reader;
            _events = events;
            _packetIds = new PacketIdTracker(lastPacketId);
            SessionPresent = sessionPresent;
            if (options.KeepAliveSeconds > 0)
            {
                _keepAlive = new KeepAliveMonitor(options.KeepAliveSeconds, TrySendPing, Fail);
            }

            _receiveThread = new Thread(ReceiveLoop)
            {
                IsBackground = true,
                Name = "MQTT receive " + options.Host + ":" + options.Port,
            };
        }

        public bool SessionPresent { get; }

        /// <summary>Neither failed nor closed; publishing is allowed.</summary>
        public bool IsOpen
        {
            get
            {
                lock (_gate)
                {
                    return !_ended;
                }
            }
        }

        /// <summary>Ended through <see cref="Close"/>: its events are no longer wanted.</summary>
        public bool ClosedByUser
        {
            get
            {
                lock (_gate)
                {
                    return _closedByUser;
                }
            }
        }

        public ushort LastPacketId
        {
            get { return _packetIds.LastId; }
        }

        /// <summary>
        /// Opens the link and exchanges CONNECT/CONNACK within the connect timeout. Returns the
        /// connection (not yet started) when accepted, otherwise null with the result and why.
        /// </summary>
        public static MqttConnection Open(MqttConnectOptions options, int maxPacketSize, ushort lastPacketId, IMqttConnectionEvents events,
            out MqttConnectResult result, out string error)
        {
            MqttLink link;
            MqttPacketReader reader;
            bool sessionPresent;
            result = MqttHandshake.Perform(options, maxPacketSize, out link, out reader, out sessionPresent, out error);
            return result == MqttConnectResult.Accepted
                ? new MqttConnection(link, reader, options, sessionPresent, lastPacketId, events)
                : null;
        }

        /// <summary>Starts the keep-alive and the receive thread; events may follow at once.</summary>
        public void Start()
        {
            if (_keepAlive != null)
            {
                _keepAlive.Start();
            }

            _receiveThread.Start();
        }

        /// <summary>Sends one PUBLISH; arguments are already validated. Returns its packet id (0 for QoS 0).</summary>
        public ushort Publish(string topic, byte[] payload, int length, MqttQos qos, bool retain)
        {
            ushort packetId = 0;
            if (qos == MqttQos.AtLeastOnce)
            {
                // Allocating fails once the connection ended, so every id handed out is reported later.
                packetId = _packetIds.AllocatePublish();
            }
            else if (!IsOpen)
            {
                throw NotConnected();
            }

            Send(MqttPacketWriter.Publish(topic, payload, length, qos, retain, packetId));
            return packetId;
        }

        /// <summary>Sends one SUBSCRIBE for all filters; arguments are already validated.</summary>
        public ushort Subscribe(string[] filters, MqttQos[] qos)
        {
            ushort packetId = _packetIds.AllocateSubscribe(filters.Length);
            Send(MqttPacketWriter.Subscribe(packetId, filters, qos));
            return packetId;
        }

        /// <summary>DISCONNECT and close, raising nothing afterwards. Bounded even if the broker stalls.</summary>
        public void Close()
        {
            lock (_gate)
            {
                if (_ended)
                {
                    return;
                }

                _ended = true;
                _closedByUser = true;
                _endReason = "disconnected by the application";
            }

            _packetIds.Close();
            if (_keepAlive != null)
            {
                _keepAlive.Dispose();
            }

            // A message being handled right now gets its PUBACK out before DISCONNECT; later ones
            // are neither raised nor acknowledged, so the broker keeps them for the next session.
            bool dispatchPaused = Monitor.TryEnter(_dispatchLock, DisconnectGraceMs);
            try
            {
                SendDisconnect();
            }
            finally
            {
                if (dispatchPaused)
                {
                    Monitor.Exit(_dispatchLock);
                }
            }

            // Half-close and let the broker close first, so it reads DISCONNECT and drops the will.
            _link.ShutdownSend();
            bool onReceiveThread = Thread.CurrentThread == _receiveThread;
            if (!onReceiveThread)
            {
                _finished.Wait(DisconnectGraceMs);
            }

            _link.Abort();
            if (!onReceiveThread)
            {
                _finished.Wait(DisconnectGraceMs);
            }
        }

        /// <summary>Waits until the receive thread has reported the end; true at once on that thread.</summary>
        public bool WaitFinished(int timeoutMs)
        {
            return Thread.CurrentThread == _receiveThread || _finished.Wait(timeoutMs);
        }

        private void SendDisconnect()
        {
            if (!Monitor.TryEnter(_sendLock, DisconnectGraceMs))
            {
                return;
            }

            try
            {
                lock (_gate)
                {
                    _disconnectSent = true;
                }

                byte[] disconnect = MqttPacketWriter.Disconnect();
                _link.Stream.Write(disconnect, 0, disconnect.Length);
                _link.Stream.Flush();
            }
            catch (Exception)
            {
                // The link is already gone; closing it is all that is left to do.
            }
            finally
            {
                Monitor.Exit(_sendLock);
            }
        }

        private static InvalidOperationException NotConnected()
        {
            return new InvalidOperationException("The MQTT transport is not connected.");
        }

        private void Send(byte[] packet)
        {
            lock (_sendLock)
            {
                WriteLocked(packet);
            }
        }

        /// <summary>For the keep-alive timer: a sender already holding the lock makes a ping needless.</summary>
        private bool TrySendPing()
        {
            if (!Monitor.TryEnter(_sendLock))
            {
                return false;
            }

            try
            {
                WriteLocked(MqttPacketWriter.PingReq());
                return true;
            }
            finally
            {
                Monitor.Exit(_sendLock);
            }
        }

        /// <summary>Writes a whole packet; a failed write ends the connection instead of throwing.</summary>
        private void WriteLocked(byte[] packet)
        {
            if (!CanWrite())
            {
                return;
            }

            try
            {
                _link.Stream.Write(packet, 0, packet.Length);
                _link.Stream.Flush();
            }
            catch (Exception ex)
            {
                Fail("connection error while sending: " + MqttLinkOpener.Describe(ex));
                return;
            }

            if (_keepAlive != null)
            {
                _keepAlive.NoteSent();
            }
        }

        /// <summary>Open, or closing by request with DISCONNECT not yet written (a last PUBACK may go out).</summary>
        private bool CanWrite()
        {
            lock (_gate)
            {
                return !_ended || (_closedByUser && !_disconnectSent);
            }
        }

        /// <summary>Ends the connection from any thread; the first reason wins. The receive thread reports it.</summary>
        private void Fail(string reason)
        {
            lock (_gate)
            {
                if (_ended)
                {
                    return;
                }

                _ended = true;
                _endReason = reason;
            }

            _packetIds.Close();
            if (_keepAlive != null)
            {
                _keepAlive.Dispose();
            }

            _link.Abort();
        }
    }
}
