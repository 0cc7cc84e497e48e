using System;
using System.Device.Gpio;
using System.Threading;
using IotDevice.Boards;
using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Session;

namespace IotDevice.Samples.Alink
{
    /// <summary>
    /// An ESP32 on Alibaba Cloud IoT (Alink JSON): Wi-Fi and time, a signed MQTT login, property posts
    /// from the board's sensors, the "led" service and property, the platform's NTP, and OTA (version
    /// inform after every connect, firmware/get, pushes) through the SDK's update engine. Every post is
    /// answered by the platform: its reply is the post's outcome.
    /// </summary>
    public static class Program
    {
        private static SampleDevice _device;

        public static void Main()
        {
            Console.WriteLine("IotDevice Alink sample");
            try
            {
                SampleSettings settings = SampleSettings.Load(SampleSettings.DefaultPath);
                if (WifiConnection.Connect(settings))
                {
                    Board board = SampleBoard.Open(settings, new GpioController());
                    AlinkOptions options = new AlinkOptions();
                    options.ProductKey = settings.Text("alink", "productKey");
                    options.DeviceName = settings.Text("alink", "deviceName");
                    options.DeviceSecret = settings.Text("alink", "deviceSecret");
                    string host = settings.OptionalText("alink", "host");
                    options.Host = host != null ? host : AlinkOptions.PublicHost(options.ProductKey, settings.Text("alink", "regionId"));
                    // TLS (port 8883) needs the CA that signs the platform's certificate, as a PEM file on I:.
                    options.UseTls = settings.Flag("alink", "tls", true);
                    options.Port = (int)settings.Number("alink", "port", options.UseTls ? 8883 : 1883);
                    options.CaCertificatePem = settings.Pem("alink", "caFile");
                    options.FirmwareVersion = "1.0.0";

                    AlinkDialect dialect = new AlinkDialect(options);
                    _device = new SampleDevice(dialect, board, settings);
                    _device.Client.Session.StateChanged += OnStateChanged;
                    _device.Client.Outcome += OnOutcome;
                    _device.Start((int)settings.Number(null, "reportSeconds", 30));
                }
            }
            catch (Exception e)
            {
                // Setting problems name the key; DeviceSecret never appears in a message.
                Console.WriteLine("error: " + e.Message);
            }
            Thread.Sleep(Timeout.Infinite);
        }

        // Alink gives its time on request: ask after every connect. Handlers run on the session's thread,
        // outside its locks, so sending from here is fine.
        private static void OnStateChanged(SessionState state, string detail)
        {
            if (state == SessionState.Connected)
            {
                _device.Client.RequestTime();
            }
        }

        // A post the platform refused (its code and message) or never answered.
        private static void OnOutcome(Outcome outcome)
        {
            if (outcome.Status == OutcomeStatus.Refused)
            {
                Console.WriteLine("post " + outcome.Id.ToString() + " refused: " + outcome.Code.ToString() + " " + outcome.Message);
            }
            else if (outcome.Status == OutcomeStatus.TimedOut)
            {
                Console.WriteLine("post " + outcome.Id.ToString() + " not answered");
            }
        }
    }
}
