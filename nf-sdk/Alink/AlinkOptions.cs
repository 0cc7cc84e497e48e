using System;
using IotDevice.Transport;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// How an Alibaba Cloud IoT device connects and behaves. Set the triple (ProductKey, DeviceName,
    /// DeviceSecret) and Host; everything else has the official SDKs' defaults. <see cref="Validate"/>
    /// (called by the dialect's constructor) refuses what the platform would refuse, before any connect.
    /// </summary>
    public sealed class AlinkOptions
    {
        /// <summary>The fixed timestamp the official C SDK signs (year 2050): the platform does not check freshness.</summary>
        public const long FixedTimestamp = 2524608000000;

        public AlinkOptions()
        {
            Port = 1883;
            UseTls = true;
            SignMethod = AlinkSignMethod.HmacSha256;
            Timestamp = FixedTimestamp;
            KeepAliveSeconds = 60;
            ConfigOnConnect = true;
            FirstMessageId = 1;
            PublishQos = MqttQos.AtMostOnce;
        }

        /// <summary>The MQTT endpoint, e.g. <see cref="PublicHost"/> or an enterprise instance's endpoint.</summary>
        public string Host;

        public int Port;

        /// <summary>TLS (<c>securemode=2</c>, needs <see cref="CaCertificatePem"/>) or plain TCP (<c>securemode=3</c>).</summary>
        public bool UseTls;

        public string CaCertificatePem;

        public string ProductKey;

        public string DeviceName;

        /// <summary>Signs the password; never sent, logged or put into an exception message.</summary>
        public string DeviceSecret;

        /// <summary>Up to 64 characters; null means <c>{productKey}.{deviceName}</c> as the C SDK does.</summary>
        public string ClientId;

        public AlinkSignMethod SignMethod;

        /// <summary>The signed timestamp (ms); 0 leaves it out of the client id and the signature.</summary>
        public long Timestamp;

        /// <summary>30–1200 s, or the platform refuses the connection.</summary>
        public int KeepAliveSeconds;

        /// <summary>False (default) keeps the session, so QoS 1 pushes made while offline still arrive.</summary>
        public bool CleanSession;

        /// <summary>The running firmware's version: reported after every connect, which also asks for a pending update.</summary>
        public string FirmwareVersion;

        /// <summary>The OTA module of <see cref="FirmwareVersion"/> (e.g. "MCU"); null for the default module.</summary>
        public string Module;

        /// <summary>Ask for the remote configuration after every connect.</summary>
        public bool ConfigOnConnect;

        /// <summary>Subscribe to synchronous service calls (<c>rrpc/request/+</c>).</summary>
        public bool RrpcEnabled;

        /// <summary>The first uplink message id; seed it (e.g. from flash) so ids stay unique across reboots.</summary>
        public long FirstMessageId;

        /// <summary>
        /// QoS of Alink uplinks and replies (QoS 2 does not exist on the platform). Default QoS 0: each
        /// request's reply acknowledges it either way; QoS 1 also keeps reports made while offline in the
        /// outbox (docs/alink.md §4.1).
        /// </summary>
        public MqttQos PublishQos;

        /// <summary>The public instance's endpoint: <c>{productKey}.iot-as-mqtt.{regionId}.aliyuncs.com</c>.</summary>
        public static string PublicHost(string productKey, string regionId)
        {
            return productKey + ".iot-as-mqtt." + regionId + ".aliyuncs.com";
        }

        /// <summary>The client id before the <c>|…|</c> parameters.</summary>
        public string EffectiveClientId
        {
            get { return EffectiveClientIdOf(ClientId, ProductKey, DeviceName); }
        }

        internal static string EffectiveClientIdOf(string clientId, string productKey, string deviceName)
        {
            return clientId != null ? clientId : productKey + "." + deviceName;
        }

        /// <summary>Throws ArgumentException, naming the setting, for anything the platform or the SDK cannot use.</summary>
        public void Validate()
        {
            Require(ProductKey, "ProductKey");
            Require(DeviceName, "DeviceName");
            Require(Host, "Host");
            // Names the setting only: its value never reaches a message.
            Require(DeviceSecret, "DeviceSecret");
            if (ProductKey.IndexOf('&') >= 0 || DeviceName.IndexOf('&') >= 0)
            {
                throw new ArgumentException("ProductKey and DeviceName cannot contain '&'.");
            }
            string clientId = EffectiveClientId;
            if (clientId.Length == 0 || clientId.Length > 64)
            {
                throw new ArgumentException("ClientId must be 1 to 64 characters.");
            }
            if (clientId.IndexOf('|') >= 0 || clientId.IndexOf(',') >= 0 || clientId.IndexOf('=') >= 0)
            {
                throw new ArgumentException("ClientId cannot contain '|', ',' or '='.");
            }
            if (Port < 1 || Port > 65535)
            {
                throw new ArgumentException("Port must be 1 to 65535.");
            }
            if (KeepAliveSeconds < 30 || KeepAliveSeconds > 1200)
            {
                throw new ArgumentException("KeepAliveSeconds must be 30 to 1200.");
            }
            if (UseTls && (CaCertificatePem == null || CaCertificatePem.Length == 0))
            {
                throw new ArgumentException("UseTls needs CaCertificatePem.");
            }
            if (SignMethod != AlinkSignMethod.HmacSha256 && SignMethod != AlinkSignMethod.HmacSha1 && SignMethod != AlinkSignMethod.HmacMd5)
            {
                throw new ArgumentException("SignMethod must be HmacSha256, HmacSha1 or HmacMd5.");
            }
            if (Timestamp < 0)
            {
                throw new ArgumentException("Timestamp must be 0 (left out) or Unix milliseconds.");
            }
            if (PublishQos != MqttQos.AtMostOnce && PublishQos != MqttQos.AtLeastOnce)
            {
                // The platform takes QoS 0 and 1 only.
                throw new ArgumentException("PublishQos must be QoS 0 or 1.");
            }
            if (FirstMessageId < 0 || FirstMessageId > AlinkUplink.MaxMessageId)
            {
                throw new ArgumentException("FirstMessageId must be 0 to 4294967295.");
            }
            if (Module != null && Module.Length == 0)
            {
                throw new ArgumentException("Module must be null or a name.");
            }
        }

        private static void Require(string value, string name)
        {
            if (value == null || value.Length == 0)
            {
                throw new ArgumentException(name + " is required.");
            }
        }
    }
}
