using System;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Dialects.Alink;
using IotDevice.Platforms;
using IotDevice.Platforms.Alink;
using IotDevice.Platforms.Http;
using IotDevice.Platforms.Login;
using IotDevice.Transport;
using IotDevice.VirtualDevice.Cli;

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

        public override string Key => RunSettings.Alink;

        public override string CurrentVersion => "1.0.0";

        public override string NewVersion => "1.1.0";

        private string ProductKey => Or(Settings.ProductKey, ExampleProductKey);

        private string DeviceName => Or(Settings.DeviceName, ExampleDeviceName);

        private string Secret => Or(Settings.DeviceSecret, ExampleSecret);

        private AlinkSignMethod SignMethod => Settings.SignMethod ?? AlinkSignMethod.HmacSha256;

        private string Sys => "/sys/" + ProductKey + "/" + DeviceName + "/";

        public override string CheckArguments()
        {
            if (Settings.Username != null || Settings.Password != null)
            {
                return "--username/--password do not apply to Alink: the user name is deviceName&productKey and the password is signed from --device-secret";
            }
            if (Settings.Encrypted || Settings.ProductSecret != null || Settings.NtpUrl != null || Settings.AuthCode != null)
            {
                return "--encrypted, --product-secret, --ntp-url and --auth-code are FastBee's; Alink signs with --device-secret (--sign-method, --timestamp)";
            }
            if (Settings.Timestamp < 0)
            {
                return "--timestamp must be Unix milliseconds, or 0 to leave it out";
            }
            return null;
        }

        public override string Describe() => "product " + ProductKey + ", device " + DeviceName + " (password signed with "
            + AlinkSigner.MethodName(SignMethod) + (Settings.Timestamp == 0 ? ", no timestamp" : "") + ")";

        public override string LoginsAccepted => "a password signed with hmacsha256, hmacsha1 or hmacmd5, with or without a timestamp";

        public override string DeviceArguments() => "--product-key " + ProductKey + " --device-name " + DeviceName;

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
                SignMethod = SignMethod,
                Timestamp = Settings.Timestamp ?? AlinkOptions.FixedTimestamp,
                FirmwareVersion = CurrentVersion,
                ConfigOnConnect = false,
            });
        }

        public override PlatformSimulator CreatePlatform(IMqttTransport transport) => new AlinkPlatform(transport, ProductKey, DeviceName);

        public override LoginVerdict CheckLogin(MqttConnectOptions options) => AlinkLogin.Check(options, ProductKey, DeviceName, Secret);

        public override string AnnounceTopic => "/ota/device/inform/" + ProductKey + "/" + DeviceName;

        public override string ReportTopic => Sys + "thing/event/property/post";

        public override Func<bool> SetProperty(PlatformSimulator platform, string identifier, string value)
        {
            var alink = (AlinkPlatform)platform;
            string id = null;
            Func<bool> answered = ArrivesLater(alink, Sys + "thing/service/property/set_reply", m => HasId(m, id));
            id = alink.SetProperties("{" + JsonValue(identifier) + ":" + JsonValue(value) + "}");
            return answered;
        }

        public override Func<bool> CallCommand(PlatformSimulator platform, string identifier, string parameters)
        {
            var alink = (AlinkPlatform)platform;
            string id = null;
            Func<bool> answered = ArrivesLater(alink, Sys + "thing/service/" + identifier + "_reply", m => HasId(m, id));
            id = alink.CallService(identifier, parameters == null ? "{}" : JsonValue(parameters));
            return answered;
        }

        public override void OfferFirmware(PlatformSimulator platform, FirmwareImage image, string url)
        {
            var alink = (AlinkPlatform)platform;
            string data = AlinkPlatform.FirmwareData(image.Version, image.Size, image.Md5, url);
            alink.PendingFirmware = data; // also the answer to thing.ota.firmware.get
            alink.PushFirmware(data);
        }

        public override Func<bool> PushConfig(PlatformSimulator platform, FirmwareImage file, string url)
        {
            var alink = (AlinkPlatform)platform;
            string data = AlinkPlatform.ConfigOffer(file.Version, file.Size, file.Sha256, url);
            alink.ConfigData = data; // also the answer to thing.config.get
            string id = null;
            Func<bool> answered = ArrivesLater(alink, Sys + "thing/config/push_reply", m => HasId(m, id));
            id = alink.PushConfig(data);
            return answered;
        }

        // Alibaba judges success only by an inform with the new version (docs/alink.md §7.1).
        public override bool UpdateConfirmed(PlatformSimulator platform, string version) =>
            platform.WaitFor(AnnounceTopic, m => m.Json().GetProperty("params").GetProperty("version").GetString() == version, 0) != null;
    }
}
