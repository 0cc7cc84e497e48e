using System;
using System.Threading;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Dialects.EztCloud;
using IotDevice.Platforms;
using IotDevice.Platforms.EztCloud;
using IotDevice.Platforms.Http;
using IotDevice.Platforms.Login;
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

        private EztCloudDialect _dialect;
        private int _nextCommandId = 6;

        public EztCloudProfile(RunSettings settings)
            : base(settings)
        {
        }

        public override string Name => "EZtCloud";

        public override string Key => RunSettings.EztCloud;

        public override string CurrentVersion => "1.0.0";

        public override string NewVersion => "1.1.0";

        private string Username => Or(Settings.Username, ExampleUsername);

        private string Password => Or(Settings.Password, ExamplePassword);

        public override string CheckArguments() =>
            Settings.SignMethod != null || Settings.Timestamp != null || Settings.DeviceSecret != null || Settings.Encrypted
            || Settings.ProductSecret != null || Settings.NtpUrl != null || Settings.AuthCode != null
                ? "EZtCloud logs in with --username and --password only (the other login options are Alink's and FastBee's)"
                : null;

        public override string Describe() => "device user " + Username;

        public override string LoginsAccepted => "its password, any client id";

        public override string DeviceArguments() => "--username " + Username;

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

        public override LoginVerdict CheckLogin(MqttConnectOptions options) => EztCloudLogin.Check(options, Username, Password);

        // EMQX keys sessions by client id: the documents say nothing of one connection per device user.
        public override bool OneConnectionPerDevice => false;

        public override string AnnounceTopic => "attributes/" + Username;

        public override string ReportTopic => "attributes/" + Username;

        public override bool HasTimeSync => false;

        // attributes_push has no reply: the device confirms by reporting the attribute.
        public override Func<bool> SetProperty(PlatformSimulator platform, string identifier, string value)
        {
            var ezt = (EztCloudPlatform)platform;
            Func<bool> answered = ArrivesLater(ezt, ReportTopic, m => m.Json().TryGetProperty(identifier, out _));
            ezt.PushAttributes("{" + JsonValue(identifier) + ":" + JsonValue(value) + "}");
            return answered;
        }

        public override Func<bool> CallCommand(PlatformSimulator platform, string identifier, string parameters)
        {
            var ezt = (EztCloudPlatform)platform;
            string id = NextCommandId();
            Func<bool> answered = ArrivesLater(ezt, "command_reply/" + Username, m => HasId(m, id));
            ezt.SendCommand("{\"method\":" + JsonValue(identifier) + ",\"params\":" + (parameters == null ? "{}" : JsonValue(parameters)) + ",\"id\":" + id + "}");
            return answered;
        }

        // Push mode: the platform sends otaUpgrade now, and keeps the offer for the device's next otaCheck.
        public override void OfferFirmware(PlatformSimulator platform, FirmwareImage image, string url)
        {
            var ezt = (EztCloudPlatform)platform;
            string offer = EztCloudPlatform.UpdateParams(image.Version, image.Size, image.Md5, url);
            ezt.PendingUpdateParams = offer;
            ezt.SendCommand("{\"method\":\"otaUpgrade\",\"params\":" + offer + ",\"command_name\":\"OTA升级\",\"id\":" + NextCommandId() + "}");
        }

        // Poll mode in the built-in conversation: the platform holds the offer until the device sends otaCheck.
        public override void OfferUpdate(PlatformSimulator platform, VirtualBoardDevice device, FirmwareImage image, string url)
        {
            ((EztCloudPlatform)platform).PendingUpdateParams = EztCloudPlatform.UpdateParams(image.Version, image.Size, image.Md5, url);
            _dialect.CheckForUpdate();
        }

        public override bool UpdateConfirmed(PlatformSimulator platform, string version) =>
            platform.WaitFor(AnnounceTopic, m => m.Json().TryGetProperty("version", out var v) && v.GetString() == version, 0) != null;

        private string NextCommandId() => Interlocked.Increment(ref _nextCommandId).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
