using System;
using IotDevice.Client;
using IotDevice.Json;
using IotDevice.Session;

#pragma warning disable NF1015 // only ASCII hex digits are accepted

namespace IotDevice.Dialects.EztCloud
{
    /// <summary>
    /// OTA the EZtCloud way (docs/eztcloud.md §7): the device reports its version attribute and polls with
    /// the otaCheck event; the platform answers with the otaUpgrade command. The command is answered at
    /// once (<c>{"accepted":true|false}</c>) and its offer handed to the client. There is no progress
    /// topic: success is the new version attribute, failure an <c>otaResult</c> event.
    /// </summary>
    public sealed partial class EztCloudDialect
    {
        /// <summary>
        /// Downloading and Verified send nothing (no progress topic). Succeeded reports the version
        /// attribute (and makes it the version reported after each connect). A failure publishes
        /// <c>{"method":"otaResult","params":{"status":…,"module":…,"version":…,"detail":…,"id":…}}</c>,
        /// status being failed, downloadFailed, verifyFailed or applyFailed and id the command's id.
        /// </summary>
        SendResult IDeviceDialect.ReportUpdate(UpdateOffer offer, UpdateStatus status, int percent, string detail)
        {
            if (offer == null)
            {
                throw new ArgumentException("ReportUpdate needs the offer it reports on.");
            }
            IDialectHost session = Attached();
            string statusName = FailureName(status);
            if (status == UpdateStatus.Succeeded)
            {
                if (offer.Version == null)
                {
                    session.Write("update succeeded but the offer named no version; nothing to report");
                    return SendResult.Accepted;
                }
                lock (_sendLock)
                {
                    _firmwareVersion = offer.Version;
                }
                long id;
                return ((IDeviceDialect)this).ReportProperties(new PropertyReport(1).Add(_options.VersionAttribute, offer.Version), out id);
            }
            if (statusName == null)
            {
                // Downloading, Verified: the platform has nowhere to hear it.
                return SendResult.Accepted;
            }
            lock (_sendLock)
            {
                WriteOtaResult(statusName, offer, detail);
                return PublishEventLocked(session.Clock.NowMs, session.NewId());
            }
        }

        private static string FailureName(UpdateStatus status)
        {
            switch (status)
            {
                case UpdateStatus.Failed: return "failed";
                case UpdateStatus.DownloadFailed: return "downloadFailed";
                case UpdateStatus.VerifyFailed: return "verifyFailed";
                case UpdateStatus.ApplyFailed: return "applyFailed";
                default: return null;
            }
        }

        private void WriteOtaResult(string status, UpdateOffer offer, string detail)
        {
            _writer.Reset();
            _writer.BeginObject();
            _writer.WriteString("method", OtaResultMethod);
            _writer.WriteName("params");
            _writer.BeginObject();
            _writer.WriteString("status", status);
            if (offer.Module != null)
            {
                _writer.WriteString("module", offer.Module);
            }
            if (offer.Version != null)
            {
                _writer.WriteString("version", offer.Version);
            }
            if (detail != null)
            {
                _writer.WriteString("detail", detail);
            }
            if (offer.CorrelationId != null)
            {
                _writer.WriteName("id");
                if (EztCloudMessages.IsJson(offer.CorrelationId))
                {
                    byte[] raw = System.Text.Encoding.UTF8.GetBytes(offer.CorrelationId);
                    _writer.WriteRawValue(raw, 0, raw.Length);
                }
                else
                {
                    _writer.WriteString(offer.CorrelationId);
                }
            }
            _writer.EndObject();
            _writer.EndObject();
        }

