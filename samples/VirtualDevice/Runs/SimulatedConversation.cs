using System;
using System.Diagnostics;
using System.Threading;
using IotDevice.Platforms;
using IotDevice.Platforms.Http;
using IotDevice.Platforms.Mqtt;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.VirtualDevice.Cli;
using IotDevice.VirtualDevice.Device;
using IotDevice.VirtualDevice.Output;
using IotDevice.VirtualDevice.Profiles;

namespace IotDevice.VirtualDevice.Runs
{
    /// <summary>
    /// One dialect's whole conversation against its built-in platform simulator, over an in-process
    /// broker: connect, announce, time sync, sensor reports, the LED command and its answer, and an OTA
    /// offer downloaded with progress, verified and installed. Each step waits for the platform to see
    /// its result, bounded by the step timeout; the first step that does not complete fails the run.
    /// </summary>
    internal sealed class SimulatedConversation
    {
        private const string PlatformClientId = "platform-simulator";
        private const string PlatformHttp = "http://ota.simulator.local";

        private readonly DialectProfile _profile;
        private readonly RunSettings _settings;
        private readonly ConversationView _view;

        public SimulatedConversation(DialectProfile profile, RunSettings settings, ConversationView view)
        {
            _profile = profile;
            _settings = settings;
            _view = view;
        }

        /// <summary>True when every step completed.</summary>
        public bool Run()
        {
            var clock = Stopwatch.StartNew();
            _view.Title(_profile.Name + " — built-in platform simulator, " + _settings.Board.Name);
            // Like the real platforms, the broker does not send a device its own uplinks back.
            var broker = new MemoryBroker { DeliverToSender = false };
            broker.Authenticate = options => options.ClientId == PlatformClientId ? MqttConnectResult.Accepted : _profile.CheckLogin(options).Code;
            using var platformLink = new MemoryTransport(broker);
            if (platformLink.Connect(new MqttConnectOptions { ClientId = PlatformClientId }) != MqttConnectResult.Accepted)
            {
                _view.Failure("the platform simulator could not connect to the in-process broker: " + platformLink.LastError);
                return false;
            }
            using PlatformSimulator platform = _profile.CreatePlatform(platformLink);
            platform.Start(_settings.StepTimeoutMs);

            var files = new MemoryFileServer { ChunkSize = 4096, ChunkDelayMs = 25 };
            var image = new FirmwareImage(_profile.NewVersion, 48 * 1024);
            string url = PlatformHttp + "/firmware/" + _profile.Key + "-" + image.Version + ".bin";
            files.Publish(url, image.Content);
            if (_profile.HttpRoute != null)
            {
                files.Route(PlatformHttp + _profile.HttpRoute, query => _profile.AnswerHttp(platform, query));
            }

            using var deviceLink = new MemoryTransport(broker);
            var endpoint = new DeviceEndpoint { Host = "simulator.local", Port = 1883, Http = files, PlatformHttp = PlatformHttp };
            var session = new SessionOptions { InitialReconnectDelayMs = 200, MaxReconnectDelayMs = 2000, SubscribeTimeoutMs = 5000, RequestTimeoutMs = 5000 };
            using var device = new VirtualBoardDevice(deviceLink, _profile.CreateDialect(endpoint), files, _settings.Board, _view, session);
            long synced = 0;
            device.Client.TimeSynced += now => Interlocked.Exchange(ref synced, now);

            _view.Note("device: " + _profile.Describe() + ", firmware " + _profile.CurrentVersion);
            device.Start();
            if (!Step("connect", () => device.Client.Session.State == SessionState.Connected)
                || !Step("announce", () => platform.On(_profile.AnnounceTopic).Length > 0))
            {
                return false;
            }

            if (_profile.HasTimeSync)
            {
                _profile.RequestTime(device);
                if (!Step("time sync", () => Interlocked.Read(ref synced) != 0))
                {
                    return false;
                }
            }
            else
            {
                _view.Note(_profile.Name + " has no time-sync exchange: the device keeps the time SNTP gave it");
            }

            for (int i = 1; i <= _settings.Reports; i++)
            {
                SendResult result = device.ReportSensors();
                if (result != SendResult.Accepted)
                {
                    _view.Failure("report " + i + " was not sent: " + result);
                    return false;
                }
                if (device.Board.LastFailure != null && i == _settings.Reports)
                {
                    _view.Log("sensor failures so far: " + device.Board.FailedReads + " (last: " + device.Board.LastFailure + ")");
                }
                Thread.Sleep(_settings.IntervalMs);
            }

            _view.Note("platform: switch the LED on");
            Func<bool> answered = _profile.SendLedCommand(platform);
            if (!Step("LED command answered", answered))
            {
                return false;
            }
            _view.Note("LED is " + (device.Board.StatusLed.IsOn ? "on" : "off"));

            _view.Note("platform: offer firmware " + image.Version + " (" + image.Size + " bytes, md5 " + image.Md5 + ")");
            _profile.OfferUpdate(platform, device, image, url);
            if (!Step("OTA " + image.Version + " installed and reported", () => device.UpdateFailure != null
                || (device.UpdatedTo == image.Version && _profile.UpdateConfirmed(platform, image.Version))))
            {
                return false;
            }
            if (device.UpdateFailure != null)
            {
                _view.Failure("the update failed: " + device.UpdateFailure);
                return false;
            }

            SessionCounters counters = device.Client.Session.Counters;
            _view.Success(_profile.Name + ": conversation complete in " + clock.ElapsedMilliseconds + " ms — "
                + counters.MessagesOut + " messages sent, " + counters.MessagesIn + " received, " + counters.Rejected + " rejected, "
                + counters.Dropped + " dropped; firmware " + _profile.CurrentVersion + " → " + device.UpdatedTo);
            return true;
        }

        private bool Step(string name, Func<bool> done)
        {
            var clock = Stopwatch.StartNew();
            while (!Safe(done))
            {
                if (clock.ElapsedMilliseconds > _settings.StepTimeoutMs)
                {
                    _view.Failure(_profile.Name + ": step '" + name + "' did not complete within " + _settings.StepTimeoutMs + " ms");
                    return false;
                }
                Thread.Sleep(20);
            }
            return true;
        }

        private static bool Safe(Func<bool> condition)
        {
            try
            {
                return condition();
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
