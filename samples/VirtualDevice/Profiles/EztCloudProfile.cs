using System;
using IotDevice.Client;
using IotDevice.Dialects.EztCloud;
using IotDevice.Platforms;
using IotDevice.Platforms.EztCloud;
using IotDevice.Platforms.Http;
using IotDevice.Transport;
using IotDevice.VirtualDevice.Cli;
using IotDevice.VirtualDevice.Device;

namespace IotDevice.VirtualDevice.Profiles
{
    /// <summary>EZtCloud with the device's own username (DU_…) and password.</summary>
    internal sealed class EztCloudProfile : DialectProfile
    {
        public const string ExampleUsername = "DU_JEwVTAmL3m";

        // Made up: the simulator accepts exactly this unless --password says otherwise.
        public const string ExamplePassword = "virtual-device-password";

        private const string CommandId = "7";

        private EztCloudDialect _dialect;

        public EztCloudProfile(RunSettings settings)
            : base(settings)
        {
        }

        public override string Name => "EZtCloud";

        public override string CurrentVersion => "1.0.0";

        public override string NewVersion => "1.1.0";

        private string Username => Or(Settings.Username, ExampleUsername);

        private string Password => Or(Settings.Password, ExamplePassword);

        public override string Describe() => "device user " + Username;

        public override IDeviceDialect CreateDialect(DeviceEndpoint endpoint)
        {
            _dialect = new EztCloudDialect(new EztCloudOptions
            {
                Host = endpoint.Host,
                Port = endpoint.Port,
                UseTls = endpoint.UseTls,
                CaCertificatePem = endpoint.CaPem,
                Username = Username,
                Password = Password,
                ClientId = Settings.ClientId,
                FirmwareVersion = CurrentVersion,
            });
            return _dialect;
        }

        public override PlatformSimulator CreatePlatform(IMqttTransport transport) => new EztCloudPlatform(transport, Username);

        public override MqttConnectResult CheckConnect(MqttConnectOptions options) =>
            options.Username == Username && options.Password == Password ? MqttConnectResult.Accepted : MqttConnectResult.BadUsernameOrPassword;

        public override string AnnounceTopic => "attributes/" + Username;

        public override bool HasTimeSync => false;

        public override Func<bool> SendLedCommand(PlatformSimulator platform)
        {
            ((EztCloudPlatform)platform).SendCommand("{\"method\":\"led\",\"params\":{\"on\":true},\"id\":" + CommandId + "}");
            return () => platform.WaitFor("command_reply/" + Username, m => m.Json().GetProperty("id").GetRawText() == CommandId, 0) != null;
        }

        // Poll mode: the platform holds the offer and sends otaUpgrade when the device sends otaCheck.
        public override void OfferUpdate(PlatformSimulator platform, VirtualBoardDevice device, FirmwareImage image, string url)
        {
            ((EztCloudPlatform)platform).PendingUpdateParams = EztCloudPlatform.UpdateParams(image.Version, image.Size, image.Md5, url);
            _dialect.CheckForUpdate();
        }

        public override bool UpdateConfirmed(PlatformSimulator platform) =>
            platform.WaitFor(AnnounceTopic, m => m.Json().TryGetProperty("version", out var v) && v.GetString() == NewVersion, 0) != null;
    }
}
