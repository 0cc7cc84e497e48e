using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;
using IotDevice.Topics;

namespace IotDevice.Dialects.FastBee
{
    /// <summary>OTA: pushes on upgrade/get and ota/get become offers; the outcome goes back on upgrade/reply.</summary>
    public sealed partial class FastBeeDialect
    {
        /// <summary>upgrade/reply codes: 200 is success for FastBee; the failure codes are the SDK's own, one per failure.</summary>
        public const int UpgradeOk = 200;
        public const int UpgradeFailed = 500;
        public const int UpgradeDownloadFailed = 501;
        public const int UpgradeVerifyFailed = 502;
        public const int UpgradeApplyFailed = 503;

        /// <summary>
        /// upgrade/reply <c>{"messageId":…,"code":…,"msg":…}</c> for offers that carried a messageId: 200 once
        /// Succeeded (not Verified: the install may still fail), 500–503 for the failures; progress is not sent (FastBee would read any
        /// other code as failure). Succeeded also makes the offer's version the reported firmware version and
        /// publishes info/post, which is all the old ota/get shape has for an answer.
        /// </summary>
        SendResult IDeviceDialect.ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            if (offer == null)
            {
                throw new ArgumentException("ReportUpdate needs the offer it reports on.");
            }
            IDialectHost session = RequireSession();
            SendResult result = SendResult.Accepted;
            int code = UpgradeCode(status);
            if (code != 0 && offer.CorrelationId != null)
            {
                lock (_send)
                {
                    _writer.Reset();
                    FastBeeMessages.WriteUpgradeReply(_writer, offer.CorrelationId, code, detail != null ? detail : UpgradeText(status));
                    result = Send(session, TopicKind.OtaReply);
                }
            }
            if (status == UpdateStatus.Succeeded)
            {
                double version;
                if (TryParseVersion(offer.Version, out version))
                {
                    FirmwareVersion = version;
                }
                SendResult info = PublishInfo();
                if (offer.CorrelationId == null)
                {
                    result = info;
                }
            }
            return result;
        }

        // upgrade/get (new) or ota/get (old): either shape on either topic.
        private void OnUpdatePush(IDialectHost session, string topic, byte[] payload)
        {
            JsonElement root = Inbound.ReadJson(session, topic, payload);
            if (root.Kind == JsonKind.Invalid)
            {
                return;
            }
            if (root.Kind == JsonKind.None)
            {
                session.Write("FastBee: empty OTA push on '" + topic + "': no data, nothing to do");
                return;
            }
            string problem;
            UpdateOffer offer = FastBeeOtaPush.Parse(root, out problem);
            if (offer == null)
            {
                Inbound.RejectShape(session, topic, "OTA push: " + problem);
                return;
            }
            session.Write("FastBee: firmware " + (offer.Version == null ? "(no version)" : offer.Version) + " offered"
                + (offer.CorrelationId == null ? " (no messageId: no upgrade/reply)" : ", messageId " + offer.CorrelationId));
            _host.OfferUpdate(offer);
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
                    return UpgradeOk;
                case UpdateStatus.DownloadFailed:
                    return UpgradeDownloadFailed;
                case UpdateStatus.VerifyFailed:
                    return UpgradeVerifyFailed;
                case UpdateStatus.ApplyFailed:
                    return UpgradeApplyFailed;
                case UpdateStatus.Failed:
                    return UpgradeFailed;
                default:
                    return 0;
            }
        }

        // FastBee's own word for success; the rest as every dialect says it.
        private static string UpgradeText(UpdateStatus status)
        {
            return status == UpdateStatus.Succeeded ? "success" : UpdateStatusText.Describe(status);
        }
    }
}
