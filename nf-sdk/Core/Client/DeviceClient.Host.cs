using IotDevice.Dialects;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Client
{
    /// <summary>
    /// The client's side of the dialect seam: what a dialect may do (<see cref="IDialectHost"/>), and the
    /// session's hooks passed on to the dialect (<see cref="ISessionDialect"/>). Acknowledgements and
    /// timeouts of the session (<see cref="ISessionListener"/>) become the app's outcomes here, once for
    /// every dialect. All explicit, so the app sees none of it on the client; the client is the host
    /// itself rather than an object beside it, since on the device every object and field is heap.
    /// </summary>
    public sealed partial class DeviceClient : IDialectHost, ISessionDialect, ISessionListener
    {
        // Whether the session was last in Connected, to tell the dialect when that ends.
        private bool _connected;

        SessionOptions IDialectHost.Options
        {
            get { return Session.Options; }
        }

        IClock IDialectHost.Clock
        {
            get { return Session.Clock; }
        }

        DeviceClock IDialectHost.WallClock
        {
            get { return Clock; }
        }

        bool IDialectHost.IsConnected
        {
            get { return Session.IsConnected; }
        }

        HandlerRegistry IDialectHost.PropertyHandlers
        {
            get { return PropertyHandlers; }
        }

        HandlerRegistry IDialectHost.CommandHandlers
        {
            get { return CommandHandlers; }
        }

        SendResult IDialectHost.Publish(string topic, byte[] payload, int length, MqttQos qos)
        {
            return Session.Publish(topic, payload, length, qos, false, null);
        }

        SendResult IDialectHost.Announce(string topic, byte[] payload, int length, MqttQos qos)
        {
            return Session.Announce(topic, payload, length, qos);
        }

        SendResult IDialectHost.SendReport(string topic, byte[] payload, int length, MqttQos qos, long id)
        {
            PendingRequest request;
            SendResult result = Session.SendReport(topic, payload, length, qos, id, out request);
            if (request != null && qos == MqttQos.AtMostOnce)
            {
                RaiseOutcome(id, OutcomeStatus.Sent, 0, null);
            }
            return result;
        }

        SendResult IDialectHost.SendRequest(string topic, byte[] payload, int length, MqttQos qos, int replyKind, long replyId, long id)
        {
            PendingRequest request;
            return Session.SendRequest(topic, payload, length, qos, replyKind, replyId, id, out request);
        }

        long IDialectHost.NewId()
        {
            return Session.NewId();
        }

        bool IDialectHost.Complete(int replyKind, long replyId, bool accepted, int code, string message)
        {
            PendingRequest request = Session.CompleteRequest(replyKind, replyId);
            if (request == null)
            {
                return false;
            }
            RaiseOutcome(request.Id, accepted ? OutcomeStatus.Acknowledged : OutcomeStatus.Refused, code, message);
            return true;
        }

        bool IDialectHost.Schedule(System.Threading.ThreadStart work, int delayMs)
        {
            return Session.Schedule(work, delayMs);
        }

        void IDialectHost.Cancel(System.Threading.ThreadStart work)
        {
            Session.Cancel(work);
        }

        void IDialectHost.Reject(string topic, RejectReason reason, string detail)
        {
            Session.Reject(topic, reason, detail);
        }

        void IDialectHost.IgnoreEcho()
        {
            Session.IgnoreEcho();
        }

        bool IDialectHost.IsRedelivery(string topic, string requestId)
        {
            return Session.IsRedelivery(topic, requestId);
        }

        void IDialectHost.OfferUpdate(UpdateOffer offer)
        {
            RaiseUpdateOffered(offer);
        }

        void IDialectHost.SyncClock(long deviceSendTime, long serverRecvTime, long serverSendTime, long deviceRecvTime)
        {
            SyncClock(deviceSendTime, serverRecvTime, serverSendTime, deviceRecvTime);
        }

        void IDialectHost.Write(string message)
        {
            Session.Write(message);
        }

        // ----- the session's hooks, passed on to the dialect -----

        MqttConnectOptions ISessionDialect.CreateConnectOptions()
        {
            return _dialect.CreateConnectOptions();
        }

        string[] ISessionDialect.GetSubscribeFilters()
        {
            return _dialect.GetSubscribeFilters();
        }

        MqttQos ISessionDialect.GetSubscribeQos()
        {
            return _dialect.GetSubscribeQos();
        }

        void ISessionDialect.OnConnected(DeviceSession session)
        {
            _dialect.Announce();
        }

        void ISessionDialect.OnMessage(DeviceSession session, string topic, byte[] payload, bool retained)
        {
            _dialect.HandleMessage(topic, payload, retained);
        }

        void ISessionListener.RequestDelivered(PendingRequest request)
        {
            RaiseOutcome(request.Id, OutcomeStatus.Acknowledged, 0, null);
        }

        // Leaving Connected, whatever comes next (reconnect or stop).
        void ISessionListener.StateChanged(SessionState state, string detail)
        {
            bool was = _connected;
            _connected = state == SessionState.Connected;
            if (was && !_connected)
            {
                _dialect.Disconnected();
            }
        }

        void ISessionListener.RequestTimedOut(PendingRequest request)
        {
            RaiseOutcome(request.Id, OutcomeStatus.TimedOut, 0, null);
        }
    }
}
