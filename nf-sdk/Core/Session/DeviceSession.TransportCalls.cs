using System;
using IotDevice.Transport;

namespace IotDevice.Session
{
    /// <summary>
    /// The worker's calls into the transport, made safe: whatever a transport throws where its contract
    /// promises a result (a connect that throws, a property that fails) becomes a failed call that is
    /// counted (TransportErrors) and logged, never an exception that ends the worker.
    /// </summary>
    public sealed partial class DeviceSession
    {
        private MqttConnectResult SafeConnect(MqttConnectOptions options, out string error)
        {
            MqttConnectResult result;
            try
            {
                result = _transport.Connect(options);
            }
            catch (Exception e)
            {
                TransportFault("connect", e);
                error = "the transport threw on connect: " + e.Message;
                return MqttConnectResult.NetworkError;
            }
            error = result == MqttConnectResult.Accepted ? null : TransportLastError();
            return result;
        }

        private string TransportLastError()
        {
            try
            {
                return _transport.LastError;
            }
            catch (Exception e)
            {
                TransportFault("LastError", e);
                return "unknown (the transport threw: " + e.Message + ")";
            }
        }

        private void SafeDisconnect()
        {
            try
            {
                _transport.Disconnect();
            }
            catch (InvalidOperationException)
            {
                // Already closed: nothing to tell.
            }
            catch (Exception e)
            {
                TransportFault("disconnect", e);
            }
        }

        private void TransportFault(string operation, Exception e)
        {
            Counters.Add(SessionCounters.TransportErrorCount);
            Write("the transport threw on " + operation + ": " + e.Message);
        }
    }
}
