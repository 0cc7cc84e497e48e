using System;
using System.Device.Gpio;
using System.Threading;
using IotDevice.Boards;
using IotDevice.Device.Http;
using IotDevice.Ota.Device;
using IotDevice.Dialects.FastBee;

namespace IotDevice.Samples.FastBee
{
    /// <summary>
    /// An ESP32 on FastBee: Wi-Fi and time, then property reports from the board's sensors, the "led"
    /// function (function/get → property/post with the value now in effect), the platform's NTP after
    /// every connect, and OTA pushes (upgrade/get) handed to the SDK's update engine.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            Console.WriteLine("IotDevice FastBee sample");
            try
            {
                SampleSettings settings = SampleSettings.Load(SampleSettings.DefaultPath);
                if (WifiConnection.Connect(settings))
                {
                    Board board = SampleBoard.Open(settings, new GpioController());
                    FastBeeOptions options = new FastBeeOptions();
                    options.Host = settings.Text("fastbee", "host");
                    options.Port = (int)settings.Number("fastbee", "port", 1883);
                    options.UseTls = settings.Flag("fastbee", "tls", false);
                    options.CaCertificatePem = settings.Pem("fastbee", "caFile");
                    options.ProductId = settings.Text("fastbee", "productId");
                    options.DeviceNum = settings.Text("fastbee", "deviceNum");
                    options.UserId = settings.Number("fastbee", "userId", 1);
                    options.MqttUsername = settings.Text("fastbee", "mqttUsername");
                    options.MqttPassword = settings.Text("fastbee", "mqttPassword");
                    options.FirmwareVersion = 1.0;
                    options.SummaryJson = "{\"name\":\"IotDevice sample\",\"chip\":\"" + board.Definition.Name + "\"}";

                    // The HTTP transport is only used for FastBee's encrypted login (HTTP time).
                    FastBeeDialect dialect = new FastBeeDialect(options, new DeviceHttpTransport(null));
                    SampleDevice device = new SampleDevice(dialect, board, settings);
                    device.Start((int)settings.Number(null, "reportSeconds", 30));
                }
            }
            catch (Exception e)
            {
                // Setting problems name the key, never its value.
                Console.WriteLine("error: " + e.Message);
            }
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
