using System;
using System.Linq;
using System.CommandLine;
using IotDevice.Dialects.Alink;
using IotDevice.VirtualDevice.Profiles;

namespace IotDevice.VirtualDevice.Cli
{
    /// <summary>
    /// Who the device is, on the command line: the same options name the device the virtual device plays
    /// and the device a local platform knows. The login variants (how the device signs in) only make sense
    /// for the device. Secrets may come from the environment instead, out of shell history and process lists.
    /// </summary>
    internal sealed class IdentityOptions
    {
        public const string PasswordVariable = "IOTDEVICE_PASSWORD";
        public const string DeviceSecretVariable = "IOTDEVICE_DEVICE_SECRET";
        public const string ProductSecretVariable = "IOTDEVICE_PRODUCT_SECRET";
        public const string AuthCodeVariable = "IOTDEVICE_AUTH_CODE";

        private readonly Option<string> _username = new Option<string>("--username") { Description = "MQTT user: FastBee's MQTT account, EZtCloud's device user (DU_…)." };
        private readonly Option<string> _password = new Option<string>("--password") { Description = "MQTT password (FastBee, EZtCloud); or set " + PasswordVariable + "." };
        private readonly Option<string> _productId = new Option<string>("--product-id") { Description = "FastBee product id. Default: " + FastBeeProfile.ExampleProductId + "." };
        private readonly Option<string> _deviceNum = new Option<string>("--device-num") { Description = "FastBee device number. Default: " + FastBeeProfile.ExampleDeviceNum + "." };
        private readonly Option<long> _userId = new Option<long>("--user-id") { Description = "FastBee owner user id.", DefaultValueFactory = _ => 1 };
        private readonly Option<string> _productSecret = new Option<string>("--product-secret") { Description = "FastBee product secret (16 characters), the key of encrypted passwords; or set " + ProductSecretVariable + "." };
        private readonly Option<string> _authCode = new Option<string>("--auth-code") { Description = "FastBee device authorization code, when the product uses them; or set " + AuthCodeVariable + "." };
        private readonly Option<string> _productKey = new Option<string>("--product-key") { Description = "Alink ProductKey. Default: " + AlinkProfile.ExampleProductKey + "." };
        private readonly Option<string> _deviceName = new Option<string>("--device-name") { Description = "Alink DeviceName. Default: " + AlinkProfile.ExampleDeviceName + "." };
        private readonly Option<string> _deviceSecret = new Option<string>("--device-secret") { Description = "Alink DeviceSecret; or set " + DeviceSecretVariable + "." };

        // How the device logs in (device side only).
        private readonly Option<string> _clientId = new Option<string>("--client-id") { Description = "MQTT client id (Alink: the id before |…|; EZtCloud); FastBee builds its own." };
        private readonly Option<string> _signMethod = new Option<string>("--sign-method") { Description = "Alink: the HMAC the password is signed with: hmacsha256 (default), hmacsha1 or hmacmd5." };
        private readonly Option<long?> _timestamp = new Option<long?>("--timestamp") { Description = "Alink: the signed timestamp in ms (0 leaves it out of the client id and the signature). Default: " + AlinkOptions.FixedTimestamp + "." };
        private readonly Option<bool> _encrypted = new Option<bool>("--encrypted") { Description = "FastBee: encrypted login (AES password with an expiry, needs the platform's time from --ntp-url)." };
        private readonly Option<string> _ntpUrl = new Option<string>("--ntp-url") { Description = "FastBee: the platform's HTTP time endpoint for --encrypted, e.g. http://host:8080/iot/tool/ntp." };

        private readonly bool _device;

        /// <param name="device">True for the device (adds the login variants), false for a platform that knows the device.</param>
        public IdentityOptions(bool device)
        {
            _device = device;
            _signMethod.AcceptOnlyFromAmong("hmacsha256", "hmacsha1", "hmacmd5");
        }

        public void AddTo(Command command)
        {
            Option[] identity = { _username, _password, _productId, _deviceNum, _userId, _productSecret, _authCode, _productKey, _deviceName, _deviceSecret };
            Option[] login = { _clientId, _encrypted, _ntpUrl, _signMethod, _timestamp };
            foreach (Option option in _device ? identity.Concat(login) : identity)
            {
                command.Options.Add(option);
            }
        }

        /// <summary>The identity (and login variant) given, secrets falling back to the environment.</summary>
        public RunSettings Read(ParseResult parse)
        {
            var settings = new RunSettings
            {
                Username = parse.GetValue(_username),
                Password = parse.GetValue(_password) ?? Environment.GetEnvironmentVariable(PasswordVariable),
                ProductId = parse.GetValue(_productId),
                DeviceNum = parse.GetValue(_deviceNum),
                UserId = parse.GetValue(_userId),
                ProductSecret = parse.GetValue(_productSecret) ?? Environment.GetEnvironmentVariable(ProductSecretVariable),
                AuthCode = parse.GetValue(_authCode) ?? Environment.GetEnvironmentVariable(AuthCodeVariable),
                ProductKey = parse.GetValue(_productKey),
                DeviceName = parse.GetValue(_deviceName),
                DeviceSecret = parse.GetValue(_deviceSecret) ?? Environment.GetEnvironmentVariable(DeviceSecretVariable),
            };
            if (_device)
            {
                settings.ClientId = parse.GetValue(_clientId);
                settings.SignMethod = parse.GetValue(_signMethod) switch
                {
                    "hmacsha256" => AlinkSignMethod.HmacSha256,
                    "hmacsha1" => AlinkSignMethod.HmacSha1,
                    "hmacmd5" => AlinkSignMethod.HmacMd5,
                    _ => null,
                };
                settings.Timestamp = parse.GetValue(_timestamp);
                settings.Encrypted = parse.GetValue(_encrypted);
                settings.NtpUrl = parse.GetValue(_ntpUrl);
            }
            return settings;
        }
    }
}