        private void OnOtaUpgrade(IDialectHost session, string topic, JsonElement method, JsonElement parameters, JsonElement id)
        {
            Counters.AddCommand(true);
            string problem;
            bool pending;
            UpdateOffer offer = ReadOffer(parameters, id, out pending, out problem);
            if (problem != null)
            {
                Inbound.RejectShape(session, topic, "otaUpgrade: " + problem);
                ReplyOta(method, id, false, problem);
                return;
            }
            if (!pending)
            {
                session.Write("OTA: no update pending for module '" + offer.Module + "'");
                ReplyOta(method, id, false, null);
                NoUpdateHandler handler = NoUpdatePending;
                if (handler != null)
                {
                    try
                    {
                        handler(offer.Module, offer.Version);
                    }
                    catch (Exception e)
                    {
                        session.Write("no-update handler failed: " + e.Message);
                    }
                }
                return;
            }
            ReplyOta(method, id, true, null);
            Counters.AddUpdateOffer();
            _host.OfferUpdate(offer);
        }

        // {"method":"otaUpgrade","params":{"accepted":…[,"error":…]},"id":…}
        private void ReplyOta(JsonElement method, JsonElement id, bool accepted, string error)
        {
            lock (_sendLock)
            {
                _writer.Reset();
                _writer.BeginObject();
                _writer.WriteName("method");
                _writer.WriteRawValue(method.Buffer, method.Start, method.Length);
                _writer.WriteName("params");
                _writer.BeginObject();
                _writer.WriteBoolean("accepted", accepted);
                if (error != null)
                {
                    _writer.WriteString("error", error);
                }
                _writer.EndObject();
                if (id.Kind == JsonKind.String || id.Kind == JsonKind.Number)
                {
                    _writer.WriteName("id");
                    _writer.WriteRawValue(id.Buffer, id.Start, id.Length);
                }
                _writer.EndObject();
                PublishReplyLocked();
            }
        }

        // params: module, upgrade, version, url, size, md5 (unknown fields such as command_name are ignored).
        private static UpdateOffer ReadOffer(JsonElement parameters, JsonElement id, out bool pending, out string problem)
        {
            pending = false;
            problem = null;
            if (parameters.Kind != JsonKind.Object)
            {
                problem = "params missing";
                return null;
            }
            UpdateOffer offer = new UpdateOffer();
            offer.Kind = UpdateKind.Firmware;
            offer.Module = EztCloudMessages.Text(parameters.Get("module"));
            offer.Version = EztCloudMessages.Text(parameters.Get("version"));
            offer.CorrelationId = id.Kind == JsonKind.String || id.Kind == JsonKind.Number ? id.GetRawText() : null;
            JsonElement upgrade = parameters.Get("upgrade");
            pending = true;
            if (upgrade.Exists && !upgrade.TryGetBoolean(out pending))
            {
                problem = "upgrade is not a boolean";
                return null;
            }
            if (!pending)
            {
                return offer;
            }
            JsonElement url = parameters.Get("url");
            string text = url.Kind == JsonKind.String ? url.GetString() : null;
            int scheme = text == null ? 0 : StartsWithIgnoreCase(text, "http://") ? 7 : StartsWithIgnoreCase(text, "https://") ? 8 : 0;
            if (scheme == 0 || text.Length <= scheme)
            {
                problem = "url missing or not http(s)";
                return null;
            }
            offer.Url = text;
            JsonElement size = parameters.Get("size");
            long bytes = 0;
            if (size.Exists && (!size.TryGetInt64(out bytes) || bytes < 0))
            {
                problem = "size is not a byte count";
                return null;
            }
            offer.Size = bytes;
            JsonElement md5 = parameters.Get("md5");
            if (md5.Exists)
            {
                string digest = md5.Kind == JsonKind.String ? md5.GetString() : null;
                if (digest == null || !IsHex(digest, 32))
                {
                    problem = "md5 is not 32 hex digits";
                    return null;
                }
                offer.DigestMethod = DigestMethod.Md5;
                offer.Digest = digest;
            }
            return offer;
        }

        private static bool StartsWithIgnoreCase(string text, string prefix)
        {
            return text.Length >= prefix.Length && text.Substring(0, prefix.Length).ToLower() == prefix;
        }

        private static bool IsHex(string text, int length)
        {
            if (text.Length != length)
            {
                return false;
            }
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
