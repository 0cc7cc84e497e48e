using System;
using System.Globalization;
using System.Web;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Dialects.FastBee;
using IotDevice.Platforms;
using IotDevice.Platforms.FastBee;
using IotDevice.Platforms.Http;
using IotDevice.Platforms.Login;
using IotDevice.Transport;
using IotDevice.VirtualDevice.Cli;

namespace IotDevice.VirtualDevice.Profiles
{
    /// <summary>FastBee with simple or encrypted authentication; the examples are those of docs/fastbee.md §2.2.</summary>
    internal sealed class FastBeeProfile : DialectProfile
    {
        public const string ExampleProductId = "41";
        public const string ExampleDeviceNum = "D6329VL548866";
        public const string ExampleUsername = "FastBee";
        public const string ExamplePassword = "P5FJKZJHIR82GNB2";
        public const string ExampleProductSecret = "K63C4EA3AI5TER97";

        /// <summary>Where FastBee serves its time over HTTP (ToolController.ntp).</summary>
        public const string TimePath = "/iot/tool/ntp";

        public FastBeeProfile(RunSettings settings)
            : base(settings)
        {
        }

        public override string Name => "FastBee";

        public override string Key => RunSettings.FastBee;

        public override string CurrentVersion => "1.0";

        public override string NewVersion => "1.1";

        private string ProductId => Or(Settings.ProductId, ExampleProductId);

        private string DeviceNum => Or(Settings.DeviceNum, ExampleDeviceNum);

        private string Username => Or(Settings.Username, ExampleUsername);

        private string Password => Or(Settings.Password, ExamplePassword);

        private string ProductSecret => Or(Settings.ProductSecret, ExampleProductSecret);

        public override string CheckArguments()
        {
            if (Settings.ClientId != null)
            {
                return "--client-id does not apply to FastBee: the SDK builds it as S&deviceNum&productId&userId (set --device-num, --product-id, --user-id)";
            }
            if (Settings.SignMethod != null || Settings.Timestamp != null || Settings.DeviceSecret != null)
            {
                return "--sign-method, --timestamp and --device-secret are Alink's; FastBee logs in with --password (and --encrypted, --product-secret)";
            }
            if (!Settings.Encrypted && Settings.NtpUrl != null)
            {
                return "--ntp-url is read before an encrypted login: add --encrypted";
            }
            if (Settings.Encrypted && Settings.Broker != null && Settings.NtpUrl == null)
            {
                return "--encrypted needs the platform's time: give --ntp-url http://host:port" + TimePath;
            }
            if (Settings.NtpUrl != null && !(Uri.TryCreate(Settings.NtpUrl, UriKind.Absolute, out Uri url) && (url.Scheme == "http" || url.Scheme == "https")))
            {
                return "--ntp-url '" + Settings.NtpUrl + "' is not an http(s) URL";
            }
            return null;
        }

        public override string Describe() => "product " + ProductId + ", device " + DeviceNum + ", user " + Settings.UserId + ", MQTT account " + Username
            + (Settings.Encrypted ? ", encrypted login" : ", simple login") + (Settings.AuthCode != null ? " with an authorization code" : "");

        public override string LoginsAccepted => "the simple and the encrypted password" + (string.IsNullOrEmpty(Settings.AuthCode) ? "" : ", with the authorization code");

        public override string DeviceArguments() => "--product-id " + ProductId + " --device-num " + DeviceNum + " --user-id " + Settings.UserId
            + " --username " + Username;

