using System.Collections;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// What the platform sends, routed by topic: function/get to the app's handlers (confirmed on
    /// property/post), info/get, ntp/get, monitor/get, and OTA pushes to <see cref="FastBeeUpdates"/>.
    /// Every message is classified and read first (unknown topics and bad JSON are rejected with the
    /// reason); an empty payload is "no data" — FastBee clears retained commands and asks for info that
    /// way — and never an error.
    /// </summary>
    internal sealed class FastBeeDownlinks
    {
        // Handlers may fill more than the one value they were given, up to this many.
        private const int ConfirmCapacity = 16;

        private readonly FastBeeUplinks _uplinks;
        private readonly FastBeeMonitor _monitor; // null without a monitor source
        private readonly FastBeeUpdates _updates;

        // The host and options are reached through the uplinks: fields less on the device.
        public FastBeeDownlinks(FastBeeUplinks uplinks, FastBeeMonitor monitor, FastBeeUpdates updates)
        {
            _uplinks = uplinks;
            _monitor = monitor;
            _updates = updates;
        }

        /// <summary>
        /// On the session's thread; handlers run here too. The session holds messages that come before
        /// this connection's info/post is out, so nothing they cause (a confirmation) can go first.
        /// </summary>
        public void Handle(string topic, byte[] payload, bool retained)
        {
            TopicMatch match;
            if (!Inbound.Classify(_uplinks.Host, _uplinks.Topics, topic, out match))
            {
                return;
            }
            switch (match.Kind)
            {
                case TopicKind.Command:
                    OnFunction(topic, payload, retained);
                    break;
                case TopicKind.DeviceInfoRequest:
                    // By design an empty payload; whatever it holds, the answer is the same.
                    _uplinks.Info(false);
                    break;
                case TopicKind.NtpResponse:
                    OnTime(topic, payload);
                    break;
                case TopicKind.MonitorRequest:
                    OnMonitorRequest(topic, payload);
                    break;
                case TopicKind.OtaPush:
                case TopicKind.OtaPushLegacy:
                    _updates.OnPush(topic, payload);
                    break;
                default:
                    _uplinks.Host.Reject(topic, RejectReason.UnsupportedTopic, "a FastBee topic deprecated since 2.x; not handled");
                    break;
            }
        }

        /// <summary>
        /// function/get: each item goes to the command handler of its id, else the property handler;
        /// the values now in effect (the handler's Output, or the applied value) go back on property/post.
        /// </summary>
        private void OnFunction(string topic, byte[] payload, bool retained)
        {
            JsonElement root = Read(_uplinks.Host, topic, payload, "function/get");
            if (!root.Exists)
            {
                return;
            }
            string problem;
            if (FastBeeItems.CheckArray(root, _uplinks.MaxItems, out problem) < 0)
            {
                Inbound.RejectShape(_uplinks.Host, topic, "function/get: " + problem);
                return;
            }
            ArrayList results = new ArrayList();
            JsonArrayEnumerator items = root.EnumerateArray();
            while (items.MoveNext())
            {
                PropertyReport output = Execute(topic, items.Current, retained);
                if (output != null && output.Count > 0)
                {
                    results.Add(output);
                }
            }
            if (results.Count > 0)
            {
                _uplinks.Confirm(results);
            }
        }

        // One item: dispatched, its outcome logged or rejected; the values to confirm, or null.
        private PropertyReport Execute(string topic, JsonElement item, bool retained)
        {
            string id;
            JsonElement value;
            string problem;
            if (!FastBeeItems.ReadItem(item, out id, out value, out problem))
            {
                Inbound.RejectShape(_uplinks.Host, topic, "function/get: " + problem);
                return null;
            }
            CommandContext command = new CommandContext(Dialect.FastBee, id, value, new PropertyReport(ConfirmCapacity));
            bool handled = _uplinks.Host.CommandHandlers.Has(id)
                ? _uplinks.Host.CommandHandlers.Dispatch(command)
                : _uplinks.Host.PropertyHandlers.Dispatch(command);
            if (!handled)
            {
                _uplinks.Host.Reject(topic, RejectReason.NoHandler, "function/get: no command or property handler for '" + id + "'");
                return null;
            }
            if (!command.Succeeded)
            {
                _uplinks.Host.Reject(topic, RejectReason.HandlerFailed, "function/get: '" + id + "' failed with code "
                    + command.Code.ToString() + (command.Message == null ? "" : ": " + command.Message));
            }
            else if (command.Output.Count == 0)
            {
                // Nothing said otherwise: the value asked for is the value now in effect.
                command.Output.Add(id, FastBeeItems.ValueText(value));
            }
            if (retained)
            {
                _uplinks.Host.Write("FastBee: retained function/get '" + id + "' applied again");
            }
            return command.Output;
        }

        /// <summary>ntp/get: the clock from the server's times and the device's own send time (its recorded one first).</summary>
        private void OnTime(string topic, byte[] payload)
        {
            long deviceRecv = _uplinks.Host.Clock.NowMs;
            JsonElement root = Read(_uplinks.Host, topic, payload, "ntp/get");
            if (!root.Exists)
            {
                return;
            }
            long serverRecv;
            long serverSend;
            string problem;
            if (!FastBeeMessages.ReadServerTimes(root, out serverRecv, out serverSend, out problem))
            {
                Inbound.RejectShape(_uplinks.Host, topic, "ntp/get: " + problem);
                return;
            }
            long deviceSend;
            if (_uplinks.Host.Complete(FastBeeUplinks.TimeReply, 0, true, 0, null))
            {
                deviceSend = _uplinks.TimeSentAt;
            }
            else if (!FastBeeMessages.ReadDeviceSendTime(root, out deviceSend) || deviceSend < 0 || deviceSend > deviceRecv)
            {
                Inbound.RejectShape(_uplinks.Host, topic, "ntp/get: no request outstanding and no usable deviceSendTime");
                return;
            }
            _uplinks.Host.SyncClock(deviceSend, serverRecv, serverSend, deviceRecv);
        }

        /// <summary>monitor/get: start (or replace, or with count 0 stop) a series of samples on monitor/post.</summary>
        private void OnMonitorRequest(string topic, byte[] payload)
        {
            JsonElement root = Read(_uplinks.Host, topic, payload, "monitor/get");
            if (!root.Exists)
            {
                return;
            }
            int count;
            int intervalMs;
            string problem;
            if (!FastBeeMessages.ReadMonitorRequest(root, out count, out intervalMs, out problem))
            {
                Inbound.RejectShape(_uplinks.Host, topic, "monitor/get: " + problem);
                return;
            }
            if (count > 0 && !_uplinks.HasMonitor)
            {
                _uplinks.Host.Reject(topic, RejectReason.NoHandler, "monitor/get: no monitor source is set (FastBeeOptions.Monitor)");
                return;
            }
            if (_monitor != null)
            {
                _monitor.Start(count, intervalMs);
            }
            _uplinks.Host.Write(count == 0
                ? "FastBee: monitoring stopped on request"
                : "FastBee: monitoring " + count.ToString() + " samples every " + intervalMs.ToString() + " ms");
        }

        /// <summary>
        /// The payload as JSON; Exists is false when there is nothing to do: bad JSON (rejected) or an
        /// empty payload (no data, logged).
        /// </summary>
        internal static JsonElement Read(IDialectHost host, string topic, byte[] payload, string what)
        {
            JsonElement root = Inbound.ReadJson(host, topic, payload);
            if (root.Kind == JsonKind.None)
            {
                host.Write("FastBee: empty " + what + ": no data, nothing to do");
            }
            return root;
        }
    }
}
