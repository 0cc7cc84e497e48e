using System;
using System.Text.Json;
using IotDevice.Boards;
using IotDevice.Client;
using IotDevice.Dialects;
using IotDevice.Platforms;
using IotDevice.Platforms.Http;
using IotDevice.Platforms.Login;
using IotDevice.Transport;
using IotDevice.VirtualDevice.Cli;
using IotDevice.VirtualDevice.Device;

namespace IotDevice.VirtualDevice.Profiles
{
    /// <summary>
    /// One dialect as the virtual device plays it, from both ends: how the SDK is configured (identity and
    /// login variant from the command line, or the documentation's examples), and what the platform does —
    /// its login check, what announces the device, how a property is set, a command called, firmware offered
    /// and a config pushed, and how the platform learns each was done. The built-in conversation and the
    /// local platform (simulate mode) both play the platform through these.
    /// </summary>
    internal abstract class DialectProfile
    {
        protected DialectProfile(RunSettings settings)
        {
            Settings = settings;
        }

        public abstract string Name { get; }

        /// <summary>The dialect's name on the command line.</summary>
        public abstract string Key { get; }

        public abstract string CurrentVersion { get; }

        public abstract string NewVersion { get; }

        protected RunSettings Settings { get; }

        /// <summary>A command-line problem particular to this dialect (e.g. an option it cannot use), or null.</summary>
        public virtual string CheckArguments() => null;

        public abstract IDeviceDialect CreateDialect(DeviceEndpoint endpoint);

        /// <summary>Who the device says it is, for the opening line (never a secret).</summary>
        public abstract string Describe();

        /// <summary>The logins the platform takes from this device, for the local platform's opening lines (never a secret).</summary>
        public abstract string LoginsAccepted { get; }

        /// <summary>The identity options that make the virtual device this device (no secrets), for the local platform's hint.</summary>
        public abstract string DeviceArguments();

        public abstract PlatformSimulator CreatePlatform(IMqttTransport transport);

        /// <summary>The platform's check of a CONNECT (credentials, client id), with its CONNACK code.</summary>
        public abstract LoginVerdict CheckLogin(MqttConnectOptions options);

        /// <summary>Whether a new login of the device closes its earlier connection (Alibaba and FastBee: yes).</summary>
        public virtual bool OneConnectionPerDevice => true;

        /// <summary>The topic of the message that tells the platform the device is there.</summary>
        public abstract string AnnounceTopic { get; }

        /// <summary>The topic property reports arrive on.</summary>
        public abstract string ReportTopic { get; }

        /// <summary>False where the dialect has no time exchange (EZtCloud).</summary>
        public virtual bool HasTimeSync => true;

        /// <summary>Asks for the time if the dialect does not do so on connecting.</summary>
        public virtual void RequestTime(VirtualBoardDevice device) => device.Client.RequestTime();

        /// <summary>The platform's HTTP endpoint besides the files (FastBee's time), or null.</summary>
        public virtual string HttpRoute => null;

        /// <summary>The answer of <see cref="HttpRoute"/> to a query string; null for a bad query.</summary>
        public virtual string AnswerHttp(PlatformSimulator platform, string query) => null;

        /// <summary>Sets a property the platform's way; the returned check is true once the device confirmed it.</summary>
        public abstract Func<bool> SetProperty(PlatformSimulator platform, string identifier, string value);

        /// <summary>Calls a service or command the platform's way; the check is true once the device answered.</summary>
        public abstract Func<bool> CallCommand(PlatformSimulator platform, string identifier, string parameters);

        /// <summary>Sends "LED on" the platform's way; the returned check is true once the device answered.</summary>
        public Func<bool> SendLedCommand(PlatformSimulator platform) => CallCommand(platform, LedCommand.Identifier, LedOn);

        /// <summary>Why <paramref name="version"/> cannot be offered in this dialect, or null.</summary>
        public virtual string CheckVersion(string version) => null;

        /// <summary>Offers <paramref name="image"/>, served at <paramref name="url"/>, as the platform pushes it.</summary>
        public abstract void OfferFirmware(PlatformSimulator platform, FirmwareImage image, string url);

        /// <summary>Offers an update in the built-in conversation (by default: pushed).</summary>
        public virtual void OfferUpdate(PlatformSimulator platform, VirtualBoardDevice device, FirmwareImage image, string url) => OfferFirmware(platform, image, url);

        /// <summary>Pushes a remote config file served at <paramref name="url"/>; the check is true once the device answered. Null where the platform has none.</summary>
        public virtual Func<bool> PushConfig(PlatformSimulator platform, FirmwareImage file, string url) => null;

        /// <summary>True once the platform has seen the device report <paramref name="version"/>.</summary>
        public abstract bool UpdateConfirmed(PlatformSimulator platform, string version);

        /// <summary>The parameters of "LED on" in this dialect.</summary>
        protected virtual string LedOn => "{\"on\":true}";

        protected static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

        /// <summary>Text as a JSON value: itself when it is JSON (a number, true, an object, a quoted string), else a JSON string.</summary>
        protected static string JsonValue(string text)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                return text.Trim();
            }
            catch (JsonException)
            {
                return JsonSerializer.Serialize(text);
            }
        }

        /// <summary>
        /// A check, true once a message on <paramref name="topic"/> that <paramref name="match"/> accepts has
        /// arrived after this call (make it before sending what it answers). A payload the predicate cannot
        /// read does not match.
        /// </summary>
        protected static Func<bool> ArrivesLater(PlatformSimulator platform, string topic, Func<PlatformMessage, bool> match)
        {
            int from = platform.Messages.Length;
            return () =>
            {
                PlatformMessage[] all = platform.Messages;
                for (int i = from; i < all.Length; i++)
                {
                    if (all[i].Topic == topic && Matches(match, all[i]))
                    {
                        return true;
                    }
                }
                return false;
            };
        }

        /// <summary>True when the message's JSON <c>id</c> is <paramref name="id"/> (as a number or a string).</summary>
        protected static bool HasId(PlatformMessage message, string id) =>
            message.TryJson(out JsonElement root) && root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("id", out JsonElement value) && value.GetRawText().Trim('"') == id;

        private static bool Matches(Func<PlatformMessage, bool> match, PlatformMessage message)
        {
            try
            {
                return match(message);
            }
            catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is System.Collections.Generic.KeyNotFoundException)
            {
                return false;
            }
        }
    }
}
