using System;
using System.Device.Gpio;
using System.Threading;
using IotDevice.Boards;
using IotDevice.Dialects.EztCloud;

namespace IotDevice.Samples.EztCloud
{
    /// <summary>
    /// An ESP32 on EZtCloud: Wi-Fi and time, attribute reports from the board's sensors, the "led"
    /// command (command_send → command_reply), and OTA (version attribute and otaCheck after every
    /// connect, otaUpgrade commands) through the SDK's update engine. EZtCloud has no time exchange: the
    /// device keeps the time SNTP gave it.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            Console.WriteLine("IotDevice EZtCloud sample");
            try
            {
                SampleSettings settings = SampleSettings.Load(SampleSettings.DefaultPath);
                if (WifiConnection.Connect(settings))
                {
                    Board board = SampleBoard.Open(settings, new GpioController());
                    EztCloudOptions options = new EztCloudOptions();
                    string host = settings.OptionalText("eztcloud", "host");
                    if (host != null)
                    {
                        options.Host = host;
                    }
                    options.UseTls = settings.Flag("eztcloud", "tls", false);
                    options.Port = (int)settings.Number("eztcloud", "port", 0);
                    options.CaCertificatePem = settings.Pem("eztcloud", "caFile");
                    options.Username = settings.Text("eztcloud", "username");
                    options.Password = settings.Text("eztcloud", "password");
                    options.FirmwareVersion = "1.0.0";
                    // The platform ignores reports closer than about a second: merge faster ones.
                    options.MinReportIntervalMs = 1000;
                    // On when the device type answers reports ("cloud responses"): outcomes then say what the platform did.
                    options.ResponsesEnabled = settings.Flag("eztcloud", "responses", false);

                    EztCloudDialect dialect = new EztCloudDialect(options);
                    SampleDevice device = new SampleDevice(dialect, board, settings);
                    device.Start((int)settings.Number(null, "reportSeconds", 30));
                }
            }
            catch (Exception e)
            {
                // Setting problems name the key; the password never appears in a message.
                Console.WriteLine("error: " + e.Message);
            }
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
