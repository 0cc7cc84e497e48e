using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>
    /// OTA (docs/fastbee.md §7): pushes on upgrade/get (new) and ota/get (old), either shape on either
    /// topic, become offers; the final verdict goes back on upgrade/reply when the offer had a messageId.
    /// Nothing is kept between the two: the offer carries its messageId.
    /// </summary>
    internal static class FastBeeUpdates
    {
        public static void OnPush(FastBeeUplinks uplinks, string topic, byte[] payload)
        {
            IDialectHost host = uplinks.Host;
            JsonElement root = FastBeeDownlinks.Read(host, topic, payload, "OTA push");
            if (!root.Exists)
            {
                return;
            }
            string problem;
            UpdateOffer offer = FastBeeOtaPush.Parse(root, out problem);
            if (offer == null)
            {
                Inbound.RejectShape(host, topic, "OTA push: " + problem);
                return;
            }
            host.Write("firmware " + (offer.Version == null ? "(no version)" : offer.Version) + " offered"
                + (offer.CorrelationId == null ? " (no messageId: no upgrade/reply)" : ", messageId " + offer.CorrelationId));
            host.OfferUpdate(offer);
        }

        /// <summary>
        /// upgrade/reply <c>{"messageId":…,"code":…,"msg":…}</c> for offers that carried a messageId: 200 once
        /// Succeeded (not Verified: the install may still fail), 500–503 for the failures; progress is not
        /// sent (FastBee would read any other code as failure). Succeeded also makes the offer's version the
        /// reported firmware version and publishes info/post, which is all the old ota/get shape has for an answer.
        /// </summary>
        public static SendResult ReportUpdate(FastBeeUplinks uplinks, UpdateOffer offer, UpdateStatus status, string detail)
        {
            if (offer == null)
            {
                throw new ArgumentException("ReportUpdate needs the offer it reports on.");
            }
            SendResult result = SendResult.Accepted;
            int code = UpgradeCode(status);
            if (code != 0 && offer.CorrelationId != null)
            {
                if (detail == null)
                {
                    // FastBee's own word for success; the rest as every dialect says it.
                    detail = status == UpdateStatus.Succeeded ? "success" : UpdateStatusText.Describe(status);
                }
                result = uplinks.UpgradeReply(offer.CorrelationId, code, detail);
            }
            if (status == UpdateStatus.Succeeded)
            {
                double version;
                if (TryParseVersion(offer.Version, out version))
                {
                    uplinks.FirmwareVersion = version;
                }
                SendResult info = uplinks.Info(false);
                if (offer.CorrelationId == null)
                {
                    result = info;
                }
            }
            return result;
        }

        // A FastBee version is a decimal ("1.3"); read as JSON, so no culture can change the separator.
        private static bool TryParseVersion(string text, out double version)
        {
            version = 0;
            if (text == null || text.Length == 0 || text.Length > 32)
            {
                return false;
            }
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            JsonElement number = JsonReader.Parse(bytes, 0, bytes.Length, 1, bytes.Length);
            return number.Kind == JsonKind.Number && number.TryGetDouble(out version) && version >= 0;
        }

        // FastBee reads 200 as "done": only the final verdict gets a reply, never Verified (the app may
        // still fail to install) nor download progress.
        private static int UpgradeCode(UpdateStatus status)
        {
            switch (status)
            {
                case UpdateStatus.Succeeded:
                    return FastBeeDialect.UpgradeOk;
                case UpdateStatus.DownloadFailed:
                    return FastBeeDialect.UpgradeDownloadFailed;
                case UpdateStatus.VerifyFailed:
                    return FastBeeDialect.UpgradeVerifyFailed;
                case UpdateStatus.ApplyFailed:
                    return FastBeeDialect.UpgradeApplyFailed;
                case UpdateStatus.Failed:
                    return FastBeeDialect.UpgradeFailed;
                default:
                    return 0;
            }
        }
    }
}
