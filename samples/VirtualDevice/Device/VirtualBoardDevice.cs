using System;
using System.IO;
using IotDevice.Boards;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Host.Ota;
using IotDevice.Ota;
using IotDevice.Session;
using IotDevice.Transport;
using IotDevice.VirtualDevice.Output;

namespace IotDevice.VirtualDevice.Device
{
    /// <summary>
    /// What a firmware author's app does on the ESP32, on the host: a DeviceClient over the (tapped)
    /// transport, a simulated board whose sensors fill the reports, the LED command, and the OTA engine
    /// downloading into a store in a temporary folder. Everything it does shows in the view.
    /// </summary>
    internal sealed class VirtualBoardDevice : IDisposable
    {
        private readonly FileUpdateStore _store;
        private readonly string _storeFolder;

        public VirtualBoardDevice(IMqttTransport transport, IDeviceDialect dialect, IHttpTransport http, BoardDefinition board,
            ConversationView view, SessionOptions sessionOptions)
        {
            Board = SimulatedBoard.Create(board);
            Report = new PropertyReport(Board.ValueCount);
            var tapped = new TappedTransport(transport, view.Sent, view.Received);
            Client = new DeviceClient(tapped, dialect, sessionOptions);
            Client.Session.StateChanged += (state, detail) => view.State(StateText(state) + (string.IsNullOrEmpty(detail) ? "" : " (" + detail + ")"));
            Client.Session.Log += view.Log;
            Client.TimeSynced += now => view.Note("clock set from the platform: " + DateTimeOffset.FromUnixTimeMilliseconds(now).ToString("yyyy-MM-dd HH:mm:ss.fff") + " UTC");
            Client.OnCommand(LedCommand.Identifier, LedCommand.For(Board.StatusLed));
            Client.OnPropertySet(LedCommand.Identifier, LedCommand.For(Board.StatusLed));

            _storeFolder = Path.Combine(Path.GetTempPath(), "iotdevice-virtual-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            _store = new FileUpdateStore(_storeFolder);
            Updates = new UpdateEngine(Client, http, _store, new UpdateEngineOptions
            {
                RetryDelayMs = 300,
                StallTimeoutMs = 10000,
                ConnectWaitMs = 10000,
                ProgressStepPercent = 10,
            });
            // The engine never flashes: on the ESP32 the app decides what installing means. Here it is instant.
            Updates.InstallFirmware = (offer, image) =>
            {
                view.Note("installing firmware " + offer.Version + " (" + image.Length + " bytes, verified)");
                return true;
            };
            Updates.ReceiveConfig = (offer, bytes) =>
            {
                view.Note("config " + offer.ConfigId + " received (" + bytes.Length + " bytes, verified)");
                ConfigReceived = offer.ConfigId;
                return true;
            };
            Updates.StatusChanged += (offer, status, percent, detail) =>
            {
                // The engine logs each step itself; the view adds the bar.
                if (status == UpdateStatus.Downloading)
                {
                    view.Progress("OTA " + offer.Version, percent);
                }
                if (status == UpdateStatus.Succeeded && offer.Kind == UpdateKind.Firmware)
                {
                    UpdatedTo = offer.Version;
                }
                else if (status != UpdateStatus.Downloading && status != UpdateStatus.Verified)
                {
                    UpdateFailure = UpdateText(status) + (detail == null ? "" : ": " + detail);
                }
            };
        }

        public DeviceClient Client { get; }

        public Board Board { get; }

        public PropertyReport Report { get; }

        public UpdateEngine Updates { get; }

        /// <summary>The version an update succeeded to, or null.</summary>
        public volatile string UpdatedTo;

        /// <summary>The id of the last remote config taken, or null.</summary>
        public volatile string ConfigReceived;

        /// <summary>Why an update failed, or null.</summary>
        public volatile string UpdateFailure;

        public void Start()
        {
            Updates.Start();
            Client.Start();
        }

        /// <summary>Reads the sensors into the report and sends it.</summary>
        public SendResult ReportSensors()
        {
            Report.Clear();
            Board.ReadSensors(Report);
            return Client.ReportProperties(Report);
        }

        public void Dispose()
        {
            Updates.Stop();
            Client.Stop();
            _store.Dispose();
            try
            {
                Directory.Delete(_storeFolder, true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }

        public static string StateText(SessionState state) => state switch
        {
            SessionState.Connecting => "connecting",
            SessionState.Connected => "connected (subscribed, announced)",
            SessionState.WaitingToReconnect => "waiting to reconnect",
            _ => "stopped",
        };

        public static string UpdateText(UpdateStatus status) => status switch
        {
            UpdateStatus.Downloading => "downloading",
            UpdateStatus.Verified => "downloaded and verified",
            UpdateStatus.Succeeded => "installed",
            UpdateStatus.DownloadFailed => "download failed",
            UpdateStatus.VerifyFailed => "verification failed",
            UpdateStatus.ApplyFailed => "install failed",
            _ => "failed",
        };
    }
}
