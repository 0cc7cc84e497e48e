using IotDevice.Dialects;
using IotDevice.Session;
using IotDevice.Transport;

namespace IotDevice.Client
{
    /// <summary>
    /// The client's side of the dialect seam: what a dialect may do (<see cref="IDialectHost"/>), and the
    /// session's hooks passed on to the dialect (<see cref="ISessionDialect"/>). Acknowledgements and
    /// timeouts of the session (<see cref="ISessionListener"/>) become the app's outcomes here, once for
    /// every dialect.
    /// </summary>
    internal sealed class DialectHost : IDialectHost, ISessionDialect, ISessionListener
    {
        private readonly DeviceClient _client;
        private readonly IDeviceDialect _dialect;
        private DeviceSession _session;
        private bool _connected;

        public DialectHost(DeviceClient client, IDeviceDialect dialect)
        {
            _client = client;
            _dialect = dialect;
        }

        public void Bind(DeviceSession session)
        {
            _session = session;
        }

        public SessionOptions Options
        {
            get { return _session.Options; }
        }

        public IClock Clock
        {
            get { return _session.Clock; }
        }

        public DeviceClock WallClock
        {
            get { return _client.Clock; }
        }

        public bool IsConnected
        {
            get { return _session.IsConnected; }
        }

        public HandlerRegistry PropertyHandlers
        {
            get { return _client.PropertyHandlers; }
        }

        public HandlerRegistry CommandHandlers
        {
            get { return _client.CommandHandlers; }
        }

        public SendResult Publish(string topic, byte[] payload, int length, MqttQos qos)
        {
            return _session.Publish(topic, payload, length, qos, false, null);
        }

        public SendResult Announce(string topic, byte[] payload, int length, MqttQos qos)
        {
            return _session.Announce(topic, payload, length, qos);
        }

        public SendResult SendReport(string topic, byte[] payload, int length, MqttQos qos, long id)
        {
            PendingRequest request;
            SendResult result = _session.SendReport(topic, payload, length, qos, id, out request);
            if (request != null && qos == MqttQos.AtMostOnce)
            {
                RaiseOutcome(id, OutcomeStatus.Sent, 0, null);
            }
            return result;
        }

        public SendResult SendRequest(string topic, byte[] payload, int length, MqttQos qos, int replyKind, long replyId, long id)
        {
            PendingRequest request;
            return _session.SendRequest(topic, payload, length, qos, replyKind, replyId, id, out request);
        }

        public long NewId()
        {
            return _session.NewId();
        }

        public bool Complete(int replyKind, long replyId, bool accepted, int code, string message)
        {
            PendingRequest request = _session.CompleteRequest(replyKind, replyId);
            if (request == null)
            {
                return false;
            }
            RaiseOutcome(request.Id, accepted ? OutcomeStatus.Acknowledged : OutcomeStatus.Refused, code, message);
            return true;
        }

        public bool Schedule(System.Threading.ThreadStart work, int delayMs)
        {
            return _session.Schedule(work, delayMs);
        }

        public void Cancel(System.Threading.ThreadStart work)
        {
            _session.Cancel(work);
        }

        public void Reject(string topic, RejectReason reason, string detail)
        {
            _session.Reject(topic, reason, detail);
        }

        public void IgnoreEcho()
        {
            _session.IgnoreEcho();
        }

        public bool IsRedelivery(string topic, string requestId)
        {
            return _session.IsRedelivery(topic, requestId);
        }

        public void OfferUpdate(UpdateOffer offer)
        {
            _client.RaiseUpdateOffered(offer);
        }

        public void SyncClock(long deviceSendTime, long serverRecvTime, long serverSendTime, long deviceRecvTime)
        {
            _client.SyncClock(deviceSendTime, serverRecvTime, serverSendTime, deviceRecvTime);
        }

        public void Write(string message)
        {
            _session.Write(message);
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

        // Id 0 marks a dialect's own request (a time request after every connect): no app waits for it.
        private void RaiseOutcome(long id, OutcomeStatus status, int code, string message)
        {
            if (id != 0)
            {
                _client.RaiseOutcome(id, status, code, message);
            }
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
