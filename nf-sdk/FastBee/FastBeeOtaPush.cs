using IotDevice.Client;
using IotDevice.Crypto;
using IotDevice.Json;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// Reads a FastBee OTA push into the SDK's <see cref="UpdateOffer"/> (docs/fastbee.md §7.1). Both shapes:
    /// old <c>ota/get</c> <c>{"version":1.1,"downloadUrl":"http://…"}</c> and the server's upgrade object
    /// <c>{"otaId":…,"otaUrl":…,"firmwareVersion":…,"seqNo":…,"signType":"16md5","signCode":…,"messageId":…}</c>,
    /// any mix of the two, numbers or strings. The messageId (raw JSON, to echo its type) becomes the
    /// CorrelationId that <c>upgrade/reply</c> answers; without it there is nothing to reply to.
    /// </summary>
    public static class FastBeeOtaPush
    {
        /// <summary>Longest URL accepted.</summary>
        public const int MaxUrlLength = 1024;

        /// <summary>Longest version or messageId text accepted.</summary>
        public const int MaxFieldLength = 128;

        /// <summary>The offer, or null with <paramref name="problem"/> saying why it cannot be used.</summary>
        public static UpdateOffer Parse(JsonElement root, out string problem)
        {
            problem = null;
            if (root.Kind != JsonKind.Object)
            {
                problem = "expected a JSON object";
                return null;
            }
            string url = Text(Either(root, "otaUrl", "downloadUrl"), MaxUrlLength);
            if (url == null)
            {
                problem = "no download URL (an \"otaUrl\" or \"downloadUrl\" string)";
                return null;
            }
            if (!(url.StartsWith("http://") || url.StartsWith("https://")))
            {
                problem = "the download URL is not an absolute http(s) URL";
                return null;
            }
            UpdateOffer offer = new UpdateOffer();
            offer.Kind = UpdateKind.Firmware;
            offer.Url = url;

            JsonElement version = Either(root, "firmwareVersion", "version");
            if (version.Exists)
            {
                // A number keeps its text (1.1 stays "1.1").
                offer.Version = version.Kind == JsonKind.Number ? version.GetRawText() : Text(version, MaxFieldLength);
                if (offer.Version == null)
                {
                    problem = "the version is neither a number nor a short string";
                    return null;
                }
            }

            JsonElement messageId = root.Get("messageId");
            if (messageId.Exists && messageId.Kind != JsonKind.Null)
            {
                if ((messageId.Kind != JsonKind.String && messageId.Kind != JsonKind.Number) || messageId.Length > MaxFieldLength)
                {
                    problem = "\"messageId\" is neither a number nor a short string";
                    return null;
                }
                offer.CorrelationId = messageId.GetRawText();
            }

            long size;
            if (Either(root, "size", "fileSize").TryGetInt64(out size) && size > 0)
            {
                offer.Size = size;
            }
            return ReadSignature(root, offer, out problem) ? offer : null;
        }

        /// <summary>signType (default "16md5") and signCode → DigestMethod and Digest, checked for shape.</summary>
        private static bool ReadSignature(JsonElement root, UpdateOffer offer, out string problem)
        {
            problem = null;
            JsonElement code = root.Get("signCode");
            if (!code.Exists || code.Kind == JsonKind.Null || (code.Kind == JsonKind.String && code.Length == 2))
            {
                offer.DigestMethod = DigestMethod.None;
                return true;
            }
            JsonElement type = root.Get("signType");
            DigestMethod method;
            int hexDigits;
            if (!type.Exists || type.Kind == JsonKind.Null || type.ValueEquals("16md5") || type.ValueEquals("16MD5"))
            {
                method = DigestMethod.Md5Middle16;
                hexDigits = 16;
            }
            else if (type.ValueEquals("md5") || type.ValueEquals("MD5") || type.ValueEquals("32md5"))
            {
                method = DigestMethod.Md5;
                hexDigits = 32;
            }
            else if (type.ValueEquals("sha256") || type.ValueEquals("SHA256") || type.ValueEquals("SHA-256"))
            {
                method = DigestMethod.Sha256;
                hexDigits = 64;
            }
            else
            {
                problem = "unsupported \"signType\"";
                return false;
            }
            string digest = code.Kind == JsonKind.String ? Text(code, 64) : null;
            byte[] bytes;
            if (digest == null || digest.Length != hexDigits || !Hex.TryParseHex(digest, out bytes))
            {
                problem = "\"signCode\" is not " + hexDigits.ToString() + " hex digits";
                return false;
            }
            offer.DigestMethod = method;
            offer.Digest = digest;
            return true;
        }

        private static JsonElement Either(JsonElement root, string first, string second)
        {
            JsonElement value = root.Get(first);
            return value.Exists && value.Kind != JsonKind.Null ? value : root.Get(second);
        }

        // A string's text, when it is one and not too long.
        private static string Text(JsonElement element, int maxLength)
        {
            if (element.Kind != JsonKind.String || element.Length > maxLength + 2)
            {
                return null;
            }
            string text = element.GetString().Trim();
            return text.Length == 0 ? null : text;
        }
    }
}
