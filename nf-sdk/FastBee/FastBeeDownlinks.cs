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
    internal static class FastBeeDownlinks
    {
        // Handlers may fill more than the one value they were given, up to this many.
        private const int ConfirmCapacity = 16;

        /// <summary>
        /// On the session's thread; handlers run here too. The session holds messages that come before
        /// this connection's info/post is out, so nothing they cause (a confirmation) can go first.
        /// <paramref name="monitor"/> is null without a monitor source.
        /// </summary>
        public static void HandleMessage(FastBeeUplinks uplinks, FastBeeMonitor monitor, string topic, byte[] payload, bool retained)
        {
            IDialectHost host = uplinks.Host;
            TopicMatch match;
            if (!Inbound.Classify(host, uplinks.Topics, topic, out match))
            {
                return;
            }
            switch (match.Kind)
            {
                case TopicKind.Command:
                    OnFunction(uplinks, topic, payload, retained);
                    break;
                case TopicKind.DeviceInfoRequest:
                    // By design an empty payload; whatever it holds, the answer is the same.
                    uplinks.Info(false);
                    break;
                case TopicKind.NtpResponse:
                    OnTime(uplinks, topic, payload);
                    break;
                case TopicKind.MonitorRequest:
                    OnMonitorRequest(uplinks, monitor, topic, payload);
                    break;
                case TopicKind.OtaPush:
                case TopicKind.OtaPushLegacy:
                    FastBeeUpdates.OnPush(uplinks, topic, payload);
                    break;
                default:
                    host.Reject(topic, RejectReason.UnsupportedTopic, "a FastBee topic deprecated since 2.x; not handled");
                    break;
            }
        }

        /// <summary>
        /// function/get: each item goes to the command handler of its id, else the property handler;
        /// the values now in effect (the handler's Output, or the applied value) go back on property/post.
        /// </summary>
        private static void OnFunction(FastBeeUplinks uplinks, string topic, byte[] payload, bool retained)
        {
            IDialectHost host = uplinks.Host;
            JsonElement root = Read(host, topic, payload, "function/get");
            if (!root.Exists)
            {
                return;
            }
            string problem;
            int count = FastBeeItems.CheckArray(root, uplinks.MaxItems, out problem);
            if (count < 0)
            {
                Inbound.RejectShape(host, topic, "function/get: " + problem);
                return;
            }
            PropertyReport[] results = new PropertyReport[count];
            int confirmed = 0;
            JsonArrayEnumerator items = root.EnumerateArray();
            while (items.MoveNext())
            {
                PropertyReport output = Execute(uplinks, topic, items.Current, retained);
                if (output != null && output.Count > 0)
                {
                    results[confirmed++] = output;
                }
            }
            if (confirmed > 0)
            {
                uplinks.Confirm(results, confirmed);
            }
        }

        // One item: dispatched, its outcome logged or rejected; the values to confirm, or null.
        private static PropertyReport Execute(FastBeeUplinks uplinks, string topic, JsonElement item, bool retained)
        {
            IDialectHost host = uplinks.Host;
            string id;
            JsonElement value;
            string problem;
            if (!FastBeeItems.ReadItem(item, out id, out value, out problem))
            {
                Inbound.RejectShape(host, topic, "function/get: " + problem);
                return null;
            }
            CommandContext command = new CommandContext(Dialect.FastBee, id, value, new PropertyReport(ConfirmCapacity));
            bool handled = host.CommandHandlers.Has(id)
                ? host.CommandHandlers.Dispatch(command)
                : host.PropertyHandlers.Dispatch(command);
            if (!handled)
            {
                host.Reject(topic, RejectReason.NoHandler, "function/get: no command or property handler for '" + id + "'");
                return null;
            }
            if (!command.Succeeded)
            {
                host.Reject(topic, RejectReason.HandlerFailed, "function/get: '" + id + "' failed with code "
                    + command.Code.ToString() + (command.Message == null ? "" : ": " + command.Message));
            }
            else if (command.Output.Count == 0)
            {
                // Nothing said otherwise: the value asked for is the value now in effect.
                command.Output.Add(id, value.GetString());
            }
            if (retained)
            {
                host.Write("retained function/get '" + id + "' applied again");
            }
            return command.Output;
        }

        /// <summary>ntp/get: the clock from the server's times and the device's own send time (its recorded one first).</summary>
        private static void OnTime(FastBeeUplinks uplinks, string topic, byte[] payload)
        {
            IDialectHost host = uplinks.Host;
            long deviceRecv = host.Clock.NowMs;
            JsonElement root = Read(host, topic, payload, "ntp/get");
            if (!root.Exists)
            {
                return;
            }
            long serverRecv;
            long serverSend;
            string problem;
            if (!FastBeeMessages.ReadServerTimes(root, out serverRecv, out serverSend, out problem))
            {
                Inbound.RejectShape(host, topic, "ntp/get: " + problem);
                return;
            }
            long deviceSend;
            if (host.Complete(FastBeeUplinks.TimeReply, 0, true, 0, null))
            {
                deviceSend = uplinks.TimeSentAt;
            }
            else if (!root.TryGetInt64("deviceSendTime", out deviceSend) || deviceSend < 0 || deviceSend > deviceRecv)
            {
                Inbound.RejectShape(host, topic, "ntp/get: no request outstanding and no usable deviceSendTime");
                return;
            }
            host.SyncClock(deviceSend, serverRecv, serverSend, deviceRecv);
        }

        /// <summary>monitor/get: start (or replace, or with count 0 stop) a series of samples on monitor/post.</summary>
        private static void OnMonitorRequest(FastBeeUplinks uplinks, FastBeeMonitor monitor, string topic, byte[] payload)
        {
            IDialectHost host = uplinks.Host;
            JsonElement root = Read(host, topic, payload, "monitor/get");
            if (!root.Exists)
            {
                return;
            }
            int count;
            int intervalMs;
            string problem;
            if (!FastBeeMessages.ReadMonitorRequest(root, out count, out intervalMs, out problem))
            {
                Inbound.RejectShape(host, topic, "monitor/get: " + problem);
                return;
            }
            if (count > 0 && monitor == null)
            {
                host.Reject(topic, RejectReason.NoHandler, "monitor/get: no monitor source is set (FastBeeOptions.Monitor)");
                return;
            }
            if (monitor != null)
            {
                monitor.Start(count, intervalMs);
            }
            host.Write(count == 0
                ? "monitoring stopped on request"
                : "monitoring " + count.ToString() + " samples every " + intervalMs.ToString() + " ms");
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
                host.Write("empty " + what + ": no data, nothing to do");
            }
            return root;
        }
    }
}
