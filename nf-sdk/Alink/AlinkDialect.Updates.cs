using System;
using System.Text;
using IotDevice.Client;
using IotDevice.Session;
using IotDevice.Topics;
using IotDevice.Transport;

namespace IotDevice.Dialects.Alink
{
    /// <summary>How an offered update goes, told to the platform: OTA progress and inform, config push_reply.</summary>
    public sealed partial class AlinkDialect
    {
        /// <summary>
        /// Firmware: Downloading → progress step 1–100; Verified → step 100; Failed/DownloadFailed/
        /// VerifyFailed/ApplyFailed → step −1/−2/−3/−4 with <paramref name="detail"/> as desc; Succeeded →
        /// a version inform with the offer's version (the platform judges success by it), which also
        /// becomes the version informed after later connects. Config: the <c>push_reply</c> of a pushed
        /// config, once, on the verdict (200 for Succeeded — verified and taken by the app — 460 VerifyFailed, 400 other
        /// failures); nothing for Downloading or for a config that came from a get.
        /// </summary>
        SendResult IDeviceDialect.ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            if (offer == null)
            {
                throw new ArgumentException("ReportUpdate needs the offer it reports on.");
            }
            RequireAttached();
            if (offer.Kind == UpdateKind.Config)
            {
                return ReportConfig(offer, status, detail);
            }
            if (status == UpdateStatus.Succeeded)
            {
                if (offer.Version == null || offer.Version.Length == 0)
                {
                    throw new ArgumentException("A succeeded update needs the offer's version to inform.");
                }
                if (offer.Module == _options.Module)
                {
                    lock (_sendSync)
                    {
                        _firmwareVersion = offer.Version;
                    }
                }
                return SendInform(offer.Version, offer.Module, false);
            }
            int step = AlinkEncoder.ProgressStep(status, percent);
            if (step == 0)
            {
                throw new ArgumentException("Unknown update status.");
            }
            lock (_sendSync)
            {
                AlinkEncoder.WriteOtaProgress(_writer, _ids.Next(), step, detail != null ? detail : UpdateStatusText.Describe(status), offer.Module);
                return SendPlain(_table.Get(TopicKind.OtaProgress), MqttQos.AtMostOnce);
            }
        }

        private SendResult ReportConfig(UpdateOffer offer, UpdateStatus status, string detail)
        {
            // The push_reply is the verdict: it waits until the config is verified AND the app took it
            // (Succeeded), or until it failed; download progress and Verified alone say nothing yet.
            if (status == UpdateStatus.Downloading || status == UpdateStatus.Verified)
            {
                return SendResult.Accepted;
            }
            if (!_configPushes.Take(offer))
            {
                _host.Write("config " + offer.ConfigId + ": no push waits for an answer (fetched, or already answered)");
                return SendResult.Accepted;
            }
            long code = status == UpdateStatus.Succeeded ? AlinkCodes.Ok
                : status == UpdateStatus.VerifyFailed ? AlinkCodes.InvalidParameters : AlinkCodes.DeviceError;
            byte[] rawId = Encoding.UTF8.GetBytes(offer.CorrelationId);
            lock (_sendSync)
            {
                AlinkEncoder.WriteReply(_writer, rawId, 0, rawId.Length, code, detail != null ? detail : UpdateStatusText.Describe(status), null);
                return SendPlain(_table.Get(TopicKind.ConfigPushReply), _options.PublishQos);
            }
        }
    }
}
