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
        /// Connects with the settings' wifi.ssid/wifi.password, or, when settings.json has no wifi section,
        /// with the network nanoff stored on the device (--networkdeployment), which the firmware joins by
        /// itself at boot. requiresDateTime makes the helper wait until SNTP (started by the ESP32 firmware
        /// as soon as there is an address) has set the clock: TLS and the platforms' timestamps need it.
        /// The helper stores credentials it is given in flash.
        /// </summary>
        public static bool Connect(SampleSettings settings)
        {
            string ssid = settings.OptionalText("wifi", "ssid");
            CancellationToken token = new CancellationTokenSource(60000).Token;
            bool connected;
            if (ssid == null)
            {
                Console.WriteLine("Wi-Fi: joining the network stored on the device ...");
                connected = WifiNetworkHelper.Reconnect(true, 0, token);
            }
            else
            {
                Console.WriteLine("Wi-Fi: connecting to " + ssid + " ...");
                connected = WifiNetworkHelper.ConnectDhcp(ssid, settings.Text("wifi", "password"), WifiReconnectionKind.Automatic,
                    requiresDateTime: true, token: token);
            }
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
