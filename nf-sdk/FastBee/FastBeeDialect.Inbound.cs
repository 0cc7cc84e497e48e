using System.Collections;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// What the platform sends. Every message is classified and read first (unknown topics and bad JSON
    /// are rejected with the reason); an empty payload is "no data" — FastBee clears retained commands and
    /// asks for info that way — and never an error.
    /// </summary>
    public sealed partial class FastBeeDialect
    {
        /// <summary>
        /// Runs on the transport's thread; handlers run here too. The session holds messages that come
        /// before this connection's info/post is out, so nothing they cause (a confirmation) can go first.
        /// </summary>
        void IDeviceDialect.HandleMessage(string topic, byte[] payload, bool retained)
        {
            TopicMatch match;
            if (Inbound.Classify(_host, _topics, topic, out match))
            {
                Handle(_host, match.Kind, topic, payload, retained);
            }
        }

        private void Handle(IDialectHost session, TopicKind kind, string topic, byte[] payload, bool retained)
        {
            switch (kind)
            {
                case TopicKind.Command:
                    OnFunction(session, topic, payload, retained);
                    break;
                case TopicKind.DeviceInfoRequest:
                    // By design an empty payload; whatever it holds, the answer is the same.
                    PublishInfo();
                    break;
                case TopicKind.NtpResponse:
                    OnTime(session, topic, payload);
                    break;
                case TopicKind.MonitorRequest:
                    OnMonitorRequest(session, topic, payload);
                    break;
                case TopicKind.OtaPush:
                case TopicKind.OtaPushLegacy:
                    OnUpdatePush(session, topic, payload);
                    break;
                default:
                    session.Reject(topic, RejectReason.UnsupportedTopic, "a FastBee topic deprecated since 2.x; not handled");
                    break;
            }
        }

        /// <summary>
        /// function/get: each item goes to the command handler of its id, else the property handler;
        /// the values now in effect (the handler's Output, or the applied value) go back on property/post.
        /// </summary>
        private void OnFunction(IDialectHost session, string topic, byte[] payload, bool retained)
        {
            JsonElement root = Inbound.ReadJson(session, topic, payload);
            if (root.Kind == JsonKind.Invalid)
            {
                return;
            }
            if (root.Kind == JsonKind.None)
            {
                session.Write("FastBee: empty function/get (a retained command cleared): no data, nothing to do");
                return;
            }
            string problem;
            int count = FastBeeItems.CheckArray(root, _options.MaxItems, out problem);
            if (count < 0)
            {
                Inbound.RejectShape(session, topic, "function/get: " + problem);
                return;
            }
            ArrayList results = new ArrayList();
            JsonArrayEnumerator items = root.EnumerateArray();
            while (items.MoveNext())
            {
                PropertyReport output = Execute(session, topic, items.Current, retained);
                if (output != null && output.Count > 0)
                {
                    results.Add(output);
                }
            }
            if (results.Count > 0)
            {
                Confirm(session, results);
            }
        }

        // One item: dispatched, its outcome logged or rejected; the values to confirm, or null.
        private PropertyReport Execute(IDialectHost session, string topic, JsonElement item, bool retained)
        {
            string id;
            JsonElement value;
            string problem;
            if (!FastBeeItems.ReadItem(item, out id, out value, out problem))
            {
                Inbound.RejectShape(session, topic, "function/get: " + problem);
                return null;
            }
            CommandContext command = new CommandContext(Dialect.FastBee, id, value, new PropertyReport(ConfirmCapacity));
            bool handled = _host.CommandHandlers.Has(id)
                ? _host.CommandHandlers.Dispatch(command)
                : _host.PropertyHandlers.Dispatch(command);
            if (!handled)
            {
                session.Reject(topic, RejectReason.NoHandler, "function/get: no command or property handler for '" + id + "'");
                return null;
            }
            if (!command.Succeeded)
            {
                session.Reject(topic, RejectReason.HandlerFailed, "function/get: '" + id + "' failed with code "
                    + command.Code.ToString() + (command.Message == null ? "" : ": " + command.Message));
            }
            else if (command.Output.Count == 0)
            {
                // Nothing said otherwise: the value asked for is the value now in effect.
                command.Output.Add(id, FastBeeItems.ValueText(value));
            }
            if (retained)
            {
                session.Write("FastBee: retained function/get '" + id + "' applied again");
            }
            return command.Output;
        }

        // Handlers may fill more than the one value they were given, up to this many.
        private const int ConfirmCapacity = 16;

        private void Confirm(IDialectHost session, ArrayList results)
        {
            lock (_send)
            {
                _writer.Reset();
                _writer.BeginArray();
                for (int i = 0; i < results.Count; i++)
                {
                    FastBeeItems.WriteAll(_writer, (PropertyReport)results[i]);
                }
                _writer.EndArray();
                Send(session, TopicKind.PropertyPost);
            }
        }

        /// <summary>ntp/get: the clock from the server's times and the device's own send time (its recorded one first).</summary>
        private void OnTime(IDialectHost session, string topic, byte[] payload)
        {
            long deviceRecv = session.Clock.NowMs;
            JsonElement root = Inbound.ReadJson(session, topic, payload);
            if (!root.Exists)
            {
                if (root.Kind == JsonKind.None)
                {
                    session.Write("FastBee: empty ntp/get: no data, nothing to do");
                }
                return;
            }
            long serverRecv;
            long serverSend;
            string problem;
            if (!FastBeeMessages.ReadServerTimes(root, out serverRecv, out serverSend, out problem))
            {
                Inbound.RejectShape(session, topic, "ntp/get: " + problem);
                return;
            }
            long deviceSend;
            if (session.Complete(NtpKey, 0, true, 0, null))
            {
                deviceSend = _ntpSentAt;
            }
            else if (!FastBeeMessages.ReadDeviceSendTime(root, out deviceSend) || deviceSend < 0 || deviceSend > deviceRecv)
            {
                Inbound.RejectShape(session, topic, "ntp/get: no request outstanding and no usable deviceSendTime");
                return;
            }
            _host.SyncClock(deviceSend, serverRecv, serverSend, deviceRecv);
        }

        /// <summary>monitor/get: start (or replace, or with count 0 stop) a series of samples on monitor/post.</summary>
        private void OnMonitorRequest(IDialectHost session, string topic, byte[] payload)
        {
            JsonElement root = Inbound.ReadJson(session, topic, payload);
            if (!root.Exists)
            {
                if (root.Kind == JsonKind.None)
                {
                    session.Write("FastBee: empty monitor/get: no data, nothing to do");
                }
                return;
            }
            int count;
            int intervalMs;
            string problem;
            if (!FastBeeMessages.ReadMonitorRequest(root, out count, out intervalMs, out problem))
            {
                Inbound.RejectShape(session, topic, "monitor/get: " + problem);
                return;
            }
            if (count > 0 && _options.Monitor == null)
            {
                session.Reject(topic, RejectReason.NoHandler, "monitor/get: no monitor source is set (FastBeeOptions.Monitor)");
                return;
            }
            _monitor.Start(count, intervalMs, session.Clock);
            session.Write(count == 0
                ? "FastBee: monitoring stopped on request"
                : "FastBee: monitoring " + count.ToString() + " samples every " + intervalMs.ToString() + " ms");
        }
    }
}
