using System;
using IotDevice.Client;
using IotDevice.Dialects.Alink;
using IotDevice.Platforms;
using IotDevice.Platforms.Alink;
using IotDevice.Platforms.Http;
using IotDevice.Transport;
using IotDevice.VirtualDevice.Cli;
using IotDevice.VirtualDevice.Device;

namespace IotDevice.VirtualDevice.Profiles
{
    /// <summary>Alibaba Cloud IoT (Alink JSON) with a signed password; the examples are the documentation's.</summary>
    internal sealed class AlinkProfile : DialectProfile
    {
        public const string ExampleProductKey = "a1X2bEnTest";
        public const string ExampleDeviceName = "example1";

        // A made-up secret of the platform's shape, for the simulator only.
        public const string ExampleSecret = "ga7XA6KdlEeiPXQPpRbAjOZXwG8yTest";

        public AlinkProfile(RunSettings settings)
            : base(settings)
        {
        }

        public override string Name => "Alink (Alibaba Cloud IoT)";

        public override string CurrentVersion => "1.0.0";

        public override string NewVersion => "1.1.0";

        private string ProductKey => Or(Settings.ProductKey, ExampleProductKey);

        private string DeviceName => Or(Settings.DeviceName, ExampleDeviceName);

        private string Secret => Or(Settings.DeviceSecret, ExampleSecret);

        private string Sys => "/sys/" + ProductKey + "/" + DeviceName + "/";

        public override string CheckArguments()
        {
            if (Settings.Username != null || Settings.Password != null)
            {
                return "--username/--password do not apply to Alink: the user name is deviceName&productKey and the password is signed from --device-secret";
            }
            return null;
        }

        public override string Describe() => "product " + ProductKey + ", device " + DeviceName + " (password signed with HMAC-SHA256)";

        public override IDeviceDialect CreateDialect(DeviceEndpoint endpoint)
        {
            return new AlinkDialect(new AlinkOptions
            {
                Host = endpoint.Host,
                Port = endpoint.Port,
                UseTls = endpoint.UseTls,
                CaCertificatePem = endpoint.CaPem,
                ProductKey = ProductKey,
                DeviceName = DeviceName,
                DeviceSecret = Secret,
                ClientId = Settings.ClientId,
                FirmwareVersion = CurrentVersion,
                ConfigOnConnect = false,
                RequestTimeoutMs = 5000,
            });
        }

        public override PlatformSimulator CreatePlatform(IMqttTransport transport) => new AlinkPlatform(transport, ProductKey, DeviceName);

        public override MqttConnectResult CheckConnect(MqttConnectOptions options) =>
            AlinkPlatform.CheckConnect(options, ProductKey, DeviceName, Secret, AlinkOptions.FixedTimestamp);

        public override string AnnounceTopic => "/ota/device/inform/" + ProductKey + "/" + DeviceName;

        public override Func<bool> SendLedCommand(PlatformSimulator platform)
        {
            var alink = (AlinkPlatform)platform;
            string id = alink.CallService("led", "{\"on\":true}");
            return () => alink.WaitFor(Sys + "thing/service/led_reply", m => m.Json().GetProperty("id").GetRawText().Trim('"') == id, 0) != null;
        }

        public override void OfferUpdate(PlatformSimulator platform, VirtualBoardDevice device, FirmwareImage image, string url)
        {
            ((AlinkPlatform)platform).PushFirmware(AlinkPlatform.FirmwareData(image.Version, image.Size, image.Md5, url));
        }

        // Alibaba judges success only by an inform with the new version (protocols.md §2.4.11).
        public override bool UpdateConfirmed(PlatformSimulator platform) =>
            platform.WaitFor(AnnounceTopic, m => m.Json().GetProperty("params").GetProperty("version").GetString() == NewVersion, 0) != null;
    }
}