        public override IDeviceDialect CreateDialect(DeviceEndpoint endpoint)
        {
            var options = new FastBeeOptions
            {
                Host = endpoint.Host,
                Port = endpoint.Port,
                UseTls = endpoint.UseTls,
                CaCertificatePem = endpoint.CaPem,
                ProductId = ProductId,
                DeviceNum = DeviceNum,
                UserId = Settings.UserId,
                MqttUsername = Username,
                MqttPassword = Password,
                AuthCode = Settings.AuthCode,
                Encrypted = Settings.Encrypted,
                ProductSecret = Settings.Encrypted ? ProductSecret : null,
                NtpUrl = Settings.NtpUrl ?? (endpoint.PlatformHttp == null ? null : endpoint.PlatformHttp + TimePath),
                FirmwareVersion = double.Parse(CurrentVersion, CultureInfo.InvariantCulture),
                SummaryJson = "{\"name\":\"IotDevice virtual device\",\"chip\":\"" + Settings.Board.Name + "\"}",
                Rssi = () => -52,
            };
            return new FastBeeDialect(options, endpoint.Http);
        }

        public override PlatformSimulator CreatePlatform(IMqttTransport transport) => new FastBeePlatform(transport, ProductId, DeviceNum);

        public override LoginVerdict CheckLogin(MqttConnectOptions options) =>
            FastBeeLogin.Verdict(new FastBeeCredentials
            {
                ProductId = ProductId,
                DeviceNum = DeviceNum,
                UserId = Settings.UserId,
                Username = Username,
                MqttPassword = Password,
                ProductSecret = ProductSecret,
                AuthCode = string.IsNullOrEmpty(Settings.AuthCode) ? null : Settings.AuthCode,
            }, options, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        public override string AnnounceTopic => "/" + ProductId + "/" + DeviceNum + "/info/post";

        public override string ReportTopic => "/" + ProductId + "/" + DeviceNum + "/property/post";

        public override string HttpRoute => TimePath;

        public override string AnswerHttp(PlatformSimulator platform, string query) =>
            ((FastBeePlatform)platform).HttpTimeAnswer(HttpUtility.ParseQueryString(query ?? "")["deviceSendTime"]);

        // FastBee asks for the time itself right after info/post.
        public override void RequestTime(Device.VirtualBoardDevice device)
        {
        }

        // A property set and a command are the same to FastBee: a function/get item.
        public override Func<bool> SetProperty(PlatformSimulator platform, string identifier, string value) => CallCommand(platform, identifier, value);

        public override Func<bool> CallCommand(PlatformSimulator platform, string identifier, string parameters)
        {
            var fastBee = (FastBeePlatform)platform;
            string value = ItemValue(parameters ?? "");
            // No reply topic in FastBee: the device confirms by reporting the value now in effect.
            Func<bool> answered = ArrivesLater(fastBee, ReportTopic, m =>
                m.Text.Contains("\"id\":\"" + identifier + "\",\"value\":\"" + value + "\"", StringComparison.Ordinal));
            fastBee.SendFunction(identifier, value);
            return answered;
        }

        public override string CheckVersion(string version) =>
            double.TryParse(version, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) ? null
                : "FastBee firmware versions are decimal numbers (e.g. 1.2), not '" + version + "'";

        public override void OfferFirmware(PlatformSimulator platform, FirmwareImage image, string url)
        {
            ((FastBeePlatform)platform).PushUpgrade(double.Parse(image.Version, CultureInfo.InvariantCulture), url, image.Md5Middle16);
        }

        public override bool UpdateConfirmed(PlatformSimulator platform, string version)
        {
            var fastBee = (FastBeePlatform)platform;
            bool replied = fastBee.On(fastBee.Prefix + "upgrade/reply").Length > 0;
            PlatformMessage[] infos = fastBee.On(AnnounceTopic);
            return replied && infos.Length > 0 && infos[infos.Length - 1].Text.Contains("\"firmwareVersion\":" + version, StringComparison.Ordinal);
        }

        protected override string LedOn => "1";

        // FastBee item values are strings: a JSON string is unquoted, anything else is taken as written.
        private static string ItemValue(string text)
        {
            string trimmed = text.Trim();
            return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[trimmed.Length - 1] == '"' ? trimmed.Substring(1, trimmed.Length - 2) : trimmed;
        }
    }
}
