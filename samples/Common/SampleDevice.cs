using System;
using System.Threading;
using IotDevice.Boards;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Device.Http;
using IotDevice.Ota.Device;
using IotDevice.Device.Transport;
using IotDevice.Ota;
using IotDevice.Session;

namespace IotDevice.Samples
{
    /// <summary>
    /// What every sample does once its dialect is configured: a DeviceClient over the M2Mqtt transport,
    /// the LED command, the OTA engine (downloads into I:\ota and verifies), and a timer that reports the
    /// board's sensors every few seconds. Everything is logged with Console.WriteLine (Debug.WriteLine
    /// vanishes from Release builds).
    /// </summary>
    public sealed class SampleDevice
    {
        private readonly PropertyReport _report;
        private Timer _timer;

        public SampleDevice(IDeviceDialect dialect, Board board, SampleSettings settings)
        {
            Board = board;
            _report = new PropertyReport(board.ValueCount);
            Client = new DeviceClient(new M2MqttTransport(), dialect);
            Client.Session.Log += Console.WriteLine;
            Client.Session.StateChanged += OnStateChanged;
            Client.TimeSynced += OnTimeSynced;
            CommandHandler led = LedCommand.For(board.StatusLed);
            Client.OnCommand(LedCommand.Identifier, led);
            Client.OnPropertySet(LedCommand.Identifier, led);

            Updates = new UpdateEngine(Client, new DeviceHttpTransport(settings.Pem(null, "downloadCaFile")),
                new FlashUpdateStore("I:\\ota", 1024 * 1024, 64 * 1024), new UpdateEngineOptions());
            Updates.InstallFirmware = Install;
        }

        public DeviceClient Client { get; }

        public Board Board { get; }

        public UpdateEngine Updates { get; }

        /// <summary>Connects in the background and reports every <paramref name="reportSeconds"/> seconds.</summary>
        public void Start(int reportSeconds)
        {
            Updates.Start();
            Client.Start();
            int period = (reportSeconds < 1 ? 30 : reportSeconds) * 1000;
            _timer = new Timer(Report, null, period, period);
        }

        private void Report(object state)
        {
            if (!Client.Session.IsConnected)
            {
                return; // QoS 0 reports made offline would only be counted as dropped
            }
            _report.Clear();
            int failed = Board.ReadSensors(_report);
            if (failed > 0)
            {
                Console.WriteLine("sensors: " + Board.LastFailure);
            }
            SendResult result = Client.ReportProperties(_report);
            Console.WriteLine("report of " + _report.Count.ToString() + " values: " + (result == SendResult.Accepted ? "sent" : "not sent (" + ((int)result).ToString() + ")"));
        }

        // Stable ESP32 firmware has no in-field update: the verified image stays in I:\ota\firmware.bin.
        // Replace this with what your product does (hand it to a co-processor, load a .pe, ...).
        private static bool Install(UpdateOffer offer, StoredUpdate image)
        {
            Console.WriteLine("firmware " + offer.Version + " downloaded and verified (" + image.Length.ToString()
                + " bytes in I:\\ota\\firmware.bin); this firmware cannot apply it: flash the new version with nanoff");
            return false;
        }

        private static void OnStateChanged(SessionState state, string detail)
        {
            string name = state == SessionState.Connected ? "connected"
                : state == SessionState.Connecting ? "connecting"
                : state == SessionState.WaitingToReconnect ? "waiting to reconnect" : "stopped";
            Console.WriteLine("MQTT: " + name + (detail != null ? " (" + detail + ")" : ""));
        }

        private static void OnTimeSynced(long unixMs)
        {
            Console.WriteLine("platform time: " + unixMs.ToString() + " ms since 1970");
        }
    }
}
