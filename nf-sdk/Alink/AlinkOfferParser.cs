using IotDevice.Client;
using IotDevice.Json;

namespace IotDevice.Dialects.Alink
{
    /// <summary>
    /// Reads the platform's update descriptors into <see cref="UpdateOffer"/>s: the firmware fields of an
    /// OTA push or <c>firmware/get_reply</c> (docs/alink.md §4.11) and the config fields of <c>config/get_reply</c>
    /// and <c>config/push</c> (docs/alink.md §4.12). Liberal about JSON types (size as number or string, signMethod
    /// in any case), strict about what an update cannot go without (a url, a known digest method).
    /// </summary>
    public static class AlinkOfferParser
    {
        /// <summary>A firmware offer from <paramref name="data"/>, or null with the <paramref name="problem"/>.</summary>
        public static UpdateOffer ParseFirmware(JsonElement data, out string problem)
        {
            UpdateOffer offer = new UpdateOffer();
            offer.Kind = UpdateKind.Firmware;
            if (!ReadCommon(data, offer, out problem))
            {
                return null;
            }
            offer.Version = Text(data.Get("version"));
            if (offer.Version == null || offer.Version.Length == 0)
            {
                problem = "firmware offer without a version";
                return null;
            }
            offer.Module = Text(data.Get("module"));
            JsonElement diff = data.Get("isDiff");
            long diffNumber;
            bool diffFlag;
            offer.IsDiff = (diff.TryGetInt64(out diffNumber) && diffNumber == 1) || (diff.TryGetBoolean(out diffFlag) && diffFlag);

            // Md5 offers carry the digest in both md5 and sign; prefer md5, as the C SDK does.
            string md5 = Text(data.Get("md5"));
            string sign = Text(data.Get("sign"));
            JsonElement method = data.Get("signMethod");
            if (method.Exists)
            {
                if (!ReadMethod(method, offer, out problem))
                {
                    return null;
                }
            }
            else if (md5 != null)
            {
                offer.DigestMethod = DigestMethod.Md5;
            }
            if (offer.DigestMethod == DigestMethod.Md5)
            {
                offer.Digest = md5 != null ? md5 : sign;
            }
            else if (offer.DigestMethod == DigestMethod.Sha256)
            {
                offer.Digest = sign;
            }
            if (offer.DigestMethod != DigestMethod.None && (offer.Digest == null || offer.Digest.Length == 0))
            {
                problem = "firmware offer without its digest";
                return null;
            }
            return offer;
        }

        /// <summary>A config offer from <paramref name="data"/> (configId, configSize, sign, signMethod, url), or null with the <paramref name="problem"/>.</summary>
        public static UpdateOffer ParseConfig(JsonElement data, out string problem)
        {
            UpdateOffer offer = new UpdateOffer();
            offer.Kind = UpdateKind.Config;
            if (!ReadCommon(data, offer, out problem))
            {
                return null;
            }
            offer.ConfigId = Text(data.Get("configId"));
            if (offer.ConfigId == null || offer.ConfigId.Length == 0)
            {
                problem = "config offer without a configId";
                return null;
            }
            // docs/alink.md §4.12: Sha256 is the only method; a missing one means Sha256.
            JsonElement method = data.Get("signMethod");
            offer.DigestMethod = DigestMethod.Sha256;
            if (method.Exists && !ReadMethod(method, offer, out problem))
            {
                return null;
            }
            offer.Digest = Text(data.Get("sign"));
            if (offer.Digest == null || offer.Digest.Length == 0)
            {
                problem = "config offer without its sign";
                return null;
            }
            return offer;
        }

        private static bool ReadCommon(JsonElement data, UpdateOffer offer, out string problem)
        {
            problem = null;
            if (data.Kind != JsonKind.Object)
            {
                problem = "update descriptor is not an object";
                return false;
            }
            JsonElement url = data.Get("url");
            if (url.Kind != JsonKind.String || url.Length <= 2)
            {
                problem = "update descriptor without a url";
                return false;
            }
            offer.Url = url.GetString();
            JsonElement size = data.Get(offer.Kind == UpdateKind.Config ? "configSize" : "size");
            long bytes = 0;
            if (size.Exists && (!size.TryGetInt64(out bytes) || bytes < 0))
            {
                problem = "update size is not a non-negative integer";
                return false;
            }
            offer.Size = bytes;
            return true;
        }

        private static bool ReadMethod(JsonElement method, UpdateOffer offer, out string problem)
        {
            problem = null;
            string name = method.Kind == JsonKind.String ? method.GetString().ToLower() : null;
            if (name == "md5")
            {
                offer.DigestMethod = DigestMethod.Md5;
                return true;
            }
            if (name == "sha256")
            {
                offer.DigestMethod = DigestMethod.Sha256;
                return true;
            }
            problem = "unknown signMethod (Md5 or SHA256 expected)";
            return false;
        }

        // A string's text or a number's digits; null for anything else.
        private static string Text(JsonElement value)
        {
            return value.Kind == JsonKind.String || value.Kind == JsonKind.Number ? value.GetString() : null;
        }
    }
}
