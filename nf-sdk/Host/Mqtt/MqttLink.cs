using System;
using System.IO;
using System.Net.Sockets;

namespace IotDevice.Host.Mqtt
{
    /// <summary>
    /// One open byte stream to the broker: the TCP socket and the stream read and written over it
    /// (the NetworkStream itself, or the SslStream over it).
    /// </summary>
    internal sealed class MqttLink : IDisposable
    {
        public MqttLink(Socket socket, Stream stream)
        {
            Socket = socket;
            Stream = stream;
        }

        public Socket Socket { get; }

        public Stream Stream { get; }

        /// <summary>
        /// Shuts the socket down both ways and closes it, which wakes a thread blocked reading it.
        /// Safe from any thread and more than once; the stream is left for its reader to dispose.
        /// </summary>
        public void Abort()
        {
            try
            {
                Socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception)
            {
                // Already closed or never connected: nothing to shut down.
            }

            Socket.Close();
        }

        /// <summary>Sends FIN after what was written, so the broker reads our DISCONNECT before the close.</summary>
        public void ShutdownSend()
        {
            try
            {
                Socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception)
            {
                // Already closed: the broker sees the close anyway.
            }
        }

        public void Dispose()
        {
            Abort();
            try
            {
                Stream.Dispose();
            }
            catch (Exception)
            {
                // Disposing an SslStream over a dead socket may complain; the socket is closed already.
            }
        }
    }
}
