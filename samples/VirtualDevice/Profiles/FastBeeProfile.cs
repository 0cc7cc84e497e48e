using System;
using System.Globalization;
using IotDevice.Client;
using IotDevice.Dialects.FastBee;
using IotDevice.Platforms;
using IotDevice.Platforms.FastBee;
using IotDevice.Platforms.Http;
using IotDevice.Transport;
using IotDevice.VirtualDevice.Cli;
using IotDevice.VirtualDevice.Device;

namespace IotDevice.VirtualDevice.Profiles
{
    /// <summary>FastBee with simple authentication; the examples are protocols.md §1's.</summary>
    internal sealed class FastBeeProfile : DialectProfile
    {
        public const string ExampleProductId = "41";
        public const string ExampleDeviceNum = "D6329VL548866";
        public const string ExampleUsername = "FastBee";
        public const string ExamplePassword = "P5FJKZJHIR82GNB2";

        private long _commandSentAt;

        public FastBeeProfile(RunSettings settings)
            : base(settings)
        {
        }

        public override string Name => "FastBee";

        public override string CurrentVersion => "1.0";

        public override string NewVersion => "1.1";

        private string ProductId => Or(Settings.ProductId, ExampleProductId);

        private string DeviceNum => Or(Settings.DeviceNum, ExampleDeviceNum);

        private string Username => Or(Settings.Username, ExampleUsername);

        private string Password => Or(Settings.Password, ExamplePassword);

        public override string CheckArguments() => Settings.ClientId != null
            ? "--client-id does not apply to FastBee: the SDK builds it as S&deviceNum&productId&userId (set --device-num, --product-id, --user-id)"
            : null;

        public override string Describe() => "product " + ProductId + ", device " + DeviceNum + ", user " + Settings.UserId + ", MQTT account " + Username;

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
                FirmwareVersion = double.Parse(CurrentVersion, CultureInfo.InvariantCulture),
                SummaryJson = "{\"name\":\"IotDevice virtual device\",\"chip\":\"" + Settings.Board.Name + "\"}",
                Rssi = () => -52,
            };
            return new FastBeeDialect(options, endpoint.Http);
        }

        public override PlatformSimulator CreatePlatform(IMqttTransport transport) => new FastBeePlatform(transport, ProductId, DeviceNum);

        public override MqttConnectResult CheckConnect(MqttConnectOptions options) =>
            FastBeePlatform.CheckConnect(options, new FastBeeCredentials
            {
                ProductId = ProductId,
                DeviceNum = DeviceNum,
                UserId = Settings.UserId,
                Username = Username,
                MqttPassword = Password,
            }, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        public override string AnnounceTopic => "/" + ProductId + "/" + DeviceNum + "/info/post";

        // FastBee asks for the time itself right after info/post.
        public override void RequestTime(VirtualBoardDevice device)
        {
        }

        public override Func<bool> SendLedCommand(PlatformSimulator platform)
        {
            var fastBee = (FastBeePlatform)platform;
            _commandSentAt = fastBee.Messages.Length;
            fastBee.SendFunction("led", "1");
            // No reply topic in FastBee: the device confirms by reporting the value now in effect.
            return () =>
            {
                PlatformMessage[] all = fastBee.Messages;
                for (long i = _commandSentAt; i < all.Length; i++)
                {
                    if (all[i].Topic == fastBee.Prefix + "property/post" && all[i].Text.Contains("\"id\":\"led\",\"value\":\"1\"", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
                return false;
            };
        }

        public override void OfferUpdate(PlatformSimulator platform, VirtualBoardDevice device, FirmwareImage image, string url)
        {
            ((FastBeePlatform)platform).PushUpgrade(double.Parse(image.Version, CultureInfo.InvariantCulture), url, image.Md5Middle16);
        }

        public override bool UpdateConfirmed(PlatformSimulator platform)
        {
            var fastBee = (FastBeePlatform)platform;
            bool replied = fastBee.On(fastBee.Prefix + "upgrade/reply").Length > 0;
            PlatformMessage[] infos = fastBee.On(fastBee.Prefix + "info/post");
            return replied && infos.Length > 0 && infos[infos.Length - 1].Text.Contains("\"firmwareVersion\":" + NewVersion, StringComparison.Ordinal);
        }
    }
}
