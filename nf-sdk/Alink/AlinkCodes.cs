namespace IotDevice.Dialects.Alink
{
    /// <summary>Result codes of the Alink protocol (docs/alink.md §8).</summary>
    public static class AlinkCodes
    {
        /// <summary>Success.</summary>
        public const int Ok = 200;

        /// <summary>Internal error on the device.</summary>
        public const int DeviceError = 400;

        /// <summary>Too many requests, device busy.</summary>
        public const int Busy = 429;

        /// <summary>The request's parameters failed the device's validation.</summary>
        public const int InvalidParameters = 460;

        /// <summary>First code of the range reserved for a device's own errors.</summary>
        public const int DeviceCodeFirst = 100000;

        /// <summary>Last code of the range reserved for a device's own errors.</summary>
        public const int DeviceCodeLast = 110000;

        /// <summary>The older OTA push's success code (sent as the string "1000").</summary>
        public const int OtaPushSuccess = 1000;

        /// <summary>True for a code a device may send in a reply: 200, 400, 429, 460 or its own range.</summary>
        public static bool IsDeviceReplyCode(long code)
        {
            return code == Ok || code == DeviceError || code == Busy || code == InvalidParameters
                || (code >= DeviceCodeFirst && code <= DeviceCodeLast);
        }
    }
}
