using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace IotDevice.Samples
{
    /// <summary>Wi-Fi with DHCP, waiting (at most a minute) for an address and for a valid clock.</summary>
    public static class WifiConnection
    {
        /// <summary>
        /// Connects with the settings' wifi.ssid/wifi.password. requiresDateTime makes the helper wait until
        /// SNTP (started by the ESP32 firmware as soon as there is an address) has set the clock: TLS and the
        /// platforms' timestamps need it. The helper stores the credentials in flash.
        /// </summary>
        public static bool Connect(SampleSettings settings)
        {
            string ssid = settings.Text("wifi", "ssid");
            string password = settings.Text("wifi", "password");
            Console.WriteLine("Wi-Fi: connecting to " + ssid + " ...");
            bool connected = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic,
                requiresDateTime: true, token: new CancellationTokenSource(60000).Token);
            if (!connected)
            {
                // Status prints as a number on the device (enum names do not exist there).
                Console.WriteLine("Wi-Fi: not connected, helper status " + ((int)WifiNetworkHelper.Status).ToString()
                    + (WifiNetworkHelper.HelperException != null ? ": " + WifiNetworkHelper.HelperException.Message : ""));
                return false;
            }
            Console.WriteLine("Wi-Fi: connected; UTC time is " + DateTime.UtcNow.ToString());
            return true;
        }
    }
}
