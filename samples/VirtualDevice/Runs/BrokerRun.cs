using System;
using System.Diagnostics;
using System.Threading;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Host.Http;
using IotDevice.Host.Mqtt;
using IotDevice.Session;
using IotDevice.VirtualDevice.Cli;
using IotDevice.VirtualDevice.Device;
using IotDevice.VirtualDevice.Output;
using IotDevice.VirtualDevice.Profiles;

namespace IotDevice.VirtualDevice.Runs
{
    /// <summary>
    /// The device against a real broker or platform: connects with the given identity, reports the
    /// simulated board's sensors every interval (a fixed number of times, or until Ctrl+C), answers the
    /// LED command and takes OTA offers like the firmware would. Fails when it cannot connect in time.
    /// </summary>
    internal sealed class BrokerRun
    {
        private readonly DialectProfile _profile;
        private readonly RunSettings _settings;
        private readonly ConversationView _view;
        private readonly CancellationToken _cancel;

        public BrokerRun(DialectProfile profile, RunSettings settings, ConversationView view, CancellationToken cancel)
        {
            _profile = profile;
            _settings = settings;
            _view = view;
            _cancel = cancel;
        }

        /// <summary>True when the device connected and sent its reports; ArgumentException for settings the dialect refuses.</summary>
        public bool Run()
        {
            _view.Title(_profile.Name + " — " + _settings.Broker + ", " + _settings.Board.Name);
            using var transport = new HostMqttTransport();
            using var http = _settings.CaPem != null ? new HostHttpTransport(_settings.CaPem) : new HostHttpTransport();
            var endpoint = new DeviceEndpoint
            {
                Host = _settings.Broker.Host,
                Port = _settings.Broker.Port,
                UseTls = _settings.Broker.UseTls,
                CaPem = _settings.CaPem,
                Http = http,
            };
            IDeviceDialect dialect = _profile.CreateDialect(endpoint);
            using var device = new VirtualBoardDevice(transport, dialect, http, _settings.Board, _view, new SessionOptions());
            _view.Note("device: " + _profile.Describe() + ", firmware " + _profile.CurrentVersion);
            device.Start();

            var clock = Stopwatch.StartNew();
            while (device.Client.Session.State != SessionState.Connected)
            {
                if (_cancel.IsCancellationRequested)
                {
                    return false;
                }
                if (clock.ElapsedMilliseconds > _settings.StepTimeoutMs)
                {
                    _view.Failure("could not connect to " + _settings.Broker + " within " + _settings.StepTimeoutMs + " ms: "
                        + (transport.LastError ?? "no answer"));
                    return false;
                }
                Thread.Sleep(20);
            }
            if (_profile.HasTimeSync)
            {
                _profile.RequestTime(device);
            }

            for (int i = 1; _settings.Reports == 0 || i <= _settings.Reports; i++)
            {
                SendResult result = device.ReportSensors();
                if (result != SendResult.Accepted)
                {
                    _view.Log("report " + i + " not sent: " + result);
                }
                if (_cancel.WaitHandle.WaitOne(_settings.IntervalMs))
                {
                    break;
                }
            }
            SessionCounters counters = device.Client.Session.Counters;
            bool connected = device.Client.Session.State == SessionState.Connected;
            string summary = counters.MessagesOut + " messages sent, " + counters.MessagesIn + " received, " + counters.Rejected + " rejected, "
                + counters.Dropped + " dropped, " + counters.Disconnects + " disconnects";
            if (!connected)
            {
                _view.Failure(_profile.Name + ": the connection was lost at the end (" + summary + ")");
                return false;
            }
            _view.Success(_profile.Name + ": done — " + summary);
            return true;
        }
    }
}
