using IotDevice.Client;
using IotDevice.Platforms;
using IotDevice.Platforms.Http;
using IotDevice.Transport;
using IotDevice.VirtualDevice.Cli;
using IotDevice.VirtualDevice.Device;

namespace IotDevice.VirtualDevice.Profiles
{
    /// <summary>
    /// One dialect as the virtual device plays it: how the SDK is configured (identity from the command
    /// line, or the documentation's examples), and the platform side of each step of the conversation —
    /// what announces the device, how the LED command is sent and answered, how an update is offered and
    /// how the platform learns it succeeded.
    /// </summary>
    internal abstract class DialectProfile
    {
        protected DialectProfile(RunSettings settings)
        {
            Settings = settings;
        }

        public abstract string Name { get; }

        public abstract string CurrentVersion { get; }

        public abstract string NewVersion { get; }

        protected RunSettings Settings { get; }

        /// <summary>A command-line problem particular to this dialect (e.g. an option it cannot use), or null.</summary>
        public virtual string CheckArguments() => null;

        public abstract IDeviceDialect CreateDialect(DeviceEndpoint endpoint);

        /// <summary>Who the device says it is, for the opening line (never a secret).</summary>
        public abstract string Describe();

        public abstract PlatformSimulator CreatePlatform(IMqttTransport transport);

        /// <summary>The platform's check of the device's CONNECT (credentials, client id).</summary>
        public abstract MqttConnectResult CheckConnect(MqttConnectOptions options);

        /// <summary>The topic of the message that tells the platform the device is there.</summary>
        public abstract string AnnounceTopic { get; }

        /// <summary>False where the dialect has no time exchange (EZtCloud).</summary>
        public virtual bool HasTimeSync => true;

        /// <summary>Asks for the time if the dialect does not do so on connecting.</summary>
        public virtual void RequestTime(VirtualBoardDevice device) => device.Client.RequestTime();

        /// <summary>Sends "LED on" the platform's way; the returned check is true once the device answered.</summary>
        public abstract System.Func<bool> SendLedCommand(PlatformSimulator platform);

        /// <summary>Offers <paramref name="image"/>, served at <paramref name="url"/>, the platform's way.</summary>
        public abstract void OfferUpdate(PlatformSimulator platform, VirtualBoardDevice device, FirmwareImage image, string url);

        /// <summary>True once the platform has seen the device report the new version.</summary>
        public abstract bool UpdateConfirmed(PlatformSimulator platform);

        protected static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
    }
}
